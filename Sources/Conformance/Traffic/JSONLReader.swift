import ConformanceModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads exchanges one per line from a file or standard input, as a stream: one 64 KiB chunk
/// and the lines taken from it are held at a time, so memory stays flat however long the
/// input is.
///
/// A line is
/// `{"request": {"method", "url", "headers": {...}, "body": "..."}, "response": {"status", "headers": {...}, "body": "..."}}`;
/// headers are an object of name → string (or array of strings, for repeated headers); a body is
/// a string (`body`), base64 (`bodyBase64`), or, for hand-written files, any JSON value, which
/// stands for its own text. `response` may be absent or `null` (no answer was recorded).
///
/// Blank lines are skipped. A line that is not an exchange becomes an `.unreadable` record with
/// its line number, and reading goes on. An exchange's `index` is its 0-based line number, so
/// that a finding leads back to the line (`index + 1`).
public final class JSONLReader: Sequence, IteratorProtocol {
    private let stream: ByteStream
    private var lineNumber = 0
    private var reportedReadError = false
    /// Whether a line with content was seen; input of blank lines only is reported once.
    private var sawContent = false
    /// The input's name as given (a path, or `-`).
    public var file: String { stream.name }

    /// Reads from an open stream (one that may already have been peeked at).
    public init(stream: ByteStream) {
        self.stream = stream
    }

    /// Opens `path` (`-`: standard input).
    public convenience init(path: String) throws(TrafficReadError) {
        self.init(stream: try ByteStream(path: path))
    }

    public func next() -> TrafficRecord? {
        // `nextUnit()` gives one line at a time: one record.
        var record: TrafficRecord?
        nextUnit()?.forEachRecord { record = $0 }
        return record
    }

    /// The next line with content, not yet read as an exchange (that is `TrafficUnit.forEachRecord`,
    /// which another thread may do), or the reason there is none.
    public func nextUnit() -> TrafficUnit? {
        while let line = stream.nextLine() {
            if let unit = unit(line) { return unit }
        }
        return end()
    }

    /// The next lines with content that the stream holds whole, as one unit (`.lines`), or one
    /// line as `nextUnit()` gives it. Fewer allocations on the reading thread than line by line,
    /// and none that another thread must free.
    public func nextBlockUnit() -> TrafficUnit? {
        while let block = stream.nextBlock() {
            switch block {
            case .line(let line):
                if let unit = unit(line) { return unit }
            case .lines(let bytes):
                if let lines = lines(of: bytes) { return .lines(lines) }
            }
        }
        return end()
    }

    /// One line read alone, or `nil` when it is blank.
    private func unit(_ line: ByteStream.Line) -> TrafficUnit? {
        lineNumber += 1
        switch line {
        case .tooLong(let length):
            return .ready(.unreadable(TrafficReadError(file: file, position: .line(lineNumber), reason: "line of \(length) bytes is longer than the limit of \(stream.maximumLineLength) bytes; skipped")))
        case .bytes(let bytes):
            if Self.isBlank(bytes[...]) { return nil }
            sawContent = true
            return .line(bytes, number: lineNumber, file: file)
        }
    }

    /// The lines with content of a block of whole lines, or `nil` when all are blank.
    private func lines(of bytes: [UInt8]) -> LineBlock? {
        var lines: [LineBlock.Line] = []
        lines.reserveCapacity(bytes.count / 512 + 1)
        bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            var from = 0
            // Every line of a block ends in `\n` (`ByteStream.nextBlock()`).
            while from < raw.count, let newline = memchr(base + from, 0x0A, raw.count - from) {
                let end = base.distance(to: UnsafeRawPointer(newline))
                lineNumber += 1
                let content = end > from && raw[end - 1] == 0x0D ? end - 1 : end
                if !Self.isBlank(bytes[from..<content]) {
                    lines.append(LineBlock.Line(range: from..<content, number: lineNumber))
                }
                from = end + 1
            }
        }
        guard !lines.isEmpty else { return nil }
        sawContent = true
        return LineBlock(bytes: bytes, lines: lines, file: file)
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// After the last line: a read error, or input with nothing but blank lines, once.
    private func end() -> TrafficUnit? {
        if let error = stream.readError, !reportedReadError {
            reportedReadError = true
            return .ready(.unreadable(TrafficReadError(file: file, position: .line(lineNumber + 1), reason: "read failed (\(error))")))
        }
        if !sawContent, !reportedReadError {
            // Blank lines only: no traffic, which is an error as an empty file is.
            reportedReadError = true
            return .ready(.unreadable(TrafficReadError(file: file, position: .file, reason: "no exchanges: only blank lines")))
        }
        return nil
    }

