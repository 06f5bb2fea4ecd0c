import ConformanceTesting
import Foundation
import Testing

/// The mock, the proxy and verify run as a user runs them, checked for the secret-marker
/// property (no planted secret in any output: standard output and error, reports, recordings)
/// and for recordings that survive `kill -9`.
@Suite("live servers", .serialized)
struct LiveServerTests {
    static let cases = SecretMarkers.cases()

    /// Sends every line of a JSONL file (the input format) to `base`, raw, with Python's
    /// `http.client` (any header name, any body bytes).
    static let sender = #"""
    import base64, http.client, json, sys
    host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    for line in open(path, encoding="utf-8"):
        exchange = json.loads(line)["request"]
        body = exchange.get("body")
        data = base64.b64decode(exchange["bodyBase64"]) if "bodyBase64" in exchange else (body.encode("utf-8") if body is not None else None)
        connection = http.client.HTTPConnection(host, port, timeout=30)
        connection.putrequest(exchange["method"], exchange["url"], skip_host=False, skip_accept_encoding=True)
        for header in exchange["headers"]:
            connection.putheader(header["name"], header["value"])
        if data is not None:
            connection.putheader("Content-Length", str(len(data)))
        connection.endheaders(data)
        response = connection.getresponse()
        response.read()
        connection.close()
    print("sent")
    """#

    /// A running `conformance` server process with its output in a file.
    final class Server {
        let process = Process()
        let log: URL
        let port: Int

        init(_ arguments: [String], folder: URL, name: String) async throws {
            port = try Shell.freePort()
            log = folder.appendingPathComponent("\(name).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.executableURL = try CommandRunner.executable()
            process.arguments = arguments + ["--port", "\(port)"]
            process.currentDirectoryURL = CommandRunner.repositoryRoot
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            try await Shell.waitForPort(port, process: process, log: log)
        }

        /// SIGINT (graceful) or SIGKILL, then the log.
        func stop(signal: Int32 = SIGINT) -> String {
            if process.isRunning { kill(process.processIdentifier, signal) }
            process.waitUntilExit()
            return Shell.text(log)
        }

        deinit { if process.isRunning { process.terminate() } }
    }

    static func send(_ jsonl: URL, to port: Int, folder: URL) throws {
        let script = folder.appendingPathComponent("send.py")
        try sender.write(to: script, atomically: true, encoding: .utf8)
        let result = try Shell.run("/usr/bin/env", ["python3", script.path, "127.0.0.1", "\(port)", jsonl.path], timeout: 300)
        #expect(result.status == 0, "\(result.output)")
    }

    static func markerInput(in folder: URL) throws -> URL {
        let input = folder.appendingPathComponent("markers.jsonl")
        try SecretMarkers.jsonl(cases).write(to: input, atomically: true, encoding: .utf8)
        return input
    }

    @Test("validate prints no marker in text, JSON or JUnit", arguments: ["text", "json", "junit"])
    func validateFormats(_ format: String) throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.markerInput(in: folder)
        let result = try CommandRunner.run(["validate", input.path, "--format", format])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(!SecretMarkers.leaks(result.standardOutput))
        #expect(!SecretMarkers.leaks(result.standardError))
        // The text and JUnit reports carry curl replays, with the redacted bodies.
        if format != "json" { #expect(result.standardOutput.contains("redacted")) }
        let piped = try CommandRunner.run(["validate", "-", "--format", format], input: try Data(contentsOf: input))
        #expect(!SecretMarkers.leaks(piped.standardOutput + piped.standardError))
    }

    @Test("the proxy's live output and recording hold no marker", arguments: ["text", "json"])
    func proxyOutput(_ format: String) async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.markerInput(in: folder)
        let recording = folder.appendingPathComponent("proxy.jsonl")
        let mock = try await Server(["mock", "--record", folder.appendingPathComponent("mock.har").path], folder: folder, name: "mock")
        let proxy = try await Server(["proxy", "--upstream", "http://127.0.0.1:\(mock.port)", "--record", recording.path, "--format", format], folder: folder, name: "proxy")
        try Self.send(input, to: proxy.port, folder: folder)
        let proxyLog = proxy.stop()
        let mockLog = mock.stop()
        #expect(proxyLog.contains("exchanges"), "\(proxyLog)")
        for text in [proxyLog, mockLog, Shell.text(recording), Shell.text(folder.appendingPathComponent("mock.har"))] {
            #expect(!SecretMarkers.leaks(text))
        }
        // Decoded too: the recordings read back through validate.
        for file in [recording.path, folder.appendingPathComponent("mock.har").path] {
            let validated = try CommandRunner.run(["validate", file, "--format", "json"])
            #expect(!SecretMarkers.leaks(validated.standardOutput + validated.standardError))
        }
    }

    @Test("verify's report and recording hold no marker (token and secret key)", arguments: [
        ["--token", "zq7SeKr1t-token", "--service", "huawei-evs", "--faults", "all"],
        ["--access-key", "AKMARK", "--secret-key", "zq7SeKr1t-secret-key", "--faults", "all"],
        ["--token", "zq7SeKr1t-token", "--service", "huawei-evs", "--format", "junit"],
    ])
    func verifyOutput(_ arguments: [String]) throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("verify.har")
        let result = try CommandRunner.run(["verify", "--record", recording.path] + arguments)
        #expect(result.status <= 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("scenario") || result.standardOutput.contains("<testsuites"))
        for text in [result.standardOutput, result.standardError, Shell.text(recording)] {
            #expect(!SecretMarkers.leaks(text))
        }
        let validated = try CommandRunner.run(["validate", recording.path])
        #expect(!SecretMarkers.leaks(validated.standardOutput))
    }

    @Test("a recording survives kill -9 whole, at most half a second behind", arguments: ["kill.har", "kill.jsonl"])
    func killNine(_ name: String) async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent(name)
        let mock = try await Server(["mock", "--record", recording.path], folder: folder, name: "mock")
        let input = folder.appendingPathComponent("list.jsonl")
        let line = #"{"request":{"method":"GET","url":"/v2/0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c/cloudvolumes/detail","headers":[{"name":"X-Auth-Token","value":"t"}]}}"#
        try String(repeating: line + "\n", count: 25).write(to: input, atomically: true, encoding: .utf8)
        try Self.send(input, to: mock.port, folder: folder)
        try await Task.sleep(for: .milliseconds(1500))
        _ = mock.stop(signal: SIGKILL)
        let validated = try CommandRunner.run(["validate", recording.path])
        #expect(validated.status == 0, "\(validated.standardOutput)\(validated.standardError)")
        #expect(validated.standardOutput.contains("25 exchanges: 0 errors"), "\(validated.standardOutput)")
    }

    @Test("empty traffic exits 2 like an empty HAR", arguments: [("empty.jsonl", ""), ("blank.jsonl", "\n  \n\n"), ("empty.har", "")])
    func emptyInput(_ file: (name: String, content: String)) throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(file.name)
        try file.content.write(to: path, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", path.path])
        #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardError.contains(file.name))
    }

    @Test("empty standard input exits 2")
    func emptyStandardInput() throws {
        let result = try CommandRunner.run(["validate", "-"], input: Data())
        #expect(result.status == 2)
        #expect(result.standardError.contains("<stdin>: empty"), "\(result.standardError)")
    }
}
