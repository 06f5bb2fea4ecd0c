import ConformanceModel

/// Reads HAR 1.2 files as browsers, mitmproxy, Charles and Proxyman export them.
///
/// A HAR file is one JSON document, so it is read whole; a file that is not JSON (truncated,
/// say) or has no `log.entries` throws a `TrafficReadError`. Each entry then becomes a
/// `TrafficRecord`: an exchange, or an `.unreadable` error naming the entry when the entry
/// itself is broken, so that one bad entry does not hide the others.
///
/// What is read, per entry: `request.method`, `request.url`, `request.headers[{name, value}]`,
/// `request.postData.text`, `response.status`, `response.headers`, `response.content.text`
/// (base64 when `content.encoding` is `base64`). A missing response, or status 0 (what browsers
/// record for a request that got no answer), gives an exchange whose `response` is `nil`.
public struct HARReader: Sequence {
    private let entries: [JSONValue]
    /// The input's name as given (a path, or `-`), used in exchanges and errors.
    public let file: String

    /// Parses HAR text; throws when it is not JSON or not HAR.
    public init(bytes: [UInt8], file: String) throws(TrafficReadError) {
        self.file = file
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes: Array(TrafficJSON.droppingByteOrderMark(bytes)))
        } catch {
            throw TrafficReadError(file: file, position: .line(error.line), reason: TrafficJSON.describe(error))
        }
        guard let log = root["log"], log.objectValue != nil else {
            throw TrafficReadError(file: file, position: .file, reason: "not a HAR file: no \"log\" object at the top level")
        }
        guard let entries = log["entries"]?.arrayValue else {
            throw TrafficReadError(file: file, position: .file, reason: "not a HAR file: no \"log.entries\" array")
        }
        self.entries = entries
    }

    /// Reads the file at `path` (`-`: standard input).
    public init(path: String) throws(TrafficReadError) {
        let stream = try ByteStream(path: path)
        try self.init(bytes: stream.readAll(), file: path)
    }

    /// The number of entries, broken ones included.
    public var count: Int { entries.count }

    public func makeIterator() -> AnyIterator<TrafficRecord> {
        var index = 0
        return AnyIterator {
            guard index < entries.count else { return nil }
            defer { index += 1 }
            return record(entries[index], index: index)
        }
    }

    /// One entry as an exchange, or the reason it is not one.
    func record(_ entry: JSONValue, index: Int) -> TrafficRecord {
        switch Self.exchange(entry, index: index, file: file) {
        case .success(let exchange): .exchange(exchange)
        case .failure(let reason): .unreadable(TrafficReadError(file: file, position: .entry(index), reason: reason.text))
        }
    }

    /// The reason an entry could not be read.
    struct Reason: Error { var text: String }

    static func exchange(_ entry: JSONValue, index: Int, file: String) -> Result<Exchange, Reason> {
        guard entry.objectValue != nil else { return .failure(Reason(text: "not an object")) }
        guard let request = entry["request"], request.objectValue != nil else {
            return .failure(Reason(text: "no \"request\" object"))
        }
        guard let method = request["method"]?.stringValue, !method.isEmpty else {
            return .failure(Reason(text: "request.method is missing or not a string"))
        }
        guard let url = request["url"]?.stringValue, !url.isEmpty else {
            return .failure(Reason(text: "request.url is missing or not a string"))
        }
        let requestBody: [UInt8]?
        switch body(request["postData"], textKey: "text", what: "request.postData") {
        case .success(let bytes): requestBody = bytes
        case .failure(let reason): return .failure(reason)
        }
        var response: Exchange.Response?
        if let recorded = entry["response"], recorded != .null {
            guard recorded.objectValue != nil else { return .failure(Reason(text: "response is not an object")) }
            let status: Int
            if let value = recorded["status"] {
                guard let number = TrafficJSON.integer(value) else {
                    return .failure(Reason(text: "response.status is not an integer"))
                }
                status = number
            } else {
                status = 0
            }
            if status > 0 {
                guard status < 1000 else { return .failure(Reason(text: "response.status \(status) is not an HTTP status")) }
                switch body(recorded["content"], textKey: "text", what: "response.content") {
                case .success(let bytes):
                    response = Exchange.Response(status: status, headers: headers(recorded["headers"]), body: bytes)
                case .failure(let reason):
                    return .failure(reason)
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

    /// `[{name, value}]`; items without a string name are skipped, HTTP/2 pseudo-headers too.
    static func headers(_ value: JSONValue?) -> [Exchange.Header] {
        guard let items = value?.arrayValue else { return [] }
        return items.compactMap { item in
            guard let name = item["name"]?.stringValue, !name.isEmpty, !name.hasPrefix(":") else { return nil }
            return Exchange.Header(name: name, value: TrafficJSON.text(item["value"]) ?? "")
        }
    }

    /// `postData` or `content`: `text`, base64 when `encoding` says so; empty text is no body.
    static func body(_ value: JSONValue?, textKey: String, what: String) -> Result<[UInt8]?, Reason> {
        guard let value, value != .null else { return .success(nil) }
        guard value.objectValue != nil else { return .failure(Reason(text: "\(what) is not an object")) }
        guard let text = value[textKey]?.stringValue, !text.isEmpty else { return .success(nil) }
        if value["encoding"]?.stringValue?.lowercased() == "base64" {
            guard let bytes = TrafficJSON.base64(text) else {
                return .failure(Reason(text: "\(what).text is marked base64 but is not base64"))
            }
            return .success(bytes.isEmpty ? nil : bytes)
        }
        return .success(Array(text.utf8))
    }
}
