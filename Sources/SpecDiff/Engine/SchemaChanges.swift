import ConformanceModel

/// Compares two schemas of the same place (a request body, a response body, a parameter) field by
/// field, by JSON pointer, and logs every change with both sides' citations.
///
/// Objects are compared by field name; arrays by their items (`/[]`), maps by their values
/// (`/{}`). Where the type itself changed, nothing below is compared: every field under it
/// would differ for that one reason.
enum SchemaChanges {
    /// Compares the facts and fields of `old` and `new` at `pointer`.
    static func compare(_ old: Schema, _ new: Schema, pointer: String, side: SchemaSide, into log: inout ChangeLog) {
        let status = side.status
        let place = side.place(pointer)
        if let move = TypeMove.between(old, new) {
            log.add(side.typeCheck(move, atRoot: pointer.isEmpty && side != .parameter), pointer: pointer, status: status,
                    old: .string(typeText(old)), new: .string(typeText(new)),
                    oldSource: ChangeSource(old.source, quote: old.docType), newSource: ChangeSource(new.source, quote: new.docType),
                    message: "\(place) changed type from \(typeText(old)) to \(typeText(new))")
            if move == .changed || old.kind == .any || new.kind == .any { return }
        }
        compareEnumerations(old, new, pointer: pointer, side: side, place: place, into: &log)
        compareBounds(old, new, pointer: pointer, side: side, place: place, into: &log)
        if old.nullable != new.nullable, let check = side.nullableCheck(becameNullable: new.nullable) {
            log.add(check, pointer: pointer, status: status, old: .bool(old.nullable), new: .bool(new.nullable),
                    oldSource: DocWords.source(of: old, fact: .nullable, needles: ["null"]),
                    newSource: DocWords.source(of: new, fact: .nullable, needles: ["null"]),
                    message: new.nullable ? "\(place) may now be null" : "\(place) may no longer be null")
        }
        if old.defaultValue.map(DocWords.folded) != new.defaultValue.map(DocWords.folded) {
            let check = side.defaultCheck(old: old.defaultValue, new: new.defaultValue)
            let verb = old.defaultValue == nil ? "now defaults to \(new.defaultValue!)"
                : new.defaultValue == nil ? "no longer documents its default \(old.defaultValue!)"
                : "changed its default from \(old.defaultValue!) to \(new.defaultValue!)"
            log.add(check, pointer: pointer, status: status, old: old.defaultValue.map(JSONValue.string), new: new.defaultValue.map(JSONValue.string),
                    oldSource: DocWords.source(of: old, fact: .defaultValue, needles: [old.defaultValue, "默认", "default", new.defaultValue].compactMap { $0 }),
                    newSource: DocWords.source(of: new, fact: .defaultValue, needles: [new.defaultValue, "默认", "default", old.defaultValue].compactMap { $0 }),
                    message: "\(place) \(verb)")
        }
        compareWords(old, new, pointer: pointer, side: side, place: place, into: &log)
        switch (old.kind, new.kind) {
        case (.object, .object):
            compareProperties(old, new, pointer: pointer, side: side, into: &log)
        case (.array, .array):
            if let oldItems = old.items, let newItems = new.items {
                compare(oldItems, newItems, pointer: pointer + "/[]", side: side, into: &log)
            }
        case (.map, .map):
            if let oldValues = old.values, let newValues = new.values {
                compare(oldValues, newValues, pointer: pointer + "/{}", side: side, into: &log)
            }
        default:
            break
        }
    }

    /// `string`, `string (uuid)`, `array`: how a type reads in messages and in `old`/`new`.
    static func typeText(_ schema: Schema) -> String {
        schema.kind.rawValue + (schema.format.map { " (\($0))" } ?? "")
    }

