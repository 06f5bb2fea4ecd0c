import Foundation

/// A markdown document with pipe tables, cut into the blocks the gateway reader needs:
/// headings, fenced code, pipe tables and lines of text, each with its 1-based line.
///
/// `MarkdownBlock` undoes markdown escapes in text lines, which loses the difference
/// between a cell separator `|` and an escaped `\|`; this scanner hands runs of pipe rows
/// to `PipeTableReader` untouched instead.
public enum PipeMarkdownBlock: Sendable, Hashable {
    case heading(level: Int, text: String, line: Int)
    /// A fenced code block; `closed` is false when the document ended inside it.
    case code(text: String, line: Int, closed: Bool)
    case table(PipeTableReader.Result)
    /// A non-empty line of text, markdown escapes undone.
    case text(String, line: Int)

    public var line: Int {
        switch self {
        case .heading(_, _, let line), .code(_, let line, _), .text(_, let line): line
        case .table(let result): result.table.line
        }
    }

    /// Cuts `document` into blocks.
    public static func blocks(of document: SourceDocument) -> [PipeMarkdownBlock] {
        var blocks: [PipeMarkdownBlock] = []
        let lines = document.lines
        var index = 0
        while index < lines.count {
            let raw = lines[index]
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            let lineNumber = index + 1
            if let code = FencedCode.read(lines, at: index) {
                blocks.append(.code(text: code.text, line: lineNumber, closed: code.closed))
                index = code.end
                continue
            }
            if trimmed.hasPrefix("#") {
                let level = trimmed.prefix(while: { $0 == "#" }).count
                if level <= 6 {
                    blocks.append(.heading(level: level, text: MarkdownText.clean(String(trimmed.dropFirst(level))), line: lineNumber))
                    index += 1
                    continue
                }
            }
            if PipeTableReader.cells(of: raw) != nil {
                var run: [(cells: [String], line: Int)] = []
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```"),
                      let cells = PipeTableReader.cells(of: lines[index]) {
                    run.append((cells, index + 1))
                    index += 1
                }
                blocks.append(.table(PipeTableReader.table(fromRun: run)))
                continue
            }
            index += 1
            let cleaned = MarkdownText.clean(trimmed)
            if !cleaned.isEmpty { blocks.append(.text(cleaned, line: lineNumber)) }
        }
        return blocks
    }
}
