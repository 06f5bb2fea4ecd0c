import ConformanceModel
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
        // On its own, the recording's only errors are on the requests of the negative cases,
        // which break a documented constraint on purpose; every answer conforms.
        let validated = try CommandRunner.run(["validate", har, "--format", "json"])
        let report = try JSONValue.parse(validated.standardOutput)
        let errors = (report["findings"]?.arrayValue ?? []).filter { $0["severity"]?.stringValue == "error" }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0["location"]?.stringValue?.hasPrefix("request.") == true }, "\(errors.prefix(3))")
    }

    @Test("`--faults all` makes the report show findings and the run exit 1")
    func verifyWithFaults() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let failures = folder.appendingPathComponent("failures.jsonl").path
        // The default budget: which answers are spoiled depends on the request count, and a
        // smaller run (3 cases per operation) happens to spoil no answer a state rule sees.
        let result = try CommandRunner.run(["verify", "--faults", "all", "--failures", failures])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("error "))
        #expect(result.standardError.contains("with faults all"))
        // A spoiled answer fails its case and the run goes on: every kind of fault shows.
        for rule in ["response.body.type", "response.body.missing-field", "response.error.code-undocumented"] {
            #expect(result.standardOutput.contains(rule), "\(rule)")
        }
        #expect(result.standardOutput.contains("state.precondition") || result.standardOutput.contains("state.transition"))
        // The failed cases are logged, and replay.
        let lines = try String(contentsOfFile: failures, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        let replay = try CommandRunner.run(["verify", "--replay", failures])
        #expect(replay.status <= 1, "\(replay.standardError)")
        #expect(replay.standardOutput.contains("replay."))
    }

    @Test("the same seed lists the same generated cases; --operations and --include narrow them")
    func seededList() throws {
        let first = try CommandRunner.run(["verify", "--list", "--seed", "3", "--max-cases-per-operation", "2", "--service", "huawei-evs"])
        let again = try CommandRunner.run(["verify", "--list", "--seed", "3", "--max-cases-per-operation", "2", "--service", "huawei-evs"])
        #expect(first.status == 0 && first.standardOutput == again.standardOutput)
        let narrow = try CommandRunner.run(["verify", "--list", "--operations", "CreateVolume", "--include", "negative"])
        let cases = narrow.standardOutput.split(separator: "\n").filter { $0.contains("[") && $0.contains("negative") }
        #expect(!cases.isEmpty && cases.allSatisfy { $0.hasPrefix("huawei-evs.CreateVolume.negative.") })
        let bad = try CommandRunner.run(["verify", "--include", "sideways"])
        #expect(bad.status == 2)
        let replay = try CommandRunner.run(["verify", "--replay", "/no/such/file.jsonl"])
        #expect(replay.status == 2 && replay.standardError.contains("/no/such/file.jsonl"))
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
        ["verify", "--resource", "volume_id"],
        ["verify", "--max-cases-per-operation", "-1"],
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
