import Foundation
import Testing

/// `--version`, and the reports that name their producer carry the same version (issue 17:
/// SARIF's `tool.driver` had no version and a placeholder `informationUri`).
@Suite("CLI: --version")
struct VersionTests {
    static func version() throws -> String {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        let text = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        // Semantic versioning: three dot-separated numbers.
        #expect(text.split(separator: ".").count == 3 && text.split(separator: ".").allSatisfy { Int($0) != nil }, "\(text)")
        return text
    }

    @Test("lint's and diff's SARIF driver carry the version and no placeholder URI")
    func sarif() throws {
        let version = try Self.version()
        let result = try CommandRunner.run(["lint", "--service", "baidu-bcc", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let driver = try #require((((log["runs"] as? [[String: Any]])?.first?["tool"]) as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == version)
        #expect(driver["informationUri"] == nil)
    }

    @Test("validate's JUnit carries the version as a suite property")
    func junit() throws {
        let version = try Self.version()
        let result = try CommandRunner.run(["validate", "--format", "junit", "golden/baidu-bcc/examples.jsonl"])
        #expect(result.standardOutput.contains("<property name=\"conformance.version\" value=\"\(version)\"/>"), "\(result.standardOutput.prefix(600))")
    }
}
