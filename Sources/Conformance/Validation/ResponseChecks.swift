import ConformanceModel

/// Checks a response: its status against the operation and the service, its body against
/// the documented schema, and an error body against the error envelope and code table.
enum ResponseChecks {
    /// Checks `response`; returns the error code its body carries, if any, and what the state
    /// machines read of a success body (`nil`: the tracker reads the body itself).
    static func check(_ response: Exchange.Response, operation compiled: CompiledOperation, service: CompiledService, into context: inout FindingContext) -> (errorCode: String?, state: StateEvidence.Side?) {
        let status = response.status
        var documenting = compiled
        if !compiled.statuses.contains(status), let twin = service.twin(of: compiled, documenting: status) {
            // The route is documented twice and the other place documents this status: the docs
            // disagree, so a warning citing both, and the body is checked against the other place.
            let operation = compiled.operation
            context.add(rule: Rule.responseStatusUndocumented, .warning, .responseStatus, pointer: String(status),
                        message: "\(operation.id) does not document status \(status); \(twin.id) (§\(twin.operation.source.section ?? twin.operation.title)) documents the same route with it: the docs disagree",
                        expected: "one of \(compiled.statuses.map(String.init).joined(separator: ", "))", actual: String(status),
                        source: operation.source, sources: [operation.source, twin.operation.source])
            documenting = twin
        } else if !compiled.statuses.contains(status) {
            let operation = compiled.operation
            // Undocumented for the operation: an error unless the service's status or error-code
            // tables list the status (DESIGN.md, response.status.undocumented).
            let known = service.serviceStatuses.contains(status)
            // A missing or refused credential: the service documents its authentication, and 401
            // and 403 are HTTP's answers to that (RFC 9110 §15.5.2, §15.5.4); the OpenAPI export
            // declares them on every secured operation.
            let refusedCredential = !known && (status == 401 || status == 403) && !service.spec.authentication.isEmpty
            let statuses = compiled.statuses.map(String.init).joined(separator: ", ")
            let note = known ? "; the service's status table lists it" : refusedCredential ? "; it is HTTP's answer to a missing or refused credential, which the service requires" : ""
            context.add(rule: Rule.responseStatusUndocumented, known || refusedCredential ? .warning : .error, .responseStatus, pointer: String(status),
                        message: "\(operation.id) does not document status \(status)\(note)",
                        expected: statuses.isEmpty ? "a documented status" : "one of \(statuses)", actual: String(status), source: operation.source)
        }
        let body = response.body.flatMap { $0.isEmpty ? nil : $0 }
        let schema = documenting.responseSchema(for: status)
        let captures = documenting.responseCaptures[status]
        // The state machines read the operation's own documented body; a twin's is read as a tree.
        let state = documenting === compiled ? captures?.state : nil
        var evidence: StateEvidence.Side?
        // Whether the envelope's status field says failure, as the scan found it; `nil`: not scanned.
        var envelopeFailure: Bool?
        // The error body as the scan read it, for the envelope check: only a body that may be an
        // error's (an error status, or a service whose envelope can say failure) is probed.
        var reading = ErrorBodyChecks.Reading.unread
        let mayFail = !service.errorShapeNames.isEmpty && (status >= 400 || captures?.envelopeStatusSlot != nil)
        if let schema, !isGenericErrorWrapper(schema, status: status, envelopes: service.errorEnvelopes) {
            if let body {
                let issues = BodyScanner.scan(body, schema: schema, captures: captures?.trie, shapeNames: mayFail ? service.errorShapeNames : nil) { issues, captured in
                    if mayFail { reading = .scanned(captured.shape) }
                    let malformed = issues.contains { $0.kind == .malformed }
                    if let state {
                        evidence = captured.evidence(paths: state.captures.paths, side: state.captures, slots: state.slots, malformed: malformed)
                    }
                    // A malformed body is left to `isEnvelopeFailure`, which reads on past a
                    // broken value where the scan stops.
                    if let slot = captures?.envelopeStatusSlot, let envelope = service.responseEnvelope, !malformed {
                        envelopeFailure = isEnvelopeFailure(captured.value(of: captured.marks[slot]), envelope: envelope)
                    }
                    return issues
                }
                context.add(issues, inRequest: false)
            } else if schema.requiredCount > 0 {
                context.add(rule: Rule.responseBodyMalformed, .error, .responseBody, pointer: "",
                            message: "the response has no body; a JSON \(schema.typeName) is documented for \(status)",
                            expected: "a JSON \(schema.typeName)", actual: "no body", source: schema.source)
            }
        }
        if body == nil, let state { evidence = StateEvidence.Side(paths: state.captures.paths, values: [], states: state.captures.states) }
        guard status >= 400 || (envelopeFailure ?? isEnvelopeFailure(body, envelope: service.responseEnvelope)) else { return (nil, evidence) }
        return (ErrorBodyChecks.check(body, reading: reading, status: status, operation: documenting, service: service, documentedSchema: schema != nil, into: &context), evidence)
    }

