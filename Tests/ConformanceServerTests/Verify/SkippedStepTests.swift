import Conformance
@testable import ConformanceServer
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A skipped step says why, in the text summary and in JUnit (issue 17: "6/7 passed" and
/// nothing more).
@Suite("verify: skipped steps with their reasons")
struct SkippedStepTests {
    static let outcome = VerifyOutcome(
        runID: "r1",
        scenarios: [ScenarioOutcome(id: "huawei-evs.read-only", title: "read-only", steps: [
            StepOutcome(name: "list volumes", operation: "ListVolumes", verdict: .passed, exchanges: 1),
            StepOutcome(name: "show quota", operation: "ShowQuota", verdict: .skipped("no volume to read: the list was empty"), exchanges: 0),
        ], exchanges: 1)],
        report: ValidationReport(keepsEveryExchange: true), interrupted: false, leftBehind: []
    )

    @Test("the text summary lists each skipped step with its reason")
    func text() {
        let text = SummaryTable.render(Self.outcome)
        #expect(text.contains("1/2"))
        #expect(text.contains("huawei-evs.read-only: skipped show quota (ShowQuota): no volume to read: the list was empty"))
    }

    @Test("JUnit gives a passing scenario's skipped steps as system-out; the XML parses")
    func junit() throws {
        let xml = VerifyJUnit.render(Self.outcome)
        let document = try XMLDocument(xmlString: xml)
        let output = try document.nodes(forXPath: "//testsuite[@name='scenarios']/testcase[@name='huawei-evs.read-only']/system-out")
        #expect(output.first?.stringValue == "skipped show quota (ShowQuota): no volume to read: the list was empty")
    }
}
