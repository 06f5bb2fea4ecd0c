import Foundation
import Conformance

/// JUnit XML of a verify run: the validation report's suites (one per scenario, one test case
/// per exchange, `JUnitReport`) plus a `scenarios` suite with one test case per scenario that
/// fails with its failed step, or is skipped with the reason.
public enum VerifyJUnit {
    public static func render(_ outcome: VerifyOutcome) -> String {
        var text = JUnitReport.render(outcome.report)
        let failed = outcome.scenarios.filter { $0.skipped == nil && !$0.passed }.count
        let skipped = outcome.scenarios.filter { $0.skipped != nil }.count
        var suite = "  <testsuite name=\"scenarios\" tests=\"\(outcome.scenarios.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"\(skipped)\">\n"
        for scenario in outcome.scenarios {
            let seconds = Double(scenario.duration.components.seconds) + Double(scenario.duration.components.attoseconds) / 1e18
            suite += "    <testcase classname=\"verify\" name=\"\(escape(scenario.id))\" time=\"\(seconds)\""
            let skippedSteps = (scenario.steps + scenario.cleanup).compactMap { step in
                step.skipReason.map { "skipped \(step.name) (\(step.operation)): \($0)" }
            }
            if let reason = scenario.skipped {
                suite += ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
            } else if !scenario.passed {
                let message = scenario.failure ?? "\(scenario.errors) error findings in the scenario's traffic"
                let steps = (scenario.steps + scenario.cleanup).map { step -> String in
                    switch step.verdict {
                    case .passed: "passed  \(step.name) (\(step.operation))"
                    case .failed(let reason): "FAILED  \(step.name) (\(step.operation)): \(reason)"
                    case .skipped(let reason): "skipped \(step.name) (\(step.operation)): \(reason)"
                    }
                }.joined(separator: "\n")
                suite += ">\n      <failure message=\"\(escape(message))\" type=\"verify.scenario\">\(escape(steps))</failure>\n    </testcase>\n"
            } else if !skippedSteps.isEmpty {
                // Passed with steps left out: the steps and why, where CI shows a test's output.
                suite += ">\n      <system-out>\(escape(skippedSteps.joined(separator: "\n")))</system-out>\n    </testcase>\n"
            } else {
                suite += "/>\n"
            }
        }
        suite += "  </testsuite>\n"
        if let end = text.range(of: "</testsuites>", options: .backwards) {
            text.insert(contentsOf: suite, at: end.lowerBound)
        }
        return text
    }

    /// XML 1.0 text and attribute escaping, shared with the validation report.
    static func escape(_ text: String) -> String {
        JUnitReport.escape(text)
    }
}
