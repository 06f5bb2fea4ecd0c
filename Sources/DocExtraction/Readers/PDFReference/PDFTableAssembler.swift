/// Groups classified lines into blocks, and merges a table that spans a PDF page break.
///
/// The export writes each table row on one line, cells separated by tabs, and starts every
/// page-break part of a table with the table's header row again (`参数<TAB>是否必选<TAB>...`),
/// after a blank line and without a caption. A run of rows is therefore a continuation of the
/// table before it when nothing but blank lines (or a figure caption, which the PDF may float
/// into the break) lies between them and its first row repeats that table's header. Any text,
/// heading, caption or code in between starts a new table.
enum PDFTableAssembler {
    static func blocks(_ lines: [PDFLine]) -> [PDFBlock] {
        var blocks: [PDFBlock] = []
        var index = 0
        var pendingCaption: (number: String, title: String, line: Int)?
        var lastText: String?
        /// The index in `blocks` of the table that a following run of rows may continue.
        var openTable: Int?

        func flushCaption() {
            if let caption = pendingCaption {
                blocks.append(.orphanCaption("表 \(caption.number) \(caption.title)", line: caption.line))
                pendingCaption = nil
            }
        }

        while index < lines.count {
            let line = lines[index]
            switch line.kind {
            case .blank, .figure:
                index += 1
            case .fence:
                flushCaption()
                openTable = nil
                lastText = nil
                var body: [String] = []
                var closed = false
                index += 1
                while index < lines.count {
                    if case .fence = lines[index].kind {
                        closed = true
                        index += 1
                        break
                    }
                    if case .text(let text) = lines[index].kind { body.append(text) } else { body.append("") }
                    index += 1
                }
                blocks.append(.code(lines: body, line: line.line, closed: closed))
            case .heading(let number, let title):
                flushCaption()
                openTable = nil
                lastText = nil
                blocks.append(.heading(number: number, title: title, line: line.line))
                index += 1
            case .caption(let number, let title):
                flushCaption()
                openTable = nil
                lastText = nil
                pendingCaption = (number, title, line.line)
                index += 1
            case .text(let text):
                flushCaption()
                openTable = nil
                lastText = unlinked(text)
                blocks.append(.text(text, line: line.line))
                index += 1
            case .row:
                var rows: [[String]] = []
                var rowLines: [Int] = []
                while index < lines.count, case .row(let cells) = lines[index].kind {
                    rows.append(cells.map { PDFCellText.clean($0) })
                    rowLines.append(lines[index].line)
                    index += 1
                }
                let header = rows.removeFirst()
                let headerLine = rowLines.removeFirst()
                if pendingCaption == nil, let open = openTable, case .table(var table) = blocks[open], normalized(table.header) == normalized(header) {
                    table.rows += rows.map { pad($0, to: table.header.count) }
                    table.rowLines += rowLines
                    table.parts += 1
                    blocks[open] = .table(table)
                    continue
                }
                let table = PDFTable(
                    captionNumber: pendingCaption?.number,
                    captionTitle: pendingCaption?.title,
                    label: pendingCaption == nil ? lastText : nil,
                    header: header,
                    rows: rows.map { pad($0, to: header.count) },
                    rowLines: rowLines,
                    line: headerLine,
                    parts: 1
                )
                pendingCaption = nil
                lastText = nil
                blocks.append(.table(table))
                openTable = blocks.count - 1
            }
        }
        flushCaption()
        return blocks
    }

    /// `- [versions参数说明](#)` → `- versions参数说明`: the export keeps markdown links in labels.
    static func unlinked(_ text: String) -> String {
        guard text.contains("](") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "[", let close = text[index...].firstIndex(of: "]"),
               text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
               let end = text[close...].firstIndex(of: ")") {
                result += text[text.index(after: index)..<close]
                index = text.index(after: end)
                continue
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }

    private static func normalized(_ cells: [String]) -> [String] {
        cells.map { String($0.filter { !$0.isWhitespace }) }
    }

    private static func pad(_ row: [String], to width: Int) -> [String] {
        row.count >= width ? row : row + Array(repeating: "", count: width - row.count)
    }
}
