import ArgumentParser
import Foundation

/// Where the project's specs live: the folder that holds `specs/<service>/docs/`.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder that holds specs/ (default: the nearest folder upward with specs/ and Package.swift).", valueName: "dir"))
    var root: String?

    /// The project folder: `--root`, or the nearest folder upward from the working directory
    /// with `specs/` and `Package.swift`.
    func repositoryRoot() throws -> URL {
        let manager = FileManager.default
        if let root {
            let url = URL(fileURLWithPath: root).standardizedFileURL
            guard manager.fileExists(atPath: url.appendingPathComponent("specs").path) else {
                throw CommandFailure("--root \(root): no specs/ folder there")
            }
            return url
        }
        var folder = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL
        while true {
            if manager.fileExists(atPath: folder.appendingPathComponent("specs").path),
               manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                throw CommandFailure("no specs/ folder here or above; run from the project folder or pass --root")
            }
            folder = parent
        }
    }

    /// The service ids: folders of `specs/` that hold a `docs/` folder, sorted.
    func serviceIDs(in root: URL) throws -> [String] {
        let specs = root.appendingPathComponent("specs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: specs.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: specs.appendingPathComponent(name).appendingPathComponent("docs").path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// The services to work on: `--service`, checked against what exists, or all of them.
    func services(_ requested: String?, in root: URL) throws -> [String] {
        let known = try serviceIDs(in: root)
        guard let requested else { return known }
        guard known.contains(requested) else {
            throw CommandFailure("--service \(requested): no such service; known: \(known.joined(separator: ", "))")
        }
        return [requested]
    }
}
