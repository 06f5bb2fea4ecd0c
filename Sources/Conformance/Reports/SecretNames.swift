/// The one list of names whose values are secrets, shared by every place that shows or stores
/// traffic: recordings (HAR and JSONL), reports (text, JSON, JUnit), `curl` replays and the
/// proxy's live output. A name is a header, a query or form parameter, or a body field; all
/// three kinds are matched against the same list, so a secret cannot slip through by moving
/// from a header to a query parameter or a body field.
///
/// Names are compared in a normal form: lower case, with `-`, `_`, `.` and spaces removed, so
/// `X-Auth-Token`, `x_auth_token` and `XAuthToken` are one name, as are `adminPass` and
/// `admin_pass`. A name is secret when its normal form is listed in ``exact``, or ends with
/// one of ``suffixes`` and is not one of ``notSecret``.
public enum SecretNames {
    /// Secret names, in normal form.
    ///
    /// Huawei: `X-Auth-Token`, `X-Subject-Token`, `X-Security-Token` (EVS 3.2 认证鉴权), AK/SK
    /// `Authorization` and the APIG SDK's `X-Sdk-Token`; ECS `adminPass`. Baidu: `bce-auth-v1`
    /// `Authorization`, `x-bce-security-token`. The usual others: API keys, OAuth tokens and
    /// client secrets, cookies, presigned-URL signatures and credentials.
    public static let exact: Set<String> = [
        "authorization", "proxyauthorization", "cookie", "setcookie",
        "xauthtoken", "xsubjecttoken", "xsecuritytoken", "xsdktoken", "xauthkey", "xapikey", "apikey",
        "xamzsecuritytoken", "xbcesecuritytoken", "xamzsignature", "xamzcredential", "xbcesignature",
        "signature", "sig", "accesskeyid", "accesskey", "ak", "sk", "secretaccesskey",
        "pwd", "adminpass", "credential", "credentials", "privatekey",
    ]

    /// Endings that make a name secret: `db_password`, `client_secret`, `refresh_token`,
    /// `access_token`, `x-api-key`, `ssh_private_key`, `user_passwd`, `request_signature`.
    public static let suffixes: [String] = ["password", "passwd", "secret", "secretkey", "token", "apikey", "privatekey", "authkey", "signature"]

    /// Names that end like a secret but are not one: idempotency and paging tokens, which a
    /// recording needs to show what the traffic did, and which grant nothing (Baidu 004
    /// "Idempotency of ClientToken": `clientToken` is chosen by the client to make a request
    /// idempotent; EVS A.1 `X-Client-Token` "传入的X-Client-Token不是UUID格式", the same for
    /// Huawei, whose UUID format the validator checks in recordings).
    public static let notSecret: Set<String> = ["clienttoken", "xclienttoken", "nexttoken", "pagetoken", "continuationtoken", "idempotencytoken"]

    /// The longest normal form worth checking; longer names are never secret names.
    static let longestName = 64

    /// Whether `name` (any spelling) names a secret.
    public static func isSecret(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isSecret(bytes: $0) }
    }

    /// Whether the name in `bytes` (any spelling, UTF-8) names a secret: ``isSecret(normalized:)``
    /// without allocating, for the scanner, which asks about every key of every body it
    /// redacts. The name is folded into a buffer on the stack and compared with the lists as
    /// bytes (`SecretNamesTests` holds it to the `String` definition).
    static func isSecret<Bytes: Collection>(bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longestName) { buffer -> Bool in
            var count = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: " "):
                    continue
                default:
                    guard count < longestName else { return false }
                    buffer[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    count += 1
                }
            }
            return NameBytes.shared.isSecret(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The lists as UTF-8 bytes.
    private struct NameBytes: Sendable {
        static let shared = NameBytes()
        let exact: [[UInt8]] = SecretNames.exact.map { Array($0.utf8) }
        let suffixes: [[UInt8]] = SecretNames.suffixes.map { Array($0.utf8) }
        let notSecret: [[UInt8]] = SecretNames.notSecret.map { Array($0.utf8) }

        func isSecret(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            if exact.contains(where: { $0.count == name.count && $0.elementsEqual(name) }) { return true }
            if notSecret.contains(where: { $0.count == name.count && $0.elementsEqual(name) }) { return false }
            return suffixes.contains { suffix in
                suffix.count <= name.count && suffix.elementsEqual(UnsafeBufferPointer(rebasing: name[(name.count - suffix.count)...]))
            }
        }
    }

    /// Whether a name already in normal form names a secret (the definition; the scanner uses
    /// the same lists through ``isSecret(bytes:)``).
    static func isSecret(normalized name: String) -> Bool {
        if exact.contains(name) { return true }
        guard !notSecret.contains(name) else { return false }
        return suffixes.contains { name.hasSuffix($0) }
    }

    /// Lower case without `-`, `_`, `.` and spaces.
    public static func normalize(_ name: String) -> String {
        normalize(bytes: Array(name.utf8)) ?? ""
    }

    /// The normal form of a name's UTF-8 bytes; nil when it is longer than any secret name.
    static func normalize<Bytes: Collection>(bytes: Bytes) -> String? where Bytes.Element == UInt8 {
        var folded: [UInt8] = []
        folded.reserveCapacity(min(bytes.count, longestName))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: " "):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                folded.append(byte + 32)
            default:
                folded.append(byte)
            }
            if folded.count > longestName { return nil }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
