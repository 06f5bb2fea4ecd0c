import Foundation

/// The units a field's description names: `单位为GB`, `单位：秒`, `(GiB)`, `in GB`, `unit: MB`.
///
/// A changed unit changes what the same number means, one of the meaning changes the tool can
/// detect from the words alone (`request-property-unit-changed`). Only these explicit phrasings
/// count: a unit word anywhere in a sentence (`包年/包月`, `按小时`) says nothing about the field.
enum UnitWords {
    private static let patterns: [NSRegularExpression] = [
        #"单位\s*(?:为|是|：|:)?\s*[（(]?\s*([A-Za-z]+|毫秒|秒|分钟|小时|天|字节|个)"#,
        #"[（(]\s*(KB|KiB|MB|MiB|GB|GiB|TB|TiB|PB|PiB|ms|s)\s*[)）]"#,
        #"\b(?:in|unit(?:s)?(?: is|:)?)\s+(bytes|KB|KiB|MB|MiB|GB|GiB|TB|TiB|milliseconds|seconds|minutes|hours|days)\b"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// The units named: lowercased (how they are compared) → as written first (how they are shown).
    static func units(in text: String?) -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        var found: [String: String] = [:]
        let range = NSRange(text.startIndex..., in: text)
        for pattern in patterns {
            for match in pattern.matches(in: text, range: range) where match.numberOfRanges > 1 {
                if let unit = Range(match.range(at: 1), in: text), found[text[unit].lowercased()] == nil {
                    found[text[unit].lowercased()] = String(text[unit])
                }
            }
        }
        return found
    }
}
