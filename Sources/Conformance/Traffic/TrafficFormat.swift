/// The traffic formats `conformance validate` reads, chosen by file extension or, for standard
/// input and unknown extensions, by the first key of the first JSON object.
public enum TrafficFormat: String, Sendable, Hashable, CaseIterable {
    /// HAR 1.2 (browsers, mitmproxy, Charles, Proxyman): one JSON document with `log.entries`.
    case har
    /// One JSON exchange per line (`.jsonl`, `.ndjson`), read as a stream.
    case jsonl

    /// The format a file name announces, or `nil` when its extension says nothing.
    public static func fromExtension(of path: String) -> TrafficFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "har": return .har
        case "jsonl", "ndjson": return .jsonl
        default: return nil
        }
    }

    /// Guesses the format from the first bytes: a JSON object whose first key is `log` is HAR;
    /// anything else is taken for JSONL (whose lines then report what is wrong with them).
    public static func sniff(_ prefix: some Collection<UInt8>) -> TrafficFormat {
        var bytes = prefix.drop { isSpace($0) }
        if bytes.first == 0xEF { bytes = bytes.dropFirst(3) }  // UTF-8 byte order mark
        guard bytes.first == UInt8(ascii: "{") else { return .jsonl }
        bytes = bytes.dropFirst().drop { isSpace($0) }
        return bytes.starts(with: Array("\"log\"".utf8)) ? .har : .jsonl
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
