import Conformance
import ConformanceModel
import Foundation

/// Turns a ``ScenarioStep`` and the run's variables into the request to send: the operation's
/// method and path with its parameters filled (percent-encoded), the query, the JSON body and
/// the headers the docs ask for.
struct RequestBuilder {
    let endpoint: URL
    let service: String

    /// What a step sends, before authentication.
    struct Built {
        var request: Exchange.Request
        /// The filled path parameters (for the ownership check).
        var path: [String: String]
        var body: JSONValue?
    }

    /// Why a step cannot be built (a missing golden payload, an unfilled placeholder).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func build(_ step: ScenarioStep, operation: ConformanceModel.Operation, variables: [String: String]) throws(Failure) -> Built {
        var path: [String: String] = [:]
        let filledPath = try operation.template.filled { (name: String) throws(Failure) -> String in
            let template = step.path[name] ?? (name.hasSuffix("project_id") ? "{{project_id}}" : "{{\(name)}}")
            let value = Template.fill(template, variables)
            if value.contains("{{") { throw Failure(description: "no value for path parameter \(name) (\(template))") }
            path[name] = value
            return Self.encodeSegment(value)
        }
        var query = step.query.map { item in
            let value = Template.fill(item.value, variables)
            return value.isEmpty ? Self.encodeQuery(item.name) : Self.encodeQuery(item.name) + "=" + Self.encodeQuery(value)
        }.joined(separator: "&")
        if query.contains("%7B%7B") { throw Failure(description: "a query value has an unfilled placeholder") }
        if !query.isEmpty { query = "?" + query }

        var body: JSONValue?
        switch step.body {
        case nil:
            body = nil
        case .json(let value):
            body = Template.fill(value, variables)
        case .golden(let file, let changes):
            guard var value = GoldenBodies.payload(service: service, operation: operation.id, file: file) else {
                throw Failure(description: "no golden payload \(service)/\(operation.id)/\(file)")
            }
            for (location, newValue) in changes.sorted(by: { $0.key < $1.key }) {
                guard let target = ValuePath(location) else { throw Failure(description: "bad body path \(location)") }
                value = target.setting(Template.fill(newValue, variables), in: value)
            }
            body = value
        }
        if let body {
            let unfilled = Template.missing(in: Template.strings(in: body), variables: variables)
            if !unfilled.isEmpty { throw Failure(description: "no value for \(unfilled.joined(separator: ", ")) in the body") }
        }

        var base = endpoint.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var headers = [Exchange.Header(name: "Accept", value: "application/json")]
        var bytes: [UInt8]?
        if let body {
            // EVS 3.1 表 3-3: Content-Type application/json;charset=utf8 is required with a body.
            headers.append(Exchange.Header(name: "Content-Type", value: "application/json;charset=utf8"))
            bytes = Array(body.compactText.utf8)
        }
        for (name, value) in step.headers.sorted(by: { $0.key < $1.key }) {
            headers.append(Exchange.Header(name: name, value: Template.fill(value, variables)))
        }
        let request = Exchange.Request(method: operation.method, url: base + filledPath + query, headers: headers, body: bytes)
        return Built(request: request, path: path, body: body)
    }

    /// `host[:port]` of the endpoint, the `Host` header value signatures cover.
    var hostHeader: String {
        let host = endpoint.host ?? "localhost"
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return endpoint.port.map { "\(bracketed):\($0)" } ?? bracketed
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encodeSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    static func encodeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
