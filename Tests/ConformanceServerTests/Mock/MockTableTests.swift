import ConformanceModel
@testable import ConformanceServer
import Foundation
import Testing

/// ``MockTable`` against a plain list filtered by hand (the oracle), over seeded random
/// creates, changes, deletes and transitions: every index lists exactly the matching volumes,
/// in creation order, and the due queue hands back exactly the transitions that are due.
@Suite struct MockTableTests {

    static func volume(_ id: String, project: String, status: String, name: String, due: ContinuousClock.Instant?) -> MockVolume {
        MockVolume(id: id, project: project, name: name, size: 10, volumeType: "SATA", zone: "az-1", status: status,
                   pending: due.map { MockPending(status: "available", at: $0) }, createdAt: "", updatedAt: "", metadata: [:], tags: [:], multiattach: false, description: "")
    }

    @Test func indexesMatchTheOracle() {
        var random = SplitMix64(seed: 16)
        var table = MockTable<MockVolume>()
        var oracle: [MockVolume] = []
        let projects = ["p1", "p2", "p3"]
        let statuses = ["creating", "available", "in-use", "deleting"]
        let names = ["a", "b", "c", "d", "e"]
        let start = ContinuousClock.now
        for step in 0..<3000 {
            let choice = Int.random(in: 0..<10, using: &random)
            if choice < 5 || oracle.isEmpty {
                let volume = Self.volume("v\(step)", project: projects.randomElement(using: &random)!, status: statuses.randomElement(using: &random)!,
                                         name: names.randomElement(using: &random)!, due: nil)
                table[volume.id] = volume
                oracle.append(volume)
            } else if choice < 8 {
                let index = Int.random(in: 0..<oracle.count, using: &random)
                oracle[index].status = statuses.randomElement(using: &random)!
                if Bool.random(using: &random) { oracle[index].name = names.randomElement(using: &random)! }
                table[oracle[index].id] = oracle[index]
            } else {
                let index = Int.random(in: 0..<oracle.count, using: &random)
                table[oracle[index].id] = nil
                oracle.remove(at: index)
            }
            guard step % 100 == 99 else { continue }
            #expect(table.count == oracle.count)
            for project in projects {
                #expect(table.list(MockVolume.projectKey(project)).map(\.id) == oracle.filter { $0.project == project }.map(\.id))
                for status in statuses {
                    let expected = oracle.filter { $0.project == project && $0.status == status }.map(\.id)
                    #expect(table.list(MockVolume.statusKey(project, status)).map(\.id) == expected)
                    #expect(table.count(MockVolume.statusKey(project, status)) == expected.count)
                }
                for name in names {
                    let expected = oracle.filter { $0.project == project && $0.name == name }.map(\.id)
                    #expect(table.list(MockVolume.nameKey(project, name), offset: 1, limit: 3).map(\.id) == Array(expected.dropFirst(1).prefix(3)))
                }
            }
        }
        _ = start
    }

    @Test func dueQueueHandsBackExactlyTheDueTransitions() {
        var random = SplitMix64(seed: 7)
        var table = MockTable<MockVolume>()
        let start = ContinuousClock.now
        var due: [String: ContinuousClock.Instant] = [:]
        for index in 0..<500 {
            let at = start + .milliseconds(Int.random(in: 0..<1000, using: &random))
            table["v\(index)"] = Self.volume("v\(index)", project: "p", status: "creating", name: "n", due: at)
            due["v\(index)"] = at
        }
        // Replaced transitions: the old queue entry must not fire.
        for index in stride(from: 0, to: 500, by: 7) {
            let at = start + .milliseconds(2000 + index)
            table["v\(index)"] = Self.volume("v\(index)", project: "p", status: "extending", name: "n", due: at)
            due["v\(index)"] = at
        }
        var settled: Set<String> = []
        for now in stride(from: 0, through: 3000, by: 250) {
            let instant = start + .milliseconds(now)
            for volume in table.takeDue(now: instant) {
                #expect(due[volume.id]! <= instant)
                #expect(!settled.contains(volume.id))
                settled.insert(volume.id)
                var copy = volume
                copy.pending = nil
                table[volume.id] = copy
            }
            #expect(Set(due.filter { $0.value <= instant }.keys) == settled)
        }
    }
}
