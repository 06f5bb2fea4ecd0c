import ConformanceModel
import DocExtraction
import Foundation

/// Loads a service's real documents from `specs/<service>/docs/` of this checkout.
enum SpecDocuments {
    static func extract(_ service: String) throws -> ServiceSpec {
        let docs = TestDocuments.project.documents(service)
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { !$0.hasPrefix(".") }.sorted()
        let documents = try names.map { try SourceDocument.load(path: docs.appendingPathComponent($0).path) }
        return try ServiceExtractor.extract(service: service, documents: documents).spec
    }
}
