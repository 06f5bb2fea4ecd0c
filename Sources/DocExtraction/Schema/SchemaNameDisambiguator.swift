import ConformanceModel

/// Keeps the doc's own object names (`CreateVolumeOption`, `Link`) unique per shape across one
/// document's operations.
///
/// A reference reuses names for different structures in different operations (`VolumeDetail`
/// of the v2 and the v3 query differ by fields). A name shared by one shape stays as written;
/// when two shapes share it, the first shape in document order keeps the name and the others
/// get a counter (`VolumeDetail2`), with a note, so that generated types do not collide.
public enum SchemaNameDisambiguator {
    public static func disambiguate(_ operations: inout [Operation]) -> [Diagnostic] {
        var shapes: [String: [String]] = [:]
        func collect(_ schema: Schema) {
            if schema.kind == .object, let name = schema.name, !schema.properties.isEmpty {
                let key = shape(schema)
                if !(shapes[name]?.contains(key) ?? false) { shapes[name, default: []].append(key) }
            }
            schema.properties.forEach { collect($0.schema) }
            if let items = schema.items { collect(items) }
            if let values = schema.values { collect(values) }
        }
        for operation in operations {
            operation.requestBody.map(collect)
            operation.responses.forEach { $0.body.map(collect) }
        }
        let ambiguous = shapes.filter { $0.value.count > 1 }
        guard !ambiguous.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        func rename(_ schema: inout Schema) {
            if schema.kind == .object, let name = schema.name, let variants = ambiguous[name], !schema.properties.isEmpty,
               let index = variants.firstIndex(of: shape(schema)), index > 0 {
                let renamed = "\(name)\(index + 1)"
                if reported.insert(renamed).inserted, let source = schema.source {
                    diagnostics.append(Diagnostic(.note, code: "schema.renamed", message: "object name '\(name)' is used for \(variants.count) different structures; this one is named '\(renamed)'", source: source))
                }
                schema.name = renamed
            }
            for index in schema.properties.indices { rename(&schema.properties[index].schema) }
            if var items = schema.items { rename(&items); schema.items = items }
            if var values = schema.values { rename(&values); schema.values = values }
        }
        for index in operations.indices {
            if var body = operations[index].requestBody {
                rename(&body)
                operations[index].requestBody = body
            }
            for response in operations[index].responses.indices {
                if var body = operations[index].responses[response].body {
                    rename(&body)
                    operations[index].responses[response].body = body
                }
            }
        }
        return diagnostics
    }

    /// Field names and kinds, nested objects included: what makes two structures the same.
    static func shape(_ schema: Schema) -> String {
        var parts: [String] = []
        for property in schema.properties {
            var part = property.name + ":" + property.schema.kind.rawValue
            if property.schema.kind == .object { part += "{" + shape(property.schema) + "}" }
            if let items = property.schema.items { part += "[" + items.kind.rawValue + (items.kind == .object ? "{" + shape(items) + "}" : "") + "]" }
            parts.append(part)
        }
        return parts.joined(separator: ",")
    }
}
