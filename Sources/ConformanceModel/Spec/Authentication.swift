/// One documented way to authenticate a request; a request needs any one of a service's.
///
/// Huawei accepts a token (`X-Auth-Token`) or an AK/SK signature (`Authorization:
/// SDK-HMAC-SHA256 ...`, chapter 3.2 认证鉴权); Baidu a `bce-auth-v1` signature.
public struct Authentication: Codable, Sendable, Hashable {
    /// A short name: `token`, `aksk`, `bce-auth-v1`.
    public var name: String
    /// The header that carries the credential.
    public var header: String
    /// The scheme the header value starts with, if any (`SDK-HMAC-SHA256`).
    public var scheme: String?
    public var source: DocReference?

    public init(name: String, header: String, scheme: String? = nil, source: DocReference? = nil) {
        self.name = name
        self.header = header
        self.scheme = scheme
        self.source = source
    }
}
