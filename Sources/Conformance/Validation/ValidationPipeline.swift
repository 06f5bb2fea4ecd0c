import ConformanceModel
import Dispatch
import Synchronization

/// Reads and validates traffic on several threads and hands every record back in input order,
/// so that what must see the traffic in order (the `StateTracker`, the report) still does.
///
/// The calling thread reads the input in chunks of units (blocks of JSONL lines, which it only
/// splits into lines) and keeps each of `jobs - 1` lanes, serial queues that turn each line into
/// an exchange and validate it, a few chunks ahead. It delivers the oldest chunk's records in
/// order as soon as it is done and returns them to the lane that made them to be freed there.
/// While the oldest chunk is still on its lane, the calling thread validates the next chunk
/// itself rather than wait, so `jobs` threads keep `jobs` cores busy and the share each takes
/// follows from how fast it goes: the calling thread, which also follows states and writes the
/// report, validates what its spare time allows. A lane first compiles its own validator and is
/// handed nothing until then, so a short input is validated on the calling thread alone (the
/// compile goes on in the background and is dropped). No lane waits for another, and at most
/// `4 × jobs` chunks are in flight (and as many delivered ones waiting to be freed, record by
/// record, as their threads make new ones), so memory stays flat on any length of input. With
/// one job everything runs on the calling thread, unit by unit.
///
/// The chunks are small on purpose. A record is freed by the thread that made it, after the
/// calling thread has read it: the more records are made between the two, the colder its memory
/// is by then (one job frees each record right after reading it, from the first-level cache).
/// Measured on 200,000 exchanges, two jobs, 16 interleaved rounds: with chunks of 256, eight in
/// flight per job and lanes four ahead, two jobs spent 1.32× the CPU time of one and ran 1.41×
/// as fast (the records' destruction alone took 2.8× the samples it takes with one job); with
/// chunks of 128, four per job and three ahead, 1.16× and 1.58×; with 64, four and three, 1.08×
/// and 1.66×. Chunks of 32 were no better (1.06×), and handing them over costs more. The gain
/// depends on the host's hour: when it ran about 20% faster, the old sizes did a few percent
/// better (1.73× against 1.60×, CPU time 1.07× against 1.11×), while profiles still gave the
/// records' destruction twice the samples with them. The small chunks keep the slow hours'
/// fifth, and use less memory in every run.
public struct ValidationPipeline: Sendable {
    public let validator: Validator
    public let jobs: Int
    /// Records per chunk (at least; a block of lines is not split): enough to make handing a
    /// chunk over cheap beside its work, few enough that a record is still warm in cache when
    /// the thread that made it frees it (see above).
    public let chunkSize: Int

    /// Whether `run` waits for every lane's validator before it hands out the first chunk,
    /// rather than validating on the calling thread meanwhile: for tests, to be sure the lanes
    /// take part in a short run.
    let waitsForLanes: Bool

    public init(validator: Validator, jobs: Int, chunkSize: Int = 64) {
        self.init(validator: validator, jobs: jobs, chunkSize: chunkSize, waitsForLanes: false)
    }

    init(validator: Validator, jobs: Int, chunkSize: Int = 64, waitsForLanes: Bool) {
        self.validator = validator
        self.jobs = max(1, jobs)
        self.chunkSize = max(1, chunkSize)
        self.waitsForLanes = waitsForLanes
    }

    /// One record as read, with its result when it is an exchange.
    public typealias Delivery = (record: TrafficRecord, result: ExchangeResult?)

    /// Chunks queued on a lane and not yet done, below which the calling thread hands the lane
    /// another before it validates one itself: enough that a lane does not run dry while this
    /// thread validates a chunk of its own and delivers another (a lane goes through a chunk in
    /// about two thirds of the time this thread takes for one of its own), few enough that the
    /// records handed back wait behind little work (a lane frees them after the chunks queued
    /// before). With chunks of 64, two and three ahead measured the same; one ahead (chunks of
    /// 128, two per job in flight) ran slower: 1.39× one job against the old sizes' 1.62×.
    static let laneAhead = 3

    /// Reads `units` to the end and calls `deliver` for each, in input order, on this thread.
    ///
    /// The record is lent `inout` for the call, only so that it is not copied; changes to it
    /// are not read. Passed by value from the chunk it sits in, Swift copied it first (the
    /// closure might write to that memory), retaining every reference the record holds on
    /// memory another core wrote and releasing them after: 18 retains and 18 releases per
    /// exchange with two jobs, counted with uprobes on `swift_retain` and `swift_release`.
    public func run(_ units: some IteratorProtocol<TrafficUnit>, deliver: (inout Delivery) -> Void) {
        runCountingLaneChunks(units, deliver: deliver)
    }

