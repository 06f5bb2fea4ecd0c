import ConformanceModel

/// Realistic scalar values for synthesized goldens, chosen from a field's schema and name.
///
/// DESIGN.md "Golden payloads": enumerations and bounds are respected first (the first
/// documented value; the number nearest a typical one inside `minimum...maximum`); then the
/// format (`uuid`, `date-time`, `uri`); then the field's name (`*_id`/`*Ref` → a UUID derived from
/// the field's place, `*_at`/`*time*` → a fixed ISO-8601 time, `size` → 10, `*version` → `v2`). Nothing depends
/// on a clock or a random generator.
enum SampleValue {
    /// The fixed timestamp every time-like field carries.
    static let timestamp = "2025-01-01T08:00:00.000Z"

    static func string(_ schema: Schema, name: String, key: String) -> String {
        var text: String
        let lower = name.lowercased()
        if schema.format == "uuid" || isIdentifier(lower) {
            text = GoldenUUID.make(key)
        } else if schema.format == "date-time" || isTime(lower) {
            text = timestamp
        } else if schema.format == "uri" || lower.hasSuffix("url") || lower == "href" {
            text = "https://example.com/golden/" + (name.isEmpty ? "resource" : name)
        } else if lower == "version" || lower.hasSuffix("_version") {
            // EVS 5.2 and 8.2.5.1 `GET /{version}`: "取值为：v1、v2" (v3 only in the latter).
            text = "v2"
        } else if lower.contains("email") {
            text = "golden@example.com"
        } else {
            text = "golden-" + (name.isEmpty ? "value" : name)
        }
        if let maximum = schema.maxLength, maximum >= 0, text.count > maximum {
            text = String(text.prefix(maximum))
        }
        if let minimum = schema.minLength, text.count < minimum {
            text += String(repeating: "x", count: minimum - text.count)
        }
        return text
    }

    /// An integer or number literal inside the documented bounds.
    static func number(_ schema: Schema, name: String, integral: Bool) -> String {
        let lower = name.lowercased()
        var value: Double = lower == "size" || lower.hasSuffix("size") || lower.hasSuffix("_gb") ? 10 : 1
        if let minimum = schema.minimum { value = max(value, integral ? minimum.rounded(.up) : minimum) }
        if let maximum = schema.maximum { value = min(value, integral ? maximum.rounded(.down) : maximum) }
        if integral || value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// The JSON value of an enumerated text for a schema kind, or `nil` when it does not fit.
    static func enumerated(_ text: String, kind: Schema.Kind) -> JSONValue? {
        switch kind {
        case .integer:
            return Int64(text) != nil ? .number(text) : nil
        case .number:
            return Double(text) != nil ? .number(text) : nil
        case .boolean:
            return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
        case .string, .any:
            return .string(text)
        case .object, .array, .map:
            return nil
        }
    }

    static func isIdentifier(_ lower: String) -> Bool {
        lower == "id" || lower.hasSuffix("_id") || lower.hasSuffix("ref") || lower.hasSuffix("id") && lower.count > 2 && !lower.hasSuffix("valid") && !lower.hasSuffix("paid")
    }

    static func isTime(_ lower: String) -> Bool {
        lower.hasSuffix("_at") || lower.hasSuffix("time") || lower.hasSuffix("_time") || lower.hasSuffix("date")
    }
}
