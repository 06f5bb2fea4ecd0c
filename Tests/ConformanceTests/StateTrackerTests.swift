import ConformanceModel
import ConformanceSpecs
import Testing
@testable import Conformance

@Suite("Stateful validation")
struct StateTrackerTests {
    typealias B = ExchangeBuilder
    static let id = "e1fa3e72-8c92-4871-9152-bf66fef0afe9"

    static func create() -> Exchange {
        B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: B.createVolumeBody(), status: 202, response: #"{"job_id": "\#(B.job)", "volume_ids": ["\#(id)"]}"#)
    }

    static func show(_ status: String) -> Exchange {
        B.exchange("GET", "/v2/\(B.project)/cloudvolumes/\(id)", status: 200, response: #"{"volume": {"id": "\#(id)", "status": "\#(status)", "size": 10}}"#)
    }

    static func extend(accepted: Bool = true) -> Exchange {
        B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes/\(id)/action", body: #"{"os-extend": {"new_size": 20}}"#, status: accepted ? 202 : 400, response: accepted ? #"{"job_id": "\#(B.job)"}"# : #"{"error": {"code": "EVS.1014", "message": "volume can not be extended!"}}"#)
    }

    static func delete() -> Exchange {
        B.exchange("DELETE", "/v2/\(B.project)/cloudvolumes/\(id)", status: 202, response: #"{"job_id": "\#(B.job)"}"#)
    }

    /// Runs a sequence and returns the state findings with the index of their exchange.
    private func replay(_ exchanges: [Exchange]) -> [(Int, Finding)] {
        let validator = StatefulValidator()
        return exchanges.enumerated().flatMap { index, exchange in
            var numbered = exchange
            numbered.index = index
            return validator.validate(numbered).findings.filter { $0.rule.emitter == .state }.map { (index, $0) }
        }
    }

    @Test("create → creating → available → extend → extending → available → delete is clean")
    func lifecycle() {
        let findings = replay([Self.create(), Self.show("creating"), Self.show("available"), Self.extend(), Self.show("extending"), Self.show("available"), Self.delete()])
        #expect(findings.isEmpty, "\(findings.map(\.1.message))")
        // The whole exchange is clean too, not only its states.
        let validator = StatefulValidator()
        for exchange in [Self.create(), Self.show("creating"), Self.show("available"), Self.extend(), Self.delete()] {
            #expect(validator.validate(exchange).findings.filter { $0.severity == .error } == [])
        }
    }

    @Test("state.unknown-value once, at the exchange that shows it, naming the documented states")
    func unknownValue() throws {
        let findings = replay([Self.create(), Self.show("melting")])
        #expect(findings.map(\.1.rule) == [Rule.stateUnknownValue])
        let (index, finding) = try #require(findings.first)
        #expect(index == 1)
        #expect(finding.message.contains("melting"))
        #expect(finding.expected?.contains("available") == true)
        #expect(finding.pointer == "/volume/status")
    }

    @Test("state.precondition: extend accepted while the volume is creating")
    func precondition() throws {
        let findings = replay([Self.create(), Self.show("creating"), Self.extend()])
        #expect(findings.map(\.1.rule) == [Rule.statePrecondition])
        let (index, finding) = try #require(findings.first)
        #expect(index == 2)
        #expect(finding.message.contains("creating"))
        #expect(finding.message.contains("available, in-use"))
        #expect(finding.source?.section?.contains("接口约束") == true)
        // A rejected extend is not a precondition violation: the endpoint enforced the rule.
        #expect(replay([Self.create(), Self.show("creating"), Self.extend(accepted: false)]).isEmpty)
    }

    static func extend(to size: Int, operation path: String = "/v2.1/\(B.project)/cloudvolumes/\(id)/action") -> Exchange {
        B.exchange("POST", path, body: #"{"os-extend": {"new_size": \#(size)}}"#, status: 202, response: #"{"job_id": "\#(B.job)"}"#)
    }

    @Test("state.relation: an extend accepted to no more than the size last seen, per the operation's own sentence")
    func relation() throws {
        // 6.1.7 (ResizeVolume): "扩容的大小必须大于原有云硬盘容量"; the volume was seen at 10.
        let findings = replay([Self.show("available"), Self.extend(to: 10)])
        #expect(findings.map(\.1.rule) == [Rule.stateRelation])
        let finding = try #require(findings.first?.1)
        #expect(finding.pointer == "/os-extend/new_size")
        #expect(finding.expected == "> 10" && finding.actual == "10")
        #expect(finding.source?.section?.hasPrefix("6.1.7") == true)
        #expect(finding.message.contains("扩容的大小必须大于原有云硬盘容量"))
        #expect(replay([Self.show("available"), Self.extend(to: 11)]).isEmpty)
        // Only against a size seen in a response: after an accepted extend the size is inferred.
        #expect(replay([Self.show("available"), Self.extend(to: 30), Self.extend(to: 20)]).isEmpty)
        // No size seen at all: nothing to compare with.
        #expect(replay([Self.extend(to: 1)]).isEmpty)
        // 6.1.11 (ExtendCloudvolume): "扩容后的容量不能小于原有云硬盘容量": an equal size is allowed.
        let deprecated = "/v2/\(B.project)/cloudvolumes/\(Self.id)/action"
        #expect(replay([Self.show("available"), Self.extend(to: 10, operation: deprecated)]).filter { $0.1.rule == Rule.stateRelation }.isEmpty)
        #expect(replay([Self.show("available"), Self.extend(to: 9, operation: deprecated)]).filter { $0.1.rule == Rule.stateRelation }.count == 1)
    }

    @Test("state.relation: each item of a batch extend against its own volume")
    func batchRelation() throws {
        let other = "0e5e8a3c-5a5f-4d6f-9c3e-1d2b3c4d5e6f"
        let showOther = B.exchange("GET", "/v2/\(B.project)/cloudvolumes/\(other)", status: 200, response: #"{"volume": {"id": "\#(other)", "status": "available", "size": 40}}"#)
        let batch = B.exchange("POST", "/v5/\(B.project)/volumes/batch-extend", body: #"{"volumes": [{"id": "\#(Self.id)", "new_size": 20}, {"id": "\#(other)", "new_size": 40}]}"#,
                               status: 202, response: #"{"job_id": "\#(B.job)"}"#)
        let findings = replay([Self.show("available"), showOther, batch])
        #expect(findings.map(\.1.rule) == [Rule.stateRelation])
        #expect(findings.first?.1.pointer == "/volumes/1/new_size")
    }

    @Test("state.transition: deleting back to available has no documented path")
    func transition() throws {
        let findings = replay([Self.show("available"), Self.delete(), Self.show("available")])
        #expect(findings.map(\.1.rule) == [Rule.stateTransition])
        let (index, finding) = try #require(findings.first)
        #expect(index == 2)
        #expect(finding.actual == "deleting → available")
        #expect(finding.message.contains("error_deleting"))
    }

    @Test("rollback reads its target from the body and its states from A.3's console names")
    func rollbackConsoleNames() throws {
        let machine = try #require(Rules.stateMachines.first { $0.service == "huawei-evs" && $0.resource == "volume" })
        let table = try #require(Specs.service("huawei-evs")?.stateTable(for: "volume"))
        // The sentence says 可用 and 回滚数据失败; the table's console-name column turns them into values.
        let named = ["可用", "回滚数据失败"].compactMap { table.state(named: $0)?.value }
        let rollback = try #require(machine.preconditions.first { $0.operations.contains("RollbackSnapshot") })
        #expect(named == rollback.allowed)
        #expect(machine.consoleNames["回滚数据失败"] == "error_rollbacking")
    }

    @Test("every machine with a state table lists exactly the table's states, console names included")
    func machinesMatchTables() throws {
        for machine in Rules.stateMachines {
            guard let table = Specs.service(machine.service)?.stateTable(for: machine.resource) else { continue }
            #expect(machine.states == table.states.map(\.value), "\(machine.resource)")
            for state in table.states {
                if let console = state.consoleName { #expect(machine.consoleNames[console] == state.value) }
            }
            for transition in machine.transitions {
                #expect(machine.states.contains(transition.from) && machine.states.contains(transition.to), "\(transition)")
                #expect(transition.citation != nil || transition.note != nil)
            }
        }
    }

    @Test("every operation a machine names exists in its service")
    func operationsExist() throws {
        for machine in Rules.stateMachines {
            let spec = try #require(Specs.service(machine.service))
            let named = machine.preconditions.flatMap(\.operations) + machine.effects.flatMap(\.operations) + machine.unchecked.flatMap(\.operations)
            for id in named { #expect(spec.operation(id: id) != nil, "\(machine.service) \(id)") }
        }
    }

    @Test("memory stays bounded: the tracker forgets the least recently touched resources")
    func bounded() {
        let tracker = StateTracker(capacity: 1_000)
        let validator = Validator()
        for index in 0..<5_000 {
            let id = "vol-\(index)"
            let exchange = B.exchange("GET", "/v2/\(B.project)/cloudvolumes/\(id)", status: 200, response: #"{"volume": {"id": "\#(id)", "status": "available"}}"#)
            _ = tracker.observe(exchange, result: validator.validate(exchange))
        }
        #expect(tracker.rememberedResources <= 1_000)
        #expect(tracker.state(service: "huawei-evs", resource: "volume", id: "vol-4999") == "available")
        #expect(tracker.state(service: "huawei-evs", resource: "volume", id: "vol-0") == nil)
    }

    @Test("a read is GET or HEAD in any case; nothing else is (RFC 9110 §9.1: methods are case-sensitive, but recorders differ)")
    func readMethods() {
        for method in ["GET", "get", "Get", "HEAD", "head", "hEaD"] { #expect(StateTracker.isRead(method), "\(method)") }
        for method in ["POST", "post", "GETS", "GE", "", "PUT", "gét", "DELETE"] { #expect(!StateTracker.isRead(method), "\(method)") }
    }
}
