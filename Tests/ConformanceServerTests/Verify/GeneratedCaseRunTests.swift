import Conformance
import ConformanceModel
import ConformanceServer
import ConformanceSpecs
import Foundation
import Testing

/// Serialized and kept small: each test runs a mock and a runner in this process, and the
/// validation of hundreds of exchanges would hold the few concurrency threads other suites'
/// deadline timers need (the whole run is measured by the CLI tests, in a process of its own).
@Suite("generated verify cases against the embedded mock", .serialized)
struct GeneratedCaseRunTests {
    /// A run of generated cases only (no hand-written scenario) on a mock with `configuration`.
    func run(_ selection: CaseSelection, service: String? = nil, mock: MockConfiguration = MockConfiguration(settleDelay: .milliseconds(30)), failures: String? = nil) async throws -> (VerifyOutcome, [FailedCase]) {
        let endpoint = MockVendorEndpoint(configuration: mock)
        let url = try await endpoint.start()
        let client = UpstreamClient()
        let runner = VerifyRunner(configuration: mockConfiguration(url), transport: client, failuresPath: failures)
        let outcome = await runner.run(CaseGenerator.all(selection: selection, service: service))
        await client.shutdown()
        await endpoint.stop()
        return (outcome, runner.failedCases)
    }

    @Test("the EVS volume and snapshot cases pass on the mock, negatives get the field's documented code")
    func evsCasesPass() async throws {
        let (outcome, failed) = try await run(CaseSelection(maxCasesPerOperation: 4, operations: ["CreateVolume", "ShowVolume", "ListVolumes", "ResizeVolume", "DeleteVolume", "CreateSnapshot", "DeleteSnapshot", "RollbackSnapshot"]), service: "huawei-evs")
        #expect(failed.map(\.id) == [], "\(failed.map { "\($0.id): \($0.reason)" })")
        #expect(outcome.passed)
        #expect(outcome.scenarios.contains { $0.kind == .negative && $0.skipped == nil })
        var coverage = Coverage(specs: Specs.all)
        for exchange in outcome.report.exchanges { coverage.record(service: exchange.service, operation: exchange.operation, status: exchange.status, errorCode: nil) }
        // The eight operations, and the ones their resources are made and waited with.
        #expect(coverage.services.first?.operations.covered ?? 0 >= 8)
    }

    @Test("EVS attach, detach, reserve and metadata-item cases pass and leave nothing behind: each gets its own state, the cleanup detaches")
    func evsStatefulCasesPass() async throws {
        let operations = ["AttachVolume", "DetachVolume", "ReserveVolume", "UpdateVolumeMetadata", "ShowVolumeMetadataItem", "DeleteVolumeMetadataItem", "DeleteVolumeMetadataItemV2"]
        let (outcome, failed) = try await run(CaseSelection(maxCasesPerOperation: 3, operations: operations, kinds: [.positive]), service: "huawei-evs")
        #expect(failed.map(\.id) == [], "\(failed.map { "\($0.id): \($0.reason)" })")
        #expect(outcome.passed)
        #expect(outcome.leftBehind.isEmpty, "an attached or reserved volume must still be deleted: \(outcome.leftBehind)")
        // The two metadata deletes each delete the key (200), neither finds it gone (404).
        let deletes = outcome.report.exchanges.filter { $0.operation?.hasPrefix("DeleteVolumeMetadataItem") == true }
        #expect(deletes.count >= 2 && deletes.allSatisfy { $0.status == 200 }, "\(deletes.map(\.status))")
    }

    @Test("the Tencent cases pass: attach before detach, logs, distributed inspect, a fuzzy list")
    func tencentCasesPass() async throws {
        let (outcome, failed) = try await run(CaseSelection(maxCasesPerOperation: 3), service: "tencent-cbs")
        #expect(failed.map(\.id) == [], "\(failed.map { "\($0.id): \($0.reason)" })")
        #expect(outcome.passed)
        let operations = Set(outcome.scenarios.filter { $0.skipped == nil }.compactMap { $0.id.split(separator: ".").dropFirst().first.map(String.init) })
        #expect(operations.isSuperset(of: ["DiskAttach", "DiskDetach", "DiskLogsList", "DiskDistributedInspect", "DiskList"]))
    }

    @Test("a mock that accepts every request makes negative cases fail with verify.negative-accepted, and the log replays them")
    func negativeAccepted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verify-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("failures.jsonl").path
        let lax = MockConfiguration(settleDelay: .milliseconds(30), validateRequests: false)
        let (outcome, failed) = try await run(CaseSelection(maxCasesPerOperation: nil, operations: ["CreateVolume"], kinds: [.negative]), service: "huawei-evs", mock: lax, failures: log)
        #expect(!outcome.passed)
        let accepted = outcome.report.findings.filter { $0.rule == Rule.verifyNegativeAccepted }
        #expect(!accepted.isEmpty)
        #expect(accepted.allSatisfy { $0.source?.document.hasPrefix("002_") == true && $0.message.contains("breaks a documented constraint") })
        #expect(!failed.isEmpty && failed.allSatisfy { $0.kind == .negative })

        // The log holds one line per failed case, and replays as the same requests.
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == failed.count)
        let replayed = try FailedCaseLog.scenarios(at: log)
        #expect(replayed.map(\.id) == failed.map { "replay.\($0.id)" })
        #expect(replayed.map { $0.steps[0].body } == failed.map(\.step.body))
        #expect(replayed.allSatisfy { $0.steps[0].rejection != nil })

        // Replayed on a mock that validates, every case gets its documented error.
        let endpoint = MockVendorEndpoint(configuration: MockConfiguration(settleDelay: .milliseconds(30)))
        let url = try await endpoint.start()
        let client = UpstreamClient()
        let again = await VerifyRunner(configuration: mockConfiguration(url), transport: client).run(replayed)
        await client.shutdown()
        await endpoint.stop()
        #expect(again.passed, "\(again.scenarios.compactMap(\.failure))")
    }

    @Test("a malformed failed-case log names the file and the line")
    func malformedLog() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl").path
        try "{\"case\": \"x\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FailedCaseLog.Problem.self) { try FailedCaseLog.scenarios(at: path) }
        do {
            _ = try FailedCaseLog.scenarios(at: path)
        } catch {
            #expect(error.description.hasPrefix("\(path):1: "))
        }
    }
}
