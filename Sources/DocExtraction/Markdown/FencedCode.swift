import Foundation

/// A fenced code block (```` ``` ```` or `~~~`) in markdown lines, read the same way by both
/// markdown scanners: the body loses the opening fence's indentation, and a document that
/// ends inside the block leaves it unclosed.
struct FencedCode {
    var text: String
    /// What follows the opening fence (`json`, `http`).
    var info: String
    var closed: Bool
    /// The index of the first line after the block.
    var end: Int

    /// The block that `lines[start]` opens, or `nil` when that line opens none.
    static func read(_ lines: [Substring], at start: Int) -> FencedCode? {
        let raw = lines[start]
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") else { return nil }
        let fence = String(trimmed.prefix(3))
        let indent = raw.prefix(while: { $0 == " " }).count
        var body: [String] = []
        var closed = false
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.trimmingCharacters(in: .whitespaces).hasPrefix(fence) {
                closed = true
                break
            }
            body.append(String(line.dropFirst(min(indent, line.prefix(while: { $0 == " " }).count))))
        }
        return FencedCode(text: body.joined(separator: "\n"), info: String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces), closed: closed, end: index)
    }
}
