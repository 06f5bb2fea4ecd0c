import Foundation

/// Reads markdown pipe tables (`a | b | c`) into `Table` values, the way a person reads them
/// rather than the way a strict GFM parser would.
///
/// Hand-written gateway docs (Tencent's disk gateway, `003_*.txt`) break most of the GFM
/// rules, so the reader accepts:
/// - rows with or without outer pipes (` 名称 | 参数类型 | 是否必填`, `名称|参数类型|描述`)
///   and with ragged spacing or leading spaces;
/// - tables with or without a `---|---` delimiter row under the header (the gateway doc
///   has none at all);
/// - escaped pipes (`a \| b`) inside cells, which stay in the cell as `|`;
/// - rows with fewer cells than the header (padded with empty cells) and rows with more
///   (the overflow is joined back into the last column, since an unescaped `|` in the
///   free-text last column is the usual cause); both are reported as irregularities.
///
/// A table is a run of consecutive pipe rows; its first row is the header. A header with
/// no body rows is still a table (the gateway writes `名称|参数类型|描述` with nothing under
/// it when an operation returns nothing).
public enum PipeTableReader {
    /// One table and what was irregular about its rows.
    public struct Result: Sendable, Hashable {
        public var table: Table
        /// Rows the reader had to repair, with the 1-based line and what was done.
        public var irregularities: [Irregularity]
    }

    /// A row the reader repaired: padded, joined, or a delimiter row out of place.
    public struct Irregularity: Sendable, Hashable {
        public var line: Int
        public var message: String
    }

    /// The cells of `line` when it is a pipe row: it holds at least one unescaped `|` and
    /// at least two cells. Outer pipes are dropped; cells are trimmed, `<br>` becomes a
    /// line break, and markdown escapes (`\|`, `\_`) and inline markup are undone.
    public static func cells(of line: Substring) -> [String]? {
        var raw: [String] = []
        var current = ""
        var escaping = false
        var sawPipe = false
        for character in line {
            if escaping {
                current.append("\\")
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "|" {
                raw.append(current)
                current = ""
                sawPipe = true
            } else {
                current.append(character)
            }
        }
        if escaping { current.append("\\") }
        raw.append(current)
        guard sawPipe else { return nil }
        // Outer pipes leave an empty first or last piece: `| a | b |`.
        if raw.first?.trimmingCharacters(in: .whitespaces).isEmpty == true, line.drop(while: { $0 == " " || $0 == "\t" }).first == "|" {
            raw.removeFirst()
        }
        if raw.count > 1, raw.last?.trimmingCharacters(in: .whitespaces).isEmpty == true,
           line.trimmingCharacters(in: .whitespaces).last == "|" {
            raw.removeLast()
        }
        guard raw.count >= 2 else { return nil }
        return raw.map(cleanCell)
    }

    /// `true` for a GFM delimiter row: every cell is dashes with optional alignment colons.
    public static func isDelimiterRow(_ cells: [String]) -> Bool {
        !cells.isEmpty && cells.allSatisfy { cell in
            let core = cell.trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            return core.count >= 1 && core.allSatisfy { $0 == "-" } && (cell.count >= 3 || cell.contains(":"))
        }
    }

    /// The tables in `lines`, where `lines[0]` is line `firstLine` of the document. The
    /// caller passes lines outside fenced code; a table ends at the first line that is not
    /// a pipe row.
    public static func tables(in lines: [Substring], firstLine: Int = 1) -> [Result] {
        var results: [Result] = []
        var index = 0
        while index < lines.count {
            guard cells(of: lines[index]) != nil else {
                index += 1
                continue
            }
            var run: [(cells: [String], line: Int)] = []
            while index < lines.count, let row = cells(of: lines[index]) {
                run.append((row, firstLine + index))
                index += 1
            }
            results.append(table(fromRun: run))
        }
        return results
    }

    /// Builds one table from consecutive pipe rows (`run[0]` is the header).
    static func table(fromRun run: [(cells: [String], line: Int)]) -> Result {
        var irregularities: [Irregularity] = []
        let header = run[0].cells
        let width = header.count
        var rows: [[String]] = []
        var rowLines: [Int] = []
        for (offset, row) in run.enumerated().dropFirst() {
            if isDelimiterRow(row.cells) {
                if offset != 1 {
                    irregularities.append(Irregularity(line: row.line, message: "a delimiter row (---|---) inside the table body; ignored"))
                }
                continue
            }
            var cells = row.cells
            if cells.count < width {
                irregularities.append(Irregularity(line: row.line, message: "the row has \(cells.count) cells where the header has \(width); the missing cells are taken as empty"))
                cells += Array(repeating: "", count: width - cells.count)
            } else if cells.count > width {
                // An unescaped `|` in the last (free-text) column splits it; join it back.
                irregularities.append(Irregularity(line: row.line, message: "the row has \(cells.count) cells where the header has \(width); the extra cells are joined into the last column with '|'"))
                let tail = cells[(width - 1)...].joined(separator: " | ")
                cells = Array(cells[..<(width - 1)]) + [tail]
            }
            rows.append(cells)
            rowLines.append(row.line)
        }
        let table = Table(header: header, rows: rows, line: run[0].line, rowLines: rowLines)
        return Result(table: table, irregularities: irregularities)
    }

    /// A cell as a reader sees it: `<br>` as a line break, escapes and inline markup undone.
    private static func cleanCell(_ raw: String) -> String {
        let broken = raw.replacingOccurrences(of: #"<br\s*/?>"#, with: "\n", options: [.regularExpression, .caseInsensitive])
        return broken.split(separator: "\n", omittingEmptySubsequences: false)
            .map { MarkdownText.clean(String($0)) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
