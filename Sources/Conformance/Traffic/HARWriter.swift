import ConformanceModel
import Foundation

/// Renders exchanges as HAR 1.2 (the format `HARReader` and `conformance validate` read), one
/// entry at a time, redacted (`Redaction.exchange`: DESIGN.md "Secrets never reach disk").
///
/// A HAR file is ``head`` + entries joined by ``separator`` + ``tail``: a recorder appends
/// entries by writing them over the tail and writing the tail again after them
/// (`TrafficFile`), so the file on disk is a whole HAR document after every write while
/// memory holds nothing but the entries not yet written. Bodies that are not UTF-8 are
/// stored base64 with `"encoding": "base64"` (HAR 1.2 §content).
public enum HARWriter {
    /// The document up to the opening bracket of `log.entries`.
    public static func head(creatorName: String = "conformance", creatorVersion: String = "1") -> [UInt8] {
        var json = JSONBytes()
        json.raw(#"{"log":{"version":"1.2","creator":{"name":"#)
        json.string(creatorName)
        json.raw(#","version":"#)
        json.string(creatorVersion)
        json.raw("},\"entries\":[\n")
        return json.bytes
    }

    /// What goes between two entries.
    public static let separator: [UInt8] = Array(",\n".utf8)
    /// What closes the document after the last entry.
    public static let tail: [UInt8] = Array("\n]}}\n".utf8)

    /// The HAR entry of one exchange, redacted; `started` and `duration` fill
    /// `startedDateTime` and `time`.
    public static func entry(_ exchange: Exchange, started: Date, duration: TimeInterval) -> [UInt8] {
        let shown = Redaction.exchange(exchange)
        let request = shown.request
        var json = JSONBytes(capacity: 512 + (request.body?.count ?? 0) + (shown.response?.body?.count ?? 0))
        json.raw("{")
        json.key("startedDateTime"); json.timestamp(started)
        json.raw(","); json.key("time"); json.milliseconds(duration)
        json.raw(","); json.key("request"); json.raw("{")
        json.key("method"); json.string(request.method)
        json.raw(","); json.key("url"); json.string(request.url)
        json.raw(#","httpVersion":"HTTP/1.1","cookies":[],"#)
        json.key("headers"); headers(request.headers, into: &json)
        json.raw(","); json.key("queryString"); json.raw("[")
        for (offset, item) in Redaction.queryItems(of: request.url).enumerated() {
            if offset > 0 { json.raw(",") }
            json.raw("{"); json.key("name"); json.string(item.name); json.raw(","); json.key("value"); json.string(item.value); json.raw("}")
        }
        json.raw("],"); json.key("headersSize"); json.raw("-1,")
        json.key("bodySize"); json.integer(request.body?.count ?? 0)
        if let body = request.body, !body.isEmpty {
            json.raw(","); json.key("postData"); json.raw("{")
            content(body, mimeType: request.headers.value(named: "Content-Type") ?? "application/json", into: &json)
            json.raw("}")
        }
        json.raw("},"); json.key("response")
        if let response = shown.response {
            let body = response.body ?? []
            json.raw("{"); json.key("status"); json.integer(response.status)
            json.raw(","); json.key("statusText"); json.string(reason(response.status))
            json.raw(#","httpVersion":"HTTP/1.1","cookies":[],"#)
            json.key("headers"); headers(response.headers, into: &json)
            json.raw(","); json.key("content"); json.raw("{"); json.key("size"); json.integer(body.count); json.raw(",")
            content(body, mimeType: response.headers.value(named: "Content-Type") ?? "application/json", into: &json)
            json.raw(#"},"redirectURL":"","headersSize":-1,"#)
            json.key("bodySize"); json.integer(body.count); json.raw("}")
        } else {
            // HAR 1.2 requires a response; status 0 is how browsers record one that never came.
            json.raw(#"{"status":0,"statusText":"","httpVersion":"HTTP/1.1","cookies":[],"headers":[],"content":{"size":0,"mimeType":"x-unknown"},"redirectURL":"","headersSize":-1,"bodySize":-1}"#)
        }
        json.raw(#","cache":{},"timings":{"send":0,"wait":"#)
        json.milliseconds(duration)
        json.raw(#","receive":0}}"#)
        return json.bytes
    }

    /// A whole HAR document of `exchanges`, for small in-memory uses (tests, examples).
    public static func document(_ exchanges: [Exchange], started: Date = Date()) -> [UInt8] {
        var bytes = head()
        for (offset, exchange) in exchanges.enumerated() {
            if offset > 0 { bytes += separator }
            bytes += entry(exchange, started: started, duration: 0)
        }
        return bytes + tail
    }

    /// The reason phrase of common statuses (HAR's `statusText`); empty for others.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 203: "Non-Authoritative Information"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }

    private static func headers(_ headers: [Exchange.Header], into json: inout JSONBytes) {
        json.raw("[")
        for (offset, header) in headers.enumerated() {
            if offset > 0 { json.raw(",") }
            json.raw("{"); json.key("name"); json.string(header.name); json.raw(","); json.key("value"); json.string(header.value); json.raw("}")
        }
        json.raw("]")
    }

    /// `mimeType`, and `text` (with `encoding` when base64) when there is a body.
    private static func content(_ body: [UInt8], mimeType: String, into json: inout JSONBytes) {
        json.key("mimeType"); json.string(mimeType)
        guard !body.isEmpty else { return }
        json.raw(","); json.key("text")
        if JSONBytes.isUTF8(body) {
            json.string(utf8: body)
        } else {
            json.string(Data(body).base64EncodedString())
            json.raw(#","encoding":"base64""#)
        }
    }
}
