import ConformanceModel
import Foundation

/// Reads English plain-text API pages with space-separated tables: Baidu BCC pages such
/// as "Disk Renewal" (`004_*.txt`), one operation per page.
///
/// The request line and body nesting come from `Request Structure`; parameters from the
/// `Request Parameters` table, placed by their position column; error codes from the
/// `Error Code` table; authentication and a request example from `Request Instance`; the
/// success status from `Return Instance`. See `PlainTextOperationBuilder`.
public struct PlainTextReader: DocumentReader {
    public static let format = DocumentFormat.plainText

    public init() {}

    public func read(_ document: SourceDocument) -> DocumentExtraction {
        var builder = PlainTextOperationBuilder(document: document, page: PlainTextPage(document))
        return builder.extract()
    }
}
