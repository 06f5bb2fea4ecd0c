extension DiffReport {
    /// The report for a terminal: both sides, the counts, then each group with its changes, every
    /// change with its id, where it is, the message, and both citations with the doc's words.
    public var text: String {
        var lines = [
            "OLD  \(old.label) (\(old.origin))",
            "NEW  \(new.label) (\(new.origin))",
            summaryLine,
        ]
        for group in groups {
            lines.append("")
            lines.append(group.title)
            for change in group.changes {
                let level = change.level.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                lines.append("  \(level) \(change.id)  \(place(change))")
                lines.append("           \(change.message)")
                lines.append("           old: \(sourceLine(change.oldSource, on: old))")
                lines.append("           new: \(sourceLine(change.newSource, on: new))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `request /volume/size`, `response 202 /job_id`, `parameters /query/limit`, `errorCodes EVS.2088`.
    func place(_ change: SpecChange) -> String {
        var text = change.location.rawValue
        if let status = change.status { text += " \(status)" }
        if !change.pointer.isEmpty { text += " \(change.pointer)" }
        return text
    }

    private func sourceLine(_ source: ChangeSource, on side: Side) -> String {
        var text = (source.absent ? "(not there) " : "") + citation(source, on: side)
        if let quote = source.quote, !quote.isEmpty { text += "  “\(DocWords.clipped(quote, limit: 100))”" }
        return text
    }
}
