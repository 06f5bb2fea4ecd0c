/// The table printed at the end of a verify run: one row per scenario with its steps,
/// exchanges, error findings, duration and verdict; then each step that was skipped, with why.
///
/// ```
/// scenario                         steps  exchanges  errors  duration  result
/// huawei-evs.read-only               6/6          6       0    0.04 s  passed
/// ```
public enum SummaryTable {
    public static func render(_ outcome: VerifyOutcome) -> String {
        var rows: [[String]] = [["scenario", "steps", "exchanges", "errors", "duration", "result"]]
        for scenario in outcome.scenarios {
            let done = scenario.steps.filter { if case .passed = $0.verdict { true } else { false } }.count
            let result: String
            if let skipped = scenario.skipped {
                result = "skipped: \(skipped)"
            } else if let failure = scenario.failure {
                result = "FAILED: \(failure)"
            } else if scenario.errors > 0 {
                result = "FAILED: error findings"
            } else {
                result = "passed"
            }
            rows.append([
                scenario.id,
                scenario.skipped == nil ? "\(done)/\(scenario.steps.count)" : "-",
                "\(scenario.exchanges)",
                "\(scenario.errors)",
                scenario.skipped == nil ? seconds(scenario.duration) : "-",
                result,
            ])
        }
        var widths = Array(repeating: 0, count: 5)
        for row in rows {
            for column in 0..<5 { widths[column] = max(widths[column], row[column].count) }
        }
        var text = ""
        for row in rows {
            var line = row[0].padding(to: widths[0])
            for column in 1..<5 { line += "  " + row[column].leftPadding(to: widths[column]) }
            line += "  " + row[5]
            text += line + "\n"
        }
        for scenario in outcome.scenarios {
            for step in scenario.steps + scenario.cleanup {
                if let reason = step.skipReason { text += "  \(scenario.id): skipped \(step.name) (\(step.operation)): \(reason)\n" }
            }
        }
        let ran = outcome.scenarios.filter { $0.skipped == nil }
        let passed = ran.filter(\.passed).count
        text += "\(passed) passed, \(ran.count - passed) failed, \(outcome.scenarios.count - ran.count) skipped (run \(outcome.runID))\n"
        if outcome.interrupted { text += "interrupted: cleanup ran, the remaining scenarios were skipped\n" }
        for left in outcome.leftBehind { text += "LEFT BEHIND (delete by hand): \(left)\n" }
        return text
    }

    /// `1.23 s`.
    public static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }

    fileprivate func leftPadding(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
