import ConformanceModel

extension DiffReport {
    /// The report as a pull-request comment: a heading with the counts, the breaking changes and
    /// warnings as tables, the info changes folded away in `<details>`, and both citations in each row.
    public var markdown: String {
        var lines = [
            "### conformance diff: " + (changes.isEmpty ? "no changes" : "\(count(.breaking)) breaking, \(count(.warning)) warning\(count(.warning) == 1 ? "" : "s"), \(count(.info)) info"),
            "",
            "`\(old.label)` (\(old.origin)) → `\(new.label)` (\(new.origin))",
        ]
        for level in ChangeCheck.Level.allCases.reversed() {
            let rows = changes.filter { $0.level == level }
            guard !rows.isEmpty else { continue }
            let plural = rows.count == 1 ? "" : "s"
            let heading = level == .warning ? "\(rows.count) warning\(plural)" : "\(rows.count) \(level.rawValue) change\(plural)"
            lines.append("")
            if level == .info { lines.append("<details><summary>\(heading)</summary>") } else { lines.append("#### \(heading)") }
            lines.append("")
            lines.append("| change | operation | where | what | OLD | NEW |")
            lines.append("|---|---|---|---|---|---|")
            for change in rows {
                let cells = [
                    "`\(change.id)`",
                    change.operation.map { "`\($0)`" } ?? "—",
                    "\(change.location.rawValue)\(change.status.map { " \($0)" } ?? "")" + (change.pointer.isEmpty ? "" : " `\(change.pointer)`"),
                    cell(change.message),
                    cell(cellSource(change.oldSource, on: old)),
                    cell(cellSource(change.newSource, on: new)),
                ]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            if level == .info {
                lines.append("")
                lines.append("</details>")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func cellSource(_ source: ChangeSource, on side: Side) -> String {
        var text = (source.absent ? "not there: " : "") + citation(source, on: side)
        if let quote = source.quote, !quote.isEmpty { text += "<br>“\(DocWords.clipped(quote, limit: 120))”" }
        return text
    }

    /// A table cell: pipes escaped, line breaks as `<br>`.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }
}
