/// The parts of a recorded URL the validator needs: host, path segments and query items,
/// percent-decoded, without Foundation's URL parsing on the hot path.
public struct RequestTarget: Sendable {
    public var host: String?
    public var path: String
    public var segments: [Substring]
    /// Query items in order; a key without `=` (Baidu's `?purchaseReserved`) has an empty value.
    public var query: [(name: String, value: String)]

    /// Splits `url` on its UTF-8 bytes: no Foundation and no grapheme breaking on the hot path.
    public init(url: String) {
        let bytes = url.utf8
        var start = bytes.startIndex
        var host: String?
        if let scheme = Self.find(bytes, "://") {
            let authorityStart = bytes.index(scheme, offsetBy: 3)
            let authorityEnd = bytes[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
            var authority = bytes[authorityStart..<authorityEnd]
            if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[authority.index(after: at)...] }
            if authority.first != UInt8(ascii: "["), let colon = authority.lastIndex(of: UInt8(ascii: ":")) { authority = authority[..<colon] }
            host = String(Substring(authority)).lowercased()
            start = authorityEnd
        }
        var end = bytes[start...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        var queryText: Substring.UTF8View = Substring("").utf8
        if let mark = bytes[start..<end].firstIndex(of: UInt8(ascii: "?")) {
            queryText = Substring(bytes[bytes.index(after: mark)..<end]).utf8
            end = mark
        }
        let pathView = bytes[start..<end]
        self.host = host
        self.path = pathView.isEmpty ? "/" : String(Substring(pathView))
        // Segments are slices of `path` unless they hold escapes to decode.
        self.segments = self.path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { view in
            let segment = Substring(view)
            return view.contains(UInt8(ascii: "%")) ? Substring(Self.percentDecode(segment)) : segment
        }
        self.query = queryText.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { view in
            let item = Substring(view)
            if let equals = view.firstIndex(of: UInt8(ascii: "=")) {
                return (Self.percentDecode(Substring(view[..<equals]), plus: true), Self.percentDecode(Substring(view[view.index(after: equals)...]), plus: true))
            }
            return (Self.percentDecode(item, plus: true), "")
        }
    }

    /// The index where `needle` starts in `bytes`.
    private static func find(_ bytes: String.UTF8View, _ needle: StaticString) -> String.UTF8View.Index? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            var probe = index
            var matched = 0
            while matched < pattern.count, probe != bytes.endIndex, bytes[probe] == pattern[matched] {
                matched += 1
                probe = bytes.index(after: probe)
            }
            if matched == pattern.count { return index }
            index = bytes.index(after: index)
        }
        return nil
    }

    /// The first value of query item `name`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Decodes `%XX` escapes (and `+` as space in query strings); invalid escapes stay as written.
    static func percentDecode(_ text: Substring, plus: Bool = false) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) || (plus && text.utf8.contains(UInt8(ascii: "+"))) else { return String(text) }
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
