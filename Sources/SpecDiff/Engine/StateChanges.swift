import ConformanceModel

/// Compares the resource state tables of two sides, and the documented transitions between states.
///
/// States are in the spec (`stateTables`, from A.3 云硬盘状态 and A.4 云硬盘快照状态), so they
/// are compared value by value. Transitions are not: the docs have no transition table, and the
/// transitions live in the hand-written state machines (`Rules.stateMachines`), which have no
/// document revision of their own. Comparing the current build's machine with itself would
/// always be empty, and inventing transitions from the tables would be guessing. So the decision:
///
/// - Only the transitions of the current build's machines are compared, and only those that
///   cite a sentence. Tolerated transitions (the machines' `tolerated … because:`) were never
///   stated by the docs, so no revision of the docs can add or remove them.
/// - A transition counts as documented on a side when both its states are in that side's state
///   table for the resource, and the sentence it cites is in that side's text that extraction
///   keeps: the state descriptions and console names of the table, and the operations'
///   constraint sentences (接口约束) and summaries. Sentences are compared without white space,
///   since the PDF export wraps lines in the middle of Chinese sentences.
/// - A transition documented in OLD and not in NEW is `state-transition-removed` when both of
///   its states are still in NEW's table; when one of them is gone, `state-removed` says so and
///   counts the transitions that went with it, instead of one change per transition.
/// - The other way round, `state-transition-added` and `state-added`.
///
/// What this cannot see: a transition the NEW docs state that no machine encodes yet. That is a
/// gap of the machines, which a reviewer closes by adding the transition with its citation.
enum StateChanges {
    static func compare(old: ServiceSpec, new: ServiceSpec, machines: [StateMachine], into log: inout ChangeLog) {
        let newTables = Dictionary(new.stateTables.map { ($0.resource, $0) }, uniquingKeysWith: { first, _ in first })
        let oldTables = Dictionary(old.stateTables.map { ($0.resource, $0) }, uniquingKeysWith: { first, _ in first })
        for table in old.stateTables where newTables[table.resource] == nil {
            log.add(.stateTableRemoved, pointer: "/" + table.resource, old: .array(table.states.map { .string($0.value) }),
                    oldSource: ChangeSource(table.source ?? ServiceTableChanges.primaryDocument(of: old), quote: table.title),
                    newSource: ChangeSource(ServiceTableChanges.primaryDocument(of: new), absent: true),
                    message: "the \(table.resource) state table (\(table.title), \(table.states.count) states) is gone")
        }
        for table in new.stateTables where oldTables[table.resource] == nil {
            log.add(.stateTableAdded, pointer: "/" + table.resource, new: .array(table.states.map { .string($0.value) }),
                    oldSource: ChangeSource(ServiceTableChanges.primaryDocument(of: old), absent: true),
                    newSource: ChangeSource(table.source ?? ServiceTableChanges.primaryDocument(of: new), quote: table.title),
                    message: "a new \(table.resource) state table (\(table.title), \(table.states.count) states)")
        }
        for newTable in new.stateTables {
            guard let oldTable = oldTables[newTable.resource] else { continue }
            let machine = machines.first { $0.service == new.service && $0.resource == newTable.resource }
            compare(oldTable, newTable, old: old, new: new, machine: machine, into: &log)
        }
    }

