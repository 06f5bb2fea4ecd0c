import ConformanceModel
import Foundation

/// Huawei Cloud API Gateway AK/SK signing (`SDK-HMAC-SHA256`), to sign requests (proxy, verify
/// runner) and to verify them (mock).
///
/// Follows the EVS reference §3.2 认证鉴权 ("AK/SK认证就是使用AK/SK对请求进行签名") and the API
/// Gateway signing SDK it points to:
/// - canonical request = method `\n` canonical URI (each segment percent-encoded, always ending
///   in `/`) `\n` canonical query (names and values encoded, sorted by name then value) `\n`
///   canonical headers (`name:value\n` for each signed header: lower-case name, trimmed value,
///   sorted) `\n` signed headers (`;`-joined) `\n` hex(SHA-256(body));
/// - string to sign = `SDK-HMAC-SHA256\n` + `X-Sdk-Date` + `\n` + hex(SHA-256(canonical request));
/// - signature = hex(HMAC-SHA256(SK, string to sign));
/// - `Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`, date in
///   `X-Sdk-Date` as `yyyyMMdd'T'HHmmss'Z'` (UTC). The gateway rejects dates more than 15 minutes
///   away from its clock (APIGW.0303 "Incorrect app authentication information: verify
///   signature fail" / request expired); ``maximumSkew`` follows that.
///
/// Verification is stricter than signing needs to be, because the mock must not accept what a
/// real gateway might refuse, nor let a captured request be replayed with other content:
/// - the body hash is always computed from the body received. The APIG SDK lets a client put
///   `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` (or any hash) in place of it for large uploads;
///   honouring that header would let anyone replay a signed request with another body, and
///   block-storage bodies are small, so it is ignored (decision; the SDK docs call the unsigned
///   payload optional);
/// - `host` and `x-sdk-date` must be among the signed headers (the APIG signing guide's
///   example signs both: "SignedHeaders=content-type;host;x-sdk-date"), so that a signature
///   is bound to one endpoint and one moment;
/// - every failure is one ``SignatureVerdict/rejected(_:)``, whose reason is for the operator's
///   log; the mock answers all of them with the same text.
public struct HuaweiAKSKSigner: Sendable {
    /// The algorithm name that opens the `Authorization` header.
    public static let algorithm = "SDK-HMAC-SHA256"
    /// The header that carries the signing time.
    public static let dateHeader = "X-Sdk-Date"
    /// The header a client may send with the body's hash; never trusted (see above).
    public static let contentHashHeader = "X-Sdk-Content-Sha256"
    /// Headers every signature must cover.
    public static let requiredSignedHeaders = ["host", "x-sdk-date"]

    public var accessKey: String
    public var secretKey: String
    /// How far `X-Sdk-Date` may be from the verifier's clock; nil: not checked.
    public var maximumSkew: TimeInterval?

