import Foundation

/// Turns a cell of a PDF-exported table into readable text.
///
/// Huawei's PDF export keeps the HTML of some description cells as written
/// (`<p>参数解释 ...</p> <p>约束限制 ...</p>`, `<ul style="list-style-type: none">• prePaid:
/// 包年包月• postPaid: 按需`). Paragraphs and list items become lines, list items start with
/// `• ` (the form `HTMLTableReader` gives for the per-API pages, so `DescriptionFacts` reads both
/// the same way), other tags go, and the common entities are decoded. The words are kept.
enum PDFCellText {
    static func clean(_ cell: some StringProtocol) -> String {
        let raw = String(cell)
        guard raw.contains("<") || raw.contains("•") || raw.contains("&") else {
            return raw.trimmingCharacters(in: .whitespaces)
        }
        var text = ""
        var index = raw.startIndex
        while index < raw.endIndex {
            let character = raw[index]
            if character == "<", let close = raw[index...].firstIndex(of: ">"),
               let tag = tagName(raw[raw.index(after: index)..<close]) {
                switch tag {
                case "p", "/p", "br", "br/", "ul", "/ul", "ol", "/ol", "/li", "div", "/div": text.append("\n")
                case "li": text.append("\n• ")
                default: break
                }
                index = raw.index(after: close)
                continue
            }
            if character == "•" {
                // An inline bullet (`...</p>• prePaid: 包年包月• postPaid`) starts a list item.
                text.append("\n• ")
                index = raw.index(after: index)
                while index < raw.endIndex, raw[index] == " " { index = raw.index(after: index) }
                continue
            }
            text.append(character)
            index = raw.index(after: index)
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&nbsp;", " "), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        let lines = text.split(separator: "\n").map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }.filter { !$0.isEmpty && $0 != "•" }
        return lines.joined(separator: "\n")
    }

    /// The lower-cased name of an HTML tag (`p`, `/p`, `li`, `ul`), or `nil` when the text
    /// between `<` and `>` is not a tag (`Map<String,String>` must survive).
    private static func tagName(_ inner: Substring) -> String? {
        let name = inner.prefix { !$0.isWhitespace }.lowercased()
        let known: Set<String> = ["p", "/p", "br", "br/", "ul", "/ul", "ol", "/ol", "li", "/li", "div", "/div", "span", "/span", "b", "/b", "strong", "/strong", "em", "/em", "i", "/i", "a", "/a", "sup", "/sup", "sub", "/sub", "code", "/code"]
        return known.contains(name) ? name : nil
    }
}
