/// The last observed state of each resource, bounded: past `capacity` resources the least
/// recently touched tenth is forgotten, so memory stays flat on endless traffic. A forgotten
/// resource is simply unknown again: its next observation starts fresh, no finding is lost
/// that could be proven.
///
/// Laid out for size, since at the cap it holds 100,000 resources: a key names its kind
/// (service and resource type) by a number the table hands out, the hash table maps keys to
/// slots in a dense array of entries, and an entry keeps its field values inline. Before,
/// keys carried both names and each entry a dictionary of values: at the cap (100,000 volumes
/// with a `size` each, 1 GiB of traffic, one job) the process peaked at 102 MiB, now 75 MiB.
struct ResourceStates {
    /// A kind of resource: a service's resource type, numbered by `kind(service:resource:)`.
    typealias Kind = Int32

    /// One resource: its kind and its id.
    struct Key: Hashable {
        let kind: Kind
        let id: String
        /// The id's hash, worked out once: the table rehashes every key each time it grows,
        /// and a lookup compares it before any string. Ids are unique well beyond one
        /// resource type, so the kind is only compared, not hashed.
        private let fingerprint: Int

        init(kind: Kind, id: String) {
            self.kind = kind
            self.id = id
            fingerprint = id.hashValue
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(fingerprint)
        }

        static func == (left: Key, right: Key) -> Bool {
            left.fingerprint == right.fingerprint && left.kind == right.kind && left.id == right.id
        }
    }

    /// The values of the fields the machines' relations compare with (`size`), each with
    /// whether it was inferred. One field (all the relations the docs give today) is kept
    /// inline; more go to an array.
    struct FieldValues {
        struct Slot {
            var field: Int32
            var inferred: Bool
            var value: Double
        }

        private var first: Slot?
        private var rest: [Slot] = []

        subscript(field: Int32) -> (value: Double, inferred: Bool)? {
            if let first, first.field == field { return (first.value, first.inferred) }
            guard let slot = rest.first(where: { $0.field == field }) else { return nil }
            return (slot.value, slot.inferred)
        }

        mutating func set(_ field: Int32, to value: Double, inferred: Bool) {
            let slot = Slot(field: field, inferred: inferred, value: value)
            if first == nil || first?.field == field {
                first = slot
            } else if let index = rest.firstIndex(where: { $0.field == field }) {
                rest[index] = slot
            } else {
                rest.append(slot)
            }
        }
    }

    private struct Entry {
        var state: String?
        /// `true` when the state was inferred from an accepted mutation, not seen in a response.
        var inferred: Bool
        var touched: UInt64
        var values = FieldValues()
    }

    private struct KindName: Hashable {
        let service: String
        let resource: String
    }

    let capacity: Int
    private var kinds: [KindName: Kind] = [:]
    /// Field names, numbered in the order first met; the relations name a handful.
    private var fields: [String: Int32] = [:]
    /// Each resource's slot in `entries`.
    private var slots: [Key: Int32] = [:]
    private var entries: [Entry] = []
    /// Slots of `entries` forgotten and free for the next new resource.
    private var free: [Int32] = []
    private var clock: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { slots.count }

    /// The number of resources of `resource` in `service`, handed out on first use.
    mutating func kind(service: String, resource: String) -> Kind {
        let name = KindName(service: service, resource: resource)
        if let kind = kinds[name] { return kind }
        let kind = Kind(kinds.count)
        kinds[name] = kind
        return kind
    }

    /// The key of a resource, or `nil` when no resource of its kind was ever seen.
    func key(service: String, resource: String, id: String) -> Key? {
        kinds[KindName(service: service, resource: resource)].map { Key(kind: $0, id: id) }
    }

    mutating func state(of key: Key) -> String? {
        lookup(key)?.state
    }

    /// The state and whether it was inferred.
    mutating func lookup(_ key: Key) -> (state: String, inferred: Bool)? {
        guard let slot = slots[key].map(Int.init), let state = entries[slot].state else { return nil }
        clock += 1
        entries[slot].touched = clock
        return (state, entries[slot].inferred)
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
        let numbered = values.map { (field: number(of: $0.field), value: $0.value) }
        var previous: String?
        update(key) { entry in
            previous = entry.state
            entry.state = state
            entry.inferred = inferred
            for (field, value) in numbered { entry.values.set(field, to: value, inferred: false) }
        }
        return previous
    }

