import ConformanceModel
import Foundation
import Testing

@Suite("conformance extract")
struct ExtractCommandTests {
    @Test("the committed spec.json files match a fresh extraction")
    func checkIsClean() throws {
        let result = try CommandRunner.run(["extract", "--check"])
        #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains("extract: 4 files, up to date"))
    }

    @Test("--check exits 1 and prints a diff when spec.json was edited")
    func checkFindsDifferences() throws {
        let root = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = CommandRunner.repositoryRoot.appendingPathComponent("specs/huawei-ecs")
        let target = root.appendingPathComponent("specs/huawei-ecs")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        let spec = target.appendingPathComponent("spec.json")
        let edited = try String(contentsOf: spec, encoding: .utf8).replacingOccurrences(of: "\"flavorRef\"", with: "\"flavourRef\"")
        try edited.write(to: spec, atomically: true, encoding: .utf8)

        let result = try CommandRunner.run(["extract", "--check", "--root", root.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("-      \"name\": \"flavourRef\"") || result.standardOutput.contains("flavourRef"))
        #expect(result.standardOutput.contains("+++ specs/huawei-ecs/spec.json (generated)"))
        #expect(result.standardError.contains("1 generated file differs (specs/huawei-ecs/spec.json)"))
    }

    @Test("--doc extracts a document outside specs/ and writes the JSON atomically")
    func extractDocument() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out/spec.json")
        let page = CommandRunner.repositoryRoot.appendingPathComponent("specs/huawei-ecs/docs/001_1fc498a6a1f050fa.txt")
        let result = try CommandRunner.run(["extract", "--doc", page.path, "--output", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        let spec = try CanonicalJSON.decode(ServiceSpec.self, from: String(contentsOf: output, encoding: .utf8))
        #expect(spec.operations.map(\.path) == ["/v1.1/{project_id}/cloudservers/{server_id}/resize"])
        // Nothing but the result is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["spec.json"])
    }

    @Test("bad usage and unreadable input exit 2 with one line that names the problem", arguments: [
        (["extract", "--no-such-flag"], "--no-such-flag"),
        (["extract", "--service", "nope"], "no such service"),
        (["extract", "--doc", "/nonexistent/page.md"], "/nonexistent/page.md"),
        (["extract", "--output", "x.json"], "--output goes with --doc"),
        (["frobnicate"], "frobnicate"),
    ])
    func badUsage(arguments: [String], mention: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("conformance: error:"))
        #expect(result.standardError.contains(mention))
    }

    @Test("a binary file given as a document is refused, not read")
    func binaryDocument() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF]).write(to: file)
        let result = try CommandRunner.run(["extract", "--doc", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("image.txt"))
    }

    @Test("--help explains the command")
    func help() throws {
        let result = try CommandRunner.run(["extract", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("--check"))
        #expect(result.standardOutput.contains("--doc"))
    }
}
