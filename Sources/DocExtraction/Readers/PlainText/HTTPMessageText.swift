import Foundation

/// An HTTP message as a page prints it: a start line, `Name: value` headers, a blank line
/// and a body (`Request Structure`, `Request Instance`, `Return Instance` of BCC pages).
struct HTTPMessageText {
    /// `PUT /v2/volume/{volumeId}?{action}&clientToken={clientToken} HTTP/1.1` or
    /// `HTTP/1.1 200 OK`.
    var startLine: String
    var startLineNumber: Int
    var headers: [(name: String, value: String, line: Int)]
    /// The body's lines with their document line numbers; empty when there is none.
    var body: [(text: String, line: Int)]

    var bodyText: String { body.map(\.text).joined(separator: "\n") }

    /// Reads a message from the lines of a section (raw, each with its 1-based line). The
    /// common indentation is removed; tabs inside the body are kept.
    static func parse(_ lines: [(text: Substring, line: Int)]) -> HTTPMessageText? {
        let content = lines.filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        let indent = content.map { $0.text.prefix { $0 == " " }.count }.min() ?? 0
        var index = lines.firstIndex { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty } ?? lines.count
        guard index < lines.count else { return nil }
        let start = lines[index]
        var message = HTTPMessageText(startLine: start.text.trimmingCharacters(in: .whitespaces), startLineNumber: start.line, headers: [], body: [])
        index += 1
        while index < lines.count {
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { break }
            guard let colon = text.firstIndex(of: ":"), !text.hasPrefix("{"), !text[..<colon].contains(" ") else { break }
            message.headers.append((String(text[..<colon]), text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces), lines[index].line))
            index += 1
        }
        var body = lines[index...].map { (String($0.text.dropFirst(min(indent, $0.text.prefix { $0 == " " }.count))), $0.line) }
        while let first = body.first, first.0.trimmingCharacters(in: .whitespaces).isEmpty { body.removeFirst() }
        while let last = body.last, last.0.trimmingCharacters(in: .whitespaces).isEmpty { body.removeLast() }
        message.body = body.map { (text: $0.0, line: $0.1) }
        return message
    }

    /// The method, path and query of a request start line; `nil` for other lines.
    var requestTarget: (method: String, path: String, query: String?)? {
        let parts = startLine.split(separator: " ").map(String.init)
        guard parts.count >= 2, ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(parts[0]) else { return nil }
        var target = Substring(parts[1])
        if let scheme = target.range(of: "://") {
            guard let slash = target[scheme.upperBound...].firstIndex(of: "/") else { return nil }
            target = target[slash...]
        }
        guard target.hasPrefix("/") else { return nil }
        if let mark = target.firstIndex(of: "?") {
            return (parts[0], String(target[..<mark]), String(target[target.index(after: mark)...]))
        }
        return (parts[0], String(target), nil)
    }

    /// The status and reason of a response start line (`HTTP/1.1 200 OK` → 200, `OK`).
    var status: (code: Int, reason: String)? {
        let parts = startLine.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count >= 2, parts[0].uppercased().hasPrefix("HTTP/"), let code = Int(parts[1]) else { return nil }
        return (code, parts.count > 2 ? parts[2] : "")
    }

    /// The value of header `name` (case-insensitive).
    func header(_ name: String) -> (value: String, line: Int)? {
        headers.first { $0.name.lowercased() == name.lowercased() }.map { ($0.value, $0.line) }
    }
}