    /// `run`, returning how many chunks the lanes validated.
    @discardableResult
    func runCountingLaneChunks(_ units: some IteratorProtocol<TrafficUnit>, deliver: (inout Delivery) -> Void) -> Int {
        var units = units
        guard jobs > 1 else {
            while let unit = units.next() {
                unit.forEachRecord { record in
                    var delivery = process(record)
                    deliver(&delivery)
                }
            }
            return 0
        }
        // Each lane compiles its validator first, on its own thread. Until it is ready it is
        // handed nothing: the first chunk handed to it would be the oldest in flight, which the
        // calling thread must deliver before any later one, so it sat waiting out the compile
        // (about 10 ms) after a few chunks of its own. A file of one exchange took 48 ms with
        // two jobs and 35 ms with one.
        let lanes = (1..<jobs).map { Lane(index: $0, pipeline: self) }
        if waitsForLanes { lanes.forEach { $0.waitUntilReady() } }
        var laneChunks = 0
        // Chunks in flight, the lanes' and this thread's: what bounds memory, and how many
        // records are made before one is freed. Four per job leaves room for each lane's three
        // and this thread's own while it waits for the oldest; three, six and eight per job
        // measured the same or slower (see the type's comment).
        let capacity = 4 * jobs
        var inFlight: [Chunk] = []
        var exhausted = false
        var spent = SpentRecords<Delivery>()

        func nextChunk() -> [TrafficUnit]? {
            guard !exhausted else { return nil }
            var next: [TrafficUnit] = []
            var records = 0
            while records < chunkSize, let unit = units.next() {
                next.append(unit)
                records += unit.count
            }
            if next.isEmpty { exhausted = true }
            return next.isEmpty ? nil : next
        }
        func deliverOldest() {
            let chunk = inFlight.removeFirst()
            var records = chunk.wait()
            records.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices {
                    // Lent in place, not copied: see `run`.
                    deliver(&buffer[index])
                }
            }
            // Freed by the thread that made them: freeing memory another thread allocated is
            // slow (glibc locks and consolidates that thread's arena), and this thread is the
            // one the others wait for when the input is stateful.
            if let lane = chunk.lane {
                lane.recycle(records)
            } else {
                spent.add(records)
            }
        }

