import ConformanceModel
import Foundation

/// Writes exchanges as a HAR 1.2 file (the format `HARReader` and `conformance validate` read),
/// with secrets redacted (DESIGN.md "Secrets never reach disk"): credential headers, secret query
/// parameters and password-like body fields become `<redacted>` (`Redaction`).
///
/// Entries are rendered when appended and kept as text, so a recording costs its own size in
/// memory and no more. ``write(to:)`` replaces the file atomically (temporary file, then rename),
/// so it can be called periodically while recording goes on: a reader always sees a whole file.
/// Bodies that are not UTF-8 are stored base64 with `"encoding": "base64"` (HAR 1.2 §content).
public struct HARWriter: Sendable {
    /// The `log.creator` of the file.
    public var creatorName: String
    public var creatorVersion: String
    private var entries: [String] = []

    public init(creatorName: String = "conformance", creatorVersion: String = "1") {
        self.creatorName = creatorName
        self.creatorVersion = creatorVersion
    }

    /// How many entries the file will hold.
    public var count: Int { entries.count }

    /// Adds one exchange; `started` and `duration` fill `startedDateTime` and `time`.
    public mutating func append(_ exchange: Exchange, started: Date = Date(), duration: TimeInterval = 0) {
        entries.append(Self.entry(exchange, started: started, duration: duration).compactText)
    }

    /// The whole HAR document.
    public func text() -> String {
        let creator: JSONValue = ["name": .string(creatorName), "version": .string(creatorVersion)]
        var output = "{\"log\":{\"version\":\"1.2\",\"creator\":" + creator.compactText + ",\"entries\":["
        output += entries.joined(separator: ",\n")
        output += "]}}\n"
        return output
    }

    /// Writes ``text()`` to `path` atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(text(), to: path)
    }

    /// The HAR entry of one exchange, redacted.
    static func entry(_ exchange: Exchange, started: Date, duration: TimeInterval) -> JSONValue {
        let request = exchange.request
        let url = Redaction.url(request.url)
        var requestValue: [String: JSONValue] = [
            "method": .string(request.method),
            "url": .string(url),
            "httpVersion": "HTTP/1.1",
            "cookies": [],
            "headers": headers(request.headers),
            "queryString": .array(Redaction.queryItems(of: url).map { ["name": .string($0.name), "value": .string($0.value)] }),
            "headersSize": -1,
            "bodySize": .integer(request.body?.count ?? 0),
        ]
        if let body = request.body, !body.isEmpty {
            var postData = content(Redaction.body(body), mimeType: request.headers.value(named: "Content-Type") ?? "application/json")
            postData["size"] = nil
            requestValue["postData"] = .object(postData)
        }
        var entry: [String: JSONValue] = [
            "startedDateTime": .string(iso8601(started)),
            "time": .number(String(format: "%.3f", max(duration, 0) * 1000)),
            "request": .object(requestValue),
            "cache": [:],
            "timings": ["send": 0, "wait": .number(String(format: "%.3f", max(duration, 0) * 1000)), "receive": 0],
        ]
        if let response = exchange.response {
            let body = response.body.map(Redaction.body) ?? []
            entry["response"] = [
                "status": .integer(response.status),
                "statusText": .string(reason(response.status)),
                "httpVersion": "HTTP/1.1",
                "cookies": [],
                "headers": headers(response.headers),
                "content": .object(content(body, mimeType: response.headers.value(named: "Content-Type") ?? "application/json")),
                "redirectURL": "",
                "headersSize": -1,
                "bodySize": .integer(body.count),
            ]
        } else {
            // HAR 1.2 requires a response; status 0 is how browsers record one that never came.
            entry["response"] = ["status": 0, "statusText": "", "httpVersion": "HTTP/1.1", "cookies": [], "headers": [],
                                 "content": ["size": 0, "mimeType": "x-unknown"], "redirectURL": "", "headersSize": -1, "bodySize": -1]
        }
        return .object(entry)
    }

    /// The reason phrase of common statuses (HAR's `statusText`); empty for others.
    static func reason(_ status: Int) -> String {
        let phrases: [Int: String] = [
            200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
            400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            409: "Conflict", 413: "Content Too Large", 415: "Unsupported Media Type", 429: "Too Many Requests",
            500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
        ]
        return phrases[status] ?? ""
    }

    private static func headers(_ headers: [Exchange.Header]) -> JSONValue {
        .array(Redaction.headers(headers).map { ["name": .string($0.name), "value": .string($0.value)] })
    }

    private static func content(_ body: [UInt8], mimeType: String) -> [String: JSONValue] {
        var content: [String: JSONValue] = ["size": .integer(body.count), "mimeType": .string(mimeType)]
        guard !body.isEmpty else { return content }
        if let text = String(validating: body, as: UTF8.self) {
            content["text"] = .string(text)
        } else {
            content["text"] = .string(Data(body).base64EncodedString())
            content["encoding"] = "base64"
        }
        return content
    }

    private static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
