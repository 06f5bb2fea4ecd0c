import ConformanceModel

extension DocReference {
    /// A short name for the place, for messages that cite two of them: the table (or the
    /// section), then the section and line, e.g. `表 7-27 SnapshotDetailV5 (§7.1.4, line 10213)`.
    var shortLabel: String {
        let head = table ?? section.map { "§\($0)\(title.map { " " + $0 } ?? "")" } ?? document
        var details: [String] = []
        if table != nil, let section { details.append("§\(section)") }
        if let line { details.append("line \(line)") }
        return details.isEmpty ? head : "\(head) (\(details.joined(separator: ", ")))"
    }
}
