import ConformanceModel
import Dispatch

extension Validator {
    /// The results for `exchanges`, in their order, validated on `cores` threads.
    ///
    /// Each thread validates a contiguous share. No state is tracked across exchanges (that
    /// needs input order: use `StatefulValidator`).
    public func validate(_ exchanges: [Exchange], cores: Int) -> [ExchangeResult] {
        let workers = max(1, min(cores, exchanges.count))
        guard workers > 1 else { return exchanges.map(validate) }
        let share = (exchanges.count + workers - 1) / workers
        return [ExchangeResult](unsafeUninitializedCapacity: exchanges.count) { results, initialized in
            // Each worker initializes its own disjoint range of the buffer.
            nonisolated(unsafe) let output = results
            exchanges.withUnsafeBufferPointer { buffer in
                nonisolated(unsafe) let input = buffer
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    // The last shares can be short or empty (5 exchanges on 4 cores: 2, 2, 1, 0).
                    for index in min(input.count, worker * share)..<min(input.count, (worker + 1) * share) {
                        (output.baseAddress! + index).initialize(to: self.validate(input[index]))
                    }
                }
            }
            initialized = exchanges.count
        }
    }
}
