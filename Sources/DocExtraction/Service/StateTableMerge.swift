import ConformanceModel

/// Merges a resource's state table from a second document (a standalone 云硬盘状态 page) into
/// the one a first document gave (the reference's appendix A.3), as one table.
///
/// States are matched by their API value. A state only the second table lists is added; a
/// console name or description only the second gives fills the gap. When the two lists differ,
/// the docs disagree about the life cycle, which is a `document.conflict` warning naming both
/// places; the merged table holds every documented state (a value either document lists is not
/// unknown).
enum StateTableMerge {
    static func merge(_ other: StateTable, into table: inout StateTable) -> [Diagnostic] {
        var added: [String] = []
        for state in other.states {
            if let index = table.states.firstIndex(where: { $0.value == state.value }) {
                if table.states[index].consoleName == nil { table.states[index].consoleName = state.consoleName }
                if table.states[index].description == nil { table.states[index].description = state.description }
            } else {
                table.states.append(state)
                added.append(state.value)
            }
        }
        let missing = table.states.map(\.value).filter { value in !other.states.contains { $0.value == value } && !added.contains(value) }
        guard !added.isEmpty || !missing.isEmpty, let source = other.source else { return [] }
        var parts: [String] = []
        if !added.isEmpty { parts.append("lists \(added.joined(separator: ", ")), which the other does not") }
        if !missing.isEmpty { parts.append("lacks \(missing.joined(separator: ", "))") }
        let place = table.source.map { "\($0.document)\($0.section.map { " §\($0)" } ?? "")" } ?? "the first document"
        return [Diagnostic(.warning, code: "document.conflict", message: "\(source.document)'s state table '\(other.title)' (\(other.resource)) differs from the one in \(place): it \(parts.joined(separator: " and ")); the merged table holds every state", source: source)]
    }
}
