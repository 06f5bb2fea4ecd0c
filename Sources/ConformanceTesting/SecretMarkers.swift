import Conformance
import ConformanceModel
import Foundation

/// Exchanges with a marker secret planted in every position and format a secret can take, for
/// tests that check that no output of a tool (a recording, a report, a replay, a log) leaks it:
/// write the exchanges through the tool, then look for ``SecretMarkers/prefix`` in everything
/// it produced (decoded: base64 bodies included).
///
/// Positions: request headers (`X-Auth-Token`, AK/SK `Authorization`, `Api-Key`, `X-Auth-Key`,
/// `X-Sdk-Token`, cookies, ...), query parameters (`access_token`, `api_key`, `password`,
/// `Signature`, a percent-encoded name), body fields (`password`, `client_secret`,
/// `adminPass`, `secret`, ...), response headers and bodies. Body formats: strict JSON, duplicate
/// keys, a trailing comma, a byte-order mark, nesting past any parser's depth limit, a byte that
/// is not UTF-8, a form, an escaped key name, a number, an object under a secret key, single
/// quotes, bare keys, a header-like text line and a URL inside a JSON string. Names are spelled
/// in varying case and separators from a seeded generator, so every run plants the same set.
public enum SecretMarkers {
    /// What every planted secret starts with; no output may contain it.
    public static let prefix = "zq7SeKr1t"
    /// The numeric secret of number-valued fields (no output may contain it either).
    public static let number = "90417735521968"

    /// One planted secret: where it is, and the exchange that carries it.
    public struct Case: Sendable {
        public var position: String
        public var exchange: Exchange
    }

    /// The marker of case `index`.
    public static func marker(_ index: Int) -> String { "\(prefix)-\(index)-x" }

