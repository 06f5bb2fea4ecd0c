import ConformanceModel
import ConformanceSpecs
import Foundation
import SpecDiff
import Testing

/// A spec compared with itself has no change (issue 20), in all four services and every format.
@Suite("diff: a spec against itself")
struct SelfDiffTests {
    static let services = ["huawei-evs", "huawei-ecs", "tencent-cbs", "baidu-bcc"]

    @Test("each committed spec.json against itself is empty", arguments: services)
    func committed(service: String) throws {
        let loaded = try SpecLoader(workingDirectory: SeedPage.root).load("specs/\(service)/spec.json")
        #expect(loaded.spec.service == service)
        #expect(!loaded.spec.operations.isEmpty)
        let changes = SpecDiff.changes(from: loaded.spec, to: loaded.spec, options: SpecDiff.Options(stateMachines: Rules.stateMachines))
        #expect(changes.isEmpty, "\(changes.map { "\($0.id) \($0.pointer)" })")
        let report = DiffReport(old: loaded.side, new: loaded.side, changes: changes)
        #expect(report.summaryLine == "no changes")
        #expect(report.highestLevel == nil)
    }

    @Test("each service's documents, extracted twice (the service folder, then its docs/), give no change")
    func extractedTwice() throws {
        for service in Self.services {
            let loader = SpecLoader(extractDocuments: true, workingDirectory: SeedPage.root)
            let first = try loader.load("specs/\(service)")
            let second = try loader.load("specs/\(service)/docs")
            #expect(first.origin.hasSuffix("extracted"))
            #expect(SpecDiff.changes(from: first.spec, to: second.spec).isEmpty, "\(service)")
        }
    }

    @Test("the committed spec.json and a fresh extraction of its documents agree")
    func committedMatchesDocuments() throws {
        // What `extract --check` holds in CI; here seen through the diff, so a stale spec.json
        // shows as the changes a user would see.
        for service in ["huawei-ecs", "tencent-cbs", "baidu-bcc"] {
            let committed = try SpecLoader(workingDirectory: SeedPage.root).load("specs/\(service)")
            let extracted = try SpecLoader(extractDocuments: true, workingDirectory: SeedPage.root).load("specs/\(service)")
            #expect(committed.origin == "spec.json")
            let changes = SpecDiff.changes(from: committed.spec, to: extracted.spec)
            #expect(changes.isEmpty, "\(service): \(changes.map { "\($0.id) \($0.pointer)" })")
        }
    }
}
