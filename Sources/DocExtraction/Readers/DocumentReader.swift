import ConformanceModel

/// A reader for one publishing format: turns a document into the parts of a spec it holds.
///
/// Each format has its own reader in its own folder; `DocumentReaders.reader(for:)` picks
/// one by `DocumentFormat.detect`. A reader never throws for bad content: what it cannot
/// place becomes a diagnostic, and every table it meets is accounted for.
public protocol DocumentReader: Sendable {
    /// The format this reader handles.
    static var format: DocumentFormat { get }
    /// Extracts what `document` holds.
    func read(_ document: SourceDocument) -> DocumentExtraction
}

/// What one document contributed to a service spec.
public struct DocumentExtraction: Sendable {
    public var format: DocumentFormat
    public var operations: [Operation] = []
    public var errorCodes: [ErrorCode] = []
    public var statusCodes: [StatusCode] = []
    public var stateTables: [StateTable] = []
    public var errorEnvelopes: [ErrorEnvelope] = []
    public var responseEnvelope: ResponseEnvelope?
    public var authentication: [Authentication] = []
    public var notes: [String] = []
    public var diagnostics: [Diagnostic] = []
    /// What became of every table in the document.
    public var tables: [TableAccount] = []

    public init(format: DocumentFormat) {
        self.format = format
    }
}

/// What a reader did with one table: placed it (and where), or skipped it (and why).
public struct TableAccount: Sendable, Hashable {
    /// Where a table went.
    public enum Disposition: Sendable, Hashable {
        /// Used; the text says where (`CreateVolume request body`, `error codes`).
        case placed(String)
        /// Not used; the text says why.
        case skipped(String)
    }

    public var source: DocReference
    public var disposition: Disposition

    public init(source: DocReference, disposition: Disposition) {
        self.source = source
        self.disposition = disposition
    }

    public var isPlaced: Bool {
        if case .placed = disposition { return true }
        return false
    }
}

/// The readers the suite knows, by format.
public enum DocumentReaders {
    /// The readers, one per format.
    public static let all: [any DocumentReader] = [
        HuaweiPageReader(),
        PDFReferenceReader(),
        PipeMarkdownReader(),
        PlainTextReader(),
    ]

    /// The reader for `format`, if the suite has one.
    public static func reader(for format: DocumentFormat) -> (any DocumentReader)? {
        all.first { type(of: $0).format == format }
    }

    /// Detects the format of `document` and reads it.
    public static func read(_ document: SourceDocument) throws(DocumentError) -> DocumentExtraction {
        let format = DocumentFormat.detect(document)
        guard let reader = reader(for: format) else {
            throw DocumentError(file: document.name, line: nil, reason: "detected format '\(format)', which no reader handles")
        }
        return reader.read(document)
    }
}
