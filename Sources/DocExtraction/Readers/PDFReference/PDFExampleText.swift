/// Rebuilds the text of an example that the PDF export cut up.
///
/// Two artefacts of the export (EVS API reference, 请求示例/响应示例):
/// - a code block that crosses a page break is closed at the break and reopened on the next
///   page (```` ```{"error": {``` ```` then ```` ```"message": ...}}``` ````); two blocks with
///   only blank lines between them are one example when the first leaves a bracket open or the
///   second cannot start a JSON document (it starts with `}`, `]`, `,` or a `"key":`);
/// - a long string is wrapped inside a block (`"description": "a long` / `text"`); a line that
///   leaves a string open is joined with the next one.
/// The joined text is what `Example.text` keeps; whether it parses is judged after joining.
enum PDFExampleText {
    /// `true` when `second` continues `first` rather than starting a new example.
    static func continues(_ first: [String], with second: [String]) -> Bool {
        if depth(of: first.joined(separator: "\n")) > 0 { return true }
        guard let start = second.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?
            .trimmingCharacters(in: .whitespaces) else { return false }
        if start.hasPrefix("}") || start.hasPrefix("]") || start.hasPrefix(",") { return true }
        // `"key": value` opens no document on its own.
        if start.hasPrefix("\""), start.contains("\":") || start.contains("\" :") { return true }
        return false
    }

    /// The open-bracket depth at the end of `text`, strings skipped; negative when it closes more.
    static func depth(of text: String) -> Int {
        var depth = 0
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]": depth -= 1
            default: break
            }
        }
        return depth
    }

    /// Joins lines that end inside a string with the line after them.
    static func joinWrappedStrings(_ lines: [String]) -> [String] {
        var result: [String] = []
        var pending: String?
        for line in lines {
            let current = pending.map { $0 + line.trimmingCharacters(in: .whitespaces) } ?? line
            if leavesStringOpen(current) {
                pending = current
            } else {
                result.append(current)
                pending = nil
            }
        }
        if let pending { result.append(pending) }
        return result
    }

    private static func leavesStringOpen(_ line: String) -> Bool {
        var inString = false
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" && inString { escaped = true; continue }
            if character == "\"" { inString.toggle() }
        }
        return inString
    }
}
