import Synchronization

/// What a verify run created and still has to delete, and which ids it owns.
///
/// The safety rules (DESIGN.md "The live runner never modifies or deletes a resource it did not
/// create itself in that run") are checked against ``owns(_:)``: an id is owned only when a
/// create step of this run captured it from the endpoint's answer. Entries are deleted last
/// created, first deleted (a snapshot before its volume).
public final class CleanupLedger: Sendable {
    /// One created resource that is still to be deleted.
    public struct Entry: Sendable, Hashable {
        /// The scenario that created it.
        public var scenario: String
        /// The variable that holds its id (`volume_id`).
        public var variable: String
        /// The id.
        public var id: String
        /// The step that deletes it.
        public var cleanup: CleanupStep
        /// The variables at creation time, to fill the cleanup step's placeholders.
        public var variables: [String: String]
    }

    private struct State {
        var owned: Set<String> = []
        var pending: [Entry] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Records a created resource: its id becomes owned and its cleanup pending.
    public func register(_ entry: Entry) {
        state.withLock {
            $0.owned.insert(entry.id)
            $0.pending.append(entry)
        }
    }

    /// Records a resource the user named (`--resource volume_id=ID`): it may be changed (with
    /// `--allow-mutations`), and is never deleted by the run.
    public func adopt(_ id: String) {
        state.withLock { _ = $0.owned.insert(id) }
    }

    /// Notes that the resource with `id` was deleted by a scenario step: no cleanup needed.
    public func released(_ id: String) {
        state.withLock { $0.pending.removeAll { $0.id == id } }
    }

    /// Whether this run created the resource with `id`.
    public func owns(_ id: String) -> Bool {
        state.withLock { $0.owned.contains(id) }
    }

    /// Removes and returns the pending entries of `scenario` (all when nil), newest first.
    public func takePending(scenario: String? = nil) -> [Entry] {
        state.withLock { state in
            let taken = state.pending.filter { scenario == nil || $0.scenario == scenario }
            state.pending.removeAll { scenario == nil || $0.scenario == scenario }
            return taken.reversed()
        }
    }

    /// The pending entries, oldest first.
    public var pending: [Entry] { state.withLock { $0.pending } }
}
