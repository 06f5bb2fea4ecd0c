/// The outcome of checking a request's signature: accepted, or rejected with the reason (the
/// mock puts the reason in its error message, so that a user sees what to fix).
public enum SignatureVerdict: Sendable, Hashable {
    case accepted
    case rejected(String)

    /// `true` for ``accepted``.
    public var isAccepted: Bool { self == .accepted }
}
