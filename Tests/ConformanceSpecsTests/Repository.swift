import ConformanceModel
import Foundation

/// The committed files of this checkout that the tests compare the compiled specs with.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func serviceIDs() throws -> [String] {
        let specs = root.appendingPathComponent("specs")
        return try FileManager.default.contentsOfDirectory(atPath: specs.path)
            .filter { FileManager.default.fileExists(atPath: specs.appendingPathComponent("\($0)/spec.json").path) }
            .sorted()
    }

    static func spec(_ id: String) throws -> ServiceSpec {
        let text = try String(contentsOf: root.appendingPathComponent("specs/\(id)/spec.json"), encoding: .utf8)
        return try CanonicalJSON.decode(ServiceSpec.self, from: text)
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }
}
