import ConformanceModel
import Foundation

/// Renders exchanges as JSONL lines (the format `JSONLReader` and `conformance validate`
/// read), redacted like HAR entries (`Redaction.exchange`).
///
/// One line: `{"startedDateTime": ..., "time": ms, "request": {"method", "url", "headers":
/// {"Name": "value" or ["v1", "v2"]}, "body" or "bodyBase64"}, "response": {"status",
/// "headers", "body" or "bodyBase64"}}`; `response` is `null` when none came. Lines only ever
/// get appended, so a file cut short by a crash loses at most its last, partial line (which
/// the reader reports and skips).
public enum JSONLWriter {
    /// One line, newline included.
    public static func line(_ exchange: Exchange, started: Date, duration: TimeInterval) -> [UInt8] {
        let shown = Redaction.exchange(exchange)
        var json = JSONBytes(capacity: 256 + (shown.request.body?.count ?? 0) + (shown.response?.body?.count ?? 0))
        json.raw("{"); json.key("startedDateTime"); json.timestamp(started)
        json.raw(","); json.key("time"); json.milliseconds(duration)
        json.raw(","); json.key("request"); json.raw("{")
        json.key("method"); json.string(shown.request.method)
        json.raw(","); json.key("url"); json.string(shown.request.url)
        json.raw(","); json.key("headers"); headers(shown.request.headers, into: &json)
        body(shown.request.body, into: &json)
        json.raw("},"); json.key("response")
        if let response = shown.response {
            json.raw("{"); json.key("status"); json.integer(response.status)
            json.raw(","); json.key("headers"); headers(response.headers, into: &json)
            body(response.body, into: &json)
            json.raw("}")
        } else {
            json.raw("null")
        }
        json.raw("}\n")
        return json.bytes
    }

    /// `{"Name": "value"}`, repeated names as arrays (in the order they came).
    private static func headers(_ headers: [Exchange.Header], into json: inout JSONBytes) {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for header in headers {
            if values[header.name] == nil { order.append(header.name) }
            values[header.name, default: []].append(header.value)
        }
        json.raw("{")
        for (offset, name) in order.enumerated() {
            if offset > 0 { json.raw(",") }
            json.string(name)
            json.raw(":")
            let list = values[name] ?? []
            if list.count == 1 {
                json.string(list[0])
            } else {
                json.raw("[")
                for (index, value) in list.enumerated() {
                    if index > 0 { json.raw(",") }
                    json.string(value)
                }
                json.raw("]")
            }
        }
        json.raw("}")
    }

    /// `,"body":"..."`, or `,"bodyBase64":"..."` for bytes that are not UTF-8; nothing when empty.
    private static func body(_ body: [UInt8]?, into json: inout JSONBytes) {
        guard let body, !body.isEmpty else { return }
        if JSONBytes.isUTF8(body) {
            json.raw(","); json.key("body"); json.string(utf8: body)
        } else {
            json.raw(","); json.key("bodyBase64"); json.string(Data(body).base64EncodedString())
        }
    }
}
