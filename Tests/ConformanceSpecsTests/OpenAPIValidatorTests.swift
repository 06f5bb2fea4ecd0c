import Foundation
import Testing

/// Cross-checks the exports with a well-known independent validator, Python's
/// `openapi-spec-validator`, when Python and the package are on the machine (CI installs it).
@Suite("OpenAPI export against openapi-spec-validator")
struct OpenAPIValidatorTests {
    /// `python3` from `PATH`.
    static let python: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin")
        .split(separator: ":")
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static var validatorAvailable: Bool {
        guard let python else { return false }
        return (try? run(python, ["-c", "import openapi_spec_validator"]))?.status == 0
    }

    @Test("each specs/*/openapi.json validates as OpenAPI 3.1", .enabled(if: validatorAvailable, "python3 with openapi-spec-validator is not installed (pip install openapi-spec-validator)"))
    func validates() throws {
        let python = try #require(Self.python)
        for id in try Repository.serviceIDs() {
            let path = Repository.root.appendingPathComponent("specs/\(id)/openapi.json").path
            let script = """
                import json, sys
                from openapi_spec_validator import validate
                from openapi_spec_validator.validation import OpenAPIV31SpecValidator
                validate(json.load(open(sys.argv[1])), cls=OpenAPIV31SpecValidator)
                print("valid")
                """
            let result = try Self.run(python, ["-c", script, path])
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
