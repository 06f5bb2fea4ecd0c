import ConformanceModel
import ConformanceSpecs
import Synchronization
import Testing
@testable import Conformance

@Suite("Validation on several cores")
struct ParallelValidationTests {
    typealias B = ExchangeBuilder

    @Test("validate(_:cores:) gives each exchange the result a single call gives, in input order")
    func sameAsOneByOne() {
        let validator = Validator()
        var exchanges: [Exchange] = []
        for index in 0..<101 {
            var exchange: Exchange
            switch index % 4 {
            case 0: exchange = B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody())
            case 1: exchange = B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody(status: "MELTING"))
            case 2: exchange = B.exchange("POST", "/v2/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "size": "ten""#), status: 202, response: B.jobBody())
            default: exchange = B.exchange("DELETE", "/v2/\(B.project)/nowhere/\(index)")
            }
            exchange.index = index
            exchanges.append(exchange)
        }
        let parallel = validator.validate(exchanges, cores: 3)
        #expect(parallel.count == exchanges.count)
        #expect(parallel.map(\.exchange) == Array(0..<101))
        for (exchange, result) in zip(exchanges, parallel) {
            #expect(result.findings == validator.validate(exchange).findings)
            #expect(result.operationID == validator.validate(exchange).operationID)
        }
        #expect(parallel.contains { !$0.findings.isEmpty } && parallel.contains { $0.findings.isEmpty })
        #expect(validator.validate([], cores: 4).isEmpty)
    }

    @Test("batches smaller than the cores, or that leave the last cores without a share", arguments: [(5, 4), (7, 6), (9, 8), (17, 8), (1, 8), (2, 2)])
    func shortShares(count: Int, cores: Int) {
        let validator = Validator()
        let exchanges = (0..<count).map { index in
            var exchange = B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody())
            exchange.index = index
            return exchange
        }
        #expect(validator.validate(exchanges, cores: cores).map(\.exchange) == Array(0..<count))
    }

    @Test("a replica validates as the original does and shares none of its compiled objects")
    func replica() {
        let validator = Validator(machines: Rules.stateMachines)
        let replica = validator.replica()
        #expect(replica !== validator)
        #expect(replica.services.count == validator.services.count)
        for (mine, theirs) in zip(replica.services, validator.services) {
            #expect(mine !== theirs)
            #expect(mine.id == theirs.id)
            // The state tracker finds its plan by the serial: the same for an operation's
            // replicas, another for every other compilation.
            #expect(mine.operations.map(\.serial) == theirs.operations.map(\.serial))
        }
        let other = Validator(machines: Rules.stateMachines)
        let serials = Set(validator.services.flatMap { $0.operations.map(\.serial) })
        #expect(serials.count == validator.services.reduce(0) { $0 + $1.operations.count })
        #expect(serials.isDisjoint(with: other.services.flatMap { $0.operations.map(\.serial) }))
        let exchanges = [
            B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody(status: "MELTING")),
            B.exchange("POST", "/v2/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "size": "ten""#), status: 202, response: B.jobBody()),
        ]
        for exchange in exchanges {
            #expect(replica.validate(exchange).findings == validator.validate(exchange).findings)
            #expect(!validator.validate(exchange).findings.isEmpty)
        }
        // Each compiled its own copy of the operations the exchanges reached.
        let pairs = zip(replica.services, validator.services).flatMap { zip($0.operations, $1.operations) }.filter { $0.0.isCompiled }
        #expect(pairs.count == 2)
        for (slot, original) in pairs {
            #expect(original.isCompiled && slot.compiled !== original.compiled)
        }
    }

    /// Operations are compiled when an exchange is first routed to them (`OperationSlot`): the
    /// two exchanges reach ShowJob and CreateVolume of EVS, and nothing else is compiled.
    @Test("an operation is compiled when an exchange first reaches it, and only then")
    func lazyOperations() throws {
        let validator = Validator(machines: Rules.stateMachines)
        #expect(validator.services.allSatisfy { $0.operations.allSatisfy { !$0.isCompiled } })
        let show = B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody(status: "SUCCESS"))
        let create = B.exchange("POST", "/v2/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "size": 10"#), status: 202, response: B.jobBody())
        let first = validator.validate(show)
        let routed = [first, validator.validate(create)].map(\.operationID)
        let compiled = validator.services.flatMap { service in service.operations.filter(\.isCompiled).map(\.compiled.id) }
        #expect(Set(compiled) == Set(routed.compactMap { $0 }))
        #expect(compiled.count == 2, "\(compiled)")
        // The same answer whether the operation was compiled for this exchange or before it,
        // and from a replica, which compiles it anew under the same serial number.
        let again = validator.validate(show)
        #expect(again.findings == first.findings)
        #expect(again.operationSerial == first.operationSerial)
        let fromReplica = validator.replica().validate(show)
        #expect(fromReplica.findings == first.findings)
        #expect(fromReplica.operationSerial == first.operationSerial)
    }

    @Test("the pipeline delivers in input order for any number of lanes and chunk sizes, lanes ready or not",
          arguments: [(1, 256, false), (2, 1, true), (2, 1, false), (3, 2, true), (3, 2, false), (2, 256, true), (2, 256, false), (5, 7, true), (5, 7, false)])
    func pipelineOrder(jobs: Int, chunkSize: Int, waitsForLanes: Bool) {
        let validator = Validator()
        let units: [TrafficUnit] = (0..<300).map { index in
            var exchange = index % 3 == 0
                ? B.exchange("DELETE", "/v2/\(B.project)/nowhere/\(index)")
                : B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody())
            exchange.index = index
            return .ready(.exchange(exchange))
        }
        var delivered: [(index: Int, findings: [Finding])] = []
        let pipeline = ValidationPipeline(validator: validator, jobs: jobs, chunkSize: chunkSize, waitsForLanes: waitsForLanes)
        let laneChunks = pipeline.runCountingLaneChunks(units.makeIterator()) { delivery in
            guard case .exchange(let exchange) = delivery.record, let result = delivery.result else { return }
            delivered.append((exchange.index, result.findings))
        }
        #expect(delivered.map(\.index) == Array(0..<300))
        // Lanes that are ready from the start take part (with chunks of 256, the lane takes
        // the whole input's one chunk and more when there is more); none exist for one job.
        if jobs == 1 { #expect(laneChunks == 0) }
        if jobs > 1, waitsForLanes { #expect(laneChunks > 0) }
        for (index, findings) in delivered {
            guard case .ready(.exchange(let exchange)) = units[index] else { continue }
            #expect(findings == validator.validate(exchange).findings)
        }
    }

    /// Counts the instances alive, to see when spent records are freed.
    final class Tracked {
        static let alive = Mutex<Set<Int>>([])
        let id: Int
        init(_ id: Int) { self.id = id; _ = Self.alive.withLock { $0.insert(id) } }
        deinit { _ = Self.alive.withLock { [id] in $0.remove(id) } }
    }

    @Test("spent records are freed one per call, newest chunk first, and empty chunks are skipped")
    func spentRecordsFreedOneByOne() {
        var spent = ValidationPipeline.SpentRecords<Tracked>()
        spent.add((0..<3).map { Tracked($0) })
        spent.add([])
        spent.add((10..<12).map { Tracked($0) })
        #expect(Tracked.alive.withLock { $0 } == [0, 1, 2, 10, 11])
        spent.freeOne()
        #expect(Tracked.alive.withLock { $0 } == [0, 1, 2, 10])
        spent.freeOne()
        spent.freeOne()
        #expect(Tracked.alive.withLock { $0 } == [0, 1])
        spent.freeOne()
        spent.freeOne()
        #expect(Tracked.alive.withLock { $0 }.isEmpty)
        spent.freeOne()
        spent.add([Tracked(20)])
        spent.freeOne()
        #expect(Tracked.alive.withLock { $0 }.isEmpty)
    }
}
