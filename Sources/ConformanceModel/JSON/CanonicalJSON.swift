import Foundation

/// Encodes `Codable` values as canonical JSON text (see `JSONValue.canonicalText`).
public enum CanonicalJSON {
    /// The canonical text of `value`, with a trailing newline, as written to files.
    public static func text<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        let tree = try JSONValue.parse(bytes: Array(data))
        return tree.canonicalText + "\n"
    }

    /// Decodes a value from JSON text.
    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
