import ConformanceModel
import Dispatch

/// Reads and validates traffic on several threads and hands every record back in input order,
/// so that what must see the traffic in order (the `StateTracker`, the report) still does.
///
/// The calling thread reads the input in batches of units (JSONL lines are only split there);
/// worker threads turn each unit into an exchange and validate it; while they work on one
/// batch the caller reads the next and delivers the one before, in order. At most three
/// batches are in memory at a time, so memory stays flat on any length of input. With one job
/// everything runs on the calling thread, unit by unit.
public struct ValidationPipeline: Sendable {
    public let validator: Validator
    public let jobs: Int
    public let batchSize: Int

    public init(validator: Validator, jobs: Int, batchSize: Int = 1024) {
        self.validator = validator
        self.jobs = max(1, jobs)
        self.batchSize = max(1, batchSize)
    }

    /// One record as read, with its result when it is an exchange.
    public typealias Delivery = (record: TrafficRecord, result: ExchangeResult?)

    /// Reads `units` to the end and calls `deliver` for each, in input order, on this thread.
    public func run(_ units: some IteratorProtocol<TrafficUnit>, deliver: (Delivery) -> Void) {
        var units = units
        guard jobs > 1 else {
            while let unit = units.next() { deliver(process(unit)) }
            return
        }
        // The workers always have a batch while this thread reads the next one and delivers
        // the one before: read k+1, wait for k, start k+1, deliver k.
        var running: Batch?
        while true {
            var next: [TrafficUnit] = []
            next.reserveCapacity(batchSize)
            while next.count < batchSize, let unit = units.next() { next.append(unit) }
            let finished = running?.wait()
            running = next.isEmpty ? nil : Batch(next, pipeline: self)
            for delivery in finished ?? [] { deliver(delivery) }
            if running == nil { return }
        }
    }

    /// A unit read and validated.
    func process(_ unit: TrafficUnit) -> Delivery {
        let record = unit.record()
        guard case .exchange(let exchange) = record else { return (record, nil) }
        return (record, validator.validate(exchange))
    }

    /// A batch being processed by the workers.
    private final class Batch: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written by the workers (each its own indices) before `done` is signalled; read after.
        private var results: [Delivery?]

        init(_ units: [TrafficUnit], pipeline: ValidationPipeline) {
            results = Array(repeating: nil, count: units.count)
            let workers = min(pipeline.jobs, units.count)
            let share = (units.count + workers - 1) / workers
            DispatchQueue.global().async { [self] in
                results.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let output = buffer
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        for index in min(units.count, worker * share)..<min(units.count, (worker + 1) * share) {
                            output[index] = pipeline.process(units[index])
                        }
                    }
                }
                done.signal()
            }
        }

        func wait() -> [Delivery] {
            done.wait()
            return results.map { $0! }
        }
    }
}
