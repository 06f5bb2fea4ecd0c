import ConformanceModel
import ConformanceSpecs
import Testing
@testable import Conformance

/// Synthesized goldens: determinism, canonical form, and a clean validation for every one.
@Suite("Goldens: synthesis")
struct GoldenSynthesisTests {
    static let sets = Specs.all.map { GoldenSet(service: $0) }
    static let validator = Validator()

    @Test("two runs give byte-identical files")
    func deterministic() {
        for spec in Specs.all {
            let first = GoldenSet(service: spec).files.map { [$0.path, $0.text] }
            let second = GoldenSet(service: spec).files.map { [$0.path, $0.text] }
            #expect(first == second, "\(spec.service)")
        }
    }

    @Test("every JSON golden is canonical: sorted keys, two-space indent, trailing newline")
    func canonical() throws {
        for file in Self.sets.flatMap(\.files) where file.path.hasSuffix(".json") {
            let value = try JSONValue.parse(file.text)
            #expect(file.text == value.canonicalText + "\n", "\(file.path)")
        }
    }

    @Test("every operation of every service has a golden folder with at least one payload")
    func coverage() {
        for set in Self.sets {
            let operations = Set(set.files.compactMap(\.operation))
            #expect(operations == Set(set.service.operations.map(\.id)), "\(set.service.service)")
        }
    }

    @Test("every synthesized golden validates clean, except error bodies the doc types as no error envelope")
    func synthesizedClean() throws {
        var failures: [String] = []
        for set in Self.sets {
            for file in set.files where !file.isExample && file.role != .exchanges {
                if !file.errors.isEmpty {
                    // Only a documented error body that is not an error envelope may be listed.
                    guard case .response(let status) = file.role, status >= 400,
                          let body = set.service.operation(id: file.operation ?? "")?.response(for: status)?.body,
                          body.kind != .object || body.properties.count != 1 else {
                        failures.append("\(file.path): rejected: \(file.errors.map(\.message))")
                        continue
                    }
                    continue
                }
                let operation = try #require(set.service.operation(id: file.operation ?? ""))
                let payload = try JSONValue.parse(file.text)
                let errors = GoldenCheck.errors(of: file, payload: payload, operation: operation, service: set.service, rules: Rules.body, validator: Self.validator)
                for error in errors { failures.append("\(file.path): \(error.rule) \(error.pointer) \(error.message)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) findings:\n\(failures.prefix(60).joined(separator: "\n"))")
    }

    @Test("UUIDs are derived from their place: stable, distinct, well-formed")
    func uuids() {
        let first = GoldenUUID.make("huawei-evs/CreateVolume//volume/snapshot_id")
        #expect(first == GoldenUUID.make("huawei-evs/CreateVolume//volume/snapshot_id"))
        #expect(first != GoldenUUID.make("huawei-evs/CreateVolume//volume/backup_id"))
        #expect(first.count == 36)
        #expect(Array(first)[14] == "5")
        #expect(first.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
    }
}
