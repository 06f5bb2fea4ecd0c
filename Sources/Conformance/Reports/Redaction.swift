import ConformanceModel
import Foundation

/// Keeps secrets out of reports: credential headers, signature and key query parameters, and
/// password-like JSON fields are replaced by `<redacted>` wherever an exchange is shown, and
/// their values are scrubbed from finding texts that quote them.
///
/// Follows DESIGN.md ("Secrets never reach disk or reports"): Huawei's `X-Auth-Token` /
/// `X-Subject-Token` / `X-Security-Token` and AK/SK `Authorization`, Baidu's `bce-auth-v1`
/// `Authorization`, cookies, and presigned-URL query parameters.
public struct Redaction: Sendable {
    /// What stands in for a secret value.
    public static let placeholder = "<redacted>"

    /// Header names (lower case) whose values are secrets.
    public static let secretHeaders: Set<String> = [
        "x-auth-token", "authorization", "proxy-authorization", "x-subject-token", "x-security-token",
        "cookie", "set-cookie", "x-amz-security-token", "x-bce-security-token", "x-api-key",
    ]

    /// Query parameter names (lower case) that carry signatures, keys or tokens.
    public static let secretQueryParameters: Set<String> = [
        "x-amz-signature", "x-amz-credential", "x-amz-security-token", "signature", "accesskeyid",
        "access_key", "accesskey", "secretkey", "secret_key", "authorization", "token", "x-auth-token",
        "sig", "x-bce-signature", "securitytoken",
    ]

    /// JSON body field names (lower case) whose string values are secrets (IAM token requests).
    public static let secretBodyFields: Set<String> = [
        "password", "secret", "secret_key", "secretkey", "access_key", "accesskey", "sk", "ak",
        "securitytoken", "security_token", "token", "private_key",
    ]

    public static func isSecretHeader(_ name: String) -> Bool { secretHeaders.contains(name.lowercased()) }
    public static func isSecretQueryParameter(_ name: String) -> Bool {
        secretQueryParameters.contains(percentDecoded(name).lowercased())
    }

    /// The secret values of one exchange, longest first, to scrub from texts.
    public private(set) var secrets: [String] = []

    /// Collects the secrets of `exchange`: secret header values (request and response), the
    /// pieces of structured ones (`Signature=...` inside `Authorization`), secret query values
    /// and secret body fields.
    public init(exchange: Exchange) {
        var found = Set<String>()
        var pieces = Set<String>()
        let headers = exchange.request.headers + (exchange.response?.headers ?? [])
        for header in headers where Self.isSecretHeader(header.name) {
            found.insert(header.value)
            for piece in header.value.split(whereSeparator: { " ,;=&".contains($0) }) { pieces.insert(String(piece)) }
        }
        for item in Self.queryItems(of: exchange.request.url) where Self.isSecretQueryParameter(item.name) {
            found.insert(item.value)
            found.insert(Self.percentDecoded(item.value))
        }
        if let body = exchange.request.body, let value = try? JSONValue.parse(bytes: body) {
            Self.collectBodySecrets(value, into: &found)
        }
        // Short values would scrub ordinary words; they are still hidden where they are shown whole.
        let all = found.filter { $0.count >= 4 }.union(pieces.filter { $0.count >= 8 })
        secrets = all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// `text` with every secret value of the exchange replaced by the placeholder.
    public func scrub(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.placeholder)
        }
        return result
    }

    /// A finding whose message, expected and actual texts quote no secret.
    public func scrub(_ finding: Finding) -> Finding {
        var copy = finding
        copy.message = scrub(finding.message)
        copy.expected = finding.expected.map(scrub)
        copy.actual = finding.actual.map(scrub)
        copy.pointer = scrub(finding.pointer)
        return copy
    }

    /// Headers with secret values replaced. An `Authorization` value keeps its scheme
    /// (`SDK-HMAC-SHA256 <redacted>`, `bce-auth-v1/<redacted>`), which is no secret, so that a
    /// redacted recording still shows — and the validator still sees — which documented
    /// credential the request carried.
    public static func headers(_ headers: [Exchange.Header]) -> [Exchange.Header] {
        headers.map { header in
            guard isSecretHeader(header.name) else { return header }
            return Exchange.Header(name: header.name, value: redactedValue(of: header))
        }
    }

    /// The placeholder, after the scheme for `Authorization`-like headers.
    static func redactedValue(of header: Exchange.Header) -> String {
        let name = header.name.lowercased()
        guard name == "authorization" || name == "proxy-authorization" else { return placeholder }
        let value = header.value
        if let slash = value.firstIndex(of: "/"), value[..<slash].hasPrefix("bce-auth-v") {
            return value[...slash] + placeholder
        }
        if let space = value.firstIndex(of: " "), value[..<space].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            return value[..<space] + " " + placeholder
        }
        return placeholder
    }

    /// The URL with the values of secret query parameters replaced (`replacement(name)` gives
    /// the text that stands in, the placeholder by default).
    public static func url(_ url: String, replacement: (String) -> String = { _ in placeholder }) -> String {
        guard let mark = url.firstIndex(of: "?") else { return url }
        var query = url[url.index(after: mark)...]
        var fragment: Substring = ""
        if let hash = query.firstIndex(of: "#") {
            fragment = query[hash...]
            query = query[..<hash]
        }
        let items = query.split(separator: "&", omittingEmptySubsequences: false).map { item -> String in
            guard let equals = item.firstIndex(of: "=") else { return String(item) }
            let name = String(item[..<equals])
            return isSecretQueryParameter(name) ? name + "=" + replacement(name) : String(item)
        }
        return url[...mark] + items.joined(separator: "&") + fragment
    }

    /// A JSON body with secret fields replaced; other bodies, and bodies without secrets, as they are.
    public static func body(_ bytes: [UInt8]) -> [UInt8] {
        guard let value = try? JSONValue.parse(bytes: bytes) else { return bytes }
        var changed = false
        let redacted = redactBody(value, changed: &changed)
        return changed ? Array(redacted.compactText.utf8) : bytes
    }

    private static func redactBody(_ value: JSONValue, changed: inout Bool) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                if secretBodyFields.contains(key.lowercased()), case .string = member {
                    result[key] = .string(placeholder)
                    changed = true
                } else {
                    result[key] = redactBody(member, changed: &changed)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { redactBody($0, changed: &changed) })
        default:
            return value
        }
    }

    private static func collectBodySecrets(_ value: JSONValue, into found: inout Set<String>) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                if secretBodyFields.contains(key.lowercased()), case .string(let text) = member {
                    found.insert(text)
                } else {
                    collectBodySecrets(member, into: &found)
                }
            }
        case .array(let elements):
            for element in elements { collectBodySecrets(element, into: &found) }
        default:
            break
        }
    }

    /// Raw `name=value` query items of a URL.
    static func queryItems(of url: String) -> [(name: String, value: String)] {
        guard let mark = url.firstIndex(of: "?") else { return [] }
        var query = url[url.index(after: mark)...]
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        return query.split(separator: "&").compactMap { (item: Substring) -> (name: String, value: String)? in
            guard let equals = item.firstIndex(of: "=") else { return nil }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// Percent-decoding that leaves malformed escapes as they are.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") || text.contains("+") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x37
        case 0x61...0x66: byte - 0x57
        default: nil
        }
    }
}
