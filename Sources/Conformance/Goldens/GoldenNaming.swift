import ConformanceModel

/// The file names of a golden folder (DESIGN.md "Golden payloads"), and how to read them back.
///
/// - `request.min.json`, `request.full.json`: synthesized requests (only when a body is documented);
/// - `response-<status>.json`: a synthesized response for each documented status with a body
///   (every status for a service with a response envelope: the envelope is the body);
/// - `example-request-N.json`: the doc's request examples, numbered from 1 in document order;
/// - `example-response-<status>-N.json`: response examples, numbered from 1 per status;
/// - `example-response-error-N.json`: a response example the doc gives with no status whose
///   body is an error body (`{"error": {"code", "message"}}`); it is checked under the
///   operation's first documented 4xx/5xx status, or 400 when there is none;
/// - `example-response-N.json`: any other response example without a status, checked under
///   the operation's first success status;
/// - `*.txt` instead of `*.json`: an example that is not JSON at all, kept as the doc prints it.
public enum GoldenNaming {
    /// The status a response example without one is checked under (`Operation.assumedStatus`).
    static func assumedStatus(for example: JSONValue?, operation: Operation) -> (status: Int, isError: Bool) {
        operation.assumedStatus(for: example)
    }

    /// The role of a golden payload file from its name, given its operation; `nil` for names
    /// that are not golden payloads.
    public static func role(of fileName: String, operation: Operation) -> GoldenFile.Role? {
        guard fileName.hasSuffix(".json") || fileName.hasSuffix(".txt") else { return nil }
        let stem = fileName.split(separator: ".").first.map(String.init) ?? fileName
        if stem == "request" || stem.hasPrefix("example-request-") { return .request }
        let parts = stem.split(separator: "-").map(String.init)
        if stem.hasPrefix("response-"), parts.count == 2, let status = Int(parts[1]) { return .response(status: status) }
        if stem.hasPrefix("example-response-") {
            if parts.count == 4, let status = Int(parts[2]) { return .response(status: status) }
            if parts.count == 4, parts[2] == "error" { return .response(status: operation.responses.first { $0.status >= 400 }?.status ?? 400) }
            if parts.count == 3 { return .response(status: operation.responses.first { $0.isSuccess }?.status ?? 200) }
        }
        return nil
    }
}
