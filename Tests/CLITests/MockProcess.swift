import Foundation

/// `conformance mock` as a child process on a free port, its output in `log`: what the interop
/// tests (vendor SDKs, OpenStack clients, Schemathesis) drive.
final class MockProcess {
    let process = Process()
    let port: Int
    let log: URL
    private let handle: FileHandle

    /// Starts `conformance mock --port PORT` plus `arguments`, and waits until it accepts connections.
    init(_ arguments: [String], in work: URL) async throws {
        port = try Shell.freePort()
        log = work.appendingPathComponent("mock.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        handle = try FileHandle(forWritingTo: log)
        process.executableURL = try CommandRunner.executable()
        process.arguments = ["mock", "--port", "\(port)"] + arguments
        process.currentDirectoryURL = CommandRunner.repositoryRoot
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        do {
            try await Shell.waitForPort(port, process: process, log: log)
        } catch {
            terminate()
            throw error
        }
    }

    /// What the mock printed so far.
    var output: String { Shell.text(log) }

    /// Stops the mock the way a user does (Ctrl-C), so that it finishes its recording.
    func stop() throws {
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        try handle.close()
    }

    /// Kills the mock if it still runs (after a failed step).
    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
