/// The last observed state of each resource, bounded: past `capacity` resources the least
/// recently touched tenth is forgotten, so memory stays flat on endless traffic. A forgotten
/// resource is simply unknown again: its next observation starts fresh, no finding is lost
/// that could be proven.
///
/// Laid out for size, since at the cap it holds 100,000 resources: a key names its kind
/// (service and resource type) by a number the table hands out, an entry keeps its id (a UUID
/// as its 128 bits, `ResourceID`) and its field values inline in one dense array, and the hash
/// table over it is an array of 8-byte buckets of our own. Round 6 replaced names in each key
/// and a dictionary of values per entry (at the cap, 1 GiB of traffic, one job: 102 MiB peak,
/// then 75 MiB); round 8 replaced the `[Key: Int32]` dictionary and the ids as strings. The
/// dictionary held 100,001 keys of 32 bytes in 262,144 buckets (a Swift dictionary is at most
/// three quarters full, and 131,072 hold only 98,304), all of them touched, 9 MiB; each UUID
/// took an 80-byte heap block, 8 MiB. The same cap now takes 2 MiB of buckets and 80 bytes
/// per entry.
struct ResourceStates {
    /// A kind of resource: a service's resource type, numbered by `kind(service:resource:)`.
    typealias Kind = Int32

    /// One resource: its kind and its id, with the id's hash worked out once.
    struct Key {
        let kind: Kind
        let id: ResourceID
        /// The id's hash: where the key's search starts and what a bucket compares before the
        /// entry. Ids are unique well beyond one resource type, so the kind is only compared.
        let fingerprint: Int

        init(kind: Kind, id: String) {
            self.kind = kind
            self.id = ResourceID(id)
            fingerprint = self.id.hashValue
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

        /// The first field's number, or -1 for none. Three stored properties rather than an
        /// optional `Slot`, which takes 24 bytes with its tag where these take 16.
        private var firstField: Int32 = -1
        private var firstInferred = false
        private var firstValue: Double = 0
        private var rest: [Slot] = []

        subscript(field: Int32) -> (value: Double, inferred: Bool)? {
            if firstField == field { return (firstValue, firstInferred) }
            guard let slot = rest.first(where: { $0.field == field }) else { return nil }
            return (slot.value, slot.inferred)
        }

        mutating func set(_ field: Int32, to value: Double, inferred: Bool) {
            if firstField < 0 || firstField == field {
                firstField = field
                firstValue = value
                firstInferred = inferred
            } else if let index = rest.firstIndex(where: { $0.field == field }) {
                rest[index] = Slot(field: field, inferred: inferred, value: value)
            } else {
                rest.append(Slot(field: field, inferred: inferred, value: value))
            }
        }
    }

    /// One resource's slot in `entries`. The small fields follow the id, which leaves 7 bytes
    /// of its 24 unused, so that an entry takes 80 bytes.
    private struct Entry {
        var id: ResourceID
        /// `true` when the state was inferred from an accepted mutation, not seen in a response.
        var inferred: Bool
        var kind: Kind
        var fingerprint: Int
        /// When it was last touched, by `clock`; 0 for a free slot.
        var touched: UInt64
        var state: String?
        var values: FieldValues

        init(_ key: Key, touched: UInt64) {
            id = key.id
            inferred = false
            kind = key.kind
            fingerprint = key.fingerprint
            self.touched = touched
            state = nil
            values = FieldValues()
        }

        /// A slot forgotten, free for the next new resource: it holds nothing on the heap.
        static let free = Entry(Key(kind: -1, id: ""), touched: 0)
    }

    /// The bytes an entry takes in `entries` (80: see `Entry`).
    static var entryStride: Int { MemoryLayout<Entry>.stride }

    private struct KindName: Hashable {
        let service: String
        let resource: String
    }

    let capacity: Int
    private var kinds: [KindName: Kind] = [:]
    /// Field names, numbered in the order first met; the relations name a handful.
    private var fields: [String: Int32] = [:]
    /// The resources, each in a slot that stays its own until it is forgotten.
    private var entries: [Entry] = []
    /// Slots of `entries` forgotten and free for the next new resource.
    private var free: [Int32] = []
    /// The hash table: open addressing, searched one bucket after the other from the key's
    /// fingerprint, a power of two of them and at most half in use. A bucket holds the upper
    /// 32 bits of its entry's fingerprint and its slot in `entries` plus one; 0 is empty.
    /// There is no removal: forgetting (a tenth at a time) builds the table again.
    private var buckets: [UInt64] = Array(repeating: 0, count: 16)
    private(set) var count = 0
    private var clock: UInt64 = 0

    /// At most `Int32.max - 1` resources: a slot is an `Int32`, and a bucket keeps it plus one
    /// in 32 bits (a table that size would take 160 GiB).
    init(capacity: Int) {
        self.capacity = min(max(1, capacity), Int(Int32.max) - 1)
    }

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
        guard let slot = slot(of: key), let state = entries[slot].state else { return nil }
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
        guard let field = fields[field], let slot = slot(of: key) else { return nil }
        return entries[slot].values[field]
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

