/// The outcome of checking a request's signature: accepted, or rejected with the reason. The
/// reason is for the operator (the mock's log); a client is told only that the signature
/// failed, so that it cannot tell an unknown access key from a wrong signature.
public enum SignatureVerdict: Sendable, Hashable {
    case accepted
    case rejected(String)

    /// `true` for ``accepted``.
    public var isAccepted: Bool { self == .accepted }
}
