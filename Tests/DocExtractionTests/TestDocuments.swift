import ConformanceModel
import DocExtraction
import Foundation
import Testing

/// Loads the documents the tests read: fixtures shipped with the tests, and the vendor
/// documents under `specs/` of this checkout.
enum TestDocuments {
    static func fixture(_ name: String) throws -> SourceDocument {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"), "fixture \(name)")
        return try SourceDocument.load(path: url.path)
    }

    /// This checkout.
    static let project = ProjectFolder.checkout(containing: #filePath)
    static let repositoryRoot: URL = project.root

    /// A vendor document of a service, e.g. `vendor("huawei-evs", "000_5ca747a83796e059.txt")`.
    static func vendor(_ service: String, _ name: String) throws -> SourceDocument {
        try SourceDocument.load(path: repositoryRoot.appendingPathComponent("specs/\(service)/docs/\(name)").path)
    }

    /// A service extracted from all of its documents.
    static func service(_ id: String) throws -> ServiceSpec {
        let folder = repositoryRoot.appendingPathComponent("specs/\(id)/docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        let documents = try names.map { try SourceDocument.load(path: folder.appendingPathComponent($0).path) }
        return try ServiceExtractor.extract(service: id, documents: documents).spec
    }
}

extension Schema {
    /// The schema at a dotted path of field names; `[]` steps into array items.
    func at(_ path: String) -> Schema? {
        var current: Schema? = self
        for step in path.split(separator: ".") {
            if step == "[]" {
                current = current?.items
            } else {
                current = current?.property(named: String(step))?.schema
            }
        }
        return current
    }
}
