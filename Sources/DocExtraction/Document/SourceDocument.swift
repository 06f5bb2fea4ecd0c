import ConformanceModel
import Foundation

/// A vendor document loaded into memory, split into lines for readers that work line by line.
public struct SourceDocument: Sendable {
    /// The file name, used in every `DocReference` (`002_4af2597416b1ee7d.txt`).
    public var name: String
    public var text: String
    /// The lines of `text` without their terminators; `lines[0]` is line 1.
    public var lines: [Substring]

    public init(name: String, text: String) {
        self.name = name
        // PDF exports and Windows editors leave CR and NUL bytes behind; neither carries meaning.
        let cleaned = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        self.text = cleaned
        self.lines = cleaned.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Loads a document from disk; the error names the file and the cause.
    public static func load(path: String) throws(DocumentError) -> SourceDocument {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DocumentError(file: path, line: nil, reason: "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DocumentError(file: path, line: nil, reason: "the file is not UTF-8 text")
        }
        if text.contains("\u{0}") {
            throw DocumentError(file: path, line: nil, reason: "the file holds NUL bytes; expected a text document")
        }
        return SourceDocument(name: url.lastPathComponent, text: text)
    }

    /// A reference to `line` of this document.
    public func reference(line: Int?, section: String? = nil, title: String? = nil, table: String? = nil) -> DocReference {
        DocReference(document: name, section: section, title: title, table: table, line: line)
    }
}
