import Foundation

/// The project folder (a checkout of this package) and where each kind of file lives in it:
/// the vendor documents and `spec.json` under `specs/<service>/`, the generated Swift under
/// `Sources/ConformanceSpecs/Generated/`, the golden payloads under `golden/`.
///
/// The one place that finds the folder (the CLI, the benchmark and the tests all ask it), so
/// that "where is the project" has one answer: the nearest folder at or above the start that
/// holds both `specs/` and `Package.swift`.
public struct ProjectFolder: Sendable, Hashable {
    /// The folder that holds `Package.swift` and `specs/`.
    public let root: URL

    /// The project at `root`, taken as given (`--root`).
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The nearest folder at or above `start` (a folder or a file in one) that holds `specs/`
    /// and `Package.swift`, or nil.
    public static func find(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> ProjectFolder? {
        let manager = FileManager.default
        var folder = start.standardizedFileURL
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            folder = folder.deletingLastPathComponent()
        }
        while true {
            if manager.fileExists(atPath: folder.appendingPathComponent("specs").path),
               manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return ProjectFolder(root: folder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The nearest project at or above `start`, or ``NotFound`` naming what was looked for and
    /// where. Tests start from their own `#filePath`, commands from the working directory.
    public static func locate(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> ProjectFolder {
        guard let found = find(from: start) else { throw NotFound(start: start.standardizedFileURL.path) }
        return found
    }

    /// The checkout that holds `file`, for code that is part of it (a test's `#filePath`). A file
    /// of this package always sits in one, so a miss means a broken checkout: it stops with
    /// ``NotFound``'s one line.
    public static func checkout(containing file: StaticString) -> ProjectFolder {
        do {
            return try locate(from: URL(fileURLWithPath: "\(file)"))
        } catch {
            preconditionFailure("\(error)")
        }
    }

    /// No folder at or above `start` holds both `specs/` and `Package.swift`.
    public struct NotFound: Error, CustomStringConvertible, Sendable, Hashable {
        /// Where the search started.
        public var start: String

        public init(start: String) {
            self.start = start
        }

        public var description: String {
            "no project folder (one holding both specs/ and Package.swift) at or above \(start)"
        }
    }

    /// `specs/`.
    public var specs: URL { root.appendingPathComponent("specs") }
    /// `specs/<service>/`.
    public func serviceFolder(_ service: String) -> URL { specs.appendingPathComponent(service) }
    /// `specs/<service>/docs/`: the vendor's documents.
    public func documents(_ service: String) -> URL { serviceFolder(service).appendingPathComponent("docs") }
    /// `specs/<service>/spec.json`.
    public func spec(_ service: String) -> URL { serviceFolder(service).appendingPathComponent("spec.json") }
    /// `specs/<service>/openapi.json`.
    public func openAPI(_ service: String) -> URL { serviceFolder(service).appendingPathComponent("openapi.json") }
    /// `golden/`.
    public var golden: URL { root.appendingPathComponent("golden") }
    /// `Sources/ConformanceSpecs/Generated/`: the specs as Swift.
    public var generatedSwift: URL { root.appendingPathComponent(Self.generatedSwiftPath) }
    /// The generated Swift's folder, relative to the root.
    public static let generatedSwiftPath = "Sources/ConformanceSpecs/Generated"

    /// The service ids: folders of `specs/` that hold a `docs/` folder, sorted.
    public func serviceIDs() -> [String] {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: specs.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: documents(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// `url` relative to the root (`specs/huawei-evs/spec.json`), or its full path when it is
    /// outside the project.
    public func relativePath(_ url: URL) -> String {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let full = url.standardizedFileURL.path
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}
