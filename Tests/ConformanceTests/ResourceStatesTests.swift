import ConformanceModel
import Testing
@testable import Conformance

/// `ResourceStates` packs its table for size (numbered kinds and fields, slots reused after
/// eviction). These tests hold it to a plain model written the obvious way: a dictionary from
/// (service, resource, id) to the state, the values and a touch time, that forgets the least
/// recently touched tenth past its capacity.
@Suite("Resource states")
struct ResourceStatesTests {
    /// The obvious table.
    struct Model {
        struct Key: Hashable {
            var service: String
            var resource: String
            var id: String
        }

        struct Entry {
            var state: String?
            var inferred = false
            var values: [String: (value: Double, inferred: Bool)] = [:]
            var touched: UInt64
        }

        let capacity: Int
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0

        mutating func lookup(_ key: Key) -> (state: String, inferred: Bool)? {
            guard let state = entries[key]?.state else { return nil }
            clock += 1
            entries[key]?.touched = clock
            return (state, entries[key]!.inferred)
        }

        mutating func update(_ key: Key, _ change: (inout Entry) -> Void) {
            clock += 1
            var entry = entries[key] ?? Entry(touched: clock)
            entry.touched = clock
            change(&entry)
            entries[key] = entry
            guard entries.count > capacity else { return }
            let drop = max(1, capacity / 10)
            let oldest = entries.sorted { $0.value.touched < $1.value.touched }.prefix(drop).map(\.key)
            for key in oldest { entries[key] = nil }
        }
    }

    static let kinds: [(service: String, resource: String)] = [("huawei-evs", "volume"), ("huawei-evs", "snapshot"), ("huawei-ecs", "server")]
    static let states = ["creating", "available", "in-use", "error", "deleting"]
    static let fields = ["size", "count"]

    @Test("matches the plain model over random traffic, evictions included", arguments: [7, 50, 1_000])
    func matchesTheModel(capacity: Int) {
        var random = SplitMix64(seed: UInt64(capacity))
        var table = ResourceStates(capacity: capacity)
        var model = Model(capacity: capacity)
        // More ids than the capacity, so that resources are forgotten and come back: short
        // ids, UUIDs as the Huawei services write them (kept as 128 bits), and the same UUIDs
        // in uppercase (kept as strings, and other resources).
        let ids = (0..<(capacity * 2 + 3)).map { number -> String in
            let uuid = Self.uuid(number)
            return [("id-\(number)"), uuid, uuid.uppercased()][number % 3]
        }
        for step in 0..<20_000 {
            let kind = Self.kinds.randomElement(using: &random)!
            let id = ids.randomElement(using: &random)!
            let modelKey = Model.Key(service: kind.service, resource: kind.resource, id: id)
            let key = ResourceStates.Key(kind: table.kind(service: kind.service, resource: kind.resource), id: id)
            let state = Self.states.randomElement(using: &random)!
            let field = Self.fields.randomElement(using: &random)!
            let number = Double(Int.random(in: 1...100, using: &random))
            let inferred = Bool.random(using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                let got = table.lookup(key)
                let expected = model.lookup(modelKey)
                #expect(got?.state == expected?.state && got?.inferred == expected?.inferred, "step \(step): lookup")
            case 1:
                table.set(state, for: key, inferred: inferred)
                model.update(modelKey) { $0.state = state; $0.inferred = inferred }
            case 2:
                let values = Bool.random(using: &random) ? [(field: field, value: number)] : []
                let previous = table.record(state, values: values, for: key, inferred: inferred)
                var expected: String?
                model.update(modelKey) { entry in
                    expected = entry.state
                    entry.state = state
                    entry.inferred = inferred
                    for (field, value) in values { entry.values[field] = (value, false) }
                }
                #expect(previous == expected, "step \(step): record")
            case 3:
                table.set(field, to: number, for: key, inferred: inferred)
                model.update(modelKey) { $0.values[field] = (number, inferred) }
            default:
                let got = table.value(field, of: key)
                let expected = model.entries[modelKey]?.values[field]
                #expect(got?.value == expected?.value && got?.inferred == expected?.inferred, "step \(step): value")
            }
            #expect(table.count == model.entries.count, "step \(step): count")
        }
        for (key, entry) in model.entries {
            let tableKey = table.key(service: key.service, resource: key.resource, id: key.id)
            #expect(tableKey.flatMap { table.value("size", of: $0)?.value } == entry.values["size"]?.value)
        }
    }

