import ConformanceModel
import Foundation

/// Baidu Cloud `bce-auth-v1` signing, to sign requests and to verify them.
///
/// Follows the BCC page's request structure (`004_*.txt`, "Request Instance":
/// `Authorization: bce-auth-v1/{AK}/2015-08-11T04:17:29Z/3600/host/{signature}`) and Baidu's
/// general authentication description it links to:
/// - authStringPrefix = `bce-auth-v1/{AK}/{timestamp}/{expirationPeriodInSeconds}`, timestamp
///   `yyyy-MM-dd'T'HH:mm:ss'Z'` (UTC);
/// - signingKey = hex(HMAC-SHA256(SK, authStringPrefix));
/// - canonical request = method `\n` canonical URI (path encoded except `/`) `\n` canonical
///   query (`encode(name)=encode(value)` without `authorization`, sorted, `&`-joined) `\n`
///   canonical headers (`encode(lowercase name):encode(trimmed value)` for each signed header
///   with a value, sorted, `\n`-joined);
/// - signature = hex(HMAC-SHA256(signingKey, canonical request));
/// - `Authorization: {authStringPrefix}/{signedHeaders}/{signature}`, signed headers lower case,
///   sorted, `;`-joined; when empty the defaults (`host`, `content-length`, `content-type`,
///   `content-md5` and every `x-bce-*`) are signed.
/// A signature is valid from its timestamp for `expirationPeriodInSeconds`, but never longer
/// than ``maximumExpiration`` (1800 s, the period the BCE SDKs and the "Generate Authentication
/// String" page give as the default): a client cannot mint a signature that stays valid for
/// years by declaring a huge period (decision: BCE's pages set no upper bound; the mock caps
/// it at the SDK default). `host` must be among the signed headers ("the host field must
/// participate in the signature"; the default set includes it).
public struct BaiduBCESigner: Sendable {
    /// The prefix of every `bce-auth-v1` authorization string.
    public static let version = "bce-auth-v1"

    public var accessKey: String
    public var secretKey: String
    /// How far in the future a timestamp may lie (clock skew); nil: not checked.
    public var maximumSkew: TimeInterval?
    /// The longest a signature stays valid, whatever period it declares.
    public var maximumExpiration: TimeInterval

    public init(accessKey: String, secretKey: String, maximumSkew: TimeInterval? = 15 * 60, maximumExpiration: TimeInterval = 1800) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.maximumSkew = maximumSkew
        self.maximumExpiration = maximumExpiration
    }

    /// `request` with `Host` (when `host` is given and absent) and `Authorization` set; signs
    /// `host` and every `x-bce-*` header present.
    public func sign(_ request: SignableRequest, date: Date = Date(), expiration: Int = 1800, host: String? = nil) -> SignableRequest {
        var signed = request
        if let host, signed.header("Host") == nil { signed.setHeader("Host", host) }
        signed.headers.removeAll { $0.name.caseInsensitiveEquals("Authorization") }
        let names = Array(Set(signed.headers.map { $0.name.lowercased() }.filter { $0 == "host" || $0.hasPrefix("x-bce-") })).sorted()
        let prefix = "\(Self.version)/\(accessKey)/\(Self.format(date))/\(expiration)"
        let signature = self.signature(signed, authStringPrefix: prefix, signedHeaders: names)
        signed.setHeader("Authorization", "\(prefix)/\(names.joined(separator: ";"))/\(signature)")
        return signed
    }

    /// Checks the `Authorization` header of `request` against this key pair.
    public func verify(_ request: SignableRequest, now: Date = Date()) -> SignatureVerdict {
        guard let authorization = request.header("Authorization") else { return .rejected("no Authorization header") }
        let parts = authorization.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == Self.version else {
            return .rejected("Authorization is not bce-auth-v1/{accessKeyId}/{timestamp}/{expirationPeriodInSeconds}/{signedHeaders}/{signature}")
        }
        guard parts[1] == accessKey else { return .rejected("unknown access key") }
        guard let timestamp = Self.parse(parts[2]) else { return .rejected("timestamp is not yyyy-MM-dd'T'HH:mm:ss'Z'") }
        guard let expiration = Int(parts[3]), expiration > 0 else { return .rejected("expirationPeriodInSeconds is not a positive integer") }
        if now.timeIntervalSince(timestamp) > min(TimeInterval(expiration), maximumExpiration) { return .rejected("the signature expired") }
        if let maximumSkew, timestamp.timeIntervalSince(now) > maximumSkew { return .rejected("the timestamp lies in the future") }
        let names = parts[4].isEmpty ? [] : parts[4].split(separator: ";").map { $0.lowercased() }
        if !names.isEmpty, !names.contains("host") { return .rejected("signedHeaders lacks host") }
        let prefix = parts[0...3].joined(separator: "/")
        let expected = signature(request, authStringPrefix: prefix, signedHeaders: names)
        return SigningEncoding.constantTimeEquals(expected, parts[5].lowercased()) ? .accepted : .rejected("signature does not match")
    }

    /// hex(HMAC-SHA256(hex(HMAC-SHA256(SK, prefix)), canonical request)).
    public func signature(_ request: SignableRequest, authStringPrefix: String, signedHeaders: [String]) -> String {
        let signingKey = SigningEncoding.hmacHex(key: secretKey, authStringPrefix)
        return SigningEncoding.hmacHex(key: signingKey, Self.canonicalRequest(request, signedHeaders: signedHeaders))
    }

    /// The four-part canonical request.
    public static func canonicalRequest(_ request: SignableRequest, signedHeaders: [String]) -> String {
        let uri = SigningEncoding.encode(SigningEncoding.decode(request.path), keepSlash: true)
        let query = request.query
            .filter { $0.name.lowercased() != "authorization" }
            .map { SigningEncoding.encode($0.name) + "=" + SigningEncoding.encode($0.value) }
            .sorted()
            .joined(separator: "&")
        return [request.method, uri.hasPrefix("/") ? uri : "/" + uri, query, canonicalHeaders(request.headers, signedHeaders: signedHeaders)]
            .joined(separator: "\n")
    }

    /// The headers to sign (the listed ones, or the defaults), encoded, sorted, `\n`-joined.
    public static func canonicalHeaders(_ headers: [Exchange.Header], signedHeaders: [String]) -> String {
        let defaults: Set<String> = ["host", "content-length", "content-type", "content-md5"]
        var lines: [String] = []
        for header in headers {
            let name = header.name.lowercased().trimmingCharacters(in: .whitespaces)
            let chosen = signedHeaders.isEmpty ? (defaults.contains(name) || name.hasPrefix("x-bce-")) : signedHeaders.contains(name)
            let value = header.value.trimmingCharacters(in: .whitespaces)
            guard chosen, !value.isEmpty else { continue }
            lines.append(SigningEncoding.encode(name) + ":" + SigningEncoding.encode(value))
        }
        return lines.sorted().joined(separator: "\n")
    }

    /// `yyyy-MM-dd'T'HH:mm:ss'Z'` in UTC.
    public static func format(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Reads `yyyy-MM-dd'T'HH:mm:ss'Z'`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let compact = text.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        guard text.utf8.count == 20 else { return nil }
        return HuaweiAKSKSigner.parse(compact)
    }
}
