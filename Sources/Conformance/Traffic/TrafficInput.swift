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
            units = AnyIterator { reader.nextBlockUnit() }
        }
    }

    public func makeIterator() -> AnyIterator<TrafficRecord> {
        let units = self.units
        var pending: [TrafficRecord] = []
        var next = 0
        return AnyIterator {
            while next == pending.count {
                guard let unit = units.next() else { return nil }
                pending.removeAll(keepingCapacity: true)
                next = 0
                unit.forEachRecord { pending.append($0) }
            }
            defer { next += 1 }
            return pending[next]
        }
    }

    /// The input in units whose reading (`TrafficUnit.forEachRecord`) may be left to other
    /// threads: blocks of JSONL lines not yet parsed, HAR entries already read. Shares its
    /// position with `makeIterator()`.
    public func makeUnitIterator() -> AnyIterator<TrafficUnit> { units }
}

/// A piece of traffic input, read or still to be read: what `ValidationPipeline` spreads over threads.
public enum TrafficUnit: Sendable {
    /// A JSONL line with content, and its 1-based number.
    case line([UInt8], number: Int, file: String)
    /// Consecutive JSONL lines in one buffer.
    case lines(LineBlock)
    /// A record the reader has already made.
    case ready(TrafficRecord)

    /// How many records the unit gives.
    public var count: Int {
        switch self {
        case .line, .ready: 1
        case .lines(let block): block.lines.count
        }
    }

    /// Each exchange, or why a line is not one, in input order.
    public func forEachRecord(_ body: (consuming TrafficRecord) -> Void) {
        switch self {
        case .line(let bytes, let number, let file):
            body(JSONLReader.record(bytes[...], line: number, file: file))
        case .lines(let block):
            // A string of this thread's own: every exchange of the block holds it, and a
            // reference count that threads share is slow to change.
            let file = String(decoding: Array(block.file.utf8), as: UTF8.self)
            for line in block.lines {
                body(JSONLReader.record(block.bytes[line.range], line: line.number, file: file))
            }
        case .ready(let record):
            body(record)
        }
    }
}

/// JSONL lines read at once into one buffer (`JSONLReader.nextBlockUnit()`): the reading
/// thread finds where each line ends; whichever thread reads the unit makes the exchanges.
public struct LineBlock: Sendable {
    /// Where a line with content lies in `bytes` (without `\r\n`), and its 1-based number.
    public struct Line: Sendable {
        public let range: Range<Int>
        public let number: Int
    }

    public let bytes: [UInt8]
    public let lines: [Line]
    public let file: String
}
