import ArgumentParser
import ConformanceModel
import Foundation

/// `--root`: where the project's specs live (the folder that holds `specs/<service>/docs/`).
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder that holds specs/ (default: the nearest folder upward with specs/ and Package.swift).", valueName: "dir"))
    var root: String?

    /// The project: `--root`, or the nearest one upward from the working directory
    /// (``ProjectFolder/find(from:)``).
    func project() throws -> ProjectFolder {
        if let root {
            let url = URL(fileURLWithPath: root).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("specs").path) else {
                throw CommandFailure("--root \(root): no specs/ folder there")
            }
            return ProjectFolder(root: url)
        }
        do {
            return try ProjectFolder.locate()
        } catch {
            throw CommandFailure("\(error); run from the project folder or pass --root")
        }
    }

    /// The project when there is one (`--root` must be one); nil outside any project.
    func optionalProject() throws -> ProjectFolder? {
        root == nil ? ProjectFolder.find() : try project()
    }
}
