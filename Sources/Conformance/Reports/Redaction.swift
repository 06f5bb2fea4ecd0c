import ConformanceModel
import Foundation

/// Keeps secrets out of everything that shows or stores traffic: recordings (HAR and JSONL, by
/// the mock, the proxy and `verify`), reports (text, JSON, JUnit), `curl` replays and the
/// proxy's live output all go through this one pass (DESIGN.md: "Secrets never reach disk or
/// reports").
///
/// What is secret is decided by name, from one list (``SecretNames``): header values,
/// query and form parameters, and body fields. Bodies are redacted over their raw bytes
/// (``SecretScanner``), so a body that is not strict JSON (duplicate keys, a trailing comma, a
/// byte-order mark, deep nesting, bytes that are not UTF-8, a form) is redacted all the same.
/// Every value found that way is then scrubbed wherever else the exchange repeats it (an
/// error message that quotes the password, a response that echoes the token).
public struct Redaction: Sendable {
    /// What stands in for a secret value.
    public static let placeholder = "<redacted>"
    static let placeholderBytes = Array(placeholder.utf8)
    static let quotedPlaceholderBytes = Array("\"\(placeholder)\"".utf8)

    /// Whether a header's value is a secret (`X-Auth-Token`, `Authorization`, `Api-Key`, ...).
    public static func isSecretHeader(_ name: String) -> Bool { SecretNames.isSecret(name) }
    /// Whether a query parameter's value is a secret (`Signature`, `access_token`, ...).
    public static func isSecretQueryParameter(_ name: String) -> Bool {
        SecretNames.isSecret(percentDecoded(name))
    }

    /// The secret values of one exchange, longest first, to scrub from texts.
    public private(set) var secrets: [String] = []
    /// The same as UTF-8 bytes.
    private var secretBytes: [[UInt8]] = []

    /// Collects the secrets of `exchange`: secret header values (request and response) and the
    /// pieces of structured ones (`Signature=...` inside `Authorization`), secret query values,
    /// and the secret values the scanner finds in header values and bodies.
    public init(exchange: Exchange) {
        self.init(exchange: exchange, requestSpans: exchange.request.body.map(SecretScanner.spans) ?? [],
                  responseSpans: exchange.response?.body.map(SecretScanner.spans) ?? [])
    }

    /// The same, with the bodies already scanned (``exchange(_:)`` scans each body once).
    private init(exchange: Exchange, requestSpans: [SecretScanner.Span], responseSpans: [SecretScanner.Span]) {
        var found = Set<String>()
        var pieces = Set<String>()
        let headers = exchange.request.headers + (exchange.response?.headers ?? [])
        for header in headers {
            if Self.isSecretHeader(header.name) {
                found.insert(header.value)
                pieces.formUnion(Self.pieces(of: header.value))
            } else {
                Self.collect(Array(header.value.utf8), into: &found)
            }
        }
        for item in Self.queryItems(of: exchange.request.url) where Self.isSecretQueryParameter(item.name) {
            found.insert(item.value)
            found.insert(Self.percentDecoded(item.value))
        }
        if let body = exchange.request.body { Self.collect(requestSpans, of: body, into: &found) }
        if let body = exchange.response?.body { Self.collect(responseSpans, of: body, into: &found) }
        // Short values would scrub ordinary words; they are still hidden where they are shown whole.
        let all = found.filter { $0.count >= 4 }.union(pieces.filter { $0.count >= 8 })
        secrets = all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        secretBytes = secrets.map { Array($0.utf8) }
    }

