import Conformance
import ConformanceModel

/// Idempotent requests: an operation that documents an idempotency token header (EVS 6.1.1
/// `X-Client-Token`: "请求的幂等标识 … 携带相同幂等标识的多个请求，会认为多个请求为同一个幂等请求，
/// 会返回相同的响应体。") answers a request that repeats an earlier token with the earlier answer,
/// and refuses one that brings the token with another URL or body (A.1 `EVS.2219 "url/project
/// id/body conflict with X-Client-Token"`).
enum MockIdempotency {
    /// An accepted request's fingerprint and answer, under its token.
    struct Entry: Sendable {
        var fingerprint: String
        var response: Exchange.Response
    }

    /// At most this many tokens are held; beyond, all are forgotten (the docs keep a token 8
    /// hours; a mock that runs for days must not grow without bound).
    static let capacity = 10_000

    /// What makes two requests the same request: method, path with query, and body (as
    /// canonical JSON when it parses, so that spacing and member order do not tell two
    /// requests apart).
    static func fingerprint(_ request: Exchange.Request, target: RequestTarget, body: JSONValue?) -> String {
        let query = target.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let content = body?.canonicalText ?? String(decoding: request.body ?? [], as: UTF8.self)
        return "\(request.method.uppercased()) \(target.path)?\(query) \(content)"
    }
}