    /// Huawei documents error bodies as `{"error": {...}}` and says the key varies: "其中error是
    /// 泛指的错误，有badRequest、itemNotFound等" (EVS extend page, 响应样例). Such a schema is
    /// checked by the error envelope (any key), not field by field.
    static func isGenericErrorWrapper(_ schema: CompiledSchema, status: Int, envelopes: [ErrorEnvelope]) -> Bool {
        guard status >= 400 else { return false }
        let names = schema.rootFieldNames
        guard names.count == 1, let name = names.first else { return false }
        return envelopes.contains { envelope in
            if case .anyKey(let examples) = envelope.wrapper { return examples.contains(name) }
            return false
        }
    }

    /// A body whose envelope status field says failure (Tencent: `scode` not 0), whatever the
    /// HTTP status. For a body the scan did not read (no schema for the status, or a malformed
    /// one): its top-level fields, read on their own.
    static func isEnvelopeFailure(_ body: [UInt8]?, envelope: ResponseEnvelope?) -> Bool {
        guard let envelope, let field = envelope.statusField, let success = envelope.successValue, let body else { return false }
        guard let value = TopLevelFields.read(body)?.first(where: { $0.key == field })?.value else { return false }
        return value != success
    }

    /// The same for the status field's value as the body scan captured it (the first of its
    /// name at the top, as `TopLevelFields` reads it): a scalar's text, `null` as its literal;
    /// absent, an object or an array say nothing.
    static func isEnvelopeFailure(_ value: CapturedValue?, envelope: ResponseEnvelope) -> Bool {
        guard let success = envelope.successValue, let value else { return false }
        switch value.kind {
        case "null": return success != "null"
        case "object", "array": return false
        default: return value.text.map { $0 != success } ?? false
        }
    }
}

/// Checks error bodies: a documented envelope, a documented code, the code's own status.
enum ErrorBodyChecks {
    /// The code of an error body when the docs list codes but describe no body shape (Baidu
    /// 004 "Error Code": Code, Message, Description, and no envelope): a top-level `code` member
    /// equal to a listed code is read as that code, for coverage and verify's negative cases.
    /// Decision: nothing is checked, so nothing is reported either way.
    static func undescribedEnvelopeCode(_ body: [UInt8]?, reading: Reading = .unread, service: CompiledService) -> String? {
        guard let body, !service.errorCodes.isEmpty else { return nil }
        let code: String?
        if case .scanned(let shape?) = reading {
            // As the scan noted it: a string's text or a number's literal. `true`, `false` and
            // `null` are no code (the top-level reader gave their literal, which no table lists).
            switch shape.fields["code"] {
            case .string(let text)?: code = text
            case .number(let literal)?: code = literal
            default: code = nil
            }
        } else {
            // Not scanned, or a malformed body (the top-level reader reads on past a broken value).
            code = TopLevelFields.read(body)?.first(where: { $0.key == "code" })?.value
        }
        guard let code, service.errorCodes[code] != nil else { return nil }
        return code
    }

    /// How an error body was read before the check: by the body scan, which noted its shape
    /// (`nil`: malformed, or a key repeated at the envelope's levels), or not at all.
    enum Reading {
        case scanned(ErrorBodyShape?)
        case unread
    }