    private static func compare(_ oldTable: StateTable, _ newTable: StateTable, old: ServiceSpec, new: ServiceSpec, machine: StateMachine?, into log: inout ChangeLog) {
        let resource = newTable.resource
        let oldText = SideText(spec: old, table: oldTable)
        let newText = SideText(spec: new, table: newTable)
        let cited = machine?.transitions.filter { !$0.tolerated } ?? []
        let oldDocumented = cited.compactMap { transition in oldText.documents(transition).map { (transition, $0) } }
        let newDocumented = cited.compactMap { transition in newText.documents(transition).map { (transition, $0) } }
        let oldValues = Set(oldTable.states.map(\.value))
        let newValues = Set(newTable.states.map(\.value))
        for state in oldTable.states where !newValues.contains(state.value) {
            let through = oldDocumented.filter { $0.0.from == state.value || $0.0.to == state.value }.count
            log.add(.stateRemoved, pointer: "/\(resource)/\(state.value)", old: .string(state.value),
                    oldSource: ChangeSource(oldTable.source, quote: stateWords(state)),
                    newSource: ChangeSource(newTable.source, quote: newTable.title, absent: true),
                    message: "the \(resource) state \(state.value) is no longer in the state table" + transitionsNote(through, "went with it"))
        }
        for state in newTable.states where !oldValues.contains(state.value) {
            let through = newDocumented.filter { $0.0.from == state.value || $0.0.to == state.value }.count
            log.add(.stateAdded, pointer: "/\(resource)/\(state.value)", new: .string(state.value),
                    oldSource: ChangeSource(oldTable.source, quote: oldTable.title, absent: true),
                    newSource: ChangeSource(newTable.source, quote: stateWords(state)),
                    message: "a new \(resource) state \(state.value)" + transitionsNote(through, "come with it"))
        }
        for newState in newTable.states {
            guard let oldState = oldTable.states.first(where: { $0.value == newState.value }), oldState.consoleName != newState.consoleName else { continue }
            log.add(.stateConsoleNameChanged, pointer: "/\(resource)/\(newState.value)",
                    old: oldState.consoleName.map(JSONValue.string), new: newState.consoleName.map(JSONValue.string),
                    oldSource: ChangeSource(oldTable.source, quote: stateWords(oldState)), newSource: ChangeSource(newTable.source, quote: stateWords(newState)),
                    message: "the console name of the \(resource) state \(newState.value) changed from \(oldState.consoleName ?? "none") to \(newState.consoleName ?? "none")")
        }
        let newKeys = Set(newDocumented.map { $0.0 })
        let oldKeys = Set(oldDocumented.map { $0.0 })
        for (transition, source) in oldDocumented where !newKeys.contains(transition) && newValues.contains(transition.from) && newValues.contains(transition.to) {
            log.add(.stateTransitionRemoved, pointer: "/\(resource)/\(transition.from)/\(transition.to)",
                    old: .string("\(transition.from) → \(transition.to)"),
                    oldSource: source, newSource: ChangeSource(newTable.source, quote: nil, absent: true),
                    message: "the \(resource) transition \(transition.from) → \(transition.to) is no longer documented (its sentence is gone: \(DocWords.clipped(transition.citation!.sentence, limit: 80)))")
        }
        for (transition, source) in newDocumented where !oldKeys.contains(transition) && oldValues.contains(transition.from) && oldValues.contains(transition.to) {
            log.add(.stateTransitionAdded, pointer: "/\(resource)/\(transition.from)/\(transition.to)",
                    new: .string("\(transition.from) → \(transition.to)"),
                    oldSource: ChangeSource(oldTable.source, quote: nil, absent: true), newSource: source,
                    message: "the \(resource) transition \(transition.from) → \(transition.to) is now documented")
        }
    }

    private static func stateWords(_ state: StateTable.State) -> String {
        [state.value, state.consoleName, state.description].compactMap { $0 }.joined(separator: " · ")
    }

    private static func transitionsNote(_ count: Int, _ verb: String) -> String {
        count == 0 ? "" : "; \(count) documented transition\(count == 1 ? "" : "s") \(verb)"
    }

    /// The texts of one side in which cited sentences are looked up, each with its place.
    private struct SideText {
        var states: Set<String>
        var texts: [(squeezed: String, source: DocReference?)]

        init(spec: ServiceSpec, table: StateTable) {
            states = Set(table.states.map(\.value))
            texts = table.states.map { state in
                (DocWords.squeezed([state.consoleName, state.description].compactMap { $0 }.joined(separator: "。")), table.source)
            }
            for operation in spec.operations {
                for text in operation.constraints + [operation.summary].compactMap({ $0 }) {
                    texts.append((DocWords.squeezed(text), operation.source))
                }
            }
        }

        /// Where the side documents `transition`, or `nil` when it does not.
        func documents(_ transition: StateMachine.Transition) -> ChangeSource? {
            guard let citation = transition.citation, states.contains(transition.from), states.contains(transition.to) else { return nil }
            let sentence = DocWords.squeezed(citation.sentence)
            guard let hit = texts.first(where: { $0.squeezed.contains(sentence) }) else { return nil }
            return ChangeSource(hit.source, quote: citation.sentence)
        }
    }
}
