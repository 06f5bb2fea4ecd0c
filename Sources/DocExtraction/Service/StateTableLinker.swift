import ConformanceModel

/// Links fields to the state table their description points to.
///
/// Huawei's tables say `status ... 请参见 云硬盘状态` (see the volume state table); such a
/// field takes its values from that table. The link is made by the table's title appearing
/// in the field's description, the longest title first (so that `云硬盘快照状态` is not
/// taken for `云硬盘状态`).
enum StateTableLinker {
    static func link(_ spec: inout ServiceSpec) {
        let titles = spec.stateTables.map { ($0.title, $0.resource) }.sorted { $0.0.count > $1.0.count }
        guard !titles.isEmpty else { return }
        for index in spec.operations.indices {
            if var body = spec.operations[index].requestBody {
                visit(&body, titles)
                spec.operations[index].requestBody = body
            }
            for responseIndex in spec.operations[index].responses.indices {
                if var body = spec.operations[index].responses[responseIndex].body {
                    visit(&body, titles)
                    spec.operations[index].responses[responseIndex].body = body
                }
            }
            for parameterIndex in spec.operations[index].parameters.indices {
                visit(&spec.operations[index].parameters[parameterIndex].schema, titles)
            }
        }
    }

    private static func visit(_ schema: inout Schema, _ titles: [(String, String)]) {
        if schema.kind == .string, let description = schema.description,
           let match = titles.first(where: { description.contains($0.0) }),
           description.contains("参见") || description.contains("状态") {
            schema.stateTable = match.1
        }
        for index in schema.properties.indices {
            visit(&schema.properties[index].schema, titles)
        }
        if var items = schema.items {
            visit(&items, titles)
            schema.items = items
        }
        if var values = schema.values {
            visit(&values, titles)
            schema.values = values
        }
    }
}
