import Foundation

/// A deliberately naive second reader: the field names of every parameter table of a document,
/// per section, found by line patterns alone. It shares no code with `DocExtraction` and knows
/// nothing of nesting, types, page breaks inside cells, code fences or examples: a table is a
/// header line whose first cell is a header word, and its rows are the lines after it that still
/// look like rows; a row's first cell is a field name.
enum NaiveTableReader {
    /// Field names by section key: the section number (`6.2.2`) for the PDF reference, the
    /// endpoint path for a gateway page, `page` for a plain-text page.
    typealias Sections = [String: Set<String>]

    /// First cells that are a header, not a field.
    static let headerWords: Set<String> = ["参数", "参数名", "参数名称", "名称"]
    /// First cells that stand for the body itself, not a field (`[数组元素]`, `-`).
    static let bodyMarkers: Set<String> = ["-", "[数组元素]", ""]

    /// The PDF reference's text (`002_*.txt`): sections start at a line `N.N… title` that has no
    /// tab and no dot leader (the table of contents has both); tables are tab-separated.
    static func pdfReference(_ text: String) -> Sections {
        var sections: Sections = [:]
        var section: String?
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let number = headingNumber(line) {
                section = number
                inTable = false
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else {
                inTable = false
                continue
            }
            if headerWords.contains(cells[0]) {
                inTable = true
                continue
            }
            guard inTable, let section, !bodyMarkers.contains(cells[0]) else { continue }
            sections[section, default: []].insert(cells[0])
        }
        return sections
    }

    /// `6.2.2 删除云硬盘快照` → `6.2.2`, also after `**` where the export ran a heading into the
    /// line before (`…。**8.2.4.12 删除…（废弃）****功能介绍**`); `nil` for other lines.
    static func headingNumber(_ line: Substring) -> String? {
        guard !line.contains("\t"), !line.contains("..") else { return nil }
        for candidate in [line] + line.split(separator: "**", omittingEmptySubsequences: true).dropFirst() {
            if let number = leadingNumber(candidate) { return number }
        }
        return nil
    }

    private static func leadingNumber(_ line: Substring) -> String? {
        guard let space = line.firstIndex(of: " ") else { return nil }
        let number = line[..<space]
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        return String(number)
    }

    /// A gateway page (`003_*.txt`): sections are `## /path` headings; tables are pipe rows.
    static func gatewayPage(_ text: String) -> Sections {
        var sections: Sections = [:]
        var section: String?
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("## ") {
                section = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                inTable = false
                continue
            }
            guard trimmed.contains("|") else {
                inTable = false
                continue
            }
            let first = trimmed.split(separator: "|", omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            if headerWords.contains(first) {
                inTable = true
                continue
            }
            guard inTable, let section, !bodyMarkers.contains(first), first != "无" else { continue }
            sections[section, default: []].insert(first)
        }
        return sections
    }

    /// A plain-text page (`004_*.txt`): a table starts at a line beginning `Parameter Name` and
    /// runs to the next blank line; a row's first word is the field.
    static func plainTextPage(_ text: String) -> Sections {
        var names: Set<String> = []
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Parameter Name") {
                inTable = true
                continue
            }
            if trimmed.isEmpty {
                inTable = false
                continue
            }
            if inTable, let first = trimmed.split(separator: " ").first { names.insert(String(first)) }
        }
        return ["page": names]
    }
}
