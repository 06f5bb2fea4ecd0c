import Foundation

/// The table of contents of a PDF export (`目录`): numbered entries with page numbers.
///
/// Huawei's PDF reference opens with a TOC whose lines are `6.1.1 创建云硬盘<TAB>20` or, after
/// a page break, `6.2.3 更新云硬盘快照.....<TAB>171`. The reader uses it twice: a body line is a
/// heading only when its number and title are in the TOC (so that a numbered sentence is not
/// taken for a heading), and every leaf of a chapter that holds operations must yield one.
struct PDFOutline: Sendable, Hashable {
    /// One TOC line.
    struct Entry: Sendable, Hashable {
        var number: String
        var title: String
        var page: Int
        var line: Int
    }

    var entries: [Entry] = []
    /// The lines (1-based) that belong to the TOC; the lexer does not read them as table rows.
    var lines: Set<Int> = []

    var isEmpty: Bool { entries.isEmpty }

    /// The entry for `number`, if the TOC lists it.
    func entry(_ number: String) -> Entry? {
        entries.first { $0.number == number }
    }

    /// Entries that have no children (`6.1.1`, not `6.1`).
    var leaves: [Entry] {
        let numbers = entries.map(\.number)
        return entries.filter { entry in !numbers.contains { $0.hasPrefix(entry.number + ".") } }
    }

    /// `true` when `number` and `title` name a TOC entry. Titles are compared without spaces,
    /// leader dots and with full-width brackets folded, because the TOC writes `(废弃)` where the
    /// body writes `（废弃）` and the PDF inserts spaces between Latin and CJK words.
    func lists(number: String, title: String) -> Bool {
        guard let entry = entry(number) else { return false }
        let lhs = Self.key(entry.title)
        let rhs = Self.key(title)
        return lhs == rhs || (!lhs.isEmpty && !rhs.isEmpty && (lhs.hasPrefix(rhs) || rhs.hasPrefix(lhs)))
    }

    static func key(_ title: String) -> String {
        String(title.map { character -> Character in
            switch character {
            case "（": "("
            case "）": ")"
            default: character
            }
        }.filter { !$0.isWhitespace && $0 != "." && $0 != "…" })
    }

    /// `6.1.1 创建云硬盘<TAB>20`, `A.1 错误码.....<TAB>640`: number, title, page.
    static func parseEntry(_ text: Substring) -> (number: String, title: String, page: Int)? {
        let cells = text.split(separator: "\t", omittingEmptySubsequences: false)
        guard cells.count == 2, let page = Int(cells[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        guard let (number, title) = PDFLineLexer.numberedTitle(cells[0]) else { return nil }
        var cleaned = title
        while let last = cleaned.last, last == "." || last == "…" || last == " " { cleaned.removeLast() }
        guard !cleaned.isEmpty else { return nil }
        return (number, cleaned, page)
    }

    /// Finds the TOC: from a `目录` line (or the first entry-shaped line among the first lines)
    /// up to the first non-blank line that is not an entry.
    static func read(_ lines: [Substring]) -> PDFOutline {
        var outline = PDFOutline()
        var index = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "目录" }.map { $0 + 1 }
        if index == nil {
            index = lines.prefix(400).firstIndex { parseEntry($0) != nil }
        }
        guard var current = index else { return outline }
        while current < lines.count {
            let line = lines[current]
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                current += 1
                continue
            }
            guard let entry = parseEntry(line) else { break }
            outline.entries.append(Entry(number: entry.number, title: entry.title, page: entry.page, line: current + 1))
            outline.lines.insert(current + 1)
            current += 1
        }
        return outline
    }
}