    public init(accessKey: String, secretKey: String, maximumSkew: TimeInterval? = 15 * 60) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.maximumSkew = maximumSkew
    }

    /// `request` with `X-Sdk-Date` (when absent), `Host` (when `host` is given and the request
    /// has none) and `Authorization` set; every header present is signed.
    public func sign(_ request: SignableRequest, date: Date = Date(), host: String? = nil) -> SignableRequest {
        var signed = request
        if signed.header(Self.dateHeader) == nil { signed.setHeader(Self.dateHeader, Self.format(date)) }
        if let host, signed.header("Host") == nil { signed.setHeader("Host", host) }
        signed.headers.removeAll { $0.name.caseInsensitiveEquals("Authorization") }
        let names = Array(Set(signed.headers.map { $0.name.lowercased() })).sorted()
        let signature = self.signature(signed, signedHeaders: names, date: signed.header(Self.dateHeader) ?? "")
        signed.setHeader("Authorization", "\(Self.algorithm) Access=\(accessKey), SignedHeaders=\(names.joined(separator: ";")), Signature=\(signature)")
        return signed
    }

    /// Checks the `Authorization` header of `request` against this key pair.
    public func verify(_ request: SignableRequest, now: Date = Date()) -> SignatureVerdict {
        guard let authorization = request.header("Authorization") else { return .rejected("no Authorization header") }
        guard authorization.hasPrefix(Self.algorithm + " ") else { return .rejected("Authorization is not \(Self.algorithm)") }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst(Self.algorithm.count + 1).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[String(pair[0])] = String(pair[1]) }
        }
        guard let access = fields["Access"], let signedHeaders = fields["SignedHeaders"], let signature = fields["Signature"] else {
            return .rejected("Authorization lacks Access, SignedHeaders or Signature")
        }
        guard access == accessKey else { return .rejected("unknown access key") }
        guard let dateText = request.header(Self.dateHeader) else { return .rejected("no \(Self.dateHeader) header") }
        guard let date = Self.parse(dateText) else { return .rejected("\(Self.dateHeader) is not yyyyMMdd'T'HHmmss'Z'") }
        if let maximumSkew, abs(date.timeIntervalSince(now)) > maximumSkew {
            return .rejected("\(Self.dateHeader) is more than \(Int(maximumSkew / 60)) minutes away from the server's clock")
        }
        let names = signedHeaders.split(separator: ";").map { $0.lowercased() }
        for name in Self.requiredSignedHeaders where !names.contains(name) {
            return .rejected("SignedHeaders lacks \(name)")
        }
        for name in names where request.header(name) == nil {
            return .rejected("signed header \(name) is missing")
        }
        let expected = self.signature(request, signedHeaders: names, date: dateText)
        return SigningEncoding.constantTimeEquals(expected, signature.lowercased()) ? .accepted : .rejected("signature does not match")
    }

    /// hex(HMAC-SHA256(SK, string to sign)).
    public func signature(_ request: SignableRequest, signedHeaders: [String], date: String) -> String {
        SigningEncoding.hmacHex(key: secretKey, Self.stringToSign(request, signedHeaders: signedHeaders, date: date))
    }

    /// `SDK-HMAC-SHA256\n<date>\n<hex(SHA-256(canonical request))>`.
    public static func stringToSign(_ request: SignableRequest, signedHeaders: [String], date: String) -> String {
        "\(algorithm)\n\(date)\n\(SigningEncoding.sha256Hex(Array(canonicalRequest(request, signedHeaders: signedHeaders).utf8)))"
    }

    /// The six-line canonical request.
    public static func canonicalRequest(_ request: SignableRequest, signedHeaders: [String]) -> String {
        let bodyHash = SigningEncoding.sha256Hex(request.body)
        return [request.method, canonicalURI(request.path), canonicalQuery(request.query),
                canonicalHeaders(request.headers, signedHeaders: signedHeaders), signedHeaders.joined(separator: ";"), bodyHash]
            .joined(separator: "\n")
    }

    /// Each segment decoded, then encoded; a trailing `/` always ("always end with /").
    public static func canonicalURI(_ path: String) -> String {
        var uri = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { SigningEncoding.encode(SigningEncoding.decode(String($0))) }
            .joined(separator: "/")
        if !uri.hasSuffix("/") { uri += "/" }
        return uri
    }

    /// `name=value` pairs, encoded, sorted by name then value, `&`-joined.
    public static func canonicalQuery(_ items: [SignableRequest.Item]) -> String {
        let pairs: [(name: String, value: String)] = items.map { (SigningEncoding.encode($0.name), SigningEncoding.encode($0.value)) }
        let sorted = pairs.sorted { left, right in left.name == right.name ? left.value < right.value : left.name < right.name }
        return sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    /// `name:trimmed value\n` for each signed header, in the order given (sorted by the signer).
    public static func canonicalHeaders(_ headers: [Exchange.Header], signedHeaders: [String]) -> String {
        var lines = ""
        for name in signedHeaders {
            let value = headers.value(named: name) ?? ""
            lines += name + ":" + value.trimmingCharacters(in: .whitespaces) + "\n"
        }
        return lines
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func format(_ date: Date) -> String {
        let components = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", components.year!, components.month!, components.day!,
                      components.hour!, components.minute!, components.second!)
    }

    /// Reads `yyyyMMdd'T'HHmmss'Z'`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15) else { return nil }
        return Calendar.utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC, for the signers' timestamps.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
