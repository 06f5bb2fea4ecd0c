import HeapModule

/// A resource the mock keeps in a ``MockTable``: its id, the list filters it answers to, and
/// when its pending transition (if any) is due.
protocol MockIndexed: Sendable {
    var id: String { get }
    /// The keys of the lists the resource appears in (``MockTable/all`` is added by the table).
    var indexKeys: [String] { get }
    /// When its transitional state settles; nil when it is not in one.
    var dueAt: ContinuousClock.Instant? { get }
}

/// Resources by id, with an index per list filter and a queue of pending transitions, so that
/// no request walks every resource: a show is one dictionary look-up, a filtered list reads
/// only the matching ids (in creation order), and settling pops only the transitions that are
/// due. Handlers read and write it like a dictionary (`table[id] = resource`); the setter keeps
/// the indexes and the queue up to date.
struct MockTable<Resource: MockIndexed>: Sendable {
    /// The key of the list of every resource.
    static var all: String { "*" }

    private struct Stored: Sendable {
        var serial: UInt64
        var resource: Resource
        var keys: [String]
    }

    /// A resource's place in an index: creation order, then id.
    private struct Entry: Sendable, Comparable {
        var serial: UInt64
        var id: String
        static func < (left: Entry, right: Entry) -> Bool { left.serial < right.serial }
    }

    /// A pending transition in the due queue.
    private struct Due: Sendable, Comparable {
        var at: ContinuousClock.Instant
        var id: String
        static func < (left: Due, right: Due) -> Bool { left.at < right.at }
    }

    private var storage: [String: Stored] = [:]
    private var index: [String: [Entry]] = [:]
    private var due = Heap<Due>()
    private var serial: UInt64 = 0

    /// The resource with `id`, or nil; setting nil removes it.
    subscript(id: String) -> Resource? {
        get { storage[id]?.resource }
        set {
            let old = storage[id]
            guard let resource = newValue else {
                if let old {
                    for key in old.keys { remove(Entry(serial: old.serial, id: id), from: key) }
                    storage[id] = nil
                }
                return
            }
            let keys = [Self.all] + resource.indexKeys
            let entrySerial: UInt64
            if let old {
                entrySerial = old.serial
                if old.keys != keys {
                    for key in old.keys where !keys.contains(key) { remove(Entry(serial: old.serial, id: id), from: key) }
                    for key in keys where !old.keys.contains(key) { insert(Entry(serial: old.serial, id: id), into: key) }
                }
            } else {
                serial += 1
                entrySerial = serial
                for key in keys { insert(Entry(serial: entrySerial, id: id), into: key) }
            }
            if let at = resource.dueAt, at != old?.resource.dueAt { due.insert(Due(at: at, id: id)) }
            storage[id] = Stored(serial: entrySerial, resource: resource, keys: keys)
        }
    }

    /// How many resources there are.
    var count: Int { storage.count }

    /// How many resources the list `key` holds.
    func count(_ key: String) -> Int { index[key]?.count ?? 0 }

    /// The resources of list `key` in creation order, from `offset`, at most `limit`.
    func list(_ key: String, offset: Int = 0, limit: Int = .max) -> [Resource] {
        guard let entries = index[key], offset < entries.count else { return [] }
        let end = limit >= entries.count - offset ? entries.count : offset + limit
        return entries[offset..<end].compactMap { storage[$0.id]?.resource }
    }

    /// The resources whose pending transition is due at `now`, removed from the queue (the
    /// caller settles them and writes them back). A queued time that no longer matches the
    /// resource (its transition was replaced) is dropped.
    mutating func takeDue(now: ContinuousClock.Instant) -> [Resource] {
        var ready: [Resource] = []
        while let next = due.min, next.at <= now {
            _ = due.popMin()
            if let resource = storage[next.id]?.resource, resource.dueAt == next.at { ready.append(resource) }
        }
        return ready
    }

    // Both mutate the index's arrays in place: the positions are found in statements of their
    // own, so no second reference to an array is alive when it changes (which would copy it).
    private mutating func insert(_ entry: Entry, into key: String) {
        let position = index[key].flatMap { entries in entries.last.map { $0.serial > entry.serial } == true ? Self.position(of: entry.serial, in: entries) : nil }
        if let position {
            index[key]!.insert(entry, at: position)
        } else {
            index[key, default: []].append(entry)
        }
    }

    private mutating func remove(_ entry: Entry, from key: String) {
        let position = index[key].flatMap { entries -> Int? in
            let position = Self.position(of: entry.serial, in: entries)
            return position < entries.count && entries[position].serial == entry.serial ? position : nil
        }
        guard let position else { return }
        index[key]!.remove(at: position)
        if index[key]!.isEmpty { index[key] = nil }
    }

    /// The first position whose serial is not below `serial` (binary search).
    private static func position(of serial: UInt64, in entries: [Entry]) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].serial < serial { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
