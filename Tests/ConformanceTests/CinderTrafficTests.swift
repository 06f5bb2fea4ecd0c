import ConformanceModel
import ConformanceSpecs
import Foundation
import Testing
@testable import Conformance

/// The severity policy on hand-written Cinder-style traffic (Fixtures/cinder-traffic.jsonl):
/// no finding where the docs allow a value, a warning citing both places where they disagree,
/// an error where they are clear. The expectations were read from the docs by hand, each with
/// the place that decides it.
@Suite("Severity policy on Cinder-style traffic")
struct CinderTrafficTests {
    struct Decision: Hashable, CustomStringConvertible {
        var rule: String
        var severity: Severity
        var pointer: String
        var description: String { "\(severity.rawValue) \(rule) \(pointer)" }
    }

    static func results() throws -> [ExchangeResult] {
        let reader = try JSONLReader(path: TrafficFixtures.path("cinder-traffic.jsonl"))
        let validator = StatefulValidator()
        return TrafficFixtures.exchanges(reader).map(validator.validate)
    }

    static let project = "7c08fb7726964bf5b70a1f55a4cd6017"

    /// By exchange: what the docs decide.
    static let expected: [Int: [Decision]] = [
        // 8.2.1.3/8.2.1.16 examples: "snapshot_id": null, "updated_at": null, ... (the response
        // examples' null convention); metadata: 表 8-74 types the volume's metadata Map<String,Object>;
        // volume_image_metadata: Object, its values strings in the examples.
        0: [],
        // 8.2.1.2's create example sends "snapshot_id": null, "source_volid": null,
        // "consistencygroup_id": null for the same CinderCreateVolumeOption object; its metadata
        // "您还可以根据创建云硬盘的要求输入其他字段".
        1: [],
        // 表 8-527 SnapshotDetail: size String; 表 6-130 SnapshotDetails: size Integer.
        2: [Decision(rule: "response.body.type", severity: .warning, pointer: "/snapshot/size")],
        // 表 8-174 VolumeMetadata: hw:passthrough String; 8.2.1.7's example: "hw:passthrough": true.
        3: [Decision(rule: "response.body.type", severity: .warning, pointer: "/volume/metadata/hw:passthrough")],
        // 8.2.1.20: "扩容后的云硬盘容量范围：大于原有云硬盘容量", the volume seen at 20 in exchange 0.
        4: [Decision(rule: "state.relation", severity: .error, pointer: "/os-extend/new_size")],
        // 表 8-60: volume_type one of SATA, SAS, GPSSD, SSD, ESSD, GPSSD2, ESSD2.
        5: [Decision(rule: "request.body.enum", severity: .error, pointer: "/volume/volume_type")],
        // 表 8-60: multiattach Boolean; no place of the docs sends it as a string.
        6: [Decision(rule: "request.body.type", severity: .error, pointer: "/volume/multiattach")],
        // 表 8-60: volume_type 是 (required); null for a required request field stays an error.
        7: [Decision(rule: "request.body.type", severity: .error, pointer: "/volume/volume_type")],
        // retype: POST /v2/{project_id}/volumes/{volume_id}/retype only.
        8: [Decision(rule: "route.unmatched", severity: .error, pointer: "/v3/\(project)/volumes/8dd7c486-8e9f-49fe-bceb-26aa7e312b66/retype")],
        // 表 7-12 lists the snapshot's fields at the top level; the example wraps them in snapshot.
        9: [Decision(rule: "response.body.missing-field", severity: .warning, pointer: "")],
    ]

    @Test("each exchange gets exactly the decision the docs make")
    func decisions() throws {
        let results = try Self.results()
        #expect(results.count == Self.expected.count)
        for (index, result) in results.enumerated() {
            let found = result.findings.map { Decision(rule: $0.rule.id, severity: $0.severity, pointer: $0.pointer) }
            #expect(found == Self.expected[index], "exchange \(index): \(result.findings.map { "\($0.rule) \($0.pointer): \($0.message)" })")
        }
    }

    @Test("a warning where the docs disagree cites both places")
    func warningsCiteBothPlaces() throws {
        let results = try Self.results()
        func only(_ index: Int) throws -> Finding { try #require(results[index].findings.first) }
        let size = try only(2)
        #expect(size.sources.map(\.section) == ["8.2.6.2", "6.2.1"])
        #expect(size.sources.map(\.table) == ["表 8-527 SnapshotDetail", "表 6-130 SnapshotDetails"])
        #expect(size.source == size.sources.first)
        #expect(size.message.contains("the docs disagree"))
        let passthrough = try only(3)
        #expect(passthrough.sources.map(\.section) == ["8.2.1.16", "8.2.1.7"])
        #expect(passthrough.message.contains("\"hw:passthrough\": true"))
        let flat = try only(9)
        #expect(flat.sources.count == 2)
        #expect(flat.sources.allSatisfy { $0.section == "7.1.2" })
        // Errors cite the one place that decides them.
        #expect(try only(6).sources.map(\.table) == ["表 8-60 CinderCreateVolumeOption"])
        #expect(try only(4).sources.first?.section?.hasPrefix("8.2.1.20") == true)
    }

    @Test("the same traffic without the readings and conventions would be full of errors")
    func withoutTheDocsReadings() throws {
        // Lint's view of the docs (the tables alone) rejects what the readings accept: the
        // decisions above come from the docs' other places, not from a looser validator.
        let reader = try JSONLReader(path: TrafficFixtures.path("cinder-traffic.jsonl"))
        let exchanges = TrafficFixtures.exchanges(reader)
        let spec = try #require(Specs.service("huawei-evs"))
        var tablesOnly = spec
        for index in tablesOnly.operations.indices {
            tablesOnly.operations[index].requestBody = tablesOnly.operations[index].requestBody?.documentedByTables()
            for response in tablesOnly.operations[index].responses.indices {
                tablesOnly.operations[index].responses[response].body = tablesOnly.operations[index].responses[response].body?.documentedByTables()
            }
        }
        let strict = Validator(specs: [tablesOnly], options: ValidatorOptions(service: "huawei-evs"))
        let errors = exchanges.prefix(4).map { strict.validate($0).findings.filter { $0.severity == .error } }
        #expect(errors[0].contains { $0.rule == Rule.responseBodyType && $0.pointer == "/volume/snapshot_id" })
        #expect(errors[2].contains { $0.rule == Rule.responseBodyType && $0.pointer == "/snapshot/size" })
        #expect(errors[3].contains { $0.rule == Rule.responseBodyType && $0.pointer == "/volume/metadata/hw:passthrough" })
    }
}
