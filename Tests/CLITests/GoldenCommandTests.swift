import Foundation
import Testing

/// `conformance golden` and `conformance lint` run as a user runs them.
@Suite("CLI: golden and lint")
struct GoldenCommandTests {
    /// A temporary project with `specs/` (for --root) and a copy of the committed `golden/`.
    private func project() throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("specs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.repositoryRoot.appendingPathComponent("specs/huawei-evs"), to: folder.appendingPathComponent("specs/huawei-evs"))
        try FileManager.default.copyItem(at: CommandRunner.repositoryRoot.appendingPathComponent("golden"), to: folder.appendingPathComponent("golden"))
        return folder
    }

    @Test("golden --check is green on the committed files")
    func checkGreen() throws {
        let result = try CommandRunner.run(["golden", "--check"])
        #expect(result.status == 0, "\(result.standardOutput.prefix(2000))\(result.standardError)")
    }

    @Test("golden --check exits 1 with a diff after a golden file is edited; a run restores it")
    func checkEdited() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("golden/huawei-evs/CreateVolume/request.full.json")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "\"size\": 10", with: "\"size\": 11").write(to: file, atomically: true, encoding: .utf8)
        let stale = folder.appendingPathComponent("golden/huawei-evs/NoLongerDocumented/request.min.json")
        try FileManager.default.createDirectory(at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "{}\n".write(to: stale, atomically: true, encoding: .utf8)

        let check = try CommandRunner.run(["golden", "--check", "--service", "huawei-evs", "--root", folder.path])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("-    \"size\": 11,"))
        #expect(check.standardOutput.contains("+    \"size\": 10,"))
        #expect(check.standardOutput.contains("golden/huawei-evs/NoLongerDocumented/request.min.json"))
        #expect(check.standardError.contains("2 generated files differ"))

        let write = try CommandRunner.run(["golden", "--service", "huawei-evs", "--root", folder.path])
        #expect(write.status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(!FileManager.default.fileExists(atPath: stale.deletingLastPathComponent().path))
        #expect(try CommandRunner.run(["golden", "--check", "--service", "huawei-evs", "--root", folder.path]).status == 0)
    }

    @Test("golden with an unknown service is a usage error")
    func unknownService() throws {
        let result = try CommandRunner.run(["golden", "--service", "nope", "--check"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--service nope"))
    }

    @Test("lint --format sarif prints SARIF 2.1.0 with rules, results and doc locations; exit 0")
    func lintSARIF() throws {
        let result = try CommandRunner.run(["lint", "--format", "sarif"])
        #expect(result.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [[String: Any]])?.isEmpty == false)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        let first = try #require(results.first)
        #expect(first["ruleId"] is String)
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri.hasPrefix("specs/") && uri.contains("/docs/"))
        #expect(((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0) >= 1)
    }

    @Test("lint --strict exits 1 on error-level findings; text names document and line")
    func lintStrict() throws {
        let result = try CommandRunner.run(["lint", "--service", "tencent-cbs", "--strict"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("specs/tencent-cbs/docs/003_eb9ea89fe6aeb710.txt:"))
        #expect(result.standardOutput.contains("[example.missing-field]"))
    }
}