    private static func compareProperties(_ old: Schema, _ new: Schema, pointer: String, side: SchemaSide, into log: inout ChangeLog) {
        let status = side.status
        let newNames = Set(new.properties.map(\.name))
        let oldNames = Set(old.properties.map(\.name))
        for property in old.properties where !newNames.contains(property.name) {
            let at = Pointer.appending(pointer, property.name)
            log.add(side.propertyRemoved(required: property.required), pointer: at, status: status,
                    old: .string(typeText(property.schema)), new: nil,
                    oldSource: ChangeSource(property.schema.source ?? old.source, quote: property.schema.description.map { DocWords.clipped(DocWords.folded($0)) }),
                    newSource: ChangeSource(new.source, absent: true),
                    message: "the \(side.noun) \(at) is gone")
        }
        for property in new.properties where !oldNames.contains(property.name) {
            let at = Pointer.appending(pointer, property.name)
            log.add(side.propertyAdded(required: property.required), pointer: at, status: status,
                    old: nil, new: .string(typeText(property.schema)),
                    oldSource: ChangeSource(old.source, absent: true),
                    newSource: ChangeSource(property.schema.source ?? new.source, quote: property.schema.description.map { DocWords.clipped(DocWords.folded($0)) }),
                    message: "a new \(property.required ? "required" : "optional") \(side.noun) \(at)")
        }
        for newProperty in new.properties {
            guard let oldProperty = old.property(named: newProperty.name) else { continue }
            let at = Pointer.appending(pointer, newProperty.name)
            if oldProperty.required != newProperty.required {
                log.add(side.requiredChanged(nowRequired: newProperty.required), pointer: at, status: status,
                        old: .bool(oldProperty.required), new: .bool(newProperty.required),
                        oldSource: ChangeSource(oldProperty.schema.source ?? old.source, quote: requiredWords(oldProperty)),
                        newSource: ChangeSource(newProperty.schema.source ?? new.source, quote: requiredWords(newProperty)),
                        message: "the \(side.noun) \(at) became \(newProperty.required ? "required" : "optional")")
            }
            compare(oldProperty.schema, newProperty.schema, pointer: at, side: side, into: &log)
        }
    }

    /// What the table's required column says, in the doc's own words where the description
    /// states it (`从备份创建云硬盘时为必选`), else the column's reading.
    private static func requiredWords(_ property: Property) -> String? {
        DocWords.sentence(in: property.schema.description, containing: ["必选", "必填", "required", "Required"])
    }

    private static func compareEnumerations(_ old: Schema, _ new: Schema, pointer: String, side: SchemaSide, place: String, into log: inout ChangeLog) {
        let status = side.status
        switch (old.enumeration, new.enumeration) {
        case (nil, nil):
            return
        case (nil, .some(let values)):
            log.add(side.becameEnum, pointer: pointer, status: status, old: nil, new: .array(values.map(JSONValue.string)),
                    oldSource: DocWords.source(of: old, fact: .enumeration, needles: values + ["取值", "value"]),
                    newSource: DocWords.source(of: new, fact: .enumeration, needles: values),
                    message: "\(place) is now restricted to \(values.joined(separator: ", "))")
        case (.some(let values), nil):
            // The readers keep a list only for two or more values (`DescriptionFacts`), so a list
            // cut down to one value reads as no list at all. When NEW's description still names
            // some of OLD's values as words and not the others, the others were removed.
            let named = values.filter { DocWords.names(new.description, $0) }
            if !named.isEmpty, named.count < values.count {
                for value in values where !named.contains(value) {
                    log.add(side.enumValueRemoved, pointer: pointer, status: status, old: .string(value), new: nil,
                            oldSource: DocWords.source(of: old, fact: .enumeration, needles: [value]),
                            newSource: DocWords.source(of: new, fact: .enumeration, needles: named),
                            message: "\(place) lost the value \(value) (NEW's description names only \(named.joined(separator: ", ")))")
                }
                return
            }
            log.add(side.becameNotEnum, pointer: pointer, status: status, old: .array(values.map(JSONValue.string)), new: nil,
                    oldSource: DocWords.source(of: old, fact: .enumeration, needles: values),
                    newSource: DocWords.source(of: new, fact: .enumeration, needles: ["取值", "value"]),
                    message: "\(place) is no longer restricted to \(values.joined(separator: ", "))")
        case (.some(let oldValues), .some(let newValues)):
            let kept = Set(newValues)
            let had = Set(oldValues)
            for value in oldValues where !kept.contains(value) {
                log.add(side.enumValueRemoved, pointer: pointer, status: status, old: .string(value), new: nil,
                        oldSource: DocWords.source(of: old, fact: .enumeration, needles: [value]),
                        newSource: DocWords.source(of: new, fact: .enumeration, needles: newValues),
                        message: "\(place) lost the value \(value) (now \(newValues.joined(separator: ", ")))")
            }
            for value in newValues where !had.contains(value) {
                log.add(side.enumValueAdded, pointer: pointer, status: status, old: nil, new: .string(value),
                        oldSource: DocWords.source(of: old, fact: .enumeration, needles: oldValues),
                        newSource: DocWords.source(of: new, fact: .enumeration, needles: [value]),
                        message: "\(place) gained the value \(value)")
            }
        }
    }

