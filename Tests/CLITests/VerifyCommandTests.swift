import Foundation
import Testing

/// `conformance verify` and `conformance proxy` as a user runs them.
@Suite("verify command")
struct VerifyCommandTests {
    @Test("`conformance verify` starts the embedded mock, runs every scenario and exits 0")
    func verifyAgainstMock() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let har = folder.appendingPathComponent("verify.har").path
        let result = try CommandRunner.run(["verify", "--record", har])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("huawei-evs.volume-lifecycle"))
        #expect(result.standardOutput.contains("passed, 0 failed, 0 skipped"))
        #expect(result.standardError.contains("embedded mock at http://127.0.0.1:"))
        // The recording validates clean on its own.
        let validated = try CommandRunner.run(["validate", har])
        #expect(validated.status == 0, "\(validated.standardOutput)")
    }

    @Test("`--faults all` makes the report show findings and the run exit 1")
    func verifyWithFaults() throws {
        let result = try CommandRunner.run(["verify", "--faults", "all", "--service", "huawei-evs"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error "))
        #expect(result.standardError.contains("with faults all"))
    }

    @Test("JUnit output has a scenarios suite", .timeLimit(.minutes(2)))
    func verifyJUnit() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("junit.xml")
        let result = try CommandRunner.run(["verify", "--scenario", "huawei-evs.read-only", "--format", "junit", "--output", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        let xml = try String(contentsOf: output, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"scenarios\" tests=\"1\" failures=\"0\""))
    }

    @Test("bad usage exits 2 with one line", arguments: [
        ["verify", "--endpoint", "ftp://x"],
        ["verify", "--scenario", "no-such"],
        ["verify", "--access-key", "a"],
        ["verify", "--endpoint", "http://127.0.0.1:1", "--faults", "all"],
        ["verify", "--faults", "gremlins"],
        ["proxy", "--upstream", "not a url"],
    ])
    func badUsage(_ arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(result.standardError.contains("error:"))
    }

    @Test("read-only by default against an endpoint the run does not own")
    func readOnlyAgainstEndpoint() throws {
        // Nothing listens on port 1: the read-only scenarios fail to connect; the life cycles
        // are skipped for want of --allow-mutations, and nothing else is tried.
        // Credentials and the project id come from the environment (a run without them is refused).
        var environment = ProcessInfo.processInfo.environment
        environment["X_AUTH_TOKEN"] = "token"
        environment["HUAWEICLOUD_SDK_PROJECT_ID"] = "0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c"
        let result = try CommandRunner.run(["verify", "--endpoint", "http://127.0.0.1:1", "--timeout", "2"], environment: environment)
        #expect(result.status == 1)
        #expect(result.standardError.contains("skipped (changes resources; pass --allow-mutations to run it)"))
    }
}
