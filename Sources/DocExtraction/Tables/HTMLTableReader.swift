import CLibXML2

/// Reads `<table>` elements with libxml2's HTML parser into `Table` values.
///
/// The parser recovers from broken markup the way browsers do (unclosed `<td>`, `<p>`,
/// missing `</table>`), so the reader sees the table a person would see. It expands
/// `rowspan` and `colspan` into a full grid, takes `<thead>` rows or all-`<th>` rows as the
/// header, and flattens cell markup to text: paragraphs, `<br>` and list items become
/// separate lines (items marked `• `), links keep their text, footnote markers (`<sup>`)
/// stay in place.
public enum HTMLTableReader {
    /// The tables in an HTML fragment, in document order. `line` is the 1-based line of the
    /// fragment's first line in its document; each table's line is offset from it.
    public static func tables(inHTML html: String, line: Int = 1) -> [Table] {
        let bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return [] }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), "fragment.html", "UTF-8", options)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return [] }
        var tables: [Table] = []
        collectTables(root, firstLine: line, into: &tables)
        return tables
    }

    private static func collectTables(_ node: xmlNodePtr, firstLine: Int, into tables: inout [Table]) {
        var child: xmlNodePtr? = node
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, name(of: current) == "table" {
                tables.append(readTable(current, firstLine: firstLine))
            } else if let children = current.pointee.children {
                collectTables(children, firstLine: firstLine, into: &tables)
            }
            child = current.pointee.next
        }
    }

    // MARK: - Grid

    private struct RawCell {
        var text: String
        var isHeader: Bool
        var rowSpan: Int
        var colSpan: Int
    }

    private struct RawRow {
        var cells: [RawCell]
        var inHead: Bool
        var line: Int
        /// The `#name` targets of the row's links, without the `#`.
        var links: [String]
    }

    private static func readTable(_ table: xmlNodePtr, firstLine: Int) -> Table {
        var rows: [RawRow] = []
        collectRows(table, inHead: false, firstLine: firstLine, into: &rows)
        let tableLine = firstLine + max(0, Int(xmlGetLineNo(table)) - 1)

        // Expand spans into a grid. `pending[column]` carries a rowspan cell down.
        var grid: [[String]] = []
        var headerFlags: [Bool] = []
        var lines: [Int] = []
        var links: [[String]] = []
        var pending: [Int: (text: String, remaining: Int)] = [:]
        for row in rows {
            var cells: [String] = []
            var column = 0
            var queue = row.cells[...]
            while !queue.isEmpty || pending.keys.contains(where: { $0 >= column }) {
                if let carried = pending[column] {
                    cells.append(carried.text)
                    pending[column] = carried.remaining > 1 ? (carried.text, carried.remaining - 1) : nil
                    column += 1
                    continue
                }
                guard let cell = queue.popFirst() else {
                    // A gap before a later rowspan column: leave the cell empty.
                    cells.append("")
                    column += 1
                    continue
                }
                for offset in 0..<max(1, cell.colSpan) {
                    cells.append(cell.text)
                    if cell.rowSpan > 1 { pending[column + offset] = (cell.text, cell.rowSpan - 1) }
                }
                column += max(1, cell.colSpan)
            }
            grid.append(cells)
            headerFlags.append(row.inHead || (!row.cells.isEmpty && row.cells.allSatisfy(\.isHeader)))
            lines.append(row.line)
            links.append(row.links)
        }

        let width = grid.map(\.count).max() ?? 0
        grid = grid.map { $0 + Array(repeating: "", count: width - $0.count) }

        // Header rows lead the table; a later all-<th> row is a repeated header and is dropped.
        var header: [String] = []
        var body: [[String]] = []
        var bodyLines: [Int] = []
        var bodyLinks: [[String]] = []
        for (index, cells) in grid.enumerated() {
            if headerFlags[index] {
                if body.isEmpty {
                    header = header.isEmpty ? cells : zip(header, cells).map { $0 == $1 ? $0 : "\($0) \($1)" }
                }
                continue
            }
            body.append(cells)
            bodyLines.append(lines[index])
            bodyLinks.append(links[index])
        }
        return Table(header: header, rows: body, line: tableLine, rowLines: bodyLines, rowLinks: bodyLinks)
    }

    private static func collectRows(_ node: xmlNodePtr, inHead: Bool, firstLine: Int, into rows: inout [RawRow]) {
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            switch name(of: current) {
            case "thead": collectRows(current, inHead: true, firstLine: firstLine, into: &rows)
            case "tbody", "tfoot": collectRows(current, inHead: inHead, firstLine: firstLine, into: &rows)
            case "tr":
                let line = firstLine + max(0, Int(xmlGetLineNo(current)) - 1)
                var links: [String] = []
                collectLinks(current.pointee.children, into: &links)
                rows.append(RawRow(cells: cells(of: current), inHead: inHead, line: line, links: links))
            case "table": continue  // a nested table belongs to a cell, not to this grid
            default: collectRows(current, inHead: inHead, firstLine: firstLine, into: &rows)
            }
        }
    }

    private static func cells(of row: xmlNodePtr) -> [RawCell] {
        var cells: [RawCell] = []
        var child = row.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            let tag = name(of: current)
            guard tag == "td" || tag == "th" else { continue }
            cells.append(RawCell(
                text: CellText.flatten(current),
                isHeader: tag == "th",
                rowSpan: span(current, "rowspan"),
                colSpan: span(current, "colspan")
            ))
        }
        return cells
    }

    /// The `href="#name"` targets of the links under `first` and its siblings, in order.
    private static func collectLinks(_ first: xmlNodePtr?, into links: inout [String]) {
        var child = first
        while let current = child {
            defer { child = current.pointee.next }
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if name(of: current) == "a", let value = xmlGetProp(current, "href") {
                let href = String(cString: value)
                cxml_free(value)
                if href.hasPrefix("#"), href.count > 1, !links.contains(String(href.dropFirst())) { links.append(String(href.dropFirst())) }
            }
            collectLinks(current.pointee.children, into: &links)
        }
    }

    private static func span(_ node: xmlNodePtr, _ attribute: String) -> Int {
        guard let value = xmlGetProp(node, attribute) else { return 1 }
        defer { cxml_free(value) }
        let text = String(String(cString: value).filter { !$0.isWhitespace })
        // Browsers cap spans (HTML: rowspan ≤ 65534, colspan ≤ 1000); a doc table never needs more than a few hundred.
        return min(max(Int(text) ?? 1, 1), 500)
    }

    static func name(of node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }
}

