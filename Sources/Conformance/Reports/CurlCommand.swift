import ConformanceModel
import Foundation

/// A `curl` command line that replays a recorded request, for pasting into a shell.
///
/// Secrets never appear: a secret header or query value becomes an environment reference
/// (`X-Auth-Token` → `"$X_AUTH_TOKEN"`, `Signature=` → `"$SIGNATURE"`), and the body goes
/// through the same redaction as recordings (`Redaction`: secret fields of JSON, broken JSON
/// and forms become `<redacted>`). Everything else is single-quoted, so the line is safe to
/// paste whatever the recording holds. A path-only URL is prefixed with `"$BASE_URL"`, or with
/// `https://` and the `Host` header when there is one. A body larger than
/// ``maximumShownBody`` is not written out: the line reads it from `"$REQUEST_BODY_FILE"`.
public enum CurlCommand {
    /// The largest body written into the command line; a replay of a 50 MB upload should not be
    /// a 50 MB line in a report.
    public static let maximumShownBody = 64 * 1024

    /// One shell word built from literal text and environment references.
    struct Word {
        enum Part { case literal(String), variable(String) }
        var parts: [Part] = []

        var text: String {
            if parts.isEmpty { return "''" }
            return parts.map { part in
                switch part {
                case .literal(let text): CurlCommand.singleQuoted(text)
                case .variable(let name): "\"${\(name)}\""
                }
            }.joined()
        }
    }

    /// Headers curl computes itself, or that cannot be sent as written.
    static let skippedHeaders: Set<String> = ["content-length", "host", "connection", "transfer-encoding"]

    /// The command for `request`.
    public static func command(for request: Exchange.Request) -> String {
        command(for: request, redaction: Redaction(exchange: Exchange(request: request, response: nil)))
    }

    /// The command for `request`, scrubbed of the secrets `redaction` collected (those of the
    /// whole exchange).
    public static func command(for request: Exchange.Request, redaction: Redaction) -> String {
        let shown = redaction.request(request)
        var words = ["curl"]
        let hasBody = !(request.body ?? []).isEmpty
        if request.method != "GET" || hasBody {
            words += ["-X", singleQuoted(request.method)]
        }
        var url = urlWord(request)
        url.parts = url.parts.map { part in
            if case .literal(let text) = part { return .literal(redaction.scrub(text)) }
            return part
        }
        words.append(url.text)
        for header in shown.headers where !header.name.hasPrefix(":") && !skippedHeaders.contains(header.name.lowercased()) {
            var word = Word()
            if Redaction.isSecretHeader(header.name) {
                word.parts = [.literal(header.name + ": "), .variable(environmentName(header.name))]
            } else {
                word.parts = [.literal(header.name + ": " + header.value)]
            }
            words += ["-H", word.text]
        }
        if let body = shown.body, !body.isEmpty {
            if body.count > maximumShownBody {
                words += ["--data-binary", "@\"${REQUEST_BODY_FILE}\"", "# the recorded body of \(body.count) bytes is not shown"]
            } else if let text = printableText(body) {
                words += ["--data-binary", singleQuoted(text)]
            } else {
                words += ["--data-binary", "@<(printf %s \(singleQuoted(Data(body).base64EncodedString())) | base64 -d)"]
            }
        }
        return words.joined(separator: " ")
    }

    /// The URL with secret query values as environment references.
    static func urlWord(_ request: Exchange.Request) -> Word {
        var url = request.url
        var word = Word()
        if url.hasPrefix("/") {
            if let host = request.headers.value(named: "Host") {
                url = "https://" + host + url
            } else {
                word.parts.append(.variable("BASE_URL"))
            }
        }
        // Mark secret values with NUL-delimited names, then split the text into parts.
        let marked = Redaction.url(url) { "\u{0}" + $0 + "\u{0}" }
        for (offset, piece) in marked.split(separator: "\u{0}", omittingEmptySubsequences: false).enumerated() {
            if offset % 2 == 1 {
                word.parts.append(.variable(environmentName(Redaction.percentDecoded(String(piece)))))
            } else if !piece.isEmpty {
                word.parts.append(.literal(String(piece)))
            }
        }
        return word
    }

    /// `X-Auth-Token` → `X_AUTH_TOKEN`.
    public static func environmentName(_ name: String) -> String {
        let mapped = name.uppercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        let text = String(mapped)
        return text.first?.isNumber == true ? "_" + text : (text.isEmpty ? "SECRET" : text)
    }

    /// POSIX single quoting: `it's` → `'it'\''s'`.
    public static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The body as text when it is UTF-8 without NUL or other control characters (tabs and
    /// line breaks allowed).
    static func printableText(_ bytes: [UInt8]) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return printable ? text : nil
    }
}
