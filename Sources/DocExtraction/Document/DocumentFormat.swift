/// The publishing formats the suite reads, told apart by their content, never by file name.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Markdown pages with embedded HTML tables (Huawei's per-API pages).
    case markdownHTML = "markdown-html"
    /// Text exported from a PDF: numbered headings, `表 N-M caption` lines, tab-separated tables.
    case pdfText = "pdf-text"
    /// Markdown with pipe tables and one `## /path` section per endpoint.
    case markdownPipe = "markdown-pipe"
    /// Plain text with space-separated tables.
    case plainText = "plain-text"

    public var description: String { rawValue }

    /// Detects the format of a document by what its lines hold.
    ///
    /// The order of the checks matters: HTML tables win over anything else; tab-separated
    /// rows under `表` captions mean a PDF export; pipe rows mean markdown tables; anything
    /// left is plain text.
    public static func detect(_ document: SourceDocument) -> DocumentFormat {
        var htmlTables = 0
        var tabRows = 0
        var captions = 0
        var pipeRows = 0
        for line in document.lines {
            if line.contains("<table") { htmlTables += 1 }
            if line.contains("\t") { tabRows += 1 }
            if line.hasPrefix("表 ") || line.hasPrefix("表") && line.dropFirst().first?.isNumber == true { captions += 1 }
            if line.filter({ $0 == "|" }).count >= 2 { pipeRows += 1 }
        }
        if htmlTables > 0 { return .markdownHTML }
        if captions > 0 && tabRows > 0 { return .pdfText }
        if pipeRows >= 2 { return .markdownPipe }
        return .plainText
    }
}
