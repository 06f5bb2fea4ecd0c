import ConformanceModel
import Foundation

/// Loads golden payloads: by default the copy of `golden/` shipped with the package as
/// resources of this target, so that a dependent package's tests and mocks can use them with
/// no checkout at hand; with `root:`, from a `golden/` folder on the disk (a working copy's
/// freshly regenerated goldens, before a rebuild copies them into the resources).
///
/// This target's folder is the repository's `golden/` itself (one copy of each file: the one
/// `conformance golden` writes); `conformance golden` owns the service folders and never touches
/// this file.
///
/// ```swift
/// let body = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.full.json")
/// let fresh = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.full.json", root: checkout.appending(path: "golden"))
/// ```
public enum Goldens {
    /// The goldens shipped with the package: the resource bundle's copy of `golden/`, made by
    /// the build (`<service>/<operation>/<file>` below it, as in the repository).
    public static var bundled: URL {
        // The bundle itself on Linux; its resource folder where bundles have one.
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }

    /// The parsed JSON of one golden file, from the package's resources or from `root`.
    public static func load(service: String, operation: String, file: String, root: URL? = nil) throws -> JSONValue {
        let bytes = try data(service: service, operation: operation, file: file, root: root)
        do {
            return try JSONValue.parse(bytes: Array(bytes))
        } catch {
            throw GoldenLoadError(path: path(service: service, operation: operation, file: file, root: root).path, reason: "not JSON (\(error))")
        }
    }

    /// The bytes of one golden file, from the package's resources or from `root`.
    public static func data(service: String, operation: String, file: String, root: URL? = nil) throws -> Data {
        let url = path(service: service, operation: operation, file: file, root: root)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let fix = root == nil
                ? "no such golden in the package's resources; check the service, operation and file names (golden/<service>/<operation>/ of the package)"
                : "no such golden file; run `swift run conformance golden` in the checkout or check the service, operation and file names"
            throw GoldenLoadError(path: url.path, reason: fix)
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw GoldenLoadError(path: url.path, reason: "unreadable (\(error.localizedDescription))")
        }
    }

    /// Where a golden file is: `<root>/<service>/<operation>/<file>`, `root` defaulting to the
    /// package's resources (``bundled``).
    public static func path(service: String, operation: String, file: String, root: URL? = nil) -> URL {
        (root ?? bundled).appendingPathComponent(service).appendingPathComponent(operation).appendingPathComponent(file)
    }
}

/// A golden file that is missing, unreadable or not JSON; the description names the file.
public struct GoldenLoadError: Error, CustomStringConvertible, Sendable, Hashable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
