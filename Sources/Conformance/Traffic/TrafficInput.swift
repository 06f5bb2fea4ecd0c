/// Opens traffic by path, choosing the reader: by extension (`.har`, `.jsonl`, `.ndjson`),
/// otherwise (standard input `-`, `.json`, no extension) by sniffing the first bytes.
///
/// JSONL is streamed; HAR is read whole (it is one JSON document). Iterating yields each
/// exchange, and each broken entry as `.unreadable`, in input order.
public struct TrafficInput: Sequence {
    public let file: String
    public let format: TrafficFormat
    private let records: AnyIterator<TrafficRecord>

    /// Opens `path` (`-`: standard input); throws when it cannot be opened, when it is empty,
    /// or, for HAR, when it is not a HAR document.
    public init(path: String, format: TrafficFormat? = nil) throws(TrafficReadError) {
        let stream = try ByteStream(path: path)
        // Nothing at all is no traffic, whatever the format: an empty HAR is not JSON either.
        if stream.peek(1).isEmpty, stream.readError == nil {
            throw TrafficReadError(file: path, position: .file, reason: "empty: no exchanges to read")
        }
        let chosen = format ?? TrafficFormat.fromExtension(of: path) ?? TrafficFormat.sniff(stream.peek())
        self.file = path
        self.format = chosen
        switch chosen {
        case .har:
            let reader = try HARReader(bytes: stream.readAll(), file: path)
            records = reader.makeIterator()
        case .jsonl:
            records = AnyIterator(JSONLReader(stream: stream))
        }
    }

    public func makeIterator() -> AnyIterator<TrafficRecord> { records }
}
