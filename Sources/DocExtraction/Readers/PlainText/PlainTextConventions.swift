import ConformanceModel
import Foundation

/// The conventions of Baidu Cloud's English API pages as plain text (`004_*.txt`, BCC
/// "Disk Renewal"): a title and summary, bullet constraints, then sections under fixed
/// headings, and a navigation footer (`Previous` / `Next`) that ends the page.
public enum PlainTextConventions {
    /// What a section holds.
    public enum SectionRole: Sendable, Hashable {
        case requestStructure, requestHeaders, requestParameters, responseHeaders, responseParameters, errorCodes, requestExample, responseExample
    }

    /// The section a heading line opens, or `nil` for a line of content. The BCC pages use
    /// `Request Structure`, `Request Header Field`, `Request Parameters`, `Return Header
    /// Field`, `Return Parameter`, `Error Code`, `Request Instance`, `Return Instance`;
    /// plurals and `Response`/`Example` variants of other pages are accepted too.
    public static func sectionRole(_ line: String) -> SectionRole? {
        let words = line.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let table: [(SectionRole, [String])] = [
            (.requestStructure, ["request structure", "request syntax"]),
            (.requestHeaders, ["request header field", "request header fields", "request headers", "request header"]),
            (.requestParameters, ["request parameters", "request parameter"]),
            (.responseHeaders, ["return header field", "return header fields", "response header field", "response header fields", "response headers"]),
            (.responseParameters, ["return parameter", "return parameters", "response parameter", "response parameters"]),
            (.errorCodes, ["error code", "error codes"]),
            (.requestExample, ["request instance", "request example", "request examples"]),
            (.responseExample, ["return instance", "response instance", "response example", "return example"]),
        ]
        return table.first { $0.1.contains(words) }?.0
    }

    /// Navigation lines that end the page's content.
    public static func isFooter(_ line: String) -> Bool {
        ["Previous", "Next"].contains(line)
    }

    /// A bullet line (`• The renew operation can not be performed during the disk scaling.`).
    public static func bulletText(_ line: String) -> String? {
        for marker in ["•", "- ", "* ", "·"] where line.hasPrefix(marker) {
            return line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The request location a position cell names: `URL parameter` → path, `Query
    /// Parameter` → query, `Header parameter` → header, `RequestBody parameter` → body.
    public enum Position: Sendable, Hashable {
        case path, query, header, body
    }

    public static func position(_ text: String) -> Position? {
        let lower = text.lowercased()
        if lower.contains("body") { return .body }
        if lower.contains("query") { return .query }
        if lower.contains("header") { return .header }
        if lower.contains("url") || lower.contains("path") || lower.contains("uri") { return .path }
        return nil
    }

    /// The value a description names for an action parameter: `This parameter value is
    /// purchaseReserved in this interface.` → `purchaseReserved`.
    public static func statedValue(_ description: String) -> String? {
        DescriptionFacts.matches(#"(?i)(?:parameter )?value is ([A-Za-z][A-Za-z0-9_\-]*)"#, in: description).first?[1]
    }

    /// The scheme of an `Authorization` value: `bce-auth-v1/f81d.../2015-08-11T04:17:29Z/...`
    /// → `bce-auth-v1`. A value of plain words (`authorization string`, the structure's
    /// placeholder) has none.
    public static func authorizationScheme(_ value: String) -> String? {
        let head = value.prefix { $0 != "/" && $0 != " " }
        guard head.count < value.count, head.contains("-") || head.contains(where: \.isNumber) else { return nil }
        return String(head)
    }
}