    /// The key's slot in `entries`, if it has one.
    private func slot(of key: Key) -> Int? {
        let mask = buckets.count - 1
        let tag = Self.tag(key.fingerprint)
        var index = key.fingerprint & mask
        while true {
            let bucket = buckets[index]
            if bucket == 0 { return nil }
            if bucket & Self.tagBits == tag {
                let slot = Int(truncatingIfNeeded: bucket & ~Self.tagBits) - 1
                if entries[slot].kind == key.kind, entries[slot].id == key.id { return slot }
            }
            index = (index + 1) & mask
        }
    }

    private static let tagBits: UInt64 = 0xFFFF_FFFF_0000_0000

    /// The upper half of a fingerprint, where a bucket keeps it. The lower half picks the
    /// first bucket, so the two halves sort keys independently.
    private static func tag(_ fingerprint: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: fingerprint) & tagBits
    }

    /// Puts a slot in the first empty bucket from its fingerprint's.
    private mutating func place(_ slot: Int, fingerprint: Int) {
        let mask = buckets.count - 1
        var index = fingerprint & mask
        while buckets[index] != 0 { index = (index + 1) & mask }
        buckets[index] = Self.tag(fingerprint) | UInt64(slot + 1)
    }

    /// Builds the hash table again from the entries in use, with `size` buckets.
    private mutating func rebuild(buckets size: Int) {
        buckets = Array(repeating: 0, count: size)
        for slot in entries.indices where entries[slot].touched > 0 {
            place(slot, fingerprint: entries[slot].fingerprint)
        }
    }

    /// Changes the entry in place, making it if new: one search, no copy of its values.
    private mutating func update(_ key: Key, _ change: (inout Entry) -> Void) {
        clock += 1
        let now = clock
        let slot: Int
        if let existing = self.slot(of: key) {
            slot = existing
        } else {
            if (count + 1) * 2 > buckets.count { rebuild(buckets: buckets.count * 2) }
            if let reused = free.popLast() {
                slot = Int(reused)
                entries[slot] = Entry(key, touched: now)
            } else {
                slot = entries.count
                entries.append(Entry(key, touched: now))
            }
            place(slot, fingerprint: key.fingerprint)
            count += 1
        }
        entries[slot].touched = now
        change(&entries[slot])
        if count > capacity { evict() }
    }

    /// Drops the least recently touched tenth (at least one). Touch times are unique (each
    /// touch takes the next tick of the clock), so the `drop`-th smallest is the cut.
    ///
    /// It runs on the thread that follows states, which the lanes wait on for new work, so it
    /// is kept short: the cut is selected, not sorted for, and the dense entries are read in
    /// order, for their times and then to free those at or below the cut, before the hash
    /// table is built again from what is left. Sorting all touch times and reading each entry
    /// through the table took 9.5% of `--jobs 1`'s CPU time on 1 GiB of traffic (500,000
    /// volumes, 40 evictions of 10,000), in bursts of about 12 ms, while a lane holds well under
    /// a millisecond of work ahead; selecting the cut, 4.6%.
    private mutating func evict() {
        let drop = min(max(1, capacity / 10), count)
        guard drop > 0 else { return }
        var times: [UInt64] = []
        times.reserveCapacity(count)
        for entry in entries where entry.touched > 0 { times.append(entry.touched) }
        let cut = Self.smallest(drop - 1, in: &times)
        for slot in entries.indices where entries[slot].touched > 0 && entries[slot].touched <= cut {
            // The state and values go now; the slot is reused by the next new resource.
            entries[slot] = Entry.free
            free.append(Int32(slot))
            count -= 1
        }
        rebuild(buckets: buckets.count)
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

/// A resource's id as `ResourceStates` keeps it: a UUID spelled the canonical way (36
/// characters, lowercase hexadecimal digits, dashes after the 8th, 12th, 16th and 20th: the
/// Huawei services' volume, snapshot and server ids) as its 128 bits inline, any other id as
/// its string. Two ids are equal exactly when their strings are: whether an id is packed
/// depends on its characters alone, and only the one spelling is packed, so an uppercase UUID
/// stays a string and apart from its lowercase twin. Packed, a UUID takes no allocation; as a
/// string its 36 bytes took an 80-byte heap block, and its hash read them all.
struct ResourceID: Hashable {
    private enum Storage: Hashable {
        case uuid(UInt64, UInt64)
        case text(String)
    }

    private let storage: Storage

    init(_ id: String) {
        if let (high, low) = Self.pack(id) {
            storage = .uuid(high, low)
        } else {
            storage = .text(id)
        }
    }

    /// Whether the id is kept as a UUID's 128 bits.
    var isPacked: Bool {
        if case .uuid = storage { return true }
        return false
    }

    /// The 128 bits of a canonically spelled UUID, or `nil` for any other string.
    private static func pack(_ id: String) -> (UInt64, UInt64)? {
        guard id.utf8.count == 36 else { return nil }
        var id = id
        return id.withUTF8 { bytes -> (UInt64, UInt64)? in
            var high: UInt64 = 0
            var low: UInt64 = 0
            var digits = 0
            for index in 0..<36 {
                let byte = bytes[index]
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard byte == UInt8(ascii: "-") else { return nil }
                    continue
                }
                let nibble: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte &- UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte &- UInt8(ascii: "a") &+ 10
                default: return nil
                }
                if digits < 16 {
                    high = high << 4 | UInt64(nibble)
                } else {
                    low = low << 4 | UInt64(nibble)
                }
                digits += 1
            }
            return (high, low)
        }
    }
}
