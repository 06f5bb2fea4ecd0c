import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// `conformance verify` against the embedded mock: every scenario runs clean, and injected
/// faults show up as findings.
@Suite("VerifyRunner")
struct VerifyRunnerTests {
    /// Passes partly by construction: the mock answers goldens synthesized from the same specs
    /// and refuses requests with the same `Validator`, so a clean report shows the runner, the
    /// scenarios and the mock agree with each other, not that the spec reads the docs right.
    /// The outside checks are `SDKInteropTests` (the vendors' SDKs against the mock) and
    /// `MisbehavingUpstreamTests` (the validator against answers not built from the specs).
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

    /// Each fault alone (together, the first one stops the scenarios before the others show):
    /// the report has the rule the README's fault table promises, and the run fails.
    /// `illegal-transitions` is not here: the scenarios wait for `available` before they extend,
    /// so they never send the request the fault would accept (MockFaultTests covers it).
    @Test("each injected fault shows its own finding and fails the run", arguments: [
        (MockFaults.Kind.wrongTypes, Rule.responseBodyType),
        (.missingFields, Rule.responseBodyMissingField),
        (.undocumentedCodes, Rule.responseStatusUndocumented),
    ])
    func faultsShowFindings(fault: MockFaults.Kind, rule: RuleID) async throws {
        let outcome = try await withMock(faults: MockFaults(kinds: [fault])) { url, client in
            await VerifyRunner(configuration: mockConfiguration(url), transport: client).run()
        }
        #expect(outcome.report.summary.errors > 0)
        #expect(!outcome.passed)
        let rules = Set(outcome.report.summary.rules.keys)
        #expect(rules.contains(rule.id), "\(rule.id) is missing from \(rules.sorted())")
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
