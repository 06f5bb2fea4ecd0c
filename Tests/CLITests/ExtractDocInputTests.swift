import Foundation
import Testing

/// `extract --doc` with a folder (a plain one-line error, not a system error code) and with
/// `-` (standard input).
@Suite struct ExtractDocInputTests {
    @Test func folderGetsAPlainMessage() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["extract", "--doc", folder.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(folder.path): is a folder; --doc takes document files"), "\(result.standardError)")
        #expect(!result.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test func standardInputIsRead() throws {
        let document = CommandRunner.repositoryRoot.appendingPathComponent("specs/huawei-ecs/docs")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: document.path).filter { $0.hasSuffix(".txt") }.sorted().first)
        let text = try Data(contentsOf: document.appendingPathComponent(name))
        let piped = try CommandRunner.run(["extract", "--doc", "-", "--quiet"], input: text)
        let direct = try CommandRunner.run(["extract", "--doc", document.appendingPathComponent(name).path, "--quiet"])
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(direct.status == 0)
        // The same spec, except for the document's name in its references.
        #expect(piped.standardOutput.replacingOccurrences(of: "\"stdin", with: "\"\(name)") == direct.standardOutput)
    }
}
