import ConformanceModel

/// Reads exchanges one per line from a file or standard input, as a stream: one line and one
/// 64 KiB chunk are held at a time, so memory stays flat however long the input is.
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
        nextUnit()?.record()
    }

    /// The next line with content, not yet read as an exchange (that is `TrafficUnit.record()`,
    /// which another thread may do), or the reason there is none.
    public func nextUnit() -> TrafficUnit? {
        while let line = stream.nextLine() {
            lineNumber += 1
            switch line {
            case .tooLong(let length):
                return .ready(.unreadable(TrafficReadError(file: file, position: .line(lineNumber), reason: "line of \(length) bytes is longer than the limit of \(stream.maximumLineLength) bytes; skipped")))
            case .bytes(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                sawContent = true
                return .line(bytes, number: lineNumber, file: file)
            }
        }
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
    static func record(_ bytes: [UInt8], line: Int, file: String) -> TrafficRecord {
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
