import ConformanceModel
import Dispatch

/// Reads and validates traffic on several threads and hands every record back in input order,
/// so that what must see the traffic in order (the `StateTracker`, the report) still does.
///
/// The calling thread reads the input in chunks of units (blocks of JSONL lines, which it only
/// splits into lines) and deals them round-robin to `jobs` lanes, serial queues that turn each
/// line into an exchange and validate it. It then takes the oldest chunk back, delivers its
/// records in order, and returns them to the lane that made them to be freed there. No lane
/// waits for another: a lane that falls behind holds up delivery, never the other lanes, and
/// the calling thread only waits when the oldest chunk is not done. At most `8 × jobs` chunks
/// are in flight, so memory stays flat on any length of input. With one job everything runs on
/// the calling thread, unit by unit.
public struct ValidationPipeline: Sendable {
    public let validator: Validator
    public let jobs: Int
    /// Records per chunk (at least; a block of lines is not split): enough to make handing a chunk over cheap beside its work, few enough
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
            while let unit = units.next() {
                unit.forEachRecord { deliver(process($0)) }
            }
            return
        }
        let lanes = (0..<jobs).map { Lane(index: $0, pipeline: self) }
        var inFlight: [Chunk] = []
        var nextLane = 0
        var exhausted = false
        while true {
            // Eight chunks per lane: a lane that shares its core with this thread falls behind,
            // and the other needs chunks of its own queued meanwhile. Measured on 100,000
            // exchanges, two jobs, five rounds each: 2 per lane 0.73–0.81 s, 4 per lane
            // 0.66–0.69 s, 8 per lane 0.65–0.67 s (6 MB more at the peak), 16 per lane
            // 0.63–0.67 s but 20 MB more.
            while !exhausted, inFlight.count < 8 * jobs {
                var next: [TrafficUnit] = []
                var records = 0
                while records < chunkSize, let unit = units.next() {
                    next.append(unit)
                    records += unit.count
                }
                if next.isEmpty {
                    exhausted = true
                } else {
                    inFlight.append(Chunk(next, lane: lanes[nextLane]))
                    nextLane = (nextLane + 1) % jobs
                }
            }
            guard !inFlight.isEmpty else { return }
            let chunk = inFlight.removeFirst()
            let records = chunk.wait()
            for record in records { deliver(record) }
            // Freed by the lane that allocated them: freeing memory another thread allocated
            // is slow (glibc locks and consolidates that thread's arena), and this thread is
            // the one the others wait for when the input is stateful.
            chunk.lane.queue.async { [records] in withExtendedLifetime(records) {} }
        }
    }

    /// A record validated.
    func process(_ record: TrafficRecord) -> Delivery {
        Self.process(record, by: validator)
    }

    static func process(_ record: TrafficRecord, by validator: Validator) -> Delivery {
        guard case .exchange(let exchange) = record else { return (record, nil) }
        return (record, validator.validate(exchange))
    }

    /// A serial queue with a validator of its own (`Validator.replica()`, compiled on the lane
    /// itself, in parallel with the others; the first lane takes the pipeline's).
    private final class Lane: @unchecked Sendable {
        let queue: DispatchQueue
        private let index: Int
        private let pipeline: ValidationPipeline
        /// Only touched on `queue`.
        private var ownValidator: Validator?

        init(index: Int, pipeline: ValidationPipeline) {
            queue = DispatchQueue(label: "conformance.validate.lane\(index)")
            self.index = index
            self.pipeline = pipeline
        }

        /// The lane's validator; call on `queue` only.
        var validator: Validator {
            if let ownValidator { return ownValidator }
            let made = index == 0 ? pipeline.validator : pipeline.validator.replica()
            ownValidator = made
            return made
        }
    }

    /// A chunk of units being validated on its lane.
    private final class Chunk: @unchecked Sendable {
        let lane: Lane
        private let done = DispatchSemaphore(value: 0)
        /// Written on the lane before `done` is signalled; read after.
        private var records: [Delivery] = []

        init(_ units: [TrafficUnit], lane: Lane) {
            self.lane = lane
            lane.queue.async { [self] in
                let validator = lane.validator
                var records: [Delivery] = []
                records.reserveCapacity(units.reduce(0) { $0 + $1.count })
                for unit in units {
                    unit.forEachRecord { records.append(ValidationPipeline.process($0, by: validator)) }
                }
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
