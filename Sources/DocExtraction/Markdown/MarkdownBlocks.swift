import Foundation

/// A markdown document cut into the blocks page readers care about: headings, HTML tables,
/// fenced code and lines of text, each with its 1-based line.
public enum MarkdownBlock: Sendable, Hashable {
    case heading(level: Int, text: String, line: Int)
    /// An HTML `<table>` element, from its opening to its closing tag (or the end of the document).
    case htmlTable(html: String, line: Int)
    /// A fenced code block; `closed` is false when the document ended inside it.
    case code(text: String, info: String, line: Int, closed: Bool)
    /// A non-empty line of text, with markdown escapes undone and anchors removed.
    case text(String, indent: Int, line: Int)
    /// The names of the anchors a line sets (`<a name="li11686008105423"></a>`), before the
    /// line's text: what in-page links (`<a href="#li11686008105423">`) point to.
    case anchors([String], line: Int)

    public var line: Int {
        switch self {
        case .heading(_, _, let line), .htmlTable(_, let line), .code(_, _, let line, _), .text(_, _, let line), .anchors(_, let line): line
        }
    }

    /// Cuts `document` into blocks.
    public static func blocks(of document: SourceDocument) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        let lines = document.lines
        var index = 0
        while index < lines.count {
            let raw = lines[index]
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            let lineNumber = index + 1
            if let code = FencedCode.read(lines, at: index) {
                blocks.append(.code(text: code.text, info: code.info, line: lineNumber, closed: code.closed))
                index = code.end
                continue
            }
            if trimmed.range(of: "<table", options: .caseInsensitive) != nil {
                var html: [Substring] = []
                while index < lines.count {
                    html.append(lines[index])
                    index += 1
                    if lines[index - 1].range(of: "</table>", options: .caseInsensitive) != nil { break }
                }
                blocks.append(.htmlTable(html: html.joined(separator: "\n"), line: lineNumber))
                continue
            }
            index += 1
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("#") {
                let level = trimmed.prefix(while: { $0 == "#" }).count
                let text = MarkdownText.clean(String(trimmed.dropFirst(level)))
                if level <= 6, trimmed.dropFirst(level).first == " " || text.isEmpty == false {
                    blocks.append(.heading(level: level, text: text, line: lineNumber))
                    continue
                }
            }
            let names = MarkdownText.anchorNames(in: trimmed)
            if !names.isEmpty { blocks.append(.anchors(names, line: lineNumber)) }
            let cleaned = MarkdownText.clean(trimmed)
            if !cleaned.isEmpty {
                blocks.append(.text(cleaned, indent: raw.prefix(while: { $0 == " " }).count, line: lineNumber))
            }
        }
        return blocks
    }
}

/// Markdown inline text made plain: escapes undone, anchors and images removed, links
/// reduced to their text, emphasis markers dropped.
public enum MarkdownText {
    public static func clean(_ text: String) -> String {
        var result = text
        // <a name="..."></a> anchors and other inline tags
        result = result.replacingOccurrences(of: #"<a [^>]*>\s*</a>"#, with: "", options: .regularExpression)
        result = result.replacingOccurrences(of: #"</?[a-zA-Z][^>]*>"#, with: "", options: .regularExpression)
        // ![alt](image) images, then [text](link) links
        result = result.replacingOccurrences(of: #"!\[[^\]]*\]\([^)]*\)"#, with: "", options: .regularExpression)
        result = result.replacingOccurrences(of: #"\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        result = unescape(result)
        result = result.replacingOccurrences(of: "**", with: "")
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// The names `<a name="...">` anchors in `text` set, each once, in order.
    public static func anchorNames(in text: String) -> [String] {
        guard text.contains("<a") else { return [] }
        var names: [String] = []
        for match in Pattern.matches(#"<a\s[^>]*\bname\s*=\s*"([^"]+)""#, in: text) where !names.contains(match.groups[1]) {
            names.append(match.groups[1])
        }
        return names
    }

    /// Undoes markdown backslash escapes: `\{project\_id\}` → `{project_id}`.
    public static func unescape(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                if !"\\`*_{}[]()#+-.!|<>~\"'".contains(character) { result.append("\\") }
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }
}
