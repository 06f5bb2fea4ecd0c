import ConformanceModel
import ConformanceSpecs
import Foundation

/// A `Validator` with a `StateTracker` behind it: the findings of each exchange plus the
/// state findings its place in the traffic earns. Exchanges must come in the order they
/// happened; calls are serialized, so one instance may be fed from several threads.
public final class StatefulValidator: @unchecked Sendable {
    public let validator: Validator
    private let tracker: StateTracker
    private let lock = NSLock()

    /// Pass a validator made with the tracker's machines (`Validator(machines:)`) so that the
    /// tracker reads the values the validator's scan captured instead of parsing bodies again.
    public init(validator: Validator = Validator(machines: Rules.stateMachines), tracker: StateTracker = StateTracker()) {
        self.validator = validator
        self.tracker = tracker
    }

    public func validate(_ exchange: Exchange) -> ExchangeResult {
        var result = validator.validate(exchange)
        lock.lock()
        let stateFindings = tracker.observe(exchange, result: result)
        lock.unlock()
        result.findings += stateFindings
        return result
    }
}
