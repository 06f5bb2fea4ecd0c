import ConformanceModel
import Synchronization

/// Spoils answers on purpose (``MockFaults``), deterministically: the n-th request misbehaves
/// when a SplitMix64 hash of (seed, n) falls under `rate`, so a run with the same seed and the
/// same traffic misbehaves the same way.
final class FaultInjector: Sendable {
    let faults: MockFaults
    private let counter = Atomic<UInt64>(0)

    init(_ faults: MockFaults) {
        self.faults = faults
    }

    /// The faults that apply to the next request (empty for most when `rate` is low).
    ///
    /// A spoiled answer gets one of the answer faults (wrong types, missing fields, undocumented
    /// codes), drawn from the same hash: applied together they hide each other (an undocumented
    /// status has no schema to hold a wrong type against), so each shows its own finding.
    /// `illegal-transitions` changes what the handlers allow rather than an answer, and stays on.
    func decide() -> Set<MockFaults.Kind> {
        guard !faults.isEmpty else { return [] }
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var draws = SplitMix64(seed: faults.seed &+ n &* 0x9E37_79B9_7F4A_7C15)
        let hash = draws.next()
        let draw = Double(hash >> 11) / Double(1 << 53)
        guard draw < faults.rate else { return [] }
        var chosen = faults.kinds.intersection([.illegalTransitions])
        let answers = MockFaults.Kind.allCases.filter { $0 != .illegalTransitions && faults.kinds.contains($0) }
        if !answers.isEmpty { chosen.insert(answers[Int(hash & 0xFF) % answers.count]) }
        return chosen
    }

    /// `reply` with the chosen faults applied.
    /// `spec` gives the response envelope (Tencent), whose schema then describes the body.
    func spoil(_ reply: MockReply, kinds: Set<MockFaults.Kind>, operation: Operation, spec: ServiceSpec) -> MockReply {
        guard !kinds.isEmpty else { return reply }
        switch reply {
        case .later(let make):
            return spoil(make(), kinds: kinds, operation: operation, spec: spec)
        case .error(let code, let status, let message):
            // An error code no table lists (response.error.code-undocumented).
            guard kinds.contains(.undocumentedCodes) else { return reply }
            return .error(code: code.first?.isNumber == true ? "599" : "MOCK.9999", status: status, message: message ?? "an error the documentation does not list (fault injected: undocumented-codes)")
        case .success(var status, var body):
            let schema = spec.responseEnvelope?.schema ?? operation.response(for: status)?.body
            if kinds.contains(.wrongTypes), let value = body {
                body = Self.retyped(value)
            }
            if kinds.contains(.missingFields), let value = body {
                body = Self.withoutRequiredField(value, schema: schema)
            }
            if kinds.contains(.undocumentedCodes) {
                // 203 is in no operation's responses and in no status table (response.status.undocumented).
                status = 203
            }
            return .success(status: status, body: body)
        }
    }

    /// The value with its first scalar leaf (in sorted key order) given another JSON type.
    static func retyped(_ value: JSONValue) -> JSONValue {
        var done = false
        return retype(value, done: &done)
    }

    private static func retype(_ value: JSONValue, done: inout Bool) -> JSONValue {
        guard !done else { return value }
        switch value {
        case .string:
            done = true
            return .number("12345")
        case .number(let literal):
            done = true
            return .string(literal)
        case .bool(let flag):
            done = true
            return .string(flag ? "true" : "false")
        case .null:
            return value
        case .array(let elements):
            return .array(elements.map { retype($0, done: &done) })
        case .object(let members):
            var result = members
            for key in members.keys.sorted() {
                result[key] = retype(members[key]!, done: &done)
                if done { break }
            }
            return .object(result)
        }
    }

    /// The value without the first required field the schema documents and the value has.
    static func withoutRequiredField(_ value: JSONValue, schema: Schema?) -> JSONValue {
        guard let schema, case .object(var members) = value else {
            // Envelopes (Tencent): drop the first member; every envelope field is required.
            if case .object(var members) = value, let key = members.keys.sorted().first {
                members[key] = nil
                return .object(members)
            }
            return value
        }
        for property in schema.properties where property.required && members[property.name] != nil {
            members[property.name] = nil
            return .object(members)
        }
        for property in schema.properties where property.schema.kind == .object {
            guard let inner = members[property.name], case .object = inner else { continue }
            let stripped = withoutRequiredField(inner, schema: property.schema)
            if stripped != inner {
                members[property.name] = stripped
                return .object(members)
            }
        }
        return value
    }
}
