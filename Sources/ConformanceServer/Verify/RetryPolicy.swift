/// How often and how patiently the runner repeats a request that failed for reasons that are
/// not the contract's: a connection error, a timeout or a 5xx answer.
///
/// Decision: a read is retried on any of those; a mutation only on a connection error (the
/// request never left) or 503 (the endpoint says it did not process it). Repeating a create
/// after a 500 or a timeout could create a second resource whose id the run never sees, and
/// so could never clean up.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included (1: no retry).
    public var attempts: Int
    /// Wait before the second attempt; doubled for each further one.
    public var initialDelay: Duration
    /// Longest single wait.
    public var maximumDelay: Duration

    public init(attempts: Int = 3, initialDelay: Duration = .milliseconds(250), maximumDelay: Duration = .seconds(5)) {
        self.attempts = max(1, attempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// The wait after failed attempt `attempt` (1-based).
    public func delay(after attempt: Int) -> Duration {
        var delay = initialDelay
        for _ in 1..<max(1, attempt) {
            delay = delay * 2
            if delay >= maximumDelay { return maximumDelay }
        }
        return min(delay, maximumDelay)
    }

    /// Whether an answer with `status` is worth another attempt.
    public func retries(status: Int, mutating: Bool) -> Bool {
        mutating ? status == 503 : (500...599).contains(status)
    }
}
