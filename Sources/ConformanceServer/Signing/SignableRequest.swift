import ConformanceModel
import Foundation

/// The parts of an HTTP request that the vendors' signature schemes cover: method, path (as
/// sent, percent-encoded or not), query items, headers and body bytes.
///
/// Made from an `Exchange.Request` (what the mock receives) or built by hand (what the proxy
/// and the verify runner are about to send).
public struct SignableRequest: Sendable, Hashable {
    /// The method, upper case.
    public var method: String
    /// The path without query, e.g. `/v2/p1/cloudvolumes/detail`.
    public var path: String
    /// The query items as sent (still percent-encoded is fine: they are decoded, then encoded
    /// canonically), in any order.
    public var query: [Item]
    /// The headers; names compare case-insensitively.
    public var headers: [Exchange.Header]
    /// The body bytes (empty when there is none).
    public var body: [UInt8]

    /// One query item; `value` is empty for a bare key (`?purchaseReserved`).
    public struct Item: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(method: String, path: String, query: [Item] = [], headers: [Exchange.Header] = [], body: [UInt8] = []) {
        self.method = method.uppercased()
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Splits `url` (absolute, or a path with query) into path and decoded query items.
    public init(method: String, url: String, headers: [Exchange.Header] = [], body: [UInt8] = []) {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let path: Substring
        var items: [Item] = []
        if let mark = rest.firstIndex(of: "?") {
            path = rest[..<mark]
            for pair in rest[rest.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                items.append(Item(name: SigningEncoding.decode(String(parts[0]), plusAsSpace: true),
                                  value: parts.count > 1 ? SigningEncoding.decode(String(parts[1]), plusAsSpace: true) : ""))
            }
        } else {
            path = rest
        }
        self.init(method: method, path: String(path), query: items, headers: headers, body: body)
    }

    /// The request the mock received.
    public init(_ request: Exchange.Request) {
        self.init(method: request.method, url: request.url, headers: request.headers, body: request.body ?? [])
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? { headers.value(named: name) }

    /// Sets header `name`, replacing every existing value.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveEquals(name) }
        headers.append(Exchange.Header(name: name, value: value))
    }
}
