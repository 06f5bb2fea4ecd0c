import Foundation
import Testing

/// Cross-checks the exports with a well-known independent validator, Python's
/// `openapi-spec-validator`, installed by `.ci/run` into `.build/oracles-venv`.
///
/// Under `CI=true` the oracle must run: a missing venv fails the test instead of skipping it.
/// Run by hand without the venv, the test is skipped with the command that installs it.
@Suite("OpenAPI export against openapi-spec-validator")
struct OpenAPIValidatorTests {
    /// The Python of the oracles' virtual environment.
    static let python = Repository.root.appendingPathComponent(".build/oracles-venv/bin/python")
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static var validatorAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: python.path)
            && (try? run(python, ["-c", "import openapi_spec_validator"]))?.status == 0
    }

    @Test("each specs/*/openapi.json validates as OpenAPI 3.1",
          .enabled(if: inCI || validatorAvailable, "no .build/oracles-venv with openapi-spec-validator (bash .ci/run installs it)"))
    func validates() throws {
        try #require(Self.validatorAvailable, "CI=true: .build/oracles-venv/bin/python with openapi-spec-validator is required (.ci/run installs it)")
        for id in try Repository.serviceIDs() {
            let path = Repository.root.appendingPathComponent("specs/\(id)/openapi.json").path
            let script = """
                import json, sys
                from openapi_spec_validator import validate
                from openapi_spec_validator.validation import OpenAPIV31SpecValidator
                validate(json.load(open(sys.argv[1])), cls=OpenAPIV31SpecValidator)
                print("valid")
                """
            let result = try Self.run(Self.python, ["-c", script, path])
            #expect(result.status == 0 && result.output.contains("valid"), "\(id): \(result.output)")
        }
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
