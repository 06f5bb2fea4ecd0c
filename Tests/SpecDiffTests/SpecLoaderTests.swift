import ConformanceModel
import ConformanceSpecs
import Foundation
import SpecDiff
import Testing

/// Reading the sides: files, folders, and git revisions of a temporary repository with a
/// history made here, so the test does not depend on this repository's own history.
@Suite("diff: reading OLD and NEW")
struct SpecLoaderTests {
    /// A temporary git repository holding `specs/tencent-cbs/{docs/003_*, spec.json}`, with two commits:
    /// the seed page, then the page with `DiskName` required.
    final class Repository {
        let folder: URL
        let page: SeedPage
        let edited: SeedPage

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("spec-diff-\(UUID().uuidString)")
            let service = folder.appendingPathComponent("specs/tencent-cbs")
            try FileManager.default.createDirectory(at: service.appendingPathComponent("docs"), withIntermediateDirectories: true)
            page = try SeedPage(service: "tencent-cbs", prefix: "003_")
            var edited = page
            let create = try page.line(containing: "## /v1/tencent/disk/create")
            try edited.replace("|否|", with: "|是|", onLine: try page.line(startingWith: "DiskName ", from: create))
            self.edited = edited
            try git(["init", "-q"])
            try commit(page, message: "seed")
            try commit(edited, message: "DiskName required")
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func commit(_ page: SeedPage, message: String) throws {
            let service = folder.appendingPathComponent("specs/tencent-cbs")
            _ = try page.write(to: service.appendingPathComponent("docs"))
            try CanonicalJSON.text(try page.spec()).write(to: service.appendingPathComponent("spec.json"), atomically: true, encoding: .utf8)
            try git(["add", "-A"])
            try git(["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message])
        }

        @discardableResult
        func git(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
            process.currentDirectoryURL = folder
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            guard process.terminationStatus == 0 else { throw SpecInputError(file: "git \(arguments.joined(separator: " "))", reason: text) }
            return text
        }

        func loader(extract: Bool = false, in subfolder: String = "") -> SpecLoader {
            SpecLoader(extractDocuments: extract, workingDirectory: folder.appendingPathComponent(subfolder))
        }
    }

    @Test("HEAD~1:specs/<service> against the working folder: the spec.json of each, and the change between")
    func revisionAgainstWorkingTree() throws {
        let repository = try Repository()
        let old = try repository.loader().load("HEAD~1:specs/tencent-cbs")
        let new = try repository.loader().load("specs/tencent-cbs")
        #expect(old.origin == "spec.json at HEAD~1" && new.origin == "spec.json")
        #expect(old.spec.service == "tencent-cbs")
        #expect(old.path(of: repository.page.name) == "specs/tencent-cbs/docs/\(repository.page.name)")
        let changes = SpecDiff.changes(from: old.spec, to: new.spec)
        #expect(changes.keys(atLeast: .warning) == ["request-property-became-required /DiskName"])
    }

    @Test("with --extract, and at a revision without spec.json, the documents are extracted")
    func revisionDocuments() throws {
        let repository = try Repository()
        let extracted = try repository.loader(extract: true).load("HEAD~1:specs/tencent-cbs")
        #expect(extracted.origin == "1 document extracted at HEAD~1")
        let committed = try repository.loader().load("HEAD~1:specs/tencent-cbs")
        #expect(SpecDiff.changes(from: committed.spec, to: extracted.spec).isEmpty)
        try repository.git(["rm", "-q", "specs/tencent-cbs/spec.json"])
        try repository.git(["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "no spec"])
        let withoutSpec = try repository.loader().load("HEAD:specs/tencent-cbs")
        #expect(withoutSpec.origin == "1 document extracted at HEAD")
        #expect(withoutSpec.spec.service == "tencent-cbs")
        // A single document at a revision, from a subfolder of the repository.
        let page = try repository.loader(in: "specs").load("HEAD~2:tencent-cbs/docs/\(repository.page.name)")
        #expect(SpecDiff.changes(from: page.spec, to: extracted.spec).isEmpty)
    }

    @Test("a revision's spec.json that this build cannot decode falls back to the documents, and says so")
    func undecodableSpecFallsBack() throws {
        let repository = try Repository()
        let spec = repository.folder.appendingPathComponent("specs/tencent-cbs/spec.json")
        try "{\"service\": \"tencent-cbs\"}\n".write(to: spec, atomically: true, encoding: .utf8)
        try repository.git(["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-am", "old model"])
        var notices: [String] = []
        let loader = SpecLoader(workingDirectory: repository.folder, notice: { notices.append($0) })
        let loaded = try loader.load("HEAD:specs/tencent-cbs")
        #expect(loaded.origin == "1 document extracted at HEAD")
        #expect(notices.contains { $0.contains("HEAD:specs/tencent-cbs/spec.json: not a spec.json of this build (missing key 'documents')") })
    }

    @Test("bad inputs: one error naming the input and the problem")
    func badInputs() throws {
        let repository = try Repository()
        let loader = repository.loader()
        let cases: [(String, String)] = [
            ("nope/spec.json", "nope/spec.json: no such file or folder (and not REV:path)"),
            ("nosuchrev:specs/tencent-cbs", "nosuchrev:specs/tencent-cbs: 'nosuchrev' is not a revision of the repository"),
            ("HEAD:specs/nothing", "HEAD:specs/nothing: no such path at HEAD"),
        ]
        for (input, expected) in cases {
            #expect {
                _ = try loader.load(input)
            } throws: { error in
                "\(error)".hasPrefix(expected)
            }
        }
        let broken = repository.folder.appendingPathComponent("broken.json")
        try "{\"service\": 1}".write(to: broken, atomically: true, encoding: .utf8)
        #expect {
            _ = try loader.load("broken.json")
        } throws: { error in
            "\(error)".hasPrefix("broken.json: not a spec.json of this build")
        }
        let binary = repository.folder.appendingPathComponent("page.bin")
        try Data([0x41, 0x00, 0x42]).write(to: binary)
        #expect {
            _ = try loader.load("page.bin")
        } throws: { error in
            "\(error)" == "page.bin: the file holds NUL bytes; expected a text document"
        }
        let empty = repository.folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect {
            _ = try loader.load("empty")
        } throws: { error in
            "\(error)" == "empty: no documents (and no spec.json) in this folder"
        }
    }

    @Test("the service id comes from the path after specs/, or --service")
    func serviceID() throws {
        #expect(SpecLoader.serviceID(inPath: "specs/huawei-evs/docs/000_x.txt") == "huawei-evs")
        #expect(SpecLoader.serviceID(inPath: "specs/huawei-evs") == "huawei-evs")
        #expect(SpecLoader.serviceID(inPath: "/tmp/page.txt") == nil)
        let loaded = try SpecLoader(service: "renamed", workingDirectory: SeedPage.root).load("specs/baidu-bcc/spec.json")
        #expect(loaded.spec.service == "renamed")
    }
}
