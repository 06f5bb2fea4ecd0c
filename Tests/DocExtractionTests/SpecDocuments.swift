import ConformanceModel
import DocExtraction
import Foundation

/// Loads a service's real documents from `specs/<service>/docs/`, found by walking up
/// from this file to the package root.
enum SpecDocuments {
    static func extract(_ service: String, filePath: String = #filePath) throws -> ServiceSpec {
        var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else { throw DocumentError(file: filePath, line: nil, reason: "no package root above") }
            folder = parent
        }
        let docs = folder.appendingPathComponent("specs/\(service)/docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { !$0.hasPrefix(".") }.sorted()
        let documents = try names.map { try SourceDocument.load(path: docs.appendingPathComponent($0).path) }
        return try ServiceExtractor.extract(service: service, documents: documents).spec
    }
}
