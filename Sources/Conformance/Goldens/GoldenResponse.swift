import ConformanceModel

/// The synthesized body of one documented response.
///
/// - Every field of the documented body (`full` mode).
/// - A service with a response envelope (Tencent's `scode` wrapper) gets the envelope with the
///   payload under its payload field and the status field set to the success value; every
///   status then has a body, since the envelope is the body.
/// - An error body (`{"<class>": {"code", "message"}}`, or flat) carries the first error code
///   the service's error-code table lists with this HTTP status, and its first message, when
///   there is one (DESIGN.md "Golden payloads": error goldens use documented codes).
enum GoldenResponse {
    static func body(for response: Response, operation: Operation, service: ServiceSpec) -> JSONValue? {
        let synthesizer = PayloadSynthesizer(spec: service, operation: operation.id, mode: .full)
        if let envelope = service.responseEnvelope {
            var wrapped = synthesizer.value(envelope.schema)
            if let body = response.body {
                wrapped = wrapped.setting([envelope.payloadField], to: synthesizer.value(body, name: envelope.payloadField, pointer: "/" + envelope.payloadField))
            }
            if let field = envelope.statusField, let success = envelope.successValue, response.isSuccess,
               let kind = envelope.schema.property(named: field)?.schema.kind, let value = SampleValue.enumerated(success, kind: kind) {
                wrapped = wrapped.setting([field], to: value)
            }
            return wrapped
        }
        guard let schema = response.body else { return nil }
        var body = synthesizer.value(schema)
        if response.status >= 400, let code = service.errorCodes.first(where: { $0.status == response.status }) {
            body = withErrorCode(body, code: code, service: service)
        }
        return body
    }

    /// `body` with its code and message fields set to `code`, wherever the error envelopes put them.
    static func withErrorCode(_ body: JSONValue, code: ErrorCode, service: ServiceSpec) -> JSONValue {
        guard let members = body.objectValue else { return body }
        for envelope in service.errorEnvelopes {
            if members[envelope.codeField] != nil {
                return body.setting([envelope.codeField], to: .string(code.code)).setting([envelope.messageField], to: .string(code.message))
            }
            for (key, inner) in members.sorted(by: { $0.key < $1.key }) where inner[envelope.codeField] != nil {
                return body.setting([key, envelope.codeField], to: .string(code.code)).setting([key, envelope.messageField], to: .string(code.message))
            }
        }
        return body
    }
}
