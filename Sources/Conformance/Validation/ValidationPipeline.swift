import ConformanceModel
import Dispatch

/// Reads and validates traffic on several threads and hands every record back in input order,
/// so that what must see the traffic in order (the `StateTracker`, the report) still does.
///
/// The calling thread reads the input in chunks of units (JSONL lines are only split there)
/// and deals them round-robin to `jobs` lanes, serial queues that turn each unit into an
/// exchange and validate it. It then takes the oldest chunk back, delivers its records in
/// order, and returns them to the lane that made them to be freed there. No lane waits for
/// another: a lane that falls behind holds up delivery, never the other lanes, and the
/// calling thread only waits when the oldest chunk is not done. At most `4 × jobs` chunks are
/// in flight, so memory stays flat on any length of input. With one job everything runs on
/// the calling thread, unit by unit.
public struct ValidationPipeline: Sendable {
    public let validator: Validator
    public let jobs: Int
    /// Units per chunk: enough to make handing a chunk over cheap beside its work, few enough
    /// that the lanes start at once and the chunks in flight stay small.
    public let chunkSize: Int

    public init(validator: Validator, jobs: Int, chunkSize: Int = 256) {
        self.validator = validator
        self.jobs = max(1, jobs)
        self.chunkSize = max(1, chunkSize)
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
        let lanes = (0..<jobs).map { DispatchQueue(label: "conformance.validate.lane\($0)") }
        var inFlight: [Chunk] = []
        var nextLane = 0
        var exhausted = false
        while true {
            while !exhausted, inFlight.count < 4 * jobs {
                var next: [TrafficUnit] = []
                next.reserveCapacity(chunkSize)
                while next.count < chunkSize, let unit = units.next() { next.append(unit) }
                if next.isEmpty {
                    exhausted = true
                } else {
                    inFlight.append(Chunk(next, lane: lanes[nextLane], pipeline: self))
                    nextLane = (nextLane + 1) % jobs
                }
            }
            guard !inFlight.isEmpty else { return }
            let chunk = inFlight.removeFirst()
            var records = chunk.wait()
            // Each record is moved out for its delivery and back in after, never copied: a
            // copy would retain every header and body on this thread, which is the busiest.
            records.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices {
                    let delivery = buffer.moveElement(from: index)
                    deliver(delivery)
                    buffer.initializeElement(at: index, to: delivery)
                }
            }
            // Freed by the lane that allocated them: freeing another thread's memory is slow.
            chunk.lane.async { [records] in withExtendedLifetime(records) {} }
        }
    }

    /// A unit read and validated.
    func process(_ unit: TrafficUnit) -> Delivery {
        let record = unit.record()
        guard case .exchange(let exchange) = record else { return (record, nil) }
        return (record, validator.validate(exchange))
    }

    /// A chunk of units being validated on its lane.
    private final class Chunk: @unchecked Sendable {
        let lane: DispatchQueue
        private let done = DispatchSemaphore(value: 0)
        /// Written on the lane before `done` is signalled; read after.
        private var records: [Delivery] = []

        init(_ units: [TrafficUnit], lane: DispatchQueue, pipeline: ValidationPipeline) {
            self.lane = lane
            lane.async { [self] in
                var records: [Delivery] = []
                records.reserveCapacity(units.count)
                for unit in units { records.append(pipeline.process(unit)) }
                self.records = records
                done.signal()
            }
        }

        /// The chunk's records, handed over: the chunk keeps no reference to them.
        func wait() -> [Delivery] {
            done.wait()
            var taken: [Delivery] = []
            swap(&taken, &records)
            return taken
        }
    }
}
