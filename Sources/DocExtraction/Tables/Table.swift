/// A table as a reader found it: header cells and body rows of plain text, wherever it came
/// from (HTML, tab-separated PDF text, pipes, aligned columns).
public struct Table: Sendable, Hashable {
    /// The caption or label the document puts before the table (`表 6-5 CreateVolumeOption`,
    /// `os-extend参数说明`), if any.
    public var caption: String?
    /// The header row's cells; empty when the table has no header row.
    public var header: [String]
    /// The body rows; every row has as many cells as the widest row (missing cells are empty).
    public var rows: [[String]]
    /// The 1-based line of the table's first line in its document.
    public var line: Int
    /// The 1-based line of each body row, when the reader knows it.
    public var rowLines: [Int]
    /// The in-document link targets each body row's cells point to (`<a href="#li123">` →
    /// `li123`), when the format has links.
    public var rowLinks: [[String]]

    public init(caption: String? = nil, header: [String], rows: [[String]], line: Int, rowLines: [Int] = [], rowLinks: [[String]] = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.line = line
        self.rowLines = rowLines
        self.rowLinks = rowLinks
    }

    /// The number of columns: the widest of the header and the rows.
    public var width: Int {
        max(header.count, rows.map(\.count).max() ?? 0)
    }

    /// The line of body row `index`, or the table's line.
    public func line(ofRow index: Int) -> Int {
        index < rowLines.count ? rowLines[index] : line
    }

    /// The link targets of body row `index`.
    public func links(ofRow index: Int) -> [String] {
        index < rowLinks.count ? rowLinks[index] : []
    }
}
