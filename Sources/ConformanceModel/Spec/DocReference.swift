/// Where a piece of the spec comes from in the vendor's documentation.
///
/// Every extracted value carries one, so that a finding can cite the sentence of the
/// document that it enforces: the document's file name, the section number and title
/// the value sits under, the table caption (or anchor) and the 1-based line.
public struct DocReference: Codable, Sendable, Hashable {
    /// The document's file name, e.g. `002_4af2597416b1ee7d.txt`.
    public var document: String
    /// The section number, e.g. `6.1.1`, when the document numbers its sections.
    public var section: String?
    /// The heading of the section, e.g. `创建云硬盘`.
    public var title: String?
    /// The table's caption or anchor, e.g. `表 6-5 CreateVolumeOption`.
    public var table: String?
    /// The 1-based line in the document where the value starts.
    public var line: Int?

    public init(document: String, section: String? = nil, title: String? = nil, table: String? = nil, line: Int? = nil) {
        self.document = document
        self.section = section
        self.title = title
        self.table = table
        self.line = line
    }

    /// A copy that points at a table inside the same section.
    public func table(_ caption: String?, line: Int?) -> DocReference {
        DocReference(document: document, section: section, title: title, table: caption, line: line ?? self.line)
    }

    /// A copy that points at another line of the same section.
    public func line(_ line: Int?) -> DocReference {
        DocReference(document: document, section: section, title: title, table: table, line: line)
    }
}

extension DocReference: CustomStringConvertible {
    /// `document:line §section title, table`, the form used in diagnostics and reports.
    public var description: String {
        var text = document
        if let line { text += ":\(line)" }
        if let section { text += " §\(section)" }
        if let title { text += " \(title)" }
        if let table { text += ", \(table)" }
        return text
    }
}
