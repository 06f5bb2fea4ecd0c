import ConformanceModel
import Foundation

/// The request body a `Request Structure` prints, with bare words standing for values
/// (`"reservationLength": reservationLength`), read as a schema of nested fields.
///
/// BCC pages give only the top-level body fields a table row and link their types to an
/// appendix (`[Billing](BCC/API Reference/Appendix.md#Billing)`); the structure shows the
/// nesting. A field's type is the JSON type of its value in the `Request Instance` at the
/// same place (`"reservationLength":1` → integer); without one it is any JSON value.
/// Every field says in its description where its shape and its type came from.
struct BodyTemplate {
    /// The template parsed, placeholders as `.string("{{name}}")`.
    var value: JSONValue
    var lines: [(text: String, line: Int)]

    /// Parses the template; `nil` when it is not JSON even with its placeholders quoted.
    init?(lines: [(text: String, line: Int)]) {
        let text = lines.map(\.text).joined(separator: "\n")
        // `: reservationLength,` → `: "{{reservationLength}}",` (not true/false/null).
        let quoted = text.replacingOccurrences(
            of: #"(:\s*)(?!true\b|false\b|null\b)([A-Za-z_][A-Za-z0-9_]*)(\s*[,}\]\n])"#,
            with: "$1\"{{$2}}\"$3",
            options: .regularExpression
        )
        guard let value = try? JSONValue.parse(quoted) else { return nil }
        self.value = value
        self.lines = lines
    }

    /// The schema of the template's field `name` at the top level, typed from `instance`.
    func schema(ofField name: String, instance: JSONValue?, instanceLines: [(text: String, line: Int)], document: SourceDocument) -> Schema? {
        guard let field = value[name] else { return nil }
        return schema(field, name: name, instance: instance?[name], instanceLines: instanceLines, document: document)
    }

    /// The top-level field names in the order the template writes them.
    var fieldNames: [String] { JSONKeyOrder.topLevelKeys(in: lines.map(\.text).joined(separator: "\n")) }

    private func schema(_ template: JSONValue, name: String, instance: JSONValue?, instanceLines: [(text: String, line: Int)], document: SourceDocument) -> Schema {
        let line = Self.line(of: name, in: lines)
        let source = document.reference(line: line, table: "Request Structure")
        switch template {
        case .object(let members):
            let order = members.keys.sorted { (Self.line(of: $0, in: lines) ?? 0, $0) < (Self.line(of: $1, in: lines) ?? 0, $1) }
            let properties = order.map { key in
                Property(name: key, required: false, schema: schema(members[key]!, name: key, instance: instance?[key], instanceLines: instanceLines, document: document))
            }
            return Schema(kind: .object, description: "Shape from the Request Structure (line \(line.map(String.init) ?? "?")); the page does not say which inner fields are required.", properties: properties, source: source)
        case .string(let text) where text.hasPrefix("{{") && text.hasSuffix("}}"):
            let placeholder = String(text.dropFirst(2).dropLast(2))
            var description = "Field from the Request Structure (line \(line.map(String.init) ?? "?"), value written as '\(placeholder)')"
            var kind = Schema.Kind.any
            if let instance, instance != .null {
                kind = Self.kind(of: instance)
                let instanceLine = Self.line(of: name, in: instanceLines)
                description += "; type \(kind.rawValue) from the Request Instance value \(instance.canonicalText) (line \(instanceLine.map(String.init) ?? "?"))"
            } else {
                description += "; no instance value, so its type is unknown"
            }
            return Schema(kind: kind, description: description + ".", source: source)
        default:
            return Schema(kind: Self.kind(of: template), description: "Field from the Request Structure (line \(line.map(String.init) ?? "?")), typed by its literal value.", source: source)
        }
    }

    static func kind(of value: JSONValue) -> Schema.Kind {
        switch value {
        case .null: .any
        case .bool: .boolean
        case .number: value.isIntegerLiteral ? .integer : .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The first line that writes `"name"` as a key.
    static func line(of name: String, in lines: [(text: String, line: Int)]) -> Int? {
        lines.first { $0.text.contains("\"\(name)\"") }?.line
    }
}