    /// One line as an exchange, or the reason it is not one.
    static func record(_ bytes: ArraySlice<UInt8>, line: Int, file: String) -> TrafficRecord {
        if let exchange = JSONLFastPath.exchange(TrafficJSON.droppingByteOrderMark(bytes), index: line - 1, file: file) {
            return .exchange(exchange)
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes: Array(TrafficJSON.droppingByteOrderMark(bytes)))
        } catch {
            return .unreadable(TrafficReadError(file: file, position: .line(line), reason: TrafficJSON.describe(error)))
        }
        switch exchange(value, index: line - 1, file: file) {
        case .success(let exchange): return .exchange(exchange)
        case .failure(let reason): return .unreadable(TrafficReadError(file: file, position: .line(line), reason: reason.text))
        }
    }

    static func exchange(_ value: JSONValue, index: Int, file: String) -> Result<Exchange, HARReader.Reason> {
        guard value.objectValue != nil else { return .failure(.init(text: "not a JSON object")) }
        guard let request = value["request"], request.objectValue != nil else {
            return .failure(.init(text: "no \"request\" object"))
        }
        guard let method = request["method"]?.stringValue, !method.isEmpty else {
            return .failure(.init(text: "request.method is missing or not a string"))
        }
        guard let url = request["url"]?.stringValue, !url.isEmpty else {
            return .failure(.init(text: "request.url is missing or not a string"))
        }
        let requestBody: [UInt8]?
        switch body(of: request, what: "request") {
        case .success(let bytes): requestBody = bytes
        case .failure(let reason): return .failure(reason)
        }
        var response: Exchange.Response?
        if let recorded = value["response"], recorded != .null {
            guard recorded.objectValue != nil else { return .failure(.init(text: "response is not an object")) }
            guard let status = TrafficJSON.integer(recorded["status"]), (0..<1000).contains(status) else {
                return .failure(.init(text: "response.status is missing or not an HTTP status"))
            }
            if status > 0 {
                switch body(of: recorded, what: "response") {
                case .success(let bytes): response = Exchange.Response(status: status, headers: headers(recorded["headers"]), body: bytes)
                case .failure(let reason): return .failure(reason)
                }
            }
        }
        return .success(Exchange(
            request: Exchange.Request(method: method, url: url, headers: headers(request["headers"]), body: requestBody),
            response: response,
            index: index,
            file: file
        ))
    }

    /// `{"Name": "value" | ["v1", "v2"]}` in name order (JSON objects keep no order); a
    /// `[{name, value}]` list, HAR style, is accepted too.
    static func headers(_ value: JSONValue?) -> [Exchange.Header] {
        if value?.arrayValue != nil { return HARReader.headers(value) }
        guard let members = value?.objectValue else { return [] }
        var headers: [Exchange.Header] = []
        for name in members.keys.sorted() where !name.isEmpty {
            if let values = members[name]?.arrayValue {
                headers += values.compactMap { TrafficJSON.text($0).map { Exchange.Header(name: name, value: $0) } }
            } else if let text = TrafficJSON.text(members[name]) {
                headers.append(Exchange.Header(name: name, value: text))
            }
        }
        return headers
    }

    /// `bodyBase64`, else `body`: a string is its UTF-8 bytes, other JSON its text.
    static func body(of message: JSONValue, what: String) -> Result<[UInt8]?, HARReader.Reason> {
        if let encoded = message["bodyBase64"], encoded != .null {
            guard let text = encoded.stringValue, let bytes = TrafficJSON.base64(text) else {
                return .failure(.init(text: "\(what).bodyBase64 is not base64 text"))
            }
            return .success(bytes.isEmpty ? nil : bytes)
        }
        switch message["body"] {
        case nil, .null?: return .success(nil)
        case .string(let text)?: return .success(text.isEmpty ? nil : Array(text.utf8))
        case let other?: return .success(Array(other.compactText.utf8))
        }
    }
}
