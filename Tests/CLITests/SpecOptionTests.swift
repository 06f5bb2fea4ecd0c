import Foundation
import Testing

/// `--spec PATH`: a page tried with `extract --doc` is used at once, without adding it to a
/// service and rebuilding (issue 17).
@Suite("CLI: --spec")
struct SpecOptionTests {
    static let page = CommandRunner.repositoryRoot.appendingPathComponent("Tests/DocExtractionTests/Fixtures/evs-create-volume-page.md")

    /// `extract --doc` of the create-volume page into `folder/page.json` (service `documents`).
    static func extractPage(into folder: URL) throws -> URL {
        let output = folder.appendingPathComponent("page.json")
        let result = try CommandRunner.run(["extract", "--doc", page.path, "--output", output.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        return output
    }

    @Test("validate --spec routes traffic to the page's operation and checks it against the page's table")
    func validate() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try Self.extractPage(into: folder)
        // The page's volume table types size as Integer; the body sends a string.
        let traffic = folder.appendingPathComponent("traffic.jsonl")
        let line = #"{"request": {"method": "POST", "url": "https://evs.example.com/v2.1/0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c/cloudvolumes", "headers": [{"name": "Content-Type", "value": "application/json"}, {"name": "X-Auth-Token", "value": "t"}], "body": "{\"volume\": {\"availability_zone\": \"az-1\", \"size\": \"ten\", \"volume_type\": \"SATA\"}}"}, "response": {"status": 202}}"#
        try (line + "\n").write(to: traffic, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", "--spec", spec.path, "--service", "documents", "--format", "json", traffic.path])
        #expect(result.status == 1, "\(result.standardError)")
        let report = String(describing: try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)))
        #expect(report.contains("CreateCloudvolume"))
        #expect(report.contains("/volume/size"))
        #expect(report.contains("evs-create-volume-page.md"))
    }

    @Test("golden --spec --output writes the page's goldens outside any project; check --spec checks a body against it")
    func goldenAndCheck() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try Self.extractPage(into: folder)
        let output = folder.appendingPathComponent("golden")
        let golden = try CommandRunner.run(["golden", "--spec", spec.path, "--output", output.path], in: folder)
        #expect(golden.status == 0, "\(golden.standardError)")
        let minimal = output.appendingPathComponent("documents/CreateCloudvolume/request.min.json")
        #expect(FileManager.default.fileExists(atPath: minimal.path))
        let check = try CommandRunner.run(["check", "--spec", spec.path, "--operation", "documents/CreateCloudvolume", minimal.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }

    @Test("a --spec that is missing or not a spec is one line and exit 2", arguments: ["/nonexistent/spec.json", "README.md"])
    func badSpec(path: String) throws {
        let result = try CommandRunner.run(["validate", "--spec", path, "golden/baidu-bcc/examples.jsonl"])
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("--spec \(path)") || result.standardError.contains("\(path): not a spec"))
    }
}
