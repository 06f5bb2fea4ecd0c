import ConformanceModel
import Foundation

/// Loads golden payloads from a `golden/` folder, for users' own tests and mocks.
///
/// `Conformance` reads no repository file at run time by default (DESIGN.md "Modules"): this
/// loader reads only when called, from the folder it is given, by default `golden/` in the
/// current directory. It lives in `Conformance/Goldens/` beside the code that writes the
/// files, so that one import gives both the validator and the payloads to feed it.
///
/// ```swift
/// let body = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.full.json")
/// ```
public enum Goldens {
    /// The parsed JSON of one golden file.
    public static func load(service: String, operation: String, file: String, root: URL? = nil) throws -> JSONValue {
        let bytes = try data(service: service, operation: operation, file: file, root: root)
        do {
            return try JSONValue.parse(bytes: Array(bytes))
        } catch {
            throw GoldenLoadError(path: path(service: service, operation: operation, file: file, root: root).path, reason: "not JSON (\(error))")
        }
    }

    /// The bytes of one golden file.
    public static func data(service: String, operation: String, file: String, root: URL? = nil) throws -> Data {
        let url = path(service: service, operation: operation, file: file, root: root)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw GoldenLoadError(path: url.path, reason: "no such golden file; run `swift run conformance golden` or check the service, operation and file names")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw GoldenLoadError(path: url.path, reason: "unreadable (\(error.localizedDescription))")
        }
    }

    /// Where a golden file is: `<root>/<service>/<operation>/<file>`, `root` defaulting to the
    /// `golden/` of the nearest project at or above the working directory (``ProjectFolder``),
    /// else `./golden`.
    public static func path(service: String, operation: String, file: String, root: URL? = nil) -> URL {
        let base = root ?? ProjectFolder.find()?.golden ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("golden")
        return base.appendingPathComponent(service).appendingPathComponent(operation).appendingPathComponent(file)
    }
}

/// A golden file that is missing, unreadable or not JSON; the description names the file.
public struct GoldenLoadError: Error, CustomStringConvertible, Sendable, Hashable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