    static func check(_ body: [UInt8]?, reading: Reading = .unread, status: Int, operation compiled: CompiledOperation, service: CompiledService, documentedSchema: Bool, into context: inout FindingContext) -> String? {
        let envelopes = service.errorEnvelopes
        guard !envelopes.isEmpty else { return undescribedEnvelopeCode(body, reading: reading, service: service) }
        let read: ErrorBodyShape?
        switch reading {
        case .scanned(let scanned):
            // The body scan has read the body and noted its envelope's levels: no second read.
            read = scanned
        case .unread:
            // No scan read it (no documented body, or Huawei's generic `{"error": ...}` wrapper):
            // its first three levels as a tree (the body, the wrapper's value, the code and
            // message); deeper levels are checked for syntax and repeated keys, not built.
            read = body.flatMap { try? JSONValue.parse(bytes: $0, keepingLevels: 3) }.map { ErrorBodyShape($0, names: service.errorShapeNames) }
        }
        guard body != nil, let value = read else {
            if !documentedSchema {
                context.add(rule: Rule.responseErrorEnvelope, .error, .responseBody, pointer: "",
                            message: "an error response (\(status)) without a JSON error body",
                            expected: describe(envelopes), actual: body == nil ? "no body" : "not JSON", source: envelopes[0].source)
            }
            return nil
        }
        var found: (code: String, envelope: ErrorEnvelope)?
        for envelope in envelopes {
            if let code = code(in: value, envelope: envelope) {
                found = (code, envelope)
                break
            }
        }
        guard let (code, envelope) = found else {
            context.add(rule: Rule.responseErrorEnvelope, .error, .responseBody, pointer: "",
                        message: "the error body is not of a documented error shape",
                        expected: describe(envelopes), actual: shape(of: value), source: envelopes[0].source)
            return nil
        }
        let codes = service.spec.errorCodes
        guard !codes.isEmpty else { return code }
        guard let rows = service.errorCodes[code] else {
            if let example = compiled.exampleErrorCodes[code] {
                // The table does not list the code, the operation's own example gives it: the docs disagree.
                context.add(rule: Rule.responseErrorCodeUndocumented, .warning, .responseBody, pointer: pointer(envelope, value),
                            message: "error code \(code) is not in the error-code table, but the example at \(example.shortLabel) gives it: the docs disagree",
                            expected: "a code of the error-code table", actual: code, source: codes[0].source, sources: [codes[0].source, example].compactMap { $0 })
                return code
            }
            // EVS A.1: "如果遇到“APIGW”开头的错误码，请参见API网关错误码" — gateway codes are
            // documented elsewhere, so they are noted, not failed.
            let gateway = code.hasPrefix("APIGW")
            context.add(rule: Rule.responseErrorCodeUndocumented, gateway ? .info : .error, .responseBody, pointer: pointer(envelope, value),
                        message: gateway ? "gateway error code \(code) is documented in the API gateway's own table" : "error code \(code) is not in the error-code table",
                        expected: "a code of the error-code table", actual: code, source: codes[0].source)
            return code
        }
        if !rows.contains(where: { $0.status == status }) {
            let statuses = rows.map { String($0.status) }.joined(separator: ", ")
            context.add(rule: Rule.responseErrorStatusMismatch, .error, .responseStatus, pointer: String(status),
                        message: "error code \(code) is documented with status \(statuses), returned with \(status)",
                        expected: statuses, actual: String(status), source: rows[0].source)
        }
        return code
    }

    /// The code in `value` (an example's) if it has the envelope's shape.
    static func code(in value: JSONValue, envelope: ErrorEnvelope) -> String? {
        code(in: ErrorBodyShape(value, names: [envelope.codeField, envelope.messageField]), envelope: envelope)
    }

    /// The code in a body of `shape` if it has the envelope's shape.
    static func code(in shape: ErrorBodyShape, envelope: ErrorEnvelope) -> String? {
        let fields: [String: ErrorBodyShape.Field]
        switch envelope.wrapper {
        case .none:
            guard shape.typeName == "object" else { return nil }
            fields = shape.fields
        case .anyKey:
            guard shape.keys.count == 1, let only = shape.onlyMemberFields else { return nil }
            fields = only
        case .keys(let keys):
            guard shape.keys.count == 1, keys.contains(shape.keys[0]), let only = shape.onlyMemberFields else { return nil }
            fields = only
        }
        guard fields[envelope.messageField] != nil || envelope.wrapper == .none else { return nil }
        switch fields[envelope.codeField] {
        case .string(let code)?: return code
        case .number(let literal)?: return literal
        default: return nil
        }
    }

    static func pointer(_ envelope: ErrorEnvelope, _ shape: ErrorBodyShape) -> String {
        switch envelope.wrapper {
        case .none: "/\(envelope.codeField)"
        case .anyKey, .keys: "/\(shape.keys.first ?? "error")/\(envelope.codeField)"
        }
    }

    static func describe(_ envelopes: [ErrorEnvelope]) -> String {
        envelopes.map { envelope in
            switch envelope.wrapper {
            case .none: "{\"\(envelope.codeField)\", \"\(envelope.messageField)\"}"
            case .anyKey(let examples): "{\"\(examples.first ?? "error")\": {\"\(envelope.codeField)\", \"\(envelope.messageField)\"}}"
            case .keys(let keys): "{\"\(keys.joined(separator: "|"))\": {\"\(envelope.codeField)\", \"\(envelope.messageField)\"}}"
            }
        }.joined(separator: " or ")
    }

    static func shape(of shape: ErrorBodyShape) -> String {
        guard shape.typeName == "object" else { return shape.typeName }
        return "{" + shape.keys.map { "\"\($0)\"" }.joined(separator: ", ") + "}"
    }
}