    private static func compareBounds(_ old: Schema, _ new: Schema, pointer: String, side: SchemaSide, place: String, into log: inout ChangeLog) {
        for bound in ChangeCheck.Bound.allCases {
            let before = bound.value(in: old)
            let after = bound.value(in: new)
            guard let move = ChangeCheck.BoundMove.between(before, after) else { continue }
            let text: String
            switch move {
            case .set: text = "now has a \(bound.phrase) of \(DocWords.number(after!))"
            case .unset: text = "no longer has a \(bound.phrase) (was \(DocWords.number(before!)))"
            case .increased, .decreased:
                text = "\(move == .increased ? "raised" : "lowered") its \(bound.phrase) from \(DocWords.number(before!)) to \(DocWords.number(after!))"
            }
            log.add(ChangeCheck.bound(side.boundSubject, bound, move), pointer: pointer, status: side.status,
                    old: before.map(DocWords.json), new: after.map(DocWords.json),
                    oldSource: DocWords.source(of: old, fact: bound.fact, needles: [before, after].compactMap { $0.map(DocWords.number) }),
                    newSource: DocWords.source(of: new, fact: bound.fact, needles: [after, before].compactMap { $0.map(DocWords.number) }),
                    message: "\(place) \(text)")
        }
    }

    /// Units, then the description's words; nothing to do when the words are the same.
    private static func compareWords(_ old: Schema, _ new: Schema, pointer: String, side: SchemaSide, place: String, into log: inout ChangeLog) {
        guard old.description != new.description, DocWords.wordsKey(old.description) != DocWords.wordsKey(new.description) else { return }
        let oldUnits = UnitWords.units(in: old.description)
        let newUnits = UnitWords.units(in: new.description)
        if !oldUnits.isEmpty, !newUnits.isEmpty, Set(oldUnits.keys) != Set(newUnits.keys) {
            let before = oldUnits.keys.sorted().map { oldUnits[$0]! }
            let after = newUnits.keys.sorted().map { newUnits[$0]! }
            log.add(side.unitChanged, pointer: pointer, status: side.status,
                    old: .string(before.joined(separator: ", ")), new: .string(after.joined(separator: ", ")),
                    oldSource: ChangeSource(old.source, quote: DocWords.sentence(in: old.description, containing: ["单位"] + before)),
                    newSource: ChangeSource(new.source, quote: DocWords.sentence(in: new.description, containing: ["单位"] + after)),
                    message: "\(place) is now in \(after.joined(separator: ", ")), was \(before.joined(separator: ", "))")
        }
        let before = DocWords.folded(old.description ?? "")
        let after = DocWords.folded(new.description ?? "")
        log.add(side.descriptionChanged, pointer: pointer, status: side.status,
                old: old.description.map { _ in .string(before) }, new: new.description.map { _ in .string(after) },
                oldSource: ChangeSource(old.source, quote: before.isEmpty ? nil : DocWords.clipped(before)),
                newSource: ChangeSource(new.source, quote: after.isEmpty ? nil : DocWords.clipped(after)),
                message: "the description of \(place) changed")
    }
}
