/// A unit of a PDF text export that the reader walks: a heading, a line of text, a table
/// (its page-break parts merged), or a fenced code block.
enum PDFBlock: Sendable, Hashable {
    case heading(number: String, title: String, line: Int)
    case text(String, line: Int)
    case table(PDFTable)
    /// A fenced code block; `closed` is false when the document ended inside it.
    case code(lines: [String], line: Int, closed: Bool)
    /// A table caption with no table under it.
    case orphanCaption(String, line: Int)

    var line: Int {
        switch self {
        case .heading(_, _, let line), .text(_, let line), .code(_, let line, _), .orphanCaption(_, let line): line
        case .table(let table): table.line
        }
    }
}

/// A tab-separated table as the PDF shows it, after its page-break parts are merged.
struct PDFTable: Sendable, Hashable {
    /// The `表 N-M` caption line's number and title, when the table has one.
    var captionNumber: String?
    var captionTitle: String?
    /// The line of text right before the table when it has no caption (`- versions参数说明`,
    /// `- 正常`); used as its label.
    var label: String?
    /// The header cells, cleaned.
    var header: [String]
    /// The body rows, cleaned, padded to the header's width.
    var rows: [[String]]
    var rowLines: [Int]
    /// The line of the header row (of the first part).
    var line: Int
    /// How many page-break parts were merged into this table (1 when it did not span a break).
    var parts: Int

    /// `表 6-5 CreateVolumeOption`, or the label, or `nil`.
    var caption: String? {
        if let captionNumber { return "表 \(captionNumber)" + (captionTitle.map { $0.isEmpty ? "" : " " + $0 } ?? "") }
        return label
    }

    /// The text the reader keys a structure table by: the caption title, else the label.
    var subjectText: String {
        if let captionTitle, captionNumber != nil { return "表 \(captionNumber!) " + captionTitle }
        return label ?? ""
    }

    /// As the shared `Table` value, for `FieldRow.rows(of:)`.
    var table: Table {
        Table(caption: caption, header: header, rows: rows, line: line, rowLines: rowLines)
    }
}
