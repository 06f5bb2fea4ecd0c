import ConformanceModel

extension ChangeCheck {
    /// The catalog as the README lists it: one row per check, then the bound checks as one row
    /// per subject and bound with the level of each move. A test keeps the README equal to it.
    public static var markdownCatalog: String {
        var lines = [
            "| id | level | where | what | oasdiff |",
            "|---|---|---|---|---|",
        ]
        let bounds = Set(boundChecks.map(\.id))
        for check in all where !bounds.contains(check.id) {
            lines.append("| `\(check.id)` | \(check.level.rawValue) | \(check.location.rawValue) | \(check.summary) | \(check.sharedWithOasdiff ? "same id" : "—") |")
        }
        lines.append("")
        lines.append("Bounds (`<subject>-<bound>-<move>`, e.g. `request-property-max-decreased`; a missing bound counts as unbounded):")
        lines.append("")
        lines.append("| subject-bound | " + BoundMove.allCases.map(\.rawValue).joined(separator: " | ") + " |")
        lines.append("|---|" + String(repeating: "---|", count: BoundMove.allCases.count))
        for subject in BoundSubject.allCases {
            for bound in Bound.allCases {
                let levels = BoundMove.allCases.map { move in
                    let check = ChangeCheck.bound(subject, bound, move)
                    return check.level.rawValue + (check.sharedWithOasdiff ? "¹" : "")
                }
                lines.append("| `\(subject.rawValue)-\(bound.rawValue)-*` | " + levels.joined(separator: " | ") + " |")
            }
        }
        lines.append("")
        lines.append("¹ oasdiff has a check with the same id.")
        return lines.joined(separator: "\n") + "\n"
    }
}
