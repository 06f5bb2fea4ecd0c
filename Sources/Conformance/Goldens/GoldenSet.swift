import ConformanceModel
import ConformanceSpecs

/// Every golden file of one service: the doc's examples, the synthesized payloads and the
/// examples as exchanges (`examples.jsonl`), computed from the compiled spec alone (no clock,
/// no randomness, no file reads), so that two runs give byte-identical files (DESIGN.md
/// "Golden payloads").
///
/// Synthesized payloads follow the tables (`PayloadSynthesizer`) and the cross-field rules
/// (`GoldenRules`); Tencent responses are wrapped in the service's response envelope with the
/// success status value; error responses carry a documented error code of their status.
/// Doc examples are kept as the doc prints them. Every payload is validated with `Validator`
/// (`GoldenFile.errors`); `KNOWN-BAD.md`, which names the rejected ones and why, is written by
/// a person and compared with these verdicts (`KnownBadReview`), never generated.
public struct GoldenSet: Sendable {
    public let service: ServiceSpec
    public let files: [GoldenFile]

    /// The name of the hand-written, per-service list of golden files the validator rejects.
    public static let knownBadName = "KNOWN-BAD.md"

    public init(service: ServiceSpec, rules: [BodyRule] = Rules.body, validator: Validator? = nil) {
        self.service = service
        let validator = validator ?? Validator(specs: [service], rules: rules, options: ValidatorOptions(service: service.service))
        var files: [GoldenFile] = []
        for operation in service.operations {
            let operationRules = rules.filter { $0.service == service.service && $0.operations.contains(operation.id) }
            files += Self.synthesized(operation, service: service, rules: operationRules).map { file in
                var file = file
                if let payload = try? JSONValue.parse(file.text) {
                    file.errors = GoldenCheck.errors(of: file, payload: payload, operation: operation, service: service, rules: operationRules, validator: validator)
                }
                return file
            }
            files += Self.examples(operation, service: service, rules: operationRules, validator: validator)
        }
        files.append(GoldenFile(path: "\(service.service)/\(DocExampleExchanges.fileName)", text: DocExampleExchanges.text(service: service, examples: files, rules: rules), operation: nil, role: .exchanges, isExample: false))
        self.files = files
    }

    /// The request payload an exchange of `operation` carries when the test is about its
    /// response: the minimal synthesized request, or none when no body is documented.
    static func minimalRequest(_ operation: Operation, service: ServiceSpec, rules: [BodyRule]) -> JSONValue? {
        request(operation, service: service, rules: rules, mode: .minimal)
    }

    static func request(_ operation: Operation, service: ServiceSpec, rules: [BodyRule], mode: PayloadSynthesizer.Mode) -> JSONValue? {
        guard let schema = operation.requestBody else { return nil }
        let synthesizer = PayloadSynthesizer(spec: service, operation: operation.id, mode: mode)
        var body = synthesizer.value(schema)
        // The route's action must be in the body (Cinder `{"os-extend": {...}}`, tag `action`).
        if let action = operation.action {
            switch operation.actionSelector {
            case .bodyKey where body[action] == nil:
                let member = schema.property(named: action).map { synthesizer.value($0.schema, name: action, pointer: "/" + action) } ?? .object([:])
                body = body.setting([action], to: member)
            case .bodyField(let field):
                body = body.setting(field.split(separator: ".").map(String.init), to: .string(action))
            default:
                break
            }
        }
        return GoldenRules(rules: rules).apply(to: body, schema: schema, mode: mode, synthesizer: synthesizer)
    }

    private static func synthesized(_ operation: Operation, service: ServiceSpec, rules: [BodyRule]) -> [GoldenFile] {
        let folder = "\(service.service)/\(operation.id)/"
        var files: [GoldenFile] = []
        if let minimal = request(operation, service: service, rules: rules, mode: .minimal),
           let full = request(operation, service: service, rules: rules, mode: .full) {
            files.append(GoldenFile(path: folder + "request.min.json", text: minimal.canonicalText + "\n", operation: operation.id, role: .request, isExample: false))
            files.append(GoldenFile(path: folder + "request.full.json", text: full.canonicalText + "\n", operation: operation.id, role: .request, isExample: false))
        }
        for response in operation.responses {
            guard let body = GoldenResponse.body(for: response, operation: operation, service: service) else { continue }
            files.append(GoldenFile(path: folder + "response-\(response.status).json", text: body.canonicalText + "\n", operation: operation.id, role: .response(status: response.status), isExample: false))
        }
        return files
    }

    private static func examples(_ operation: Operation, service: ServiceSpec, rules: [BodyRule], validator: Validator) -> [GoldenFile] {
        let folder = "\(service.service)/\(operation.id)/"
        var files: [GoldenFile] = []
        var counters: [String: Int] = [:]
        for example in operation.examples {
            let stem: String
            let role: GoldenFile.Role
            switch example.kind {
            case .request:
                stem = "example-request"
                role = .request
            case .response:
                if let status = example.status {
                    stem = "example-response-\(status)"
                    role = .response(status: status)
                } else {
                    let assumed = GoldenNaming.assumedStatus(for: example.value, operation: operation)
                    stem = assumed.isError ? "example-response-error" : "example-response"
                    role = .response(status: assumed.status)
                }
            }
            counters[stem, default: 0] += 1
            let number = counters[stem]!
            guard let value = example.value else {
                // Not JSON: kept as printed, with the parser's reason as its finding.
                let rule = example.kind == .request ? Rule.requestBodyMalformed : Rule.responseBodyMalformed
                let finding = Finding(operation: operation.id, rule: rule, severity: .error, location: example.kind == .request ? .requestBody : .responseBody, pointer: "", message: example.problem ?? "not valid JSON", source: example.source)
                let text = example.text.hasSuffix("\n") ? example.text : example.text + "\n"
                files.append(GoldenFile(path: folder + "\(stem)-\(number).txt", text: text, operation: operation.id, role: role, isExample: true, errors: [finding]))
                continue
            }
            var file = GoldenFile(path: folder + "\(stem)-\(number).json", text: value.canonicalText + "\n", operation: operation.id, role: role, isExample: true)
            file.errors = GoldenCheck.errors(of: file, payload: value, operation: operation, service: service, rules: rules, validator: validator)
            files.append(file)
        }
        return files
    }
}
