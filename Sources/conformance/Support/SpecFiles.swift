import ConformanceModel
import Foundation

/// Reads `spec.json` files: the committed `specs/<service>/spec.json` of the project, or any
/// file given with `--spec`. Both are decoded into the same `ServiceSpec` value the compiled
/// specs are, and go through the same compile path (`Validator(specs:)`, `GoldenSet`).
enum SpecFiles {
    /// `specs/<id>/spec.json` of `project`.
    static func load(_ id: String, in project: ProjectFolder) throws -> ServiceSpec {
        let path = project.spec(id)
        guard let text = try? String(contentsOf: path, encoding: .utf8) else {
            throw CommandFailure("specs/\(id)/spec.json: missing; run `swift run conformance generate --service \(id)` first")
        }
        return try decode(text, name: "specs/\(id)/spec.json", fix: "run `swift run conformance generate --service \(id)`")
    }

    /// The spec.json at `path` (`--spec`).
    static func load(path: String) throws -> ServiceSpec {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure("--spec \(path): no such file")
        }
        if isFolder.boolValue {
            let inside = URL(fileURLWithPath: path).appendingPathComponent("spec.json")
            guard FileManager.default.fileExists(atPath: inside.path) else {
                throw CommandFailure("--spec \(path): a folder without spec.json; give a spec.json (e.g. from `conformance extract --doc PAGE --output spec.json`)")
            }
            return try load(path: inside.path)
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("--spec \(path): unreadable or not UTF-8")
        }
        return try decode(text, name: path, fix: "give a spec.json written by `conformance extract` (`extract --doc PAGE --output spec.json`)")
    }

    private static func decode(_ text: String, name: String, fix: String) throws -> ServiceSpec {
        do {
            return try CanonicalJSON.decode(ServiceSpec.self, from: text)
        } catch let error as DecodingError {
            throw CommandFailure("\(name): not a spec (\(describe(error))); \(fix)")
        } catch {
            throw CommandFailure("\(name): not a spec (\(error)); \(fix)")
        }
    }

    /// A decoding error as one short phrase: what was wrong, and where (`operations[3].method`).
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the top level" : text)
        }
        switch error {
        case .keyNotFound(let key, let context): return "no \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(context.debugDescription) at \(path(context))"
        case .dataCorrupted(let context): return context.underlyingError.map { "\($0)" } ?? context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
