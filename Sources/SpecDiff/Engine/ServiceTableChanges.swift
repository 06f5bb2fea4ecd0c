import ConformanceModel

/// Compares the service-wide tables of two sides: error codes, the HTTP status table, the
/// authentication schemes and the response envelope. State tables are `StateChanges`.
enum ServiceTableChanges {
    static func compare(old: ServiceSpec, new: ServiceSpec, into log: inout ChangeLog) {
        compareErrorCodes(old: old, new: new, into: &log)
        compareStatusCodes(old: old, new: new, into: &log)
        compareAuthentication(old: old, new: new, into: &log)
        compareEnvelope(old: old, new: new, into: &log)
    }

    /// The document of a side that holds the most operations: where a thing that side lacks
    /// would be documented.
    static func primaryDocument(of spec: ServiceSpec) -> DocReference {
        let counts = Dictionary(grouping: spec.operations, by: \.source.document).mapValues(\.count)
        let name = spec.documents.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? spec.documents.first ?? "(no documents)"
        return DocReference(document: name)
    }

    // MARK: Error codes

    private static func compareErrorCodes(old: ServiceSpec, new: ServiceSpec, into log: inout ChangeLog) {
        let oldCodes = Dictionary(grouping: old.errorCodes, by: \.code)
        let newCodes = Dictionary(grouping: new.errorCodes, by: \.code)
        let oldTable = old.errorCodes.first?.source ?? primaryDocument(of: old)
        let newTable = new.errorCodes.first?.source ?? primaryDocument(of: new)
        for code in orderedKeys(old.errorCodes.map(\.code)) where newCodes[code] == nil {
            let entries = oldCodes[code]!
            log.add(.errorCodeRemoved, pointer: code, old: statuses(entries),
                    oldSource: ChangeSource(entries[0].source ?? oldTable, quote: entries[0].message),
                    newSource: ChangeSource(newTable, absent: true),
                    message: "the error code \(code) (\(statusText(entries))) is no longer in the error-code table")
        }
        for code in orderedKeys(new.errorCodes.map(\.code)) {
            let entries = newCodes[code]!
            guard let before = oldCodes[code] else {
                log.add(.errorCodeAdded, pointer: code, new: statuses(entries),
                        oldSource: ChangeSource(oldTable, absent: true),
                        newSource: ChangeSource(entries[0].source ?? newTable, quote: entries[0].message),
                        message: "a new error code \(code) (\(statusText(entries)))")
                continue
            }
            if Set(before.map(\.status)) != Set(entries.map(\.status)) {
                log.add(.errorCodeStatusChanged, pointer: code, old: statuses(before), new: statuses(entries),
                        oldSource: ChangeSource(before[0].source ?? oldTable, quote: before[0].message),
                        newSource: ChangeSource(entries[0].source ?? newTable, quote: entries[0].message),
                        message: "the error code \(code) moved from \(statusText(before)) to \(statusText(entries))")
            }
            let oldMessages = Set(before.flatMap(\.messages).map { DocWords.folded($0.message) })
            let newMessages = entries.flatMap(\.messages).map { DocWords.folded($0.message) }
            if oldMessages != Set(newMessages) {
                let oldList = before.flatMap(\.messages).map { DocWords.folded($0.message) }
                log.add(.errorCodeMessageChanged, pointer: code, old: .array(oldList.map(JSONValue.string)), new: .array(newMessages.map(JSONValue.string)),
                        oldSource: ChangeSource(before[0].source ?? oldTable, quote: oldList.joined(separator: " | ")),
                        newSource: ChangeSource(entries[0].source ?? newTable, quote: newMessages.joined(separator: " | ")),
                        message: "the messages of the error code \(code) changed")
            }
        }
    }

    private static func statuses(_ entries: [ErrorCode]) -> JSONValue {
        let list = orderedKeys(entries.map(\.status))
        return list.count == 1 ? .integer(list[0]) : .array(list.map(JSONValue.integer))
    }

