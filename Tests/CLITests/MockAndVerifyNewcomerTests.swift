import Foundation
import Testing

/// The frictions issue 17 found in the live commands: path-only URLs in mock recordings, no
/// request log, NIO's wording for a taken port, and `verify --endpoint` guessing credentials
/// and the project id.
@Suite("CLI: mock log and recording, verify --endpoint credentials", .serialized)
struct MockAndVerifyNewcomerTests {
    static let list = "/v2/0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c/cloudvolumes/detail"

    /// The environment of a user with no vendor variables set.
    static var cleanEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { name, _ in
            !["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_PROJECT_ID", "X_AUTH_TOKEN", "BCE_ACCESS_KEY_ID", "BCE_SECRET_ACCESS_KEY"].contains(name)
        }
    }

    static func get(_ path: String, port: Int) throws {
        let script = "import http.client, sys\nc = http.client.HTTPConnection('127.0.0.1', \(port), timeout=30)\nc.request('GET', sys.argv[1], headers={'X-Auth-Token': 't'})\nr = c.getresponse(); r.read(); print(r.status)\n"
        let result = try Shell.run("/usr/bin/env", ["python3", "-c", script, path], timeout: 60)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("the mock logs one line per request, records absolute URLs, and --quiet drops the log")
    func requestLogAndRecording() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let recording = folder.appendingPathComponent("mock.har")
        let mock = try await LiveServerTests.Server(["mock", "--record", recording.path], folder: folder, name: "mock")
        try Self.get(Self.list, port: mock.port)
        let log = mock.stop()
        let lines = log.split(separator: "\n").filter { $0.contains("GET \(Self.list) 200") }
        #expect(lines.count == 1, "\(log)")
        #expect(lines.first?.contains("finding") == true)
        let har = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: recording)) as? [String: Any])
        let entries = try #require((har["log"] as? [String: Any])?["entries"] as? [[String: Any]])
        let url = try #require((entries.first?["request"] as? [String: Any])?["url"] as? String)
        #expect(url == "http://127.0.0.1:\(mock.port)\(Self.list)")

        let quiet = try await LiveServerTests.Server(["mock", "--quiet"], folder: folder, name: "quiet")
        try Self.get(Self.list, port: quiet.port)
        let quietLog = quiet.stop()
        #expect(!quietLog.contains("GET \(Self.list)"), "\(quietLog)")
    }

    @Test("a taken port is one plain line and exit 2")
    func takenPort() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try await LiveServerTests.Server(["mock", "--quiet"], folder: folder, name: "first")
        defer { _ = first.stop() }
        let second = try CommandRunner.run(["mock", "--port", "\(first.port)"])
        #expect(second.status == 2)
        let errors = second.standardError.split(separator: "\n")
        #expect(errors.count == 1, "\(second.standardError)")
        #expect(second.standardError.contains("127.0.0.1:\(first.port): the port is taken by another program"))
        #expect(!second.standardError.contains("errno"))
    }

    @Test("verify --endpoint refuses to start without credentials or a project id, naming the variables")
    func refusesWithoutCredentials() throws {
        let endpoint = "http://127.0.0.1:9"
        var environment = Self.cleanEnvironment
        let none = try CommandRunner.run(["verify", "--endpoint", endpoint, "--service", "huawei-evs"], environment: environment)
        #expect(none.status == 2)
        #expect(none.standardError.split(separator: "\n").count == 1, "\(none.standardError)")
        #expect(none.standardError.contains("HUAWEICLOUD_SDK_AK") && none.standardError.contains("X_AUTH_TOKEN"))

        environment["HUAWEICLOUD_SDK_AK"] = "AK"
        environment["HUAWEICLOUD_SDK_SK"] = "SK"
        let noProject = try CommandRunner.run(["verify", "--endpoint", endpoint, "--service", "huawei-evs"], environment: environment)
        #expect(noProject.status == 2)
        #expect(noProject.standardError.contains("HUAWEICLOUD_SDK_PROJECT_ID"), "\(noProject.standardError)")

        // Tencent's gateway documents no authentication: nothing to refuse (the run itself fails
        // on the closed port, not on credentials).
        let tencent = try CommandRunner.run(["verify", "--endpoint", endpoint, "--service", "tencent-cbs", "--timeout", "2"], environment: Self.cleanEnvironment)
        #expect(!tencent.standardError.contains("needs credentials"), "\(tencent.standardError)")
    }

    @Test("verify --endpoint signs with the keys from the environment: a run against a mock passes")
    func credentialsFromEnvironment() async throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mock = try await LiveServerTests.Server(["mock", "--quiet"], folder: folder, name: "mock")
        defer { _ = mock.stop() }
        var environment = Self.cleanEnvironment
        environment["HUAWEICLOUD_SDK_AK"] = "MOCKACCESSKEY0000001"
        environment["HUAWEICLOUD_SDK_SK"] = "mock-secret-key-do-not-use-in-production"
        environment["HUAWEICLOUD_SDK_PROJECT_ID"] = "0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c"
        let result = try CommandRunner.run(["verify", "--endpoint", "http://127.0.0.1:\(mock.port)", "--service", "huawei-evs"], environment: environment)
        #expect(result.status == 0, "\(result.standardOutput.suffix(3000))\(result.standardError)")
        #expect(!result.standardOutput.contains("request.parameter.missing"))
        #expect(!result.standardOutput.contains("mock-secret-key"))
    }
}