/// Turns a cell's markup into the text a reader sees.
enum CellText {
    private static let blockTags: Set<String> = ["p", "div", "ul", "ol", "table", "tr", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "blockquote"]

    static func flatten(_ node: xmlNodePtr) -> String {
        var lines: [String] = [""]
        walk(node.pointee.children, into: &lines)
        return lines
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    private static func walk(_ first: xmlNodePtr?, into lines: inout [String]) {
        var child = first
        while let current = child {
            defer { child = current.pointee.next }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    lines[lines.count - 1] += String(cString: content)
                }
            case XML_ELEMENT_NODE:
                let tag = HTMLTableReader.name(of: current)
                switch tag {
                case "br":
                    lines.append("")
                case "li":
                    lines.append("• ")
                    walk(current.pointee.children, into: &lines)
                    lines.append("")
                case "td", "th":
                    // Cells of a table nested in a cell read left to right, separated by a bar.
                    walk(current.pointee.children, into: &lines)
                    lines[lines.count - 1] += " | "
                case "script", "style":
                    break
                case "img":
                    if let alt = xmlGetProp(current, "alt") {
                        lines[lines.count - 1] += String(cString: alt)
                        cxml_free(alt)
                    }
                default:
                    let isBlock = blockTags.contains(tag)
                    if isBlock { lines.append("") }
                    walk(current.pointee.children, into: &lines)
                    if isBlock { lines.append("") }
                }
            default:
                break
            }
        }
    }
}