    private static func statusText(_ entries: [ErrorCode]) -> String {
        orderedKeys(entries.map(\.status)).map(String.init).joined(separator: "/")
    }

    /// The distinct values of `values`, in first-seen order.
    static func orderedKeys<Key: Hashable>(_ values: [Key]) -> [Key] {
        var seen: Set<Key> = []
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: Status codes

    private static func compareStatusCodes(old: ServiceSpec, new: ServiceSpec, into log: inout ChangeLog) {
        let oldStatuses = Set(old.statusCodes.map(\.status))
        let newStatuses = Set(new.statusCodes.map(\.status))
        let oldTable = old.statusCodes.first?.source ?? primaryDocument(of: old)
        let newTable = new.statusCodes.first?.source ?? primaryDocument(of: new)
        for status in old.statusCodes where !newStatuses.contains(status.status) {
            log.add(.statusCodeRemoved, pointer: String(status.status), old: .integer(status.status),
                    oldSource: ChangeSource(status.source ?? oldTable, quote: status.description), newSource: ChangeSource(newTable, absent: true),
                    message: "the status \(status.status) is no longer in the service's status table")
        }
        for status in new.statusCodes where !oldStatuses.contains(status.status) {
            log.add(.statusCodeAdded, pointer: String(status.status), new: .integer(status.status),
                    oldSource: ChangeSource(oldTable, absent: true), newSource: ChangeSource(status.source ?? newTable, quote: status.description),
                    message: "a new status \(status.status) in the service's status table")
        }
    }

    // MARK: Authentication

    private static func compareAuthentication(old: ServiceSpec, new: ServiceSpec, into log: inout ChangeLog) {
        func key(_ scheme: Authentication) -> String {
            "\(scheme.header.lowercased()) \(scheme.scheme ?? "")"
        }
        func text(_ scheme: Authentication) -> String {
            "\(scheme.name) (\(scheme.header)\(scheme.scheme.map { ": \($0) …" } ?? ""))"
        }
        let oldKeys = Set(old.authentication.map(key))
        let newKeys = Set(new.authentication.map(key))
        for scheme in old.authentication where !newKeys.contains(key(scheme)) {
            log.add(.apiGlobalSecurityRemoved, pointer: scheme.name, old: .string(text(scheme)),
                    oldSource: ChangeSource(scheme.source ?? primaryDocument(of: old)),
                    newSource: ChangeSource(new.authentication.first?.source ?? primaryDocument(of: new), absent: true),
                    message: "the authentication scheme \(text(scheme)) is no longer documented")
        }
        for scheme in new.authentication where !oldKeys.contains(key(scheme)) {
            log.add(.apiGlobalSecurityAdded, pointer: scheme.name, new: .string(text(scheme)),
                    oldSource: ChangeSource(old.authentication.first?.source ?? primaryDocument(of: old), absent: true),
                    newSource: ChangeSource(scheme.source ?? primaryDocument(of: new)),
                    message: "a new authentication scheme \(text(scheme))")
        }
    }

    // MARK: Response envelope

    private static func compareEnvelope(old: ServiceSpec, new: ServiceSpec, into log: inout ChangeLog) {
        guard let before = old.responseEnvelope, let after = new.responseEnvelope else { return }
        let fields: [(String, String?, String?)] = [
            ("payload field", before.payloadField, after.payloadField),
            ("status field", before.statusField, after.statusField),
            ("success value", before.successValue, after.successValue),
        ]
        for (name, was, now) in fields where was != now {
            log.add(.responseEnvelopeChanged, pointer: "", old: was.map(JSONValue.string), new: now.map(JSONValue.string),
                    oldSource: ChangeSource(before.source ?? primaryDocument(of: old), quote: before.note),
                    newSource: ChangeSource(after.source ?? primaryDocument(of: new), quote: after.note),
                    message: "the response envelope's \(name) changed from \(was ?? "none") to \(now ?? "none")")
        }
        SchemaChanges.compare(before.schema, after.schema, pointer: "", side: .response(nil), into: &log)
    }
}
