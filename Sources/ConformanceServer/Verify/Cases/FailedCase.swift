import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// A generated case that failed, as one line of the failed-case log (`--failures PATH`, JSON
/// Lines): the case, the request it sent (before authentication: no secret is in it), what it
/// expected, what it got, and the findings on that exchange. `verify --replay PATH` runs the
/// cases again: a failure becomes a regression case.
public struct FailedCase: Sendable {
    /// The tested exchange of a case, as sent and as answered.
    struct Exchange: Sendable {
        var request: ConformanceModel.Exchange.Request
        var response: ConformanceModel.Exchange.Response
        var findings: [Finding]
    }

    public var id: String
    public var service: String
    public var operation: String
    public var kind: CaseKind
    public var title: String
    /// Why it failed (the failed step's reason, or the count of error findings).
    public var reason: String
    /// The tested step with every placeholder filled, as it was sent.
    public var step: ScenarioStep
    var exchange: Exchange?

    init(scenario: Scenario, step: ScenarioStep, outcome: ScenarioOutcome, exchange: Exchange?, variables: [String: String]) {
        id = scenario.id
        service = scenario.service
        operation = step.operation
        kind = scenario.kind ?? .positive
        title = scenario.title
        reason = outcome.failure ?? "\(outcome.errors) error finding\(outcome.errors == 1 ? "" : "s")"
        var filled = step
        filled.path = step.path.mapValues { Template.fill($0, variables) }
        filled.query = step.query.map { .init($0.name, Template.fill($0.value, variables)) }
        if case .json(let body) = step.body { filled.body = .json(Template.fill(body, variables)) }
        filled.requires = []
        self.step = filled
        self.exchange = exchange
    }

    /// The log line: one JSON object.
    public var jsonLine: String {
        var object: [String: JSONValue] = [
            "case": .string(id), "service": .string(service), "operation": .string(operation), "kind": .string(kind.rawValue),
            "title": .string(title), "reason": .string(reason),
            "step": .object([
                "path": .object(step.path.mapValues(JSONValue.string)),
                "query": .array(step.query.map { .array([.string($0.name), .string($0.value)]) }),
                "body": Self.body(of: step),
                "expect": .array(step.expect.sorted().map(JSONValue.integer)),
                "headers": .object(step.headers.mapValues(JSONValue.string)),
                "anonymous": .bool(step.anonymous),
            ]),
        ]
        if let rejection = step.rejection, let value = Self.json(rejection) { object["expected_error"] = value }
        if let exchange {
            object["request"] = .object([
                "method": .string(exchange.request.method), "url": .string(exchange.request.url),
                "headers": .object(Dictionary(exchange.request.headers.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { first, _ in first })),
                "body": Self.body(exchange.request.body),
            ])
            object["response"] = .object(["status": .integer(exchange.response.status), "body": Self.body(exchange.response.body)])
            object["findings"] = .array(exchange.findings.compactMap { Self.json($0) })
        }
        return JSONValue.object(object).compactText
    }

    static func body(of step: ScenarioStep) -> JSONValue {
        if case .json(let body) = step.body { return body }
        return .null
    }

    static func body(_ bytes: [UInt8]?) -> JSONValue {
        guard let bytes, !bytes.isEmpty else { return .null }
        return (try? JSONValue.parse(bytes: bytes)) ?? .string(String(decoding: bytes, as: UTF8.self))
    }

    static func json(_ value: some Encodable) -> JSONValue? {
        guard let data = try? JSONEncoder().encode(value) else { return nil }
        return try? JSONValue.parse(bytes: Array(data))
    }
}

/// Reads a failed-case log back as scenarios (`verify --replay FILE`).
public enum FailedCaseLog {
    /// Why a log line cannot be replayed: the file, the line and the cause.
    public struct Problem: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var cause: String
        public var description: String { "\(file):\(line): \(cause)" }
    }

    /// The cases of the log at `path`, one scenario each, in file order. A change is replayed on
    /// the embedded mock only: the ids in the log came from an earlier run.
    public static func scenarios(at path: String) throws(Problem) -> [Scenario] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Problem(file: path, line: 0, cause: "cannot read (\(error.localizedDescription))")
        }
        var scenarios: [Scenario] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let number = index + 1
            func problem(_ cause: String) -> Problem { Problem(file: path, line: number, cause: cause) }
            let value: JSONValue
            do {
                value = try JSONValue.parse(String(line))
            } catch {
                throw problem("not JSON: \(error)")
            }
            guard let id = value["case"]?.stringValue, let service = value["service"]?.stringValue, let operationID = value["operation"]?.stringValue,
                  let kind = value["kind"]?.stringValue.flatMap(CaseKind.init(rawValue:)), let step = value["step"] else {
                throw problem("expected an object with case, service, operation, kind and step")
            }
            guard let operation = Specs.operation(service: service, id: operationID) else { throw problem("\(service) documents no operation \(operationID)") }
            var path: [String: String] = [:]
            for (name, member) in step["path"]?.objectValue ?? [:] { path[name] = member.stringValue ?? "" }
            let query: [ScenarioStep.QueryItem] = (step["query"]?.arrayValue ?? []).compactMap { pair in
                guard let name = pair.arrayValue?.first?.stringValue else { return nil }
                return .init(name, pair.arrayValue?.dropFirst().first?.stringValue ?? "")
            }
            let body = step["body"].flatMap { $0 == .null ? nil : StepBody.json($0) }
            let expect = Set((step["expect"]?.arrayValue ?? []).compactMap { $0.numberText.flatMap { Int($0) } })
            var rejection: ExpectedRejection?
            if let error = value["expected_error"] {
                guard let decoded = try? JSONDecoder().decode(ExpectedRejection.self, from: Data(error.compactText.utf8)) else { throw problem("expected_error is not a documented error expectation") }
                rejection = decoded
            }
            let reads = ReadOnlyOperations.isReadOnly(service: service, operation: operationID, method: operation.method)
            var replayed = ScenarioStep("\(kind.rawValue) replay", operation: operationID, path: path, query: query, body: body,
                                        expect: expect.isEmpty ? CaseGenerator.successStatuses(of: operation) : expect,
                                        effect: reads ? .read : .mutateMockFixture, rejection: rejection)
            for (name, member) in step["headers"]?.objectValue ?? [:] { replayed.headers[name] = member.stringValue ?? "" }
            replayed.anonymous = step["anonymous"] == .bool(true)
            scenarios.append(Scenario(id: "replay.\(id)", service: service, title: "replay \(value["title"]?.stringValue ?? id)",
                                      reach: reads ? .anyEndpoint : .embeddedMockOnly(reason: "it replays a change on an id from an earlier run"),
                                      steps: [replayed], kind: kind, operation: operationID))
        }
        return scenarios
    }
}
