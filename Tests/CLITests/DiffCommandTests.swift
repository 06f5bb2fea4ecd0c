import Foundation
import Testing

@Suite("conformance diff")
struct DiffCommandTests {
    @Test("a spec against itself: no changes, exit 0, in every format")
    func identical() throws {
        for format in ["text", "json", "markdown", "sarif"] {
            let result = try CommandRunner.run(["diff", "specs/baidu-bcc/spec.json", "specs/baidu-bcc", "--format", format, "--fail-on", "any"])
            #expect(result.status == 0, "\(format): \(result.standardError)")
        }
        let text = try CommandRunner.run(["diff", "specs/baidu-bcc/spec.json", "specs/baidu-bcc"])
        #expect(text.standardOutput.hasSuffix("no changes\n"))
    }

    @Test("REV:specs/huawei-evs against the working tree, in this repository")
    func revisionAgainstWorkingTree() throws {
        // A clean checkout has the committed spec.json in its working tree: no changes. (A stable
        // history with changes is made in SpecDiffTests' temporary repository.)
        let result = try CommandRunner.run(["diff", "HEAD:specs/huawei-evs", "specs/huawei-evs"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("OLD  HEAD:specs/huawei-evs (spec.json at HEAD)\nNEW  specs/huawei-evs (spec.json)\n"))
    }

    @Test("HEAD:specs/<service> against itself at the same revision")
    func revision() throws {
        let result = try CommandRunner.run(["diff", "HEAD:specs/huawei-ecs", "HEAD:specs/huawei-ecs", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\"total\": 0"))
    }

    @Test("the extend page against its twin in the reference: the deprecated flag, and --fail-on")
    func extendPageTwin() throws {
        let root = CommandRunner.repositoryRoot.appendingPathComponent("specs/huawei-evs/docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        let reference = "specs/huawei-evs/docs/" + (try #require(names.first { $0.hasPrefix("002_") }))
        let page = "specs/huawei-evs/docs/" + (try #require(names.first { $0.hasPrefix("000_") }))
        // OLD the reference, NEW the page: §8.2.1.21 is marked 废弃, the page is not.
        let result = try CommandRunner.run(["diff", reference, page, "--operation", "ExtendVolume", "--format", "json", "--fail-on", "breaking"])
        #expect(result.status == 0, "no breaking change: \(result.standardError)")
        #expect(result.standardOutput.contains("\"id\": \"endpoint-reactivated\""))
        #expect(result.standardOutput.contains("\"id\": \"request-property-unit-changed\""), "GiB in the reference, GB on the page")
        // The other way round it is a deprecation, a warning; in the reference the twin is ExtendVolumeV2.
        let reverse = try CommandRunner.run(["diff", page, reference, "--operation", "ExtendVolumeV2", "--fail-on", "warning"])
        #expect(reverse.status == 1)
        #expect(reverse.standardOutput.contains("endpoint-deprecated"))
        #expect(reverse.standardError.contains("(--fail-on warning)"))
    }

    @Test("bad input: one line naming the input, exit 2")
    func badInput() throws {
        let missing = try CommandRunner.run(["diff", "specs/nope/spec.json", "specs/baidu-bcc"])
        #expect(missing.status == 2)
        #expect(missing.standardError == "conformance: error: specs/nope/spec.json: no such file or folder (and not REV:path)\n")
        let revision = try CommandRunner.run(["diff", "no-such-rev:specs/baidu-bcc", "specs/baidu-bcc"])
        #expect(revision.status == 2 && revision.standardError.contains("'no-such-rev' is not a revision"))
        let operation = try CommandRunner.run(["diff", "specs/baidu-bcc", "specs/baidu-bcc", "--operation", "Nope"])
        #expect(operation.status == 2 && operation.standardError.contains("--operation Nope"))
        let flag = try CommandRunner.run(["diff", "specs/baidu-bcc", "specs/baidu-bcc", "--fail-on", "sometimes"])
        #expect(flag.status == 2)
    }

    @Test("--output writes the report atomically")
    func output() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("diff.sarif").path
        let result = try CommandRunner.run(["diff", "specs/baidu-bcc", "specs/baidu-bcc", "--format", "sarif", "--output", path])
        #expect(result.status == 0 && result.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("\"version\": \"2.1.0\""))
    }
}
