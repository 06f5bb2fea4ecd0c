import Foundation
import SpecDiff
import Testing

/// Reads the SARIF log with an independent implementation of the SARIF 2.1.0 object model,
/// Python's `sarif-pydantic`, when Python and the package are on the machine (CI installs it).
@Suite("diff: SARIF against sarif-pydantic")
struct SARIFOracleTests {
    /// `python3` from `PATH`.
    static let python: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin")
        .split(separator: ":")
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static var readerAvailable: Bool {
        guard let python else { return false }
        return (try? run(python, ["-c", "import sarif_pydantic"]))?.status == 0
    }

    @Test("a real diff's SARIF log loads, with every result's rule, level and both places",
          .enabled(if: readerAvailable, "python3 with sarif-pydantic is not installed (pip install sarif-pydantic)"))
    func loads() throws {
        let old = try SeedPage(service: "tencent-cbs", prefix: "003_")
        var new = old
        let create = try old.line(containing: "## /v1/tencent/disk/create")
        try new.replace("|否|", with: "|是|", onLine: try old.line(startingWith: "DiskName ", from: create))
        new.removeLine(try old.line(startingWith: "Region ", from: create))
        let changes = SpecDiff.changes(from: try old.spec(), to: try new.spec())
        let side = DiffReport.Side(label: "page", origin: "1 document extracted", service: "tencent-cbs", documentPaths: [old.name: "specs/tencent-cbs/docs/\(old.name)"])
        let report = DiffReport(old: side, new: side, changes: changes)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString).sarif")
        try report.sarif.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys
            import sarif_pydantic
            log = sarif_pydantic.load(sys.argv[1])
            assert log.version == "2.1.0", log.version
            run = log.runs[0]
            rules = [rule.id for rule in run.tool.driver.rules]
            for result in run.results:
                assert result.rule_id in rules, result.rule_id
                assert rules[result.rule_index] == result.rule_id
                for location in result.locations + result.related_locations:
                    assert location.physical_location.region.start_line >= 1
                    assert location.physical_location.artifact_location.uri.startswith("specs/tencent-cbs/docs/")
                print(result.rule_id, result.level.value)
            """
        let result = try Self.run(try #require(Self.python), ["-c", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        let expected = report.changes.map { "\($0.id) \($0.level == .breaking ? "error" : $0.level == .warning ? "warning" : "note")" }
        #expect(result.output.split(separator: "\n").map(String.init) == expected)
        #expect(expected.contains("request-property-became-required error"))
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
