import Conformance
import ConformanceModel
import ConformanceServer
import Foundation

/// Drives a ``MockEngine`` without a socket and validates every exchange with one
/// `StatefulValidator`, in order, as `conformance validate` would.
final class MockHarness: @unchecked Sendable {
    let engine: MockEngine
    let validator = StatefulValidator()
    private(set) var results: [ExchangeResult] = []
    private(set) var exchanges: [Exchange] = []

    static let project = "0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c"

    init(_ configuration: MockConfiguration = MockConfiguration(settleDelay: .milliseconds(30))) {
        engine = MockEngine(configuration: configuration)
    }

    /// Sends one request; returns the response, its parsed body and its validation result.
    @discardableResult
    func send(_ method: String, _ path: String, body: String? = nil, headers: [String: String] = ["X-Auth-Token": "test-token"]) -> (status: Int, json: JSONValue?, result: ExchangeResult) {
        var list = headers.map { Exchange.Header(name: $0.key, value: $0.value) }
        if body != nil { list.append(Exchange.Header(name: "Content-Type", value: "application/json")) }
        let request = Exchange.Request(method: method, url: path, headers: list, body: body.map { Array($0.utf8) })
        let response = engine.respond(to: request)
        let exchange = Exchange(request: request, response: response, index: exchanges.count, file: "mock")
        let result = validator.validate(exchange)
        exchanges.append(exchange)
        results.append(result)
        let json = response.body.flatMap { try? JSONValue.parse(bytes: $0) }
        return (response.status, json, result)
    }

    /// Sends an already built request (signed ones).
    func send(_ request: Exchange.Request) -> (status: Int, json: JSONValue?, result: ExchangeResult) {
        let response = engine.respond(to: request)
        let exchange = Exchange(request: request, response: response, index: exchanges.count, file: "mock")
        let result = validator.validate(exchange)
        exchanges.append(exchange)
        results.append(result)
        return (response.status, response.body.flatMap { try? JSONValue.parse(bytes: $0) }, result)
    }

    /// Every error finding so far, as readable lines.
    var errors: [String] {
        results.flatMap { result in
            result.findings.filter { $0.severity == .error }.map { "#\($0.exchange) \(result.operation?.id ?? "-") \($0.rule) \($0.pointer): \($0.message)" }
        }
    }

    /// Every rule any finding so far has.
    var rules: Set<RuleID> { Set(results.flatMap { $0.findings.map(\.rule) }) }

    /// Polls `path` until `condition` holds for the body (at most ~3 s).
    func poll(_ path: String, until condition: (JSONValue?) -> Bool) async throws -> JSONValue? {
        for _ in 0..<150 {
            let answer = send("GET", path)
            if condition(answer.json) { return answer.json }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }
}
