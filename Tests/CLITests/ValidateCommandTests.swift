import ConformanceModel
import Foundation
import Testing

@Suite("conformance validate and coverage")
struct ValidateCommandTests {
    static let fixtures = CommandRunner.repositoryRoot.appendingPathComponent("Tests/ConformanceTests/Fixtures")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// One JSONL line: ExtendVolumeV2 with `new_size` given as `size`.
    static func extendLine(size: String) -> String {
        #"{"request": {"method": "POST", "url": "https://evs.example.com/v2/0a6fbea3a5b74ccba9e8f3a0a8b0fce5/volumes/6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11/action", "headers": {"X-Auth-Token": "MIIT-cli-secret-1234", "Content-Type": "application/json"}, "body": "{\"os-extend\": {\"new_size\": \#(size)}}"}, "response": {"status": 202}}"#
    }

    @Test("exit 0 when no exchange has an error finding")
    func conforming() throws {
        let result = try CommandRunner.run(["validate", Self.fixture("conforming.har")])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("2 exchanges: 0 errors"))
    }

    @Test("exit 1 on an error finding, read from standard input, with a curl replay and no secret")
    func errorsFromStandardInput() throws {
        let input = Self.extendLine(size: "100") + "\n" + Self.extendLine(size: "\\\"100\\\"") + "\n"
        let result = try CommandRunner.run(["validate", "-"], input: Data(input.utf8))
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("<stdin> #1"))
        #expect(result.standardOutput.contains("request.body.type"))
        #expect(result.standardOutput.contains("replay: curl -X 'POST'"))
        #expect(!result.standardOutput.contains("MIIT-cli-secret-1234"))
        #expect(!result.standardOutput.contains("\u{1B}["), "no colour when standard output is a pipe")
        #expect(result.standardError.hasPrefix("conformance: error: 1 error finding"))
    }

    @Test("exit 2 when an entry could not be read; the rest is still validated and the entry named")
    func brokenEntry() throws {
        let result = try CommandRunner.run(["validate", Self.fixture("evs.jsonl"), "--format", "json"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("evs.jsonl:2: not JSON"))
        let report = try JSONValue.parse(result.standardOutput)
        #expect(report["summary"]?["exchanges"] == 3)
        #expect(report["summary"]?["unreadable"] == 1)
        #expect(!result.standardOutput.contains("MIIT-har-secret-token-4f1c9a"))
        #expect(!result.standardOutput.contains("jsonl-signature-secret-99"))
    }

    @Test("--jobs N gives the report --jobs 1 gives: findings, states and unreadable lines in input order")
    func jobsDoNotChangeResults() throws {
        // Many chunks (the pipeline hands out 64 records at a time, to its lanes or to the
        // calling thread) of traffic with body findings, state findings (the docs' examples
        // reuse ids across states), a broken line and all four services.
        let root = CommandRunner.repositoryRoot
        let parts = try ["golden/huawei-evs/examples.jsonl", "golden/tencent-cbs/examples.jsonl", "golden/baidu-bcc/examples.jsonl",
                         "golden/huawei-ecs/examples.jsonl", "Tests/ConformanceTests/Fixtures/cinder-traffic.jsonl", "Tests/ConformanceTests/Fixtures/evs.jsonl"]
            .map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
        let corpus = String(repeating: parts.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(), count: 9)
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mixed.jsonl")
        try corpus.write(to: file, atomically: true, encoding: .utf8)
        let one = try CommandRunner.run(["validate", file.path, "--format", "json", "--jobs", "1"])
        let report = try JSONValue.parse(one.standardOutput)
        #expect((report["summary"]?["exchanges"]?.doubleValue ?? 0) > 2_048)
        #expect((report["summary"]?["unreadable"]?.doubleValue ?? 0) == 9)
        #expect(one.standardOutput.contains("\"state."), "the corpus should have state findings")
        for jobs in ["2", "3"] {
            let many = try CommandRunner.run(["validate", file.path, "--format", "json", "--jobs", jobs])
            #expect(many.status == one.status)
            #expect(many.standardOutput == one.standardOutput, "--jobs \(jobs) differs from --jobs 1")
            #expect(many.standardError == one.standardError)
        }
    }

    @Test("bad usage and unreadable files exit 2 with one line that names the problem", arguments: [
        (["validate", "Tests/ConformanceTests/Fixtures/truncated.har"], "truncated.har:"),
        (["validate", "/nonexistent/traffic.har"], "/nonexistent/traffic.har: cannot open"),
        (["validate", "x.har", "--service", "nope"], "--service nope"),
        (["validate", "x.har", "--host", "evs.example.com"], "expected HOST=SERVICE"),
        (["validate", "x.har", "--format", "xml"], "xml"),
        (["validate", "-", "-"], "only once"),
        (["validate", "x.har", "--jobs", "0"], "--jobs 0"),
        (["coverage", "x.har", "--min-coverage", "120"], "--min-coverage"),
    ])
    func badUsage(arguments: [String], mention: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(mention), "\(result.standardError)")
    }

    @Test("--output writes the JUnit report atomically; the HAR's secrets stay out")
    func outputFile() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("reports/junit.xml")
        let result = try CommandRunner.run(["validate", Self.fixture("evs.har"), "--format", "junit", "--output", output.path])
        #expect(result.status == 2, "entry 2 of evs.har is broken")
        #expect(result.standardOutput.isEmpty)
        let xml = try String(contentsOf: output, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml"))
        #expect(xml.contains("<testcase classname=\"unreadable\" name=\"entry 2\">"))
        #expect(!xml.contains("MIIT-har-secret-token-4f1c9a"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["junit.xml"])
    }

    @Test("coverage: --min-coverage exits 1 below the threshold and 0 at or above it")
    func minimumCoverage() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("resize.jsonl")
        let line = #"{"request": {"method": "POST", "url": "https://ecs.example.com/v1.1/0a6fbea3a5b74ccba9e8f3a0a8b0fce5/cloudservers/b0a9d2b4-2cae-4b66-a6ba-6af70f3bd7f8/resize", "headers": {"X-Auth-Token": "t0ken-value"}, "body": {"resize": {"flavorRef": "c3.15xlarge.2"}}}, "response": {"status": 200, "body": {"job_id": "70a599e0-31e7-49b7-b260-868f441e862b"}}}"#
        try (line + "\n").write(to: file, atomically: true, encoding: .utf8)

        let full = try CommandRunner.run(["coverage", file.path, "--min-coverage", "100", "--format", "json"])
        #expect(full.status == 0, "\(full.standardError)")
        let json = try JSONValue.parse(full.standardOutput)
        #expect(json["services"]?.arrayValue?.first?["service"] == "huawei-ecs")
        #expect(json["services"]?.arrayValue?.first?["operations"]?["percent"] == 100)

        let evs = try CommandRunner.run(["coverage", Self.fixture("conforming.har"), "--min-coverage", "50"])
        #expect(evs.status == 1)
        #expect(evs.standardOutput.contains("huawei-evs"))
        #expect(evs.standardError.contains("operation coverage below 50.0%: huawei-evs"))
    }
}
