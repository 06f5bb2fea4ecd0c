import Foundation
import Testing

/// A Python virtual environment under `.build/` holding the packages an interop test drives
/// (the vendors' SDKs, Schemathesis). `.ci/run` creates it and writes the package list to its
/// `ready` file; a test run by hand creates it when it is missing and PyPI answers.
struct PythonVirtualEnvironment: Sendable {
    let folder: URL
    /// The pip requirements, in the order `.ci/run` writes them to `ready`.
    let packages: [String]

    init(_ name: String, packages: [String]) {
        self.folder = CommandRunner.repositoryRoot.appendingPathComponent(".build/\(name)")
        self.packages = packages
    }

    func executable(_ name: String) -> URL { folder.appendingPathComponent("bin/\(name)") }

    /// Whether the environment holds the packages (its `ready` file lists them).
    var isReady: Bool {
        let ready = (try? String(contentsOf: folder.appendingPathComponent("ready"), encoding: .utf8)) ?? ""
        return ready.trimmingCharacters(in: .whitespacesAndNewlines) == packages.joined(separator: " ")
    }

    /// Whether the environment is ready or can be made: pip reaches PyPI (a `pip download
    /// --no-deps` of a tiny package within 20 seconds).
    var isReadyOrInstallable: Bool { isReady || Self.pypiReachable }

    static let pypiReachable: Bool = {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pypi-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = try? Shell.run("/usr/bin/env", ["python3", "-m", "pip", "download", "--no-deps", "--timeout", "10", "-q", "-d", scratch.path, "six"], timeout: 20)
        return result?.status == 0
    }()

    /// Creates the environment and installs the packages, once (as `.ci/run` does).
    func prepare() throws {
        if isReady { return }
        let venv = try Shell.run("/usr/bin/env", ["python3", "-m", "venv", folder.path], timeout: 120)
        try #require(venv.status == 0, "python3 -m venv: \(venv.output)")
        let pip = try Shell.run(executable("pip").path, ["install", "-q", "--timeout", "30"] + packages, timeout: 540)
        try #require(pip.status == 0, "pip install: \(pip.output)")
        try Data((packages.joined(separator: " ") + "\n").utf8).write(to: folder.appendingPathComponent("ready"))
    }
}
