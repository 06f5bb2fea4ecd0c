import ConformanceModel

extension BodyScanner {
    /// A value whose node has other readings (`Schema.readings`: another place of the docs
    /// documents it differently). Scanned against the primary schema as usual; only when that
    /// gives issues is the value's byte range scanned again against each reading. An issue the
    /// primary reports and a reading does not is the docs disagreeing, not the traffic breaking
    /// them: those issues become one warning that cites both places (DESIGN.md's severity
    /// policy). Issues every reading reports stay as they are.
    mutating func valueWithReadings(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        let start = index
        let mark = pending.count
        try plainValue(node, capture: capture)
        guard pending[mark...].contains(where: { !$0.issue.disputed }), let readings = table.readings[node] else { return }
        let end = index
        for reading in readings {
            var rescan = BodyScanner(base: base, count: end, table: table, captures: nil)
            rescan.index = start
            rescan.depth = depth
            rescan.anyDepthContext = anyDepthContext
            guard (try? rescan.plainValue(reading.root, capture: nil)) != nil else { continue }
            let remaining = Set(rescan.pending.map { PendingKey($0) })
            let objected = Set(rescan.pending.filter { $0.issue.kind.isAboutTheValue }.map { PendingKey(placeOf: $0) })
            var explained: [Pending] = []
            var kept: [Pending] = []
            for item in pending[mark...] {
                let unexplained = remaining.contains(PendingKey(item)) || item.issue.kind.isAboutTheValue && objected.contains(PendingKey(placeOf: item))
                if !item.issue.disputed, !unexplained { explained.append(item) } else { kept.append(item) }
            }
            guard !explained.isEmpty else { continue }
            pending.removeSubrange(mark...)
            pending.append(disputed(explained, node: node, reading: reading, at: start))
            pending.append(contentsOf: kept)
            guard pending[(mark + 1)...].contains(where: { !$0.issue.disputed }) else { return }
        }
    }

    /// What identifies an issue across two scans of the same bytes. A reading explains an
    /// issue it does not have; but a value a reading objects to as well, for another reason
    /// (`"AAA"` for 表 6-34's `is_auto_pay`, String true/false, which the 6.1.4 example prints
    /// as a boolean: not in the enum, and not a boolean either), follows no reading: its issue
    /// about the value (type, enum, range) is matched by place alone (`placeOf:`).
    struct PendingKey: Hashable {
        var offset: Int
        var suffix: String
        var kind: BodyIssue.Kind?

        init(_ pending: Pending) {
            offset = pending.offset
            suffix = pending.suffix
            kind = pending.issue.kind
        }

        /// The place alone.
        init(placeOf pending: Pending) {
            offset = pending.offset
            suffix = pending.suffix
            kind = nil
        }
    }

    /// One warning for the issues a reading explains, citing the primary's place and the reading's.
    func disputed(_ explained: [Pending], node: Int32, reading: CompiledSchema.CompiledReading, at offset: Int) -> Pending {
        // The warning takes the weightiest issue's rule (a type before a missing field, ...).
        let lead = explained.indices.max { explained[$0].issue.kind.weight < explained[$1].issue.kind.weight || explained[$0].issue.kind.weight == explained[$1].issue.kind.weight && $0 > $1 }!
        let first = explained[lead].issue
        let primary = table.sources[Int(node)] ?? first.source
        let others = explained.indices.filter { $0 != lead }.map { explained[$0].issue.kind.rawValue }
        let more = others.isEmpty ? "" : " (and \(others.count) more: \(Set(others).sorted().joined(separator: ", ")))"
        let place = primary.map { " by \($0.shortLabel)" } ?? ""
        let other = reading.reading
        let says: String
        switch other.basis {
        case .table: says = "\(other.source.shortLabel) documents it as \(table.typeName(of: reading.root)) (“\(other.phrase)”)"
        case .example: says = "the example at \(other.source.shortLabel) gives “\(other.phrase)”"
        case .sentence, .convention: says = "\(other.source.shortLabel) says “\(other.phrase)”"
        }
        let message = "\(first.message)\(more)\(place); the docs disagree: \(says), which the value follows"
        var issue = BodyIssue(kind: first.kind, pointer: "", message: message, expected: [first.expected, "\(table.typeName(of: reading.root)) per \(reading.reading.source.shortLabel)"].compactMap { $0 }.joined(separator: ", or "),
                              actual: first.actual, source: primary)
        issue.disputed = true
        issue.sources = (primary.map { [$0] } ?? []) + [reading.reading.source]
        return explained.count == 1 ? Pending(offset: explained[0].offset, suffix: explained[0].suffix, issue: issue) : Pending(offset: offset, suffix: "", issue: issue)
    }
}
