import ConformanceModel
import Foundation

/// Reads the committed `specs/<service>/spec.json` files.
enum SpecFiles {
    static func load(_ id: String, root: URL) throws -> ServiceSpec {
        let path = root.appendingPathComponent("specs/\(id)/spec.json")
        guard let text = try? String(contentsOf: path, encoding: .utf8) else {
            throw CommandFailure("specs/\(id)/spec.json: missing; run `swift run conformance extract --service \(id)` first")
        }
        do {
            return try CanonicalJSON.decode(ServiceSpec.self, from: text)
        } catch {
            throw CommandFailure("specs/\(id)/spec.json: not a spec (\(error)); run `swift run conformance extract --service \(id)`")
        }
    }
}
