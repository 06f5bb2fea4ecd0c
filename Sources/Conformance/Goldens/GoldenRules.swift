import ConformanceModel

/// Makes a synthesized request body satisfy the hand-written cross-field rules (`Rules.body`).
///
/// The tables list fields one by one; the rules say how they depend on each other, and a
/// golden must validate clean against both (DESIGN.md "Golden payloads"). The decisions:
/// - in `full` mode a condition field first takes the value that *requires* the dependent
///   fields (`volume_type` = `GPSSD2` requires `iops` and `throughput`, `chargingMode` =
///   `prePaid` requires `periodNum`/`periodType`), when the field's enumeration allows it, so
///   that the full payload keeps as many documented fields as the rules permit;
/// - `atMostOne`: all but the first listed field present are dropped (`imageRef` stays;
///   `snapshot_id` and `backup_id` go);
/// - `forbiddenWhen`: the field is dropped when the condition holds;
/// - `requiredWhen`: the field is added (synthesized from its schema) when the condition holds;
/// - `maxItems`: the array is cut to the limit.
/// The rules are applied until nothing changes (at most a few rounds).
struct GoldenRules {
    let rules: [BodyRule]

    func apply(to body: JSONValue, schema: Schema, mode: PayloadSynthesizer.Mode, synthesizer: PayloadSynthesizer) -> JSONValue {
        var body = body
        if mode == .full {
            for rule in rules {
                guard case .requiredWhen(_, let condition) = rule.requirement, !condition.negated, let wanted = condition.isOneOf.first else { continue }
                let path = split(condition.field)
                guard body.value(at: path) != nil, let fieldSchema = schema.schema(at: path),
                      let value = SampleValue.enumerated(wanted, kind: fieldSchema.kind),
                      fieldSchema.enumeration.map({ $0.contains(wanted) }) ?? true else { continue }
                body = body.setting(path, to: value)
            }
        }
        for _ in 0..<4 {
            let before = body
            for rule in rules { body = apply(rule, to: body, schema: schema, synthesizer: synthesizer) }
            if body == before { break }
        }
        return body
    }

    private func apply(_ rule: BodyRule, to body: JSONValue, schema: Schema, synthesizer: PayloadSynthesizer) -> JSONValue {
        switch rule.requirement {
        case .atMostOne(let fields):
            var body = body
            let present = fields.filter { isPresent(body.value(at: split($0))) }
            for field in present.dropFirst() { body = body.setting(split(field), to: nil) }
            return body
        case .forbiddenWhen(let field, let condition):
            guard holds(condition, in: body), isPresent(body.value(at: split(field))) else { return body }
            return body.setting(split(field), to: nil)
        case .requiredWhen(let field, let condition):
            let path = split(field)
            guard holds(condition, in: body), !isPresent(body.value(at: path)), let fieldSchema = schema.schema(at: path) else { return body }
            let pointer = "/" + path.joined(separator: "/")
            return body.setting(path, to: synthesizer.value(fieldSchema, name: path.last ?? "", pointer: pointer))
        case .maxItems(let field, let limit):
            let path = split(field)
            guard let items = body.value(at: path)?.arrayValue, items.count > limit else { return body }
            return body.setting(path, to: .array(Array(items.prefix(limit))))
        }
    }

    private func holds(_ condition: BodyRule.Condition, in body: JSONValue) -> Bool {
        let text = body.value(at: split(condition.field))?.conditionText
        let matches = text.map { condition.isOneOf.contains($0) } ?? false
        return condition.negated ? !matches : matches
    }

    private func isPresent(_ value: JSONValue?) -> Bool {
        guard let value else { return false }
        return value != .null
    }

    private func split(_ path: String) -> [String] {
        path.split(separator: ".").map(String.init)
    }
}
