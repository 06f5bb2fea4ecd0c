import ConformanceModel

/// Gives a body the wrapper key its own example has and its table leaves out.
///
/// EVS 7.1.2 (更新快照信息) lists the snapshot's fields in 表 7-12 响应 Body 参数 at the top
/// level (`id`, `name`, `status`, ...), while its 响应示例 is `{"snapshot": {"id": ..., ...}}`,
/// as every other snapshot operation documents it. Read as printed, the table would leave a
/// real body unchecked behind one unknown-field warning (`snapshot`). The rule, for any page:
/// when a body's table has fields, none of them is the example's single top-level key, and
/// that key holds an object (or an array of objects) most of whose keys the table documents
/// (at least two, or all of them when there are fewer), the body is that key around the table
/// (`Schema.Fact.wrapper`, basis `example`), and the table as printed stays as another reading,
/// so that a body that follows the table is a warning, not an error (DESIGN.md's severity
/// policy). A `schema.wrapper` note names the table and the example.
///
/// Bodies whose fields apply at any depth (Tencent's return tables) and enveloped responses are
/// not wrapped: their examples are walked through the envelope already.
enum WrapperResolver {
    static func resolve(_ spec: inout ServiceSpec) {
        var decided: Set<SchemaAddress> = []
        for bound in ExampleWalk.bound(in: spec) where !decided.contains(bound.address) {
            guard let table = spec.body(at: bound.address), table.kind == .object, !table.properties.isEmpty, !table.fieldsAtAnyDepth,
                  table.evidence[.wrapper] == nil,
                  let members = bound.value.objectValue, members.count == 1, let (key, inner) = members.first,
                  table.property(named: key) == nil else { continue }
            let isArray = inner.arrayValue != nil
            guard let object = inner.objectValue ?? inner.arrayValue?.first?.objectValue, !object.isEmpty else { continue }
            let documented = Set(table.properties.map(\.name))
            let fitting = object.keys.filter(documented.contains).count
            guard fitting >= min(2, object.count), fitting * 2 >= object.count else { continue }
            decided.insert(bound.address)

            let operation = spec.operations[bound.address.operation]
            let place = table.source ?? operation.source
            let caption = place.table ?? "the table of §\(place.section ?? operation.title)"
            let shown = table.properties.prefix(4).map(\.name).joined(separator: ", ") + (table.properties.count > 4 ? ", …" : "")
            let inside = isArray ? "[{…}]" : "{…}"
            var wrapped = Schema(kind: .object, properties: [Property(name: key, required: true, schema: isArray ? Schema(kind: .array, items: table, source: place) : table)], source: place)
            wrapped.evidence[.wrapper] = Evidence(.example, phrase: "{\"\(key)\": \(inside)} (\(fitting) of its \(object.count) keys in \(caption))", source: bound.example.source)
            wrapped.readings = [Reading(schema: table, basis: .table, phrase: "\(caption) lists \(shown) at the top level", source: place)]
            spec.modify(at: bound.address) { $0 = wrapped }
            let body = bound.address.isRequest ? "request body" : "response \(operation.responses[bound.address.response!].status) body"
            spec.diagnostics.append(Diagnostic(.note, code: "schema.wrapper",
                message: "\(operation.id) \(body): \(caption) lists its fields at the top level, the example (line \(bound.example.source.line.map(String.init) ?? "?")) nests \(fitting) of them under \"\(key)\"; the body is read as {\"\(key)\": \(inside)}, the table as printed kept as another reading",
                source: place))
        }
    }
}
