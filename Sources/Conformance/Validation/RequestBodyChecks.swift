import ConformanceModel

/// Checks a request body against the operation's schema and its cross-field rules.
enum RequestBodyChecks {
    /// Checks the body; returns what the state machines read of it, when the operation has
    /// machines and the scan caught it (`nil`: the tracker reads the body itself).
    @discardableResult
    static func check(_ request: Exchange.Request, operation: CompiledOperation, into context: inout FindingContext) -> StateEvidence.Side? {
        let state = operation.state?.request
        guard let schema = operation.request else { return nil }
        guard let body = request.body, !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            // A documented body with required fields cannot be absent; one with only optional fields may be.
            if schema.requiredCount > 0 {
                context.add(rule: Rule.requestBodyMalformed, .error, .requestBody, pointer: "",
                            message: "the request has no body; a JSON \(schema.typeName) is documented",
                            expected: "a JSON \(schema.typeName)", actual: "no body", source: schema.source)
            }
            return state.map { StateEvidence.Side(paths: $0.captures.paths, values: []) }
        }
        // The rules test the captured values where they lie in the body; text is made of them
        // only for a rule that is broken, to describe it.
        let broken: (issues: [BodyIssue], rules: [CompiledRule], values: [CapturedValue?], state: StateEvidence.Side?) = BodyScanner.scan(body, schema: schema, captures: operation.captures) { issues, captured in
            let malformed = issues.contains { $0.kind == .malformed }
            let evidence = state.flatMap { captured.evidence(paths: $0.captures.paths, side: $0.captures, slots: $0.slots, malformed: malformed) }
            guard operation.captures != nil, !malformed else { return (issues, [], [], evidence) }
            let rules = operation.rules.filter { $0.isViolated(by: captured) }
            return (issues, rules, rules.isEmpty ? [] : captured.values, evidence)
        }
        context.add(broken.issues, inRequest: true)
        guard let captures = operation.captures else { return broken.state }
        for compiled in broken.rules {
            let rule = compiled.rule
            if let violation = RuleChecks.violation(of: rule, captured: broken.values, captures: captures) {
                context.add(rule: Rule.requestBodyConstraint, .error, .requestBody, pointer: violation.pointer,
                            message: violation.message + rule.reportTail(),
                            expected: violation.expected, actual: violation.actual, source: rule.citation.reference)
            }
        }
        return broken.state
    }
}

/// A `BodyRule` with its field paths resolved to capture slots, so that checking a conforming
/// body compares no paths. A violation is then described by `RuleChecks` from the rule itself.
final class CompiledRule: Sendable {
    struct Condition: Sendable {
        let slot: Int
        /// The values, as UTF-8 bytes, compared with the captured value's bytes.
        let isOneOf: [[UInt8]]
        let negated: Bool
    }

    enum Check: Sendable {
        case atMostOne([Int])
        case requiredWhen(field: Int, condition: Condition)
        case forbiddenWhen(field: Int, condition: Condition)
        case maxItems(field: Int, limit: Int)
    }

    let rule: BodyRule
    let check: Check

    /// `nil` when a path of the rule is not among the captures.
    init?(_ rule: BodyRule, captures: CaptureTrie) {
        self.rule = rule
        func condition(_ condition: BodyRule.Condition) -> Condition? {
            captures.slot(of: condition.field).map { Condition(slot: $0, isOneOf: condition.isOneOf.map { Array($0.utf8) }, negated: condition.negated) }
        }
        switch rule.requirement {
        case .atMostOne(let fields):
            let slots = fields.compactMap(captures.slot(of:))
            guard slots.count == fields.count else { return nil }
            check = .atMostOne(slots)
        case .requiredWhen(let field, let test):
            guard let slot = captures.slot(of: field), let test = condition(test) else { return nil }
            check = .requiredWhen(field: slot, condition: test)
        case .forbiddenWhen(let field, let test):
            guard let slot = captures.slot(of: field), let test = condition(test) else { return nil }
            check = .forbiddenWhen(field: slot, condition: test)
        case .maxItems(let field, let limit):
            guard let slot = captures.slot(of: field) else { return nil }
            check = .maxItems(field: slot, limit: limit)
        }
    }

    /// Whether the captured values break the rule.
    func isViolated(by captured: CapturedBody) -> Bool {
        func holds(_ condition: Condition) -> Bool {
            let matches = captured.isOne(condition.slot, of: condition.isOneOf)
            return condition.negated ? !matches : matches
        }
        switch check {
        case .atMostOne(let slots): return slots.count { captured.isPresent($0) } > 1
        case .requiredWhen(let field, let condition): return holds(condition) && !captured.isPresent(field)
        case .forbiddenWhen(let field, let condition): return captured.isPresent(field) && holds(condition)
        case .maxItems(let field, let limit): return (captured.count(field) ?? 0) > limit
        }
    }
}

/// Evaluates a `BodyRule` on the values the scanner captured.
enum RuleChecks {
    struct Violation {
        var pointer: String
        var message: String
        var expected: String
        var actual: String
    }

    static func violation(of rule: BodyRule, captured: [CapturedValue?], captures: CaptureTrie) -> Violation? {
        func value(_ path: String) -> CapturedValue? {
            captures.slot(of: path).flatMap { captured[$0] }
        }
        func present(_ path: String) -> Bool {
            guard let found = value(path) else { return false }
            return found.kind != "null"
        }
        func pointer(_ path: String) -> String { "/" + path.split(separator: ".").joined(separator: "/") }
        func holds(_ condition: BodyRule.Condition) -> Bool {
            let text = value(condition.field)?.text
            let matches = text.map { condition.isOneOf.contains($0) } ?? false
            return condition.negated ? !matches : matches
        }
        switch rule.requirement {
        case .atMostOne(let fields):
            let given = fields.filter(present)
            guard given.count > 1 else { return nil }
            return Violation(pointer: pointer(given[1]), message: "only one of \(fields.map { $0.split(separator: ".").last.map(String.init) ?? $0 }.joined(separator: ", ")) may be given",
                             expected: "at most one of \(fields.joined(separator: ", "))", actual: given.joined(separator: " and "))
        case .requiredWhen(let field, let condition):
            guard holds(condition), !present(field) else { return nil }
            return Violation(pointer: pointer(field), message: "\(field) is required when \(condition)",
                             expected: "\(field) present", actual: "\(condition.field) = \(value(condition.field)?.text ?? "absent"), \(field) absent")
        case .forbiddenWhen(let field, let condition):
            guard present(field), holds(condition) else { return nil }
            return Violation(pointer: pointer(field), message: "\(field) must not be given when \(condition)",
                             expected: "\(field) absent", actual: "\(condition.field) = \(value(condition.field)?.text ?? "absent"), \(field) given")
        case .maxItems(let field, let limit):
            guard let count = value(field)?.count, count > limit else { return nil }
            return Violation(pointer: pointer(field), message: "\(field) holds \(count) items; at most \(limit) are allowed",
                             expected: "at most \(limit) items", actual: "\(count) items")
        }
    }
}