        while true {
            // Lanes first, so that none runs dry.
            while inFlight.count < capacity,
                  let lane = lanes.lazy.filter(\.isReady).min(by: { $0.pending < $1.pending }), lane.pending < Self.laneAhead,
                  let next = nextChunk() {
                inFlight.append(Chunk(next, lane: lane))
                laneChunks += 1
            }
            if let oldest = inFlight.first, oldest.isDone {
                deliverOldest()
            } else if inFlight.count < capacity, let next = nextChunk() {
                // The oldest chunk is still on its lane, or no lane is ready yet: validate the
                // next one here meanwhile.
                inFlight.append(Chunk(validated: Self.validate(next, by: validator, freeing: &spent)))
            } else if inFlight.isEmpty {
                return laneChunks
            } else {
                deliverOldest()
            }
        }
    }

    /// A record validated.
    func process(_ record: consuming TrafficRecord) -> Delivery {
        Self.process(record, by: validator)
    }

    static func process(_ record: consuming TrafficRecord, by validator: Validator) -> Delivery {
        guard case .exchange(let exchange) = record else { return (record, nil) }
        return (record, validator.validate(exchange))
    }

    /// A serial queue with a validator of its own (`Validator.replica()`, compiled on the lane
    /// itself, in parallel with the others, while the calling thread validates with the
    /// pipeline's).
    private final class Lane: @unchecked Sendable {
        let queue: DispatchQueue
        /// Chunks handed to the lane and not yet done.
        private let undone = Atomic<Int>(0)
        private let pipeline: ValidationPipeline
        /// Only touched on `queue`.
        private var ownValidator: Validator?
        /// Set on `queue` once `ownValidator` is compiled.
        private let ready = Atomic<Bool>(false)
        private let compiled = DispatchSemaphore(value: 0)

        /// Starts compiling the lane's validator on its queue.
        init(index: Int, pipeline: ValidationPipeline) {
            queue = DispatchQueue(label: "conformance.validate.lane\(index)")
            self.pipeline = pipeline
            queue.async { [self] in
                ownValidator = pipeline.validator.replica()
                ready.store(true, ordering: .releasing)
                compiled.signal()
            }
        }

        /// Whether the lane's validator is compiled, so that a chunk handed to it starts at once.
        var isReady: Bool { ready.load(ordering: .acquiring) }

        func waitUntilReady() {
            guard !isReady else { return }
            compiled.wait()
            compiled.signal()
        }

        /// Records delivered and handed back; only touched on `queue`.
        private var spent = SpentRecords<Delivery>()

        var pending: Int { undone.load(ordering: .relaxed) }

        /// Takes back records the lane made, once delivered, to be freed as it makes the next.
        func recycle(_ records: [Delivery]) {
            queue.async { [self] in spent.add(records) }
        }

        /// Validates the chunk's units on the lane and hands it the records.
        func validate(_ chunk: Chunk) {
            undone.add(1, ordering: .relaxed)
            queue.async { [self] in
                // Compiled by the block `init` queued first.
                guard let validator = ownValidator else { preconditionFailure("lane \(queue.label) has no validator") }
                chunk.finish(ValidationPipeline.validate(chunk.units, by: validator, freeing: &spent))
                undone.subtract(1, ordering: .relaxed)
            }
        }
    }

    /// The records of `units`, validated, with one of the `spent` records freed before each
    /// is made.
    static func validate(_ units: [TrafficUnit], by validator: Validator, freeing spent: inout SpentRecords<Delivery>) -> [Delivery] {
        var records: [Delivery] = []
        records.reserveCapacity(units.reduce(0) { $0 + $1.count })
        for unit in units {
            unit.forEachRecord { record in
                spent.freeOne()
                records.append(process(record, by: validator))
            }
        }
        return records
    }

    /// Records delivered and handed back to the thread that made them, to be freed one by one as
    /// it makes new ones. Freeing a whole chunk at once overflows glibc's per-thread cache of
    /// freed blocks (seven of each size), so the next chunk's allocations went to its slower
    /// bins (`_int_malloc`, `unlink_chunk`, `malloc_consolidate`: about 9% of two jobs' CPU
    /// time); a record freed just before the next is made leaves the blocks that one needs in
    /// the cache.
    struct SpentRecords<Record> {
        private var chunks: [[Record]] = []

        mutating func add(_ records: [Record]) {
            if !records.isEmpty { chunks.append(records) }
        }

        mutating func freeOne() {
            while let last = chunks.indices.last {
                if chunks[last].popLast() != nil { return }
                chunks.removeLast()
            }
        }
    }

    /// A chunk of units, validated on a lane or on the calling thread.
    private final class Chunk: @unchecked Sendable {
        /// The lane it was handed to; nil when the calling thread validated it.
        let lane: Lane?
        /// Set once `records` are written (on the lane, or at once for the calling thread's own),
        /// for `isDone` to look at without a call into the kernel.
        private let made: Atomic<Bool>
        /// Signalled on the lane after `made` is set, for `wait()` to sleep on.
        private let done = DispatchSemaphore(value: 0)
        /// Written on the lane before `made` is set; read after.
        private var records: [Delivery] = []

        /// The units, read on the lane and kept until delivery so that the calling thread, which
        /// allocated their blocks, frees them.
        private(set) var units: [TrafficUnit]

        init(_ units: [TrafficUnit], lane: Lane) {
            self.lane = lane
            self.units = units
            made = Atomic(false)
            lane.validate(self)
        }

        init(validated records: [Delivery]) {
            lane = nil
            self.units = []
            self.records = records
            made = Atomic(true)
        }

        /// Called on the lane when the records are made.
        func finish(_ records: [Delivery]) {
            self.records = records
            made.store(true, ordering: .releasing)
            done.signal()
        }

        /// Whether the records are made, without waiting for them.
        ///
        /// An atomic load, not `done.wait(timeout: .now())`: on Linux that is a futex wait with
        /// a deadline already past, and the kernel's timer slack (50 µs for a normal thread)
        /// let it sleep 45–70 µs each time (`strace -T`). The calling thread asks this before
        /// every chunk it would validate itself, about 800 times on 200,000 exchanges with two
        /// jobs: some 55 ms asleep and waking (`perf sched timehist`), a tenth of the run.
        var isDone: Bool { made.load(ordering: .acquiring) }

        /// The chunk's records, handed over: the chunk keeps no reference to them.
        func wait() -> [Delivery] {
            if !isDone { done.wait() }
            units = []
            var taken: [Delivery] = []
            swap(&taken, &records)
            return taken
        }
    }
}
