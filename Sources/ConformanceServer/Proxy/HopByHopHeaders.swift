import Foundation
import ConformanceModel

/// The headers a proxy must not forward (RFC 9110 §7.6.1): the hop-by-hop set, every header the
/// `Connection` header names, and the framing headers the next hop recomputes.
public enum HopByHopHeaders {
    /// Always hop-by-hop (RFC 9110 §7.6.1 and RFC 2616 §13.5.1's list).
    public static let names: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade",
    ]

    /// Recomputed by the HTTP stack for the next hop; forwarding them could disagree with the
    /// body actually sent.
    public static let framing: Set<String> = ["content-length", "host"]

    /// `headers` without hop-by-hop and framing headers. For requests, `Accept-Encoding` is
    /// dropped too (`dropAcceptEncoding`), so the upstream answers uncompressed bodies the
    /// validator can read — the proxy's job is to check them.
    public static func forwardable(_ headers: [Exchange.Header], dropAcceptEncoding: Bool = false) -> [Exchange.Header] {
        var drop = names.union(framing)
        for header in headers where header.name.caseInsensitiveEquals("Connection") {
            for token in header.value.split(separator: ",") {
                drop.insert(token.trimmingCharacters(in: .whitespaces).lowercased())
            }
        }
        if dropAcceptEncoding { drop.insert("accept-encoding") }
        return headers.filter { !drop.contains($0.name.lowercased()) }
    }
}
