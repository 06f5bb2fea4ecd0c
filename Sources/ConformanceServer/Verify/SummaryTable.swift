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
        for scenario in outcome.scenarios where scenario.kind == nil {
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
        rows += caseRows(outcome.scenarios.filter { $0.kind != nil })
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
        for failed in ran where failed.kind != nil && !failed.passed {
            text += "FAILED \(failed.id): \(failed.failure ?? "\(failed.errors) error findings")\n"
        }
        text += "\(passed) passed, \(ran.count - passed) failed, \(outcome.scenarios.count - ran.count) skipped (run \(outcome.runID))\n"
        if outcome.interrupted { text += "interrupted: cleanup ran, the remaining scenarios were skipped\n" }
        for left in outcome.leftBehind { text += "LEFT BEHIND (delete by hand): \(left)\n" }
        return text
    }

    /// One row per service and kind of generated case (`huawei-evs negative cases`): cases
    /// run (of generated) in the steps column, and how many passed, failed and were skipped.
    static func caseRows(_ cases: [ScenarioOutcome]) -> [[String]] {
        var order: [String] = []
        var groups: [String: [ScenarioOutcome]] = [:]
        for outcome in cases {
            let key = "\(outcome.service) \(outcome.kind!.rawValue) cases"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(outcome)
        }
        return order.map { key in
            let group = groups[key]!
            let ran = group.filter { $0.skipped == nil }
            let passed = ran.filter(\.passed).count
            let duration = ran.reduce(Duration.zero) { $0 + $1.duration }
            var result = "\(passed) passed"
            if ran.count > passed { result += ", \(ran.count - passed) FAILED" }
            if group.count > ran.count { result += ", \(group.count - ran.count) skipped (\(Set(group.compactMap(\.skipped)).sorted().first ?? ""))" }
            return [key, "\(ran.count)/\(group.count)", "\(ran.reduce(0) { $0 + $1.exchanges })", "\(ran.reduce(0) { $0 + $1.errors })", seconds(duration), result]
        }
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
