import ConformanceModel
import Foundation

/// The committed files of this checkout that the tests compare the compiled specs with.
enum Repository {
    static let project = ProjectFolder.checkout(containing: #filePath)
    static let root = project.root

    static func serviceIDs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.specs.path)
            .filter { FileManager.default.fileExists(atPath: project.spec($0).path) }
            .sorted()
    }

    static func spec(_ id: String) throws -> ServiceSpec {
        let text = try String(contentsOf: project.spec(id), encoding: .utf8)
        return try CanonicalJSON.decode(ServiceSpec.self, from: text)
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }
}
