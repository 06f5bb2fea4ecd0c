import ConformanceModel

/// Builds the HTTP exchange a golden payload stands for, so that it can be validated (or
/// sent to a mock): the operation's path template filled with sample values, its required
/// query and header parameters, the action selector, and the service's first documented
/// credential (a placeholder, never a real secret).
public enum GoldenExchange {
    /// The host every golden exchange is addressed to.
    public static let origin = "https://golden.example.com"

    /// A request for `operation` with `body` (canonical text), and optionally a response.
    public static func make(service: ServiceSpec, operation: Operation, body: JSONValue?, response: (status: Int, body: JSONValue?)? = nil) -> Exchange {
        let synthesizer = PayloadSynthesizer(spec: service, operation: operation.id, mode: .minimal)
        var path = ""
        var placeholder: String?
        for character in operation.path {
            if character == "{" {
                placeholder = ""
            } else if character == "}", let name = placeholder {
                path += percentEncoded(sample(for: name, in: operation, location: .path, synthesizer: synthesizer) ?? "golden-\(name)")
                placeholder = nil
            } else if placeholder != nil {
                placeholder!.append(character)
            } else {
                path.append(character)
            }
        }
        var query: [String] = []
        if operation.actionSelector == .queryKey, let action = operation.action { query.append(percentEncoded(action)) }
        for parameter in operation.parameters(in: .query) where parameter.required {
            let value = sample(for: parameter.name, in: operation, location: .query, synthesizer: synthesizer) ?? "1"
            query.append(percentEncoded(parameter.name) + "=" + percentEncoded(value))
        }
        if !query.isEmpty { path += (path.contains("?") ? "&" : "?") + query.joined(separator: "&") }

        var headers: [Exchange.Header] = []
        if let credential = service.authentication.first {
            headers.append(Exchange.Header(name: credential.header, value: credential.scheme.map { "\($0) golden-signature" } ?? "golden-token"))
        }
        let authHeaders = Set(service.authentication.map { $0.header.lowercased() })
        for parameter in operation.parameters(in: .header) where parameter.required && !authHeaders.contains(parameter.name.lowercased()) {
            let value = parameter.name.caseInsensitiveEquals("Content-Type") ? "application/json;charset=utf-8" : sample(for: parameter.name, in: operation, location: .header, synthesizer: synthesizer) ?? "golden"
            headers.append(Exchange.Header(name: parameter.name, value: value))
        }
        if body != nil, headers.value(named: "Content-Type") == nil {
            headers.append(Exchange.Header(name: "Content-Type", value: "application/json"))
        }
        let request = Exchange.Request(method: operation.method, url: origin + path, headers: headers, body: body.map { Array(($0.canonicalText + "\n").utf8) })
        let answer = response.map { Exchange.Response(status: $0.status, headers: [Exchange.Header(name: "Content-Type", value: "application/json")], body: $0.body.map { Array(($0.canonicalText + "\n").utf8) }) }
        return Exchange(request: request, response: answer)
    }

    private static func sample(for name: String, in operation: Operation, location: Parameter.Location, synthesizer: PayloadSynthesizer) -> String? {
        guard let parameter = operation.parameters.first(where: { $0.name == name && $0.location == location }) else { return nil }
        return synthesizer.value(parameter.schema, name: name, pointer: "\(location.rawValue)/\(name)").conditionText
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
