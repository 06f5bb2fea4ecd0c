import Conformance
import ConformanceModel
import ConformanceSpecs

/// The synthesized success bodies of every operation of one service, from the golden payloads
/// (`GoldenSet`: DESIGN.md "Golden payloads", `response-<status>.json`), so that an operation
/// the mock does not model answers a body that validates clean.
///
/// Only synthesized files that validate clean are kept (those with known-bad findings are not,
/// e.g. EVS 6.1.6's 400 body typed `Array of strings`).
struct MockPayloads: Sendable {
    private let bodies: [String: [Int: JSONValue]]

    /// The payloads of the compiled services, computed once per process (building a
    /// `GoldenSet` validates every doc example, which takes a moment).
    static let compiled: [String: MockPayloads] = Dictionary(uniqueKeysWithValues: Specs.all.map { ($0.service, MockPayloads(spec: $0)) })

    /// The cached payloads of a compiled service (the engine serves only `Specs.all`).
    static func payloads(for spec: ServiceSpec) -> MockPayloads {
        // A --spec file may replace a compiled service: the cache is its only when it is the same spec.
        if let cached = compiled[spec.service], Specs.all.contains(spec) { return cached }
        return MockPayloads(spec: spec)
    }

    init(spec: ServiceSpec) {
        var bodies: [String: [Int: JSONValue]] = [:]
        for file in GoldenSet(service: spec).files where !file.isExample && file.errors.isEmpty {
            guard case .response(let status) = file.role, let operation = file.operation,
                  let value = try? JSONValue.parse(file.text) else { continue }
            bodies[operation, default: [:]][status] = value
        }
        self.bodies = bodies
    }

    /// The synthesized body of `operation` under `status`, if the operation documents one.
    func body(_ operation: String, status: Int) -> JSONValue? { bodies[operation]?[status] }
}
