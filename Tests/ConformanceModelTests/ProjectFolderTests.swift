import ConformanceModel
import Foundation
import Testing

/// The one repository-root finder: the nearest folder at or above a start that holds both
/// `specs/` and `Package.swift`, with a one-line error naming both when there is none.
@Suite("Project folder")
struct ProjectFolderTests {
    /// A fresh folder under the system's temporary folder (no project above it), removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("project-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    @Test("found from a folder or a file anywhere below the project")
    func foundFromBelow() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("specs/tencent-cbs/docs")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("// marker\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        let page = nested.appendingPathComponent("page.txt")
        try Data("text\n".utf8).write(to: page)

        #expect(try ProjectFolder.locate(from: nested).root.path == root.path)
        #expect(try ProjectFolder.locate(from: page).root.path == root.path)
        #expect(ProjectFolder.find(from: root)?.serviceIDs() == ["tencent-cbs"])
    }

    @Test("a package without specs/ (a dependent's) is not the project; the error names what was looked for and where")
    func notFound() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("// a dependent package\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))

        #expect(ProjectFolder.find(from: folder) == nil)
        let error = try #require(throws: ProjectFolder.NotFound.self) { try ProjectFolder.locate(from: folder) }
        #expect(error.description == "no project folder (one holding both specs/ and Package.swift) at or above \(folder.path)")
        #expect(!error.description.contains("\n"))
    }

    @Test("this test file's checkout is the project that holds the vendor documents and golden/")
    func checkout() {
        let project = ProjectFolder.checkout(containing: #filePath)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("Package.swift").path))
        #expect(project.serviceIDs().contains("huawei-evs"))
        #expect(FileManager.default.fileExists(atPath: project.golden.appendingPathComponent("huawei-evs/KNOWN-BAD.md").path))
        #expect(URL(fileURLWithPath: #filePath).path.hasPrefix(project.root.path + "/"))
    }
}
