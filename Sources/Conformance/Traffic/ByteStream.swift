#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input read in fixed-size chunks with `read(2)`, handing out lines with
/// bounded memory: at most one line plus one chunk is held at a time.
///
/// Lines end at `\n`; a `\r` before it (CRLF files) is dropped. A line longer than
/// `maximumLineLength` is skipped up to its end and reported as `.tooLong`, so that one runaway
/// line cannot exhaust memory.
public final class ByteStream {
    /// What `nextLine()` hands out.
    public enum Line: Equatable {
        /// The bytes of a line, without its terminator.
        case bytes([UInt8])
        /// A line longer than the limit, which was skipped; `length` is its full length.
        case tooLong(length: Int)
    }

    /// The path given (`-` for standard input).
    public let name: String
    public let chunkSize: Int
    public let maximumLineLength: Int
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` before `start` are consumed.
    private var start = 0
    private var atEnd = false
    /// A read error, kept so that the reader can report it once.
    public private(set) var readError: String?

    /// Opens `path` (`-`: standard input) for reading.
    public init(path: String, chunkSize: Int = 64 * 1024, maximumLineLength: Int = 64 * 1024 * 1024) throws(TrafficReadError) {
        self.name = path
        self.chunkSize = max(1, chunkSize)
        self.maximumLineLength = maximumLineLength
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                throw TrafficReadError(file: path, position: .file, reason: "cannot open (\(String(cString: strerror(errno))))")
            }
            var status = stat()
            if fstat(opened, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(opened)
                throw TrafficReadError(file: path, position: .file, reason: "is a folder, not a traffic file")
            }
            descriptor = opened
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Reads one more chunk into the buffer; `false` at the end of the input or on an error.
    private func fill() -> Bool {
        guard !atEnd else { return false }
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let previous = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress.map { $0 + previous }, chunkSize)
            }
        } while count < 0 && errno == EINTR
        if count < 0 { readError = String(cString: strerror(errno)) }
        buffer.removeLast(chunkSize - max(count, 0))
        if count <= 0 { atEnd = true }
        return count > 0
    }

    /// The first bytes of the input, without consuming them (for format sniffing).
    public func peek(_ count: Int = 4096) -> ArraySlice<UInt8> {
        while buffer.count - start < count, fill() {}
        return buffer[start..<min(buffer.count, start + count)]
    }

    /// The next line, or `nil` at the end of the input. A last line without `\n` is returned too.
    public func nextLine() -> Line? {
        // Offsets from `start`, because `fill()` may move the unread bytes to the front.
        var scannedFromStart = 0
        var skipped = 0
        while true {
            if let newline = Self.newline(in: buffer, from: start + scannedFromStart) {
                if skipped > 0 {
                    let length = skipped + newline - start
                    start = newline + 1
                    return .tooLong(length: length)
                }
                var end = newline
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                return .bytes(line)
            }
            if buffer.count - start > maximumLineLength {
                // Drop what we have of the runaway line and keep looking for its end.
                skipped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            scannedFromStart = buffer.count - start
            if !fill() {
                if skipped > 0 {
                    let length = skipped + buffer.count - start
                    start = buffer.count
                    return .tooLong(length: length)
                }
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[start..<end])
                start = buffer.count
                return .bytes(line)
            }
        }
    }

    /// What `nextBlock()` hands out.
    public enum Block: Equatable {
        /// Whole lines, each with its `\n` (and any `\r` before it), copied out of the buffer at once.
        case lines([UInt8])
        /// One line as `nextLine()` reads it: the last line when it has no `\n`, or a runaway line.
        case line(Line)
    }

    /// The lines read so far that are whole, in one copy: one allocation for a chunk's worth of
    /// lines instead of one per line, for readers that split the block themselves (on other
    /// threads). A line longer than what is buffered is read on until its end first; the last
    /// line without `\n`, and a line over the limit, come as `.line`. `nil` at the end.
    public func nextBlock() -> Block? {
        // Offsets from `start`, because `fill()` may move the unread bytes to the front.
        var scannedFromStart = 0
        while true {
            // The last newline of what is buffered; only the bytes not looked at yet are searched.
            if let last = buffer[(start + scannedFromStart)...].lastIndex(of: 0x0A) {
                let lines = Array(buffer[start...last])
                start = last + 1
                return .lines(lines)
            }
            scannedFromStart = buffer.count - start
            if scannedFromStart > maximumLineLength || !fill() {
                // A runaway line, or the end: `nextLine()` knows how to end both.
                return nextLine().map(Block.line)
            }
        }
    }

    /// The index of the first `\n` at or after `from`: `memchr`, which looks at many bytes at once.
    private static func newline(in buffer: [UInt8], from: Int) -> Int? {
        guard from < buffer.count else { return nil }
        return buffer.withUnsafeBytes { raw in
            memchr(raw.baseAddress! + from, 0x0A, raw.count - from).map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) }
        }
    }

    /// Everything that is left, for formats that are one document (HAR). `limit` bounds it.
    public func readAll(limit: Int = 2 * 1024 * 1024 * 1024) throws(TrafficReadError) -> [UInt8] {
        while fill() {
            if buffer.count - start > limit {
                throw TrafficReadError(file: name, position: .file, reason: "larger than \(limit / (1024 * 1024)) MiB")
            }
        }
        if let readError { throw TrafficReadError(file: name, position: .file, reason: "read failed (\(readError))") }
        let rest = Array(buffer[start...])
        start = buffer.count
        return rest
    }
}
