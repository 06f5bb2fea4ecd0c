/// The parts of a recorded URL the validator needs: host, path segments and query items,
/// percent-decoded, without Foundation's URL parsing on the hot path.
public struct RequestTarget: Sendable {
    public var host: String?
    public var path: String
    public var segments: [Substring]
    /// Query items in order; a key without `=` (Baidu's `?purchaseReserved`) has an empty value.
    public var query: [(name: String, value: String)]

    public init(url: String) {
        var rest = Substring(url)
        var host: String?
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
            var authority = rest[..<end]
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            if let colon = authority.lastIndex(of: ":"), !authority.hasPrefix("[") { authority = authority[..<colon] }
            host = authority.lowercased()
            rest = rest[end...]
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var queryText: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        self.host = host
        self.path = rest.isEmpty ? "/" : String(rest)
        // Segments are slices of `path` unless they hold escapes to decode.
        self.segments = self.path.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            segment.contains("%") ? Substring(RequestTarget.percentDecode(segment)) : segment
        }
        self.query = queryText.split(separator: "&", omittingEmptySubsequences: true).map { item in
            if let equals = item.firstIndex(of: "=") {
                return (RequestTarget.percentDecode(item[..<equals], plus: true), RequestTarget.percentDecode(item[item.index(after: equals)...], plus: true))
            }
            return (RequestTarget.percentDecode(item, plus: true), "")
        }
    }

    /// The first value of query item `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Decodes `%XX` escapes (and `+` as space in query strings); invalid escapes stay as written.
    static func percentDecode(_ text: Substring, plus: Bool = false) -> String {
        guard text.contains("%") || (plus && text.contains("+")) else { return String(text) }
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            bytes.append(plus && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