    /// The values inside a structured credential: the value of each `name=value` item
    /// (`Signature=...`, `session=...`) and every bare word but a leading scheme
    /// (`Bearer`, `SDK-HMAC-SHA256`); the names themselves are no secret.
    static func pieces(of value: String) -> [String] {
        // Over the UTF-8 bytes: every separator is ASCII, and a header value is bytes anyway.
        let utf8 = value.utf8
        let oneWord = utf8.split(separator: UInt8(ascii: " ")).count == 1
        var pieces: [String] = []
        let parts = utf8.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "&") }
        for (offset, part) in parts.enumerated() {
            if let equals = part.firstIndex(of: UInt8(ascii: "=")) {
                pieces.append(String(decoding: part[part.index(after: equals)...], as: UTF8.self))
            } else if offset > 0 || oneWord {
                pieces.append(String(decoding: part, as: UTF8.self))
            }
        }
        return pieces
    }

    /// The secret values the scanner finds in `bytes`, as written and unescaped.
    private static func collect(_ bytes: [UInt8], into found: inout Set<String>) {
        collect(SecretScanner.spans(in: bytes), of: bytes, into: &found)
    }

    private static func collect(_ spans: [SecretScanner.Span], of bytes: [UInt8], into found: inout Set<String>) {
        for span in spans {
            let raw = String(decoding: bytes[span.range], as: UTF8.self)
            found.insert(raw)
            found.insert(percentDecoded(raw))
            if raw.contains("\\"), let unescaped = try? JSONValue.parse("\"\(raw)\"").stringValue { found.insert(unescaped) }
        }
    }

    /// `text` with every secret value of the exchange replaced by the placeholder (compared
    /// as UTF-8 bytes, the way the text is stored).
    public func scrub(_ text: String) -> String {
        var result: [UInt8]?
        for secret in secretBytes {
            if let replaced = Self.replacing(secret, in: result ?? Array(text.utf8)) { result = replaced }
        }
        return result.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// `bytes` with every secret value of the exchange replaced by the placeholder.
    public func scrub(bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for secret in secretBytes {
            if let replaced = Self.replacing(secret, in: result) { result = replaced }
        }
        return result
    }

    /// A finding whose message, expected and actual texts quote no secret.
    public func scrub(_ finding: Finding) -> Finding {
        var copy = finding
        copy.message = scrub(finding.message)
        copy.expected = finding.expected.map(scrub)
        copy.actual = finding.actual.map(scrub)
        copy.pointer = scrub(finding.pointer)
        return copy
    }

    /// The exchange as it may be stored or shown: secret headers, query values and body
    /// values replaced, and every secret value scrubbed wherever else it appears.
    public static func exchange(_ exchange: Exchange) -> Exchange {
        let requestSpans = exchange.request.body.map(SecretScanner.spans) ?? []
        let responseSpans = exchange.response?.body.map(SecretScanner.spans) ?? []
        let redaction = Redaction(exchange: exchange, requestSpans: requestSpans, responseSpans: responseSpans)
        var copy = exchange
        let request = exchange.request
        copy.request.url = redaction.scrub(url(request.url))
        copy.request.headers = redaction.headers(request.headers)
        copy.request.body = request.body.map { redaction.scrub(bytes: replacing(requestSpans, in: $0)) }
        if let response = exchange.response {
            copy.response?.headers = redaction.headers(response.headers)
            copy.response?.body = response.body.map { redaction.scrub(bytes: replacing(responseSpans, in: $0)) }
        }
        return copy
    }

    /// A request as it may be stored or shown (see ``exchange(_:)``).
    public func request(_ request: Exchange.Request) -> Exchange.Request {
        Exchange.Request(method: request.method, url: scrub(Self.url(request.url)), headers: headers(request.headers), body: request.body.map(body))
    }

    /// Headers with secret values replaced and the exchange's secrets scrubbed from the rest.
    func headers(_ headers: [Exchange.Header]) -> [Exchange.Header] {
        Self.headers(headers).map { header in
            guard !Self.isSecretHeader(header.name) else { return header }
            let value = Self.text(Self.body(Array(header.value.utf8)))
            return Exchange.Header(name: header.name, value: scrub(value))
        }
    }

    /// A body with its secret values replaced and the exchange's secrets scrubbed.
    func body(_ bytes: [UInt8]) -> [UInt8] {
        scrub(bytes: Self.body(bytes))
    }

    /// Headers with secret values replaced. An `Authorization` value keeps its scheme
    /// (`SDK-HMAC-SHA256 <redacted>`, `bce-auth-v1/<redacted>`), which is no secret, so that a
    /// redacted recording still shows — and the validator still sees — which documented
    /// credential the request carried.
    public static func headers(_ headers: [Exchange.Header]) -> [Exchange.Header] {
        headers.map { header in
            guard isSecretHeader(header.name) else { return header }
            return Exchange.Header(name: header.name, value: redactedValue(of: header))
        }
    }

    /// The placeholder, after the scheme for `Authorization`-like headers.
    static func redactedValue(of header: Exchange.Header) -> String {
        let name = header.name.lowercased()
        guard name == "authorization" || name == "proxy-authorization" else { return placeholder }
        let value = header.value
        if let slash = value.firstIndex(of: "/"), value[..<slash].hasPrefix("bce-auth-v") {
            return value[...slash] + placeholder
        }
        if let space = value.firstIndex(of: " "), value[..<space].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            return value[..<space] + " " + placeholder
        }
        return placeholder
    }

    /// The URL with the values of secret query parameters replaced (`replacement(name)` gives
    /// the text that stands in, the placeholder by default).
    public static func url(_ url: String, replacement: (String) -> String = { _ in placeholder }) -> String {
        // `?` and `#` are ASCII: looked for in the UTF-8 view, without grapheme breaking.
        guard let mark = url.utf8.firstIndex(of: UInt8(ascii: "?")) else { return url }
        var query = url[url.index(after: mark)...]
        var fragment: Substring = ""
        if let hash = query.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = query[hash...]
            query = query[..<hash]
        }
        let items = query.split(separator: "&", omittingEmptySubsequences: false).map { item -> String in
            guard let equals = item.firstIndex(of: "=") else { return String(item) }
            let name = String(item[..<equals])
            return isSecretQueryParameter(name) ? name + "=" + replacement(name) : String(item)
        }
        return url[...mark] + items.joined(separator: "&") + fragment
    }

    /// A body (any bytes) with the values of secret-named keys replaced (``SecretScanner``);
    /// the same bytes when there are none.
    public static func body(_ bytes: [UInt8]) -> [UInt8] {
        replacing(SecretScanner.spans(in: bytes), in: bytes)
    }

    /// `bytes` with `spans` replaced by the placeholder.
    static func replacing(_ spans: [SecretScanner.Span], in bytes: [UInt8]) -> [UInt8] {
        guard !spans.isEmpty else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var copied = 0
        for span in spans where span.range.lowerBound >= copied {
            result.append(contentsOf: bytes[copied..<span.range.lowerBound])
            result.append(contentsOf: span.style == .jsonScalar ? quotedPlaceholderBytes : placeholderBytes)
            copied = span.range.upperBound
        }
        result.append(contentsOf: bytes[copied...])
        return result
    }

    /// UTF-8 text of bytes that came from a string.
    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `haystack` with every occurrence of `needle` replaced by the placeholder; nil when there
    /// is none.
    static func replacing(_ needle: [UInt8], in haystack: [UInt8]) -> [UInt8]? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
                if result.isEmpty { result.reserveCapacity(haystack.count) }
                result.append(contentsOf: haystack[copied..<index])
                result.append(contentsOf: placeholderBytes)
                index += needle.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return nil }
        result.append(contentsOf: haystack[copied...])
        return result
    }

    /// Raw `name=value` query items of a URL.
    static func queryItems(of url: String) -> [(name: String, value: String)] {
        guard let mark = url.utf8.firstIndex(of: UInt8(ascii: "?")) else { return [] }
        var query = url[url.index(after: mark)...]
        if let hash = query.utf8.firstIndex(of: UInt8(ascii: "#")) { query = query[..<hash] }
        return query.split(separator: "&").compactMap { (item: Substring) -> (name: String, value: String)? in
            guard let equals = item.firstIndex(of: "=") else { return nil }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// Percent-decoding that leaves malformed escapes as they are.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") || text.contains("+") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x37
        case 0x61...0x66: byte - 0x57
        default: nil
        }
    }
}
