/// Opens traffic by path, choosing the reader: by extension (`.har`, `.jsonl`, `.ndjson`),
/// otherwise (standard input `-`, `.json`, no extension) by sniffing the first bytes.
///
/// JSONL is streamed; HAR is read whole (it is one JSON document). Iterating yields each
/// exchange, and each broken entry as `.unreadable`, in input order.
public struct TrafficInput: Sequence {
    public let file: String
    public let format: TrafficFormat
    private let units: AnyIterator<TrafficUnit>

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
            let records = try HARReader(bytes: stream.readAll(), file: path).makeIterator()
            units = AnyIterator { records.next().map(TrafficUnit.ready) }
        case .jsonl:
            let reader = JSONLReader(stream: stream)
            units = AnyIterator { reader.nextUnit() }
        }
    }

    public func makeIterator() -> AnyIterator<TrafficRecord> {
        let units = self.units
        return AnyIterator { units.next()?.record() }
    }

    /// The input in units whose reading (`TrafficUnit.record()`) may be left to other threads:
    /// JSONL lines not yet parsed, HAR entries already read. Shares its position with `makeIterator()`.
    public func makeUnitIterator() -> AnyIterator<TrafficUnit> { units }
}

/// A piece of traffic input, read or still to be read: what `ValidationPipeline` spreads over threads.
public enum TrafficUnit: Sendable {
    /// A JSONL line with content, and its 1-based number.
    case line([UInt8], number: Int, file: String)
    /// A record the reader has already made.
    case ready(TrafficRecord)

    /// The exchange, or why the unit is not one.
    public func record() -> TrafficRecord {
        switch self {
        case .line(let bytes, let number, let file): JSONLReader.record(bytes, line: number, file: file)
        case .ready(let record): record
        }
    }
}
