// Foundation's URL-loading types live here, not in `Conformance`: on Linux they come from
// FoundationNetworking, which links libcurl and its TLS stack into every program that imports
// it. The `conformance` command never builds a `URLRequest`; without this file in its
// dependencies, `conformance --help` peaks at 25 MiB instead of 32.
import Conformance
import ConformanceModel
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension Exchange {
    /// An exchange from Foundation's types, for a user's own tests: the request's method, URL,
    /// headers and `httpBody`, and the response's status, headers and body `data`.
    public init(request: URLRequest, response: HTTPURLResponse?, data: Data?, index: Int = 0, file: String? = nil) {
        let headers = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key < $1.key }.map { Header(name: $0.key, value: $0.value) }
        let recorded = Request(
            method: request.httpMethod ?? "GET",
            url: request.url?.absoluteString ?? "/",
            headers: headers,
            body: request.httpBody.flatMap { $0.isEmpty ? nil : Array($0) }
        )
        var answer: Response?
        if let response {
            let responseHeaders = response.allHeaderFields
                .compactMap { key, value -> Header? in
                    guard let name = key as? String else { return nil }
                    return Header(name: name, value: "\(value)")
                }
                .sorted { $0.name < $1.name }
            answer = Response(status: response.statusCode, headers: responseHeaders, body: data.flatMap { $0.isEmpty ? nil : Array($0) })
        }
        self.init(request: recorded, response: answer, index: index, file: file)
    }
}

extension Validator {
    /// Validates a request and the response it got, as Foundation's types.
    public func validate(_ request: URLRequest, response: HTTPURLResponse?, data: Data?) -> ExchangeResult {
        validate(Exchange(request: request, response: response, data: data))
    }

    /// A validator with the compiled specs and default options, shared by the test helpers.
    public static let shared = Validator()
}
