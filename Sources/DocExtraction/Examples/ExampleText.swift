import Foundation
import ConformanceModel

/// The text of a code block made into an `Example`, the same way for every reader.
enum ExampleText {
    /// Splits off a leading request line (`PUT https://{endpoint}/v2/...`) that some examples
    /// put inside the same block as the body. Returns the request line and the remaining lines.
    static func splitRequestLine(_ lines: [String]) -> (requestLine: String?, body: [String]) {
        var body = lines
        var requestLine: String?
        while let first = body.first {
            let trimmed = first.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { body.removeFirst(); continue }
            // `POST https://{endpoint}/v2/...`, a bare URL, or a bare path (`/v5/{project_id}/volumes/batch-extend`).
            let isBarePath = trimmed.hasPrefix("/") && !trimmed.contains(" ") && !trimmed.contains("\"")
            let isRequestLine = HuaweiConventions.requestLine(trimmed) != nil || trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://") || isBarePath
            guard isRequestLine else { break }
            requestLine = requestLine ?? trimmed
            body.removeFirst()
        }
        return (requestLine, body)
    }

    /// `true` when `text` starts the way a JSON document or a piece of one does; a code block
    /// that does not (a `curl` command, `HTTP/1.1 204 No Content`, XML) is an example kept as
    /// text, not broken JSON.
    static func looksLikeJSON(_ text: String) -> Bool {
        guard let first = text.first(where: { !$0.isWhitespace }) else { return false }
        return "{[\"]},".contains(first)
    }

    /// Parses an example. When the text is not JSON, strings the PDF export wrapped inside the
    /// block are joined and the result tried again; the joined text is what the document
    /// means even when it still does not parse, so it is the text kept.
    static func parse(_ lines: [String], kind: Example.Kind, title: String?, source: DocReference) -> Example {
        let text = lines.joined(separator: "\n")
        let example = Example.parsing(kind: kind, title: title, text: text, source: source)
        guard example.problem != nil else { return example }
        let joined = PDFExampleText.joinWrappedStrings(lines).joined(separator: "\n")
        if joined != text {
            return Example.parsing(kind: kind, title: title, text: joined, source: source)
        }
        return example
    }
}
