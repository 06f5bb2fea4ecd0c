/// A wrapper every response body of a service shares, around the operation's own payload.
///
/// Tencent's disk gateway answers `{"scode", "desc", "message", "message_cn", "stack",
/// "data"}` in every example although no table documents it; the operation's return table
/// describes what sits under `data`.
public struct ResponseEnvelope: Codable, Sendable, Hashable {
    /// The envelope's own fields (the payload field included, typed as an object).
    public var schema: Schema
    /// The field that carries the operation's payload, e.g. `data`.
    public var payloadField: String
    /// The field whose value tells success from failure, e.g. `scode`.
    public var statusField: String?
    /// The value of `statusField` that means success, as text.
    public var successValue: String?
    /// How the envelope was derived, for readers of the spec.
    public var note: String
    public var source: DocReference?

    public init(schema: Schema, payloadField: String, statusField: String?, successValue: String?, note: String, source: DocReference?) {
        self.schema = schema
        self.payloadField = payloadField
        self.statusField = statusField
        self.successValue = successValue
        self.note = note
        self.source = source
    }
}
