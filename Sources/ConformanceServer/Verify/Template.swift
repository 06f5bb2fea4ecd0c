import Foundation
import ConformanceModel

/// Fills `{{name}}` placeholders from the run's variables.
///
/// A placeholder whose variable is not set stays as written and is reported by
/// ``missing(in:variables:)``, so the runner can skip or fail the step with the variable's name
/// instead of sending `{{volume_id}}` to a live endpoint.
public enum Template {
    /// `text` with every known placeholder replaced.
    public static func fill(_ text: String, _ variables: [String: String]) -> String {
        guard text.contains("{{") else { return text }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(after[..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            result += variables[name] ?? "{{\(name)}}"
            rest = after[close.upperBound...]
        }
        return result + rest
    }

    /// Every string in `value` filled (keys stay as they are).
    public static func fill(_ value: JSONValue, _ variables: [String: String]) -> JSONValue {
        switch value {
        case .string(let text): .string(fill(text, variables))
        case .array(let elements): .array(elements.map { fill($0, variables) })
        case .object(let members): .object(members.mapValues { fill($0, variables) })
        default: value
        }
    }

    /// The names of placeholders in `texts` whose variables are not set, sorted.
    public static func missing(in texts: [String], variables: [String: String]) -> [String] {
        var names = Set<String>()
        for text in texts {
            var rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
                if variables[name] == nil { names.insert(name) }
                rest = rest[close.upperBound...]
            }
        }
        return names.sorted()
    }

    /// Every string inside `value`, for ``missing(in:variables:)``.
    public static func strings(in value: JSONValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let elements): elements.flatMap(strings(in:))
        case .object(let members): members.values.flatMap(strings(in:))
        default: []
        }
    }
}
