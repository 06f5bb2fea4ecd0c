/// The last observed state of each resource, bounded: past `capacity` resources the least
/// recently touched tenth is forgotten, so memory stays flat on endless traffic. A forgotten
/// resource is simply unknown again: its next observation starts fresh, no finding is lost
/// that could be proven.
struct ResourceStates {
    struct Key: Hashable {
        let service: String
        let resource: String
        let id: String
        /// The id's hash, worked out once: the table rehashes every key each time it grows,
        /// and a lookup compares it before any string. Ids are unique well beyond one
        /// resource type, so the service and resource names are only compared, not hashed.
        private let fingerprint: Int

        init(service: String, resource: String, id: String) {
            self.service = service
            self.resource = resource
            self.id = id
            fingerprint = id.hashValue
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(fingerprint)
        }

        static func == (left: Key, right: Key) -> Bool {
            left.fingerprint == right.fingerprint && left.id == right.id && left.resource == right.resource && left.service == right.service
        }
    }

    private struct Entry {
        var state: String?
        /// `true` when the state was inferred from an accepted mutation, not seen in a response.
        var inferred: Bool
        /// Values of fields the machine's relations compare with (`size`), and whether each was inferred.
        var values: [String: (value: Double, inferred: Bool)] = [:]
        var touched: UInt64
    }

    let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { entries.count }

    mutating func state(of key: Key) -> String? {
        lookup(key)?.state
    }

    /// The state and whether it was inferred.
    mutating func lookup(_ key: Key) -> (state: String, inferred: Bool)? {
        guard let index = entries.index(forKey: key), let state = entries.values[index].state else { return nil }
        clock += 1
        entries.values[index].touched = clock
        return (state, entries.values[index].inferred)
    }

    mutating func set(_ state: String, for key: Key, inferred: Bool = false) {
        update(key) { entry in
            entry.state = state
            entry.inferred = inferred
        }
    }

    /// Sets a state a response showed and the values beside it, and returns the state before:
    /// one hash lookup for what would otherwise be a read and a write per field. The values
    /// are seen, never inferred; `inferred` is about the state alone (a mutation's answer).
    mutating func record(_ state: String, values: [(field: String, value: Double)], for key: Key, inferred: Bool) -> String? {
        var previous: String?
        update(key) { entry in
            previous = entry.state
            entry.state = state
            entry.inferred = inferred
            for (field, value) in values { entry.values[field] = (value, false) }
        }
        return previous
    }

    /// The last value of `field` and whether it was inferred.
    mutating func value(_ field: String, of key: Key) -> (value: Double, inferred: Bool)? {
        guard let entry = entries[key] else { return nil }
        return entry.values[field]
    }

    mutating func set(_ field: String, to value: Double, for key: Key, inferred: Bool = false) {
        update(key) { $0.values[field] = (value, inferred) }
    }

    /// Changes the entry in place: one hash lookup, no copy of its values.
    private mutating func update(_ key: Key, _ change: (inout Entry) -> Void) {
        clock += 1
        let now = clock
        Self.touch(&entries[key, default: Entry(state: nil, inferred: false, touched: now)], at: now, change)
        if entries.count > capacity { evict() }
    }

    private static func touch(_ entry: inout Entry, at time: UInt64, _ change: (inout Entry) -> Void) {
        entry.touched = time
        change(&entry)
    }

    /// Drops the least recently touched tenth (at least one). Touch times are unique (each
    /// touch takes the next tick of the clock), so the `drop`-th smallest is the cut: found by
    /// sorting the times alone, not the entries with their keys and values.
    private mutating func evict() {
        let drop = min(max(1, capacity / 10), entries.count)
        guard drop > 0 else { return }
        var times = entries.values.map(\.touched)
        times.sort()
        let cut = times[drop - 1]
        var oldest: [Key] = []
        oldest.reserveCapacity(drop)
        for index in entries.indices where entries.values[index].touched <= cut { oldest.append(entries.keys[index]) }
        for key in oldest { entries[key] = nil }
    }
}