    /// The last value of `field` and whether it was inferred.
    func value(_ field: String, of key: Key) -> (value: Double, inferred: Bool)? {
        guard let field = fields[field], let slot = slots[key] else { return nil }
        return entries[Int(slot)].values[field]
    }

    mutating func set(_ field: String, to value: Double, for key: Key, inferred: Bool = false) {
        let field = number(of: field)
        update(key) { $0.values.set(field, to: value, inferred: inferred) }
    }

    private mutating func number(of field: String) -> Int32 {
        if let number = fields[field] { return number }
        let number = Int32(fields.count)
        fields[field] = number
        return number
    }

    /// Changes the entry in place, making it if new: one hash lookup, no copy of its values.
    private mutating func update(_ key: Key, _ change: (inout Entry) -> Void) {
        clock += 1
        let now = clock
        let slot: Int
        if let existing = slots[key] {
            slot = Int(existing)
        } else if let reused = free.popLast() {
            slot = Int(reused)
            entries[slot] = Entry(state: nil, inferred: false, touched: now)
            slots[key] = reused
        } else {
            slot = entries.count
            entries.append(Entry(state: nil, inferred: false, touched: now))
            slots[key] = Int32(slot)
        }
        entries[slot].touched = now
        change(&entries[slot])
        if slots.count > capacity { evict() }
    }

    /// Drops the least recently touched tenth (at least one). Touch times are unique (each
    /// touch takes the next tick of the clock), so the `drop`-th smallest is the cut.
    ///
    /// It runs on the thread that follows states, which the lanes wait on for new work, so it
    /// is kept short: the cut is selected, not sorted for, and the dense entries are read in
    /// order (for their times, then into a mark per slot that the scan of the hash table reads)
    /// instead of one by one through the table. Sorting all touch times and reading each entry
    /// through the table took 9.5% of `--jobs 1`'s CPU time on 1 GiB of traffic (500,000
    /// volumes, 40 evictions of 10,000), in bursts of about 12 ms, while a lane holds well under
    /// a millisecond of work ahead; now 4.6%.
    private mutating func evict() {
        let drop = min(max(1, capacity / 10), slots.count)
        guard drop > 0 else { return }
        // A slot in use has been touched (the clock starts at 1); a free one is reset to 0.
        var times: [UInt64] = []
        times.reserveCapacity(slots.count)
        for entry in entries where entry.touched > 0 { times.append(entry.touched) }
        let cut = Self.smallest(drop - 1, in: &times)
        let doomed = entries.map { $0.touched > 0 && $0.touched <= cut }
        var oldest: [Key] = []
        oldest.reserveCapacity(drop)
        for index in slots.indices where doomed[Int(slots.values[index])] { oldest.append(slots.keys[index]) }
        for key in oldest {
            guard let slot = slots.removeValue(forKey: key) else { continue }
            // The state and values go now; the slot is reused by the next new resource.
            entries[Int(slot)] = Entry(state: nil, inferred: false, touched: 0)
            free.append(slot)
        }
    }

    /// The `rank`-th smallest of `values` (0 the smallest), found by selection (Hoare's
    /// partition around the median of three, on the part that holds the rank), in time linear
    /// in the count on average. `values` is reordered. `rank` must be an index of `values`.
    static func smallest(_ rank: Int, in values: inout [UInt64]) -> UInt64 {
        precondition(values.indices.contains(rank), "rank \(rank) out of \(values.count) values")
        return values.withUnsafeMutableBufferPointer { buffer in
            var low = 0
            var high = buffer.count - 1
            while low < high {
                let middle = low + (high - low) / 2
                // The median of the first, middle and last as the pivot.
                if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
                if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
                if buffer[high] < buffer[middle] { buffer.swapAt(high, middle) }
                let pivot = buffer[middle]
                var left = low
                var right = high
                while left <= right {
                    while buffer[left] < pivot { left += 1 }
                    while buffer[right] > pivot { right -= 1 }
                    if left <= right {
                        buffer.swapAt(left, right)
                        left += 1
                        right -= 1
                    }
                }
                // Now low...right holds values at most the pivot, left...high at least it, and
                // anything between equals it.
                if rank <= right {
                    high = right
                } else if rank >= left {
                    low = left
                } else {
                    return buffer[rank]
                }
            }
            return buffer[rank]
        }
    }
}
