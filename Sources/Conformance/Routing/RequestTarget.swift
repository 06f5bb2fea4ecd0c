/// The parts of a recorded URL the validator needs: host, path segments and query items.
///
/// Parsing only finds byte ranges in the URL's UTF-8; the router compares segments as bytes,
/// and the host, the path text and the query items are made into strings only when asked
/// for. A URL whose path holds `%XX` escapes keeps its decoded segments beside it.
public struct RequestTarget: Sendable {
    /// The URL as recorded.
    public let url: String
    /// The text `segmentRanges` index: the URL itself, or its decoded segments when the path has escapes.
    private let segmentText: String
    /// The UTF-8 offsets of the non-empty path segments in `segmentText`.
    let segmentRanges: [Range<Int>]
    private let hostRange: Range<Int>?
    private let pathRange: Range<Int>
    private let queryRange: Range<Int>?

    public init(url: String) {
        var url = url
        url.makeContiguousUTF8()
        self.url = url
        var hostRange: Range<Int>?
        var pathRange = 0..<0
        var queryRange: Range<Int>?
        var segments: [Range<Int>] = []
        segments.reserveCapacity(8)
        var escaped = false
        // One pass: the authority, then the path's segments up to `?` or `#`, then the query.
        url.utf8.withContiguousStorageIfAvailable { bytes in
            let count = bytes.count
            var position = 0
            if let authority = Self.authorityStart(bytes) {
                var hostStart = authority
                var colon = -1
                position = authority
                while position < count {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
                    if byte == UInt8(ascii: "@") {
                        hostStart = position + 1
                        colon = -1
                    } else if byte == UInt8(ascii: ":") {
                        colon = position
                    } else if byte == UInt8(ascii: "]") {
                        colon = -1  // an IPv6 literal's colons are not a port's
                    }
                    position += 1
                }
                hostRange = hostStart..<(colon > hostStart ? colon : position)
            }
            let start = position
            var segmentStart = position
            while position < count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "/") {
                    if position > segmentStart { segments.append(segmentStart..<position) }
                    segmentStart = position + 1
                } else if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                    break
                } else if byte == UInt8(ascii: "%") {
                    escaped = true
                }
                position += 1
            }
            if position > segmentStart { segments.append(segmentStart..<position) }
            pathRange = start..<position
            if position < count, bytes[position] == UInt8(ascii: "?") {
                let queryStart = position + 1
                while position < count, bytes[position] != UInt8(ascii: "#") { position += 1 }
                queryRange = queryStart..<position
            }
        }
        self.hostRange = hostRange
        self.pathRange = pathRange
        self.queryRange = queryRange
        if escaped {
            // Decoded segments, joined, with their new ranges.
            var text = ""
            var decoded: [Range<Int>] = []
            for range in segments {
                let segment = Self.percentDecode(Self.slice(url, range))
                decoded.append(text.utf8.count..<(text.utf8.count + segment.utf8.count))
                text += segment
            }
            segmentText = text
            segmentRanges = decoded
        } else {
            segmentText = url
            segmentRanges = segments
        }
    }

    /// Where the authority starts, when the URL starts with a scheme and `://`.
    private static func authorityStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let end = bytes.count
        var position = 0
        while position < end {
            let byte = bytes[position]
            let isSchemeByte = (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (position > 0 && (byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
            if !isSchemeByte { break }
            position += 1
        }
        guard position > 0, position + 3 <= end, bytes[position] == UInt8(ascii: ":"), bytes[position + 1] == UInt8(ascii: "/"), bytes[position + 2] == UInt8(ascii: "/") else { return nil }
        return position + 3
    }

    private static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        let view = text.utf8
        return Substring(view[view.index(view.startIndex, offsetBy: range.lowerBound)..<view.index(view.startIndex, offsetBy: range.upperBound)])
    }

    /// The host, lower-cased, without user info and port; `nil` for a URL that is only a path.
    public var host: String? { hostRange.map { Self.slice(url, $0).lowercased() } }

    /// The path as recorded (`/` when empty).
    public var path: String { pathRange.isEmpty ? "/" : String(Self.slice(url, pathRange)) }

    /// The non-empty path segments, percent-decoded.
    public var segments: [Substring] { segmentRanges.map { Self.slice(segmentText, $0) } }

    /// The number of non-empty path segments.
    public var segmentCount: Int { segmentRanges.count }

    /// The path segment at `position`, decoded.
    public func segment(_ position: Int) -> Substring { Self.slice(segmentText, segmentRanges[position]) }

    /// Query items in order; a key without `=` (Baidu's `?purchaseReserved`) has an empty value.
    public var query: [(name: String, value: String)] {
        guard let queryRange else { return [] }
        return Self.slice(url, queryRange).utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { view in
            let item = Substring(view)
            if let equals = view.firstIndex(of: UInt8(ascii: "=")) {
                return (Self.percentDecode(Substring(view[..<equals]), plus: true), Self.percentDecode(Substring(view[view.index(after: equals)...]), plus: true))
            }
            return (Self.percentDecode(item, plus: true), "")
        }
    }

    /// Whether the URL has a query string.
    public var hasQuery: Bool { queryRange.map { !$0.isEmpty } ?? false }

    /// The first value of query item `name`.
    public func queryValue(_ name: String) -> String? {
        guard hasQuery else { return nil }
        return query.first { $0.name == name }?.value
    }

    /// Calls `body` with the bytes the segment ranges index.
    func withSegmentBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = segmentText.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(segmentText.utf8).withUnsafeBufferPointer(body)
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