    /// A canonical UUID whose digits depend on `number`.
    static func uuid(_ number: Int) -> String {
        let hex = String(UInt64(number) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let digits = String(repeating: "0", count: 32 - hex.count) + hex
        let characters = Array(digits)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    @Test("a UUID is packed only when spelled canonically, and ids are equal exactly when their strings are")
    func resourceIDs() {
        let canonical = "6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11"
        #expect(ResourceID(canonical).isPacked)
        #expect(ResourceID(canonical) == ResourceID(String(canonical.reversed().reversed())))
        #expect(ResourceID(canonical).hashValue == ResourceID(canonical).hashValue)
        let others = [
            canonical.uppercased(),                            // uppercase digits
            "6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a1",             // 35 characters
            "6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a110",           // 37
            "6d61f3e94-b2c-4a8b-9e8f-2f3c1b0d2a11",            // a dash one place late
            "6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a1g",            // not a hexadecimal digit
            "6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a1\u{e9}",       // 36 characters, 37 bytes
            "{6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a1}",
        ]
        for other in others {
            #expect(!ResourceID(other).isPacked, "\(other)")
            #expect(ResourceID(other) != ResourceID(canonical), "\(other)")
            #expect(ResourceID(other) == ResourceID(other), "\(other)")
        }
        // Different UUIDs stay different, the last digit and the first alike.
        #expect(ResourceID(canonical) != ResourceID("6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a10"))
        #expect(ResourceID(canonical) != ResourceID("7d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11"))
        #expect(ResourceID("00000000-0000-0000-0000-000000000001") != ResourceID("00000000-0000-0001-0000-000000000000"))
    }

    @Test("an entry stays within 80 bytes, the size the table's memory figures are for")
    func entrySize() {
        #expect(ResourceStates.entryStride <= 80)
    }

    @Test("a kind never seen has no key, and kinds keep their numbers")
    func kinds() {
        var table = ResourceStates(capacity: 10)
        #expect(table.key(service: "huawei-evs", resource: "volume", id: "a") == nil)
        let volume = table.kind(service: "huawei-evs", resource: "volume")
        let server = table.kind(service: "huawei-ecs", resource: "server")
        #expect(volume != server)
        #expect(table.kind(service: "huawei-evs", resource: "volume") == volume)
        table.set("available", for: ResourceStates.Key(kind: volume, id: "a"))
        // The same id under another kind is another resource.
        #expect(table.lookup(ResourceStates.Key(kind: server, id: "a")) == nil)
        #expect(table.key(service: "huawei-evs", resource: "volume", id: "a").flatMap { table.state(of: $0) } == "available")
    }

    @Test("the eviction's cut, selected, is the value sorting would put at that rank", arguments: [1, 2, 3, 10, 257, 5_000])
    func selectionMatchesSorting(count: Int) {
        var random = SplitMix64(seed: UInt64(count) &* 7919)
        for round in 0..<20 {
            // Unique times as the clock gives them, and (every other round) values drawn from
            // a few, so that equal values around the pivot are covered too.
            var values: [UInt64] = round % 2 == 0
                ? Array(1...UInt64(count)).shuffled(using: &random)
                : (0..<count).map { _ in UInt64.random(in: 0...5, using: &random) }
            let sorted = values.sorted()
            let rank = Int.random(in: 0..<count, using: &random)
            let original = values
            #expect(ResourceStates.smallest(rank, in: &values) == sorted[rank])
            #expect(values.sorted() == original.sorted(), "selection only reorders")
        }
    }
}