    /// Every case: each position once, with names spelled by a generator seeded with `seed`.
    public static func cases(project: String = "0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c", seed: UInt64 = 16) -> [Case] {
        var random = SplitMix64(seed: seed)
        var cases: [Case] = []
        let create = "/v2.1/\(project)/cloudvolumes"
        let list = "/v2/\(project)/cloudvolumes/detail"
        let json = Exchange.Header(name: "Content-Type", value: "application/json")
        func add(_ position: String, _ request: Exchange.Request, response: Exchange.Response? = nil) {
            cases.append(Case(position: position, exchange: Exchange(request: request, response: response, index: cases.count, file: "markers")))
        }
        func next() -> String { marker(cases.count) }

        for name in ["X-Auth-Token", "Api-Key", "X-Auth-Key", "X-Sdk-Token", "X-Api-Key", "X-Security-Token", "Proxy-Authorization"] {
            add("header \(name)", Exchange.Request(method: "GET", url: list, headers: [Exchange.Header(name: random.spelling(name), value: next())]))
        }
        add("header Authorization (AK/SK)", Exchange.Request(method: "GET", url: list, headers: [
            Exchange.Header(name: "Authorization", value: "SDK-HMAC-SHA256 Access=\(next()), SignedHeaders=host;x-sdk-date, Signature=\(next())"),
        ]))
        add("header Authorization (bearer)", Exchange.Request(method: "GET", url: list, headers: [Exchange.Header(name: "authorization", value: "Bearer \(next())")]))
        add("header Cookie", Exchange.Request(method: "GET", url: list, headers: [Exchange.Header(name: "Cookie", value: "lang=en; session=\(next())")]))

        for name in ["access_token", "api_key", "password", "Signature", "X-Amz-Signature", "token", "pass%77ord", "client_secret"] {
            add("query \(name)", Exchange.Request(method: "GET", url: "\(list)?limit=5&\(random.spelling(name))=\(next())&offset=0", headers: [Exchange.Header(name: "X-Auth-Token", value: next())]))
        }

        let fields = ["password", "client_secret", "adminPass", "secret", "access_token", "db_password", "private_key"]
        for field in fields {
            let name = random.spelling(field)
            let bodies: [(String, [UInt8])] = [
                ("strict JSON", Array(#"{"volume":{"size":10,"availability_zone":"az-1","volume_type":"SATA","\#(name)":"\#(next())"}}"#.utf8)),
                ("duplicate keys", Array(#"{"\#(name)":"decoy","volume":{"size":10},"\#(name)":"\#(next())"}"#.utf8)),
                ("trailing comma", Array(#"{"volume":{"size":10,"\#(name)":"\#(next())",},}"#.utf8)),
                ("byte-order mark", [0xEF, 0xBB, 0xBF] + Array(#"{"volume":{"\#(name)":"\#(next())"}}"#.utf8)),
                ("nesting past the depth limit", Array((String(repeating: #"{"a":"#, count: 700) + #"{"\#(name)":"\#(next())"}"# + String(repeating: "}", count: 700)).utf8)),
                ("a byte that is not UTF-8", Array(#"{"volume":{"name":""#.utf8) + [0xFF, 0xFE] + Array(#"","\#(name)":"\#(next())"}}"#.utf8)),
                ("form", Array("size=10&\(name)=\(next())&zone=az-1".utf8)),
                ("escaped key", Array(#"{"volume":{"\#(escaped(name))":"\#(next())"}}"#.utf8)),
                ("object under the key", Array(#"{"\#(name)":{"user":{"name":"\#(next())","id":"\#(next())"}}}"#.utf8)),
                ("single quotes", Array("{'volume': {'\(name)': '\(next())'}}".utf8)),
                ("bare keys", Array("{volume: {\(name): \(next()), size: 10}}".utf8)),
                ("URL inside a string", Array(#"{"volume":{"description":"see https://example.com/cb?\#(name)=\#(next())&a=1"}}"#.utf8)),
            ]
            for (format, body) in bodies {
                add("body \(field) (\(format))", Exchange.Request(method: "POST", url: create, headers: [json, Exchange.Header(name: "X-Auth-Token", value: next())], body: body))
            }
        }
        add("body number", Exchange.Request(method: "POST", url: create, headers: [json], body: Array(#"{"volume":{"size":10,"pin_password":\#(number)}}"#.utf8)))
        add("body header-like line", Exchange.Request(method: "POST", url: create, headers: [Exchange.Header(name: "Content-Type", value: "text/plain")],
                                                      body: Array("X-Auth-Token: \(next())\r\nAuthorization: Bearer \(next())\r\n".utf8)))
        add("response header X-Subject-Token", Exchange.Request(method: "GET", url: list, headers: [Exchange.Header(name: "X-Auth-Token", value: next())]),
            response: Exchange.Response(status: 201, headers: [Exchange.Header(name: "X-Subject-Token", value: next())]))
        add("response body token", Exchange.Request(method: "GET", url: list, headers: [Exchange.Header(name: "X-Auth-Token", value: next())]),
            response: Exchange.Response(status: 200, headers: [json], body: Array(#"{"count":0,"volumes":[],"token":"\#(next())","note":"echo \#(next())"}"#.utf8)))
        return cases
    }

    /// Whether `text` contains a planted secret.
    public static func leaks(_ text: String) -> Bool {
        text.contains(prefix) || text.contains(number)
    }

    /// Whether `bytes` contain a planted secret.
    public static func leaks(_ bytes: [UInt8]) -> Bool {
        leaks(String(decoding: bytes, as: UTF8.self))
    }

    /// `name` with every letter as a `\u00XX` escape.
    static func escaped(_ name: String) -> String {
        name.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }
}

/// Spellings drawn with the seeded generator, so that they are the same every run.
extension SplitMix64 {
    /// `name` in a random case (`PASSWORD`, `password`, `Password`), `-` and `_` swapped
    /// at random, except in percent escapes.
    mutating func spelling(_ name: String) -> String {
        let style = next() % 4
        var text: String
        switch style {
        case 0: text = name.uppercased()
        case 1: text = name.lowercased()
        case 2: text = name.prefix(1).uppercased() + name.dropFirst()
        default: text = name
        }
        if !name.contains("%"), next() % 2 == 0 {
            text = String(text.map { $0 == "-" ? "_" : ($0 == "_" ? "-" : $0) })
        }
        return text
    }
}

extension SecretMarkers {
    /// The cases as JSONL lines in the input format `conformance validate` reads, secrets and
    /// all (bodies that are not UTF-8 as `bodyBase64`): the input of tests that run the tools
    /// as a user does.
    public static func jsonl(_ cases: [Case]) -> String {
        cases.map { planted in
            var request: [String: JSONValue] = [
                "method": .string(planted.exchange.request.method),
                "url": .string(planted.exchange.request.url),
                "headers": .array(planted.exchange.request.headers.map { ["name": .string($0.name), "value": .string($0.value)] }),
            ]
            request.merge(body(planted.exchange.request.body)) { $1 }
            var line: [String: JSONValue] = ["request": .object(request)]
            if let response = planted.exchange.response {
                var value: [String: JSONValue] = [
                    "status": .integer(response.status),
                    "headers": .array(response.headers.map { ["name": .string($0.name), "value": .string($0.value)] }),
                ]
                value.merge(body(response.body)) { $1 }
                line["response"] = .object(value)
            }
            return JSONValue.object(line).compactText
        }.joined(separator: "\n") + "\n"
    }

    private static func body(_ bytes: [UInt8]?) -> [String: JSONValue] {
        guard let bytes, !bytes.isEmpty else { return [:] }
        if let text = String(validating: bytes, as: UTF8.self) { return ["body": .string(text)] }
        return ["bodyBase64": .string(Data(bytes).base64EncodedString())]
    }
}
