import ConformanceModel

/// Compares one operation on two sides: the operation itself, its parameters, request body,
/// responses and examples.
enum OperationChanges {
    static func compare(_ old: Operation, _ new: Operation, into log: inout ChangeLog) {
        compareIdentity(old, new, into: &log)
        compareWords(old, new, into: &log)
        ParameterChanges.compare(old: old, new: new, into: &log)
        compareRequestBody(old, new, into: &log)
        ResponseChanges.compare(old: old, new: new, into: &log)
        ExampleChanges.compare(old: old, new: new, into: &log)
    }

    /// `POST /v2/{project_id}/volumes/{volume_id}/action (os-extend)`.
    static func route(_ operation: Operation) -> String {
        "\(operation.method) \(operation.path)" + (operation.action.map { " (\($0))" } ?? "")
    }

    private static func compareIdentity(_ old: Operation, _ new: Operation, into log: inout ChangeLog) {
        let oldSource = ChangeSource(old.source, quote: old.title)
        let newSource = ChangeSource(new.source, quote: new.title)
        if old.routeKey != new.routeKey {
            log.add(.apiPathChanged, pointer: "", old: .string(route(old)), new: .string(route(new)), oldSource: oldSource, newSource: newSource,
                    message: "\(new.id) moved from \(route(old)) to \(route(new))")
        }
        if old.id != new.id {
            log.add(.apiOperationIDRemoved, pointer: "", old: .string(old.id), new: .string(new.id), oldSource: oldSource, newSource: newSource,
                    message: "the operation id \(old.id) is now \(new.id)")
        }
        if old.deprecated != new.deprecated {
            log.add(new.deprecated ? .endpointDeprecated : .endpointReactivated, pointer: "", old: .bool(old.deprecated), new: .bool(new.deprecated),
                    oldSource: oldSource, newSource: newSource,
                    message: new.deprecated ? "NEW marks the operation deprecated" : "NEW no longer marks the operation deprecated (OLD did)")
        }
    }

    private static func compareWords(_ old: Operation, _ new: Operation, into log: inout ChangeLog) {
        guard old.constraints != new.constraints || old.title != new.title || old.summary != new.summary else { return }
        let oldConstraints = old.constraints.map(DocWords.unbulleted)
        let newConstraints = new.constraints.map(DocWords.unbulleted)
        let oldKeys = Set(oldConstraints.map(DocWords.wordsKey))
        let newKeys = Set(newConstraints.map(DocWords.wordsKey))
        for constraint in newConstraints where !oldKeys.contains(DocWords.wordsKey(constraint)) {
            log.add(.apiConstraintAdded, pointer: "", new: .string(constraint),
                    oldSource: ChangeSource(old.source, absent: true), newSource: ChangeSource(new.source, quote: DocWords.clipped(constraint)),
                    message: "a new constraint: \(DocWords.clipped(constraint, limit: 120))")
        }
        for constraint in oldConstraints where !newKeys.contains(DocWords.wordsKey(constraint)) {
            log.add(.apiConstraintRemoved, pointer: "", old: .string(constraint),
                    oldSource: ChangeSource(old.source, quote: DocWords.clipped(constraint)), newSource: ChangeSource(new.source, absent: true),
                    message: "a constraint is gone: \(DocWords.clipped(constraint, limit: 120))")
        }
        for (what, before, after) in [("title", old.title, new.title), ("summary", old.summary ?? "", new.summary ?? "")] {
            let before = DocWords.folded(before)
            let after = DocWords.folded(after)
            guard DocWords.wordsKey(before) != DocWords.wordsKey(after) else { continue }
            log.add(.apiDescriptionChanged, pointer: "", old: before.isEmpty ? nil : .string(before), new: after.isEmpty ? nil : .string(after),
                    oldSource: ChangeSource(old.source, quote: before.isEmpty ? nil : DocWords.clipped(before)),
                    newSource: ChangeSource(new.source, quote: after.isEmpty ? nil : DocWords.clipped(after)),
                    message: "the operation's \(what) changed")
        }
    }

    private static func compareRequestBody(_ old: Operation, _ new: Operation, into log: inout ChangeLog) {
        switch (old.requestBody, new.requestBody) {
        case (nil, nil):
            return
        case (nil, .some(let body)):
            let required = !body.requiredNames.isEmpty
            log.add(required ? .requestBodyAddedRequired : .requestBodyAddedOptional, pointer: "", new: .string(SchemaChanges.typeText(body)),
                    oldSource: ChangeSource(old.source, absent: true), newSource: ChangeSource(body.source ?? new.source, quote: body.docType),
                    message: required ? "a request body with required fields (\(body.requiredNames.joined(separator: ", "))) is documented" : "a request body is documented")
        case (.some(let body), nil):
            log.add(.requestBodyRemoved, pointer: "", old: .string(SchemaChanges.typeText(body)),
                    oldSource: ChangeSource(body.source ?? old.source, quote: body.docType), newSource: ChangeSource(new.source, absent: true),
                    message: "the request body is no longer documented")
        case (.some(let oldBody), .some(let newBody)):
            SchemaChanges.compare(oldBody, newBody, pointer: "", side: .request, into: &log)
        }
    }
}
