import ConformanceModel

extension DiffReport {
    /// The JSON report (issue 20), in canonical form:
    /// `{"summary": {...}, "changes": [{"id", "level", "operation", "location", "pointer", "old",
    /// "new", "oldSource", "newSource", "message", "route", "status"}]}`; a source is
    /// `{"document", "path", "section", "title", "table", "line", "quote", "absent"}`.
    public var json: String {
        var byID: [String: JSONValue] = [:]
        for (id, group) in Dictionary(grouping: changes, by: \.id) { byID[id] = .integer(group.count) }
        let summary: JSONValue = .object([
            "old": .string(old.label), "oldOrigin": .string(old.origin),
            "new": .string(new.label), "newOrigin": .string(new.origin),
            "service": .string(new.service),
            "total": .integer(changes.count),
            "breaking": .integer(count(.breaking)), "warning": .integer(count(.warning)), "info": .integer(count(.info)),
            "byId": .object(byID),
        ])
        let list: [JSONValue] = changes.map { change in
            .object([
                "id": .string(change.id),
                "level": .string(change.level.rawValue),
                "operation": change.operation.map(JSONValue.string) ?? .null,
                "route": change.route.map(JSONValue.string) ?? .null,
                "location": .string(change.location.rawValue),
                "pointer": .string(change.pointer),
                "status": change.status.map(JSONValue.integer) ?? .null,
                "old": change.old ?? .null,
                "new": change.new ?? .null,
                "oldSource": sourceJSON(change.oldSource, on: old),
                "newSource": sourceJSON(change.newSource, on: new),
                "message": .string(change.message),
            ])
        }
        return JSONValue.object(["summary": summary, "changes": .array(list)]).canonicalText + "\n"
    }

    private func sourceJSON(_ source: ChangeSource, on side: Side) -> JSONValue {
        guard let reference = source.reference else { return .null }
        return .object([
            "document": .string(reference.document),
            "path": .string(side.path(of: reference.document)),
            "section": reference.section.map(JSONValue.string) ?? .null,
            "title": reference.title.map(JSONValue.string) ?? .null,
            "table": reference.table.map(JSONValue.string) ?? .null,
            "line": reference.line.map(JSONValue.integer) ?? .null,
            "quote": source.quote.map(JSONValue.string) ?? .null,
            "absent": .bool(source.absent),
        ])
    }
}
