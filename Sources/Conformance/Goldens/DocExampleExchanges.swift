import ConformanceModel

/// `golden/<service>/examples.jsonl`: every JSON example of the service's docs made into the
/// exchange it stands for, one per line, so that `conformance validate` can be run on the docs'
/// own examples like on recorded traffic.
///
/// A request example is the body of a request of its operation (the golden exchange: path
/// filled with sample values, required parameters, a placeholder credential) with no response.
/// A response example is the response of its operation under its status (or the status
/// `GoldenNaming` assumes), answering the minimal synthesized request. Each line names the
/// golden file and the doc place in an `example` member, which the JSONL reader ignores.
/// Examples that are not JSON are left out: they are not bodies any client could send.
enum DocExampleExchanges {
    static let fileName = "examples.jsonl"

    static func text(service: ServiceSpec, examples: [GoldenFile], rules: [BodyRule]) -> String {
        var lines: [String] = []
        for file in examples where file.isExample && file.path.hasSuffix(".json") {
            guard let id = file.operation, let operation = service.operation(id: id), let payload = try? JSONValue.parse(file.text) else { continue }
            let exchange: Exchange
            switch file.role {
            case .request:
                exchange = GoldenExchange.make(service: service, operation: operation, body: payload)
            case .response(let status):
                let request = GoldenSet.minimalRequest(operation, service: service, rules: rules)
                exchange = GoldenExchange.make(service: service, operation: operation, body: request, response: (status, payload))
            case .exchanges:
                continue
            }
            let name = file.path.split(separator: "/").dropFirst().joined(separator: "/")
            lines.append(line(exchange, example: name).compactText)
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// One JSONL line in the form `JSONLReader` reads.
    static func line(_ exchange: Exchange, example: String) -> JSONValue {
        func headers(_ list: [Exchange.Header]) -> JSONValue {
            .object(Dictionary(list.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
        func body(_ bytes: [UInt8]?) -> JSONValue {
            bytes.map { .string(String(decoding: $0, as: UTF8.self)) } ?? .null
        }
        var members: [String: JSONValue] = [
            "example": .string(example),
            "request": .object([
                "method": .string(exchange.request.method),
                "url": .string(exchange.request.url),
                "headers": headers(exchange.request.headers),
                "body": body(exchange.request.body),
            ]),
        ]
        if let response = exchange.response {
            members["response"] = .object([
                "status": .integer(response.status),
                "headers": headers(response.headers),
                "body": body(response.body),
            ])
        }
        return .object(members)
    }
}
