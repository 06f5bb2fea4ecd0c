import Foundation
import Testing

/// `conformance generate`: one command from the documents to every generated file, in a
/// temporary copy of the project (issue 17: a doc edit used to leave the goldens stale).
@Suite("CLI: generate")
struct GenerateCommandTests {
    /// A copy of the project's generated and generating files: specs/ (documents and
    /// spec.json), golden/ and the generated Swift.
    private func project() throws -> URL {
        let folder = try CommandRunner.temporaryFolder()
        let manager = FileManager.default
        for path in ["specs", "golden", "Sources/ConformanceSpecs/Generated"] {
            let target = folder.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: CommandRunner.repositoryRoot.appendingPathComponent(path), to: target)
        }
        return folder
    }

    @Test("a required row added to a doc table: generate --check fails, generate updates spec.json, Swift, OpenAPI and goldens, --check passes")
    func docEditReachesEveryFile() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["--service", "tencent-cbs", "--root", root.path]

        let before = try CommandRunner.run(["generate", "--check"] + arguments)
        #expect(before.status == 0, "\(before.standardOutput.prefix(3000))\(before.standardError)")

        // CreateDisks' request table (specs/tencent-cbs/docs/003_…txt, the rows after line 10)
        // gains a required string parameter.
        let document = root.appendingPathComponent("specs/tencent-cbs/docs/003_eb9ea89fe6aeb710.txt")
        let text = try String(contentsOf: document, encoding: .utf8)
        let anchor = "ClusterUuid | string|是|- |集群uuid\nRegion | string|是|- |  地域\n"
        #expect(text.contains(anchor))
        try text.replacingOccurrences(of: anchor, with: anchor + "VolumeLabel | string|是|- |卷标\n").write(to: document, atomically: true, encoding: .utf8)

        let stale = try CommandRunner.run(["generate", "--check"] + arguments)
        #expect(stale.status == 1)
        for step in ["extract: 1 file, 1 differ", "codegen:", "openapi: 1 file, 1 differ", "golden:"] {
            #expect(stale.standardOutput.contains(step), "\(step) in \(stale.standardOutput.suffix(1500))")
        }
        #expect(stale.standardOutput.contains("+++ specs/tencent-cbs/spec.json (generated)"))
        #expect(stale.standardError.contains("run `swift run conformance generate`"))
        #expect(!stale.standardOutput.contains("codegen: 6 files, up to date"))

        let run = try CommandRunner.run(["generate"] + arguments)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("extract: 1 file, 1 changed"))
        #expect(run.standardOutput.contains("openapi: 1 file, 1 changed"))
        #expect(run.standardOutput.contains("the Swift specs changed"))

        // Each file now names the new parameter, read back independently of the generator.
        let spec = try String(contentsOf: root.appendingPathComponent("specs/tencent-cbs/spec.json"), encoding: .utf8)
        #expect(spec.contains("\"VolumeLabel\""))
        let swift = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources/ConformanceSpecs/Generated").path)
            .filter { $0.hasPrefix("TencentCBS") }
            .map { try String(contentsOf: root.appendingPathComponent("Sources/ConformanceSpecs/Generated/\($0)"), encoding: .utf8) }
            .joined()
        #expect(swift.contains("\"VolumeLabel\""))
        let openAPI = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("specs/tencent-cbs/openapi.json")))
        #expect(String(describing: openAPI).contains("VolumeLabel"))
        let minimal = try #require(try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("golden/tencent-cbs").path)
            .filter { $0.hasSuffix("request.min.json") }
            .map { try String(contentsOf: root.appendingPathComponent("golden/tencent-cbs/\($0)"), encoding: .utf8) }
            .first { $0.contains("\"DiskChargeType\"") })
        #expect(minimal.contains("\"VolumeLabel\""), "the required parameter is in the minimal request")

        let after = try CommandRunner.run(["generate", "--check"] + arguments)
        #expect(after.status == 0, "\(after.standardOutput.prefix(3000))\(after.standardError)")
        #expect(after.standardOutput.contains("golden:") && after.standardOutput.contains("up to date"))
    }

    @Test("golden reads spec.json at run time: an edited spec.json reaches the goldens without a rebuild")
    func goldenReadsSpecFiles() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("specs/tencent-cbs/spec.json")
        let text = try String(contentsOf: path, encoding: .utf8)
        // A description changes nothing in the goldens; a parameter name does.
        let edited = text.replacingOccurrences(of: "\"ClusterUuid\"", with: "\"ClusterUUID\"")
        #expect(edited != text)
        try edited.write(to: path, atomically: true, encoding: .utf8)
        let check = try CommandRunner.run(["golden", "--check", "--service", "tencent-cbs", "--root", root.path])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains("+  \"ClusterUUID\"") || check.standardOutput.contains("ClusterUUID"))
    }

    @Test("commands that use the compiled specs say in one line when spec.json differs, and name the fix")
    func staleCompiledSpecNote() throws {
        let root = try project()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("// the project marker\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        let path = root.appendingPathComponent("specs/baidu-bcc/spec.json")
        try (String(contentsOf: path, encoding: .utf8) + "\n").write(to: path, atomically: true, encoding: .utf8)
        let traffic = root.appendingPathComponent("empty.jsonl")
        try Data().write(to: traffic)
        let result = try CommandRunner.run(["coverage", traffic.path], in: root)
        let notes = result.standardError.split(separator: "\n").filter { $0.contains("note:") }
        #expect(notes.count == 1, "\(result.standardError)")
        #expect(notes.first?.contains("baidu-bcc") == true)
        #expect(notes.first?.contains("conformance generate --service baidu-bcc") == true)
        // In the repository itself the compiled specs are the committed files: no note.
        let clean = try CommandRunner.run(["coverage", traffic.path])
        #expect(!clean.standardError.contains("note:"), "\(clean.standardError)")
    }

    @Test("outside a project, commands that need one say in one line what they looked for and where", arguments: [
        ["generate", "--check"], ["extract", "--check"], ["codegen", "--check"], ["openapi", "--check"], ["golden", "--check"],
    ])
    func outsideProject(arguments: [String]) throws {
        let folder = try CommandRunner.temporaryFolder().resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("// a dependent package, no specs/\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
        let result = try CommandRunner.run(arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("no project folder (one holding both specs/ and Package.swift) at or above \(folder.path)"), "\(result.standardError)")
    }

    @Test("--service with a bad or unknown id is one line and exit 2, the same for every command", arguments: [
        ["generate", "--service", "nope"], ["golden", "--service", "nope"], ["validate", "--service", "nope", "x.har"],
        ["coverage", "--service", "nope", "x.har"], ["lint", "--service", "nope"], ["states", "--service", "nope"],
        ["verify", "--service", "nope"], ["mock", "--service", "nope"], ["proxy", "--service", "nope", "--upstream", "http://127.0.0.1:1"],
        ["extract", "--service", "Not_An_Id"],
    ])
    func serviceOption(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.contains("--service"))
    }
}
