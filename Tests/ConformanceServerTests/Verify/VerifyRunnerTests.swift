import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// `conformance verify` against the embedded mock: every scenario runs clean, and injected
/// faults show up as findings.
@Suite("VerifyRunner")
struct VerifyRunnerTests {
    @Test("every scenario passes against the embedded mock, with no error finding")
    func cleanAgainstMock() async throws {
        let outcome = try await withMock { url, client in
            await VerifyRunner(configuration: mockConfiguration(url), transport: client).run()
        }
        for scenario in outcome.scenarios {
            #expect(scenario.skipped == nil, "\(scenario.id) skipped: \(scenario.skipped ?? "")")
            #expect(scenario.passed, "\(scenario.id): \(scenario.failure ?? "\(scenario.errors) error findings")")
        }
        #expect(outcome.scenarios.count == ScenarioCatalog.all.count)
        #expect(outcome.report.summary.errors == 0, "\(outcome.report.findings.filter { $0.severity == .error }.map { "\($0.rule) \($0.message)" })")
        #expect(outcome.leftBehind.isEmpty)
        #expect(outcome.passed)
        // All four services were exercised.
        let services = Set(outcome.report.exchanges.compactMap(\.service))
        #expect(services == ["huawei-evs", "huawei-ecs", "tencent-cbs", "baidu-bcc"])
        #expect(outcome.report.summary.exchanges > 20)
    }

    @Test("with faults injected, the report shows findings and the run fails")
    func faultsShowFindings() async throws {
        let outcome = try await withMock(faults: MockFaults(kinds: Set(MockFaults.Kind.allCases))) { url, client in
            await VerifyRunner(configuration: mockConfiguration(url), transport: client).run()
        }
        #expect(outcome.report.summary.errors > 0)
        #expect(!outcome.passed)
        let rules = Set(outcome.report.summary.rules.keys)
        #expect(rules.contains { $0.hasPrefix("response.") || $0.hasPrefix("state.") }, "\(rules)")
    }

    @Test("the summary table has a row per scenario and the totals")
    func summaryTable() async throws {
        let outcome = try await withMock { url, client in
            await VerifyRunner(configuration: mockConfiguration(url, scenarios: ["huawei-evs.read-only"]), transport: client).run()
        }
        let table = SummaryTable.render(outcome)
        #expect(table.contains("huawei-evs.read-only"))
        #expect(table.contains("1 passed, 0 failed, 0 skipped"))
        let junit = VerifyJUnit.render(outcome)
        #expect(junit.contains("<testsuite name=\"scenarios\" tests=\"1\" failures=\"0\""))
    }
}
