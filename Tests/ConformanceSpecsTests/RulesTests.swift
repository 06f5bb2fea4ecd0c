import ConformanceModel
import ConformanceSpecs
import Testing

@Suite("Hand-written rules")
struct RulesTests {
    /// White space folded: PDF text wraps sentences across lines.
    private func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined()
    }

    @Test("every cited sentence occurs in the named document")
    func citationsOccur() throws {
        for rule in Rules.body {
            let text = try Repository.text("specs/\(rule.service)/docs/\(rule.citation.document)")
            #expect(folded(text).contains(folded(rule.citation.sentence)), "\(rule.id): the sentence is not in \(rule.citation.document)")
        }
    }

    @Test("every sentence a state machine cites occurs in its document")
    func stateCitationsOccur() throws {
        for machine in Rules.stateMachines {
            let citations = [machine.citation] + machine.transitions.compactMap(\.citation) + machine.preconditions.map(\.citation)
                + machine.effects.map(\.citation) + machine.relations.map(\.citation) + machine.unchecked.map(\.citation)
            for citation in citations {
                let text = try Repository.text("specs/\(machine.service)/docs/\(citation.document)")
                #expect(folded(text).contains(folded(citation.sentence)), "\(machine.resource): \(citation.sentence)")
            }
        }
    }

    @Test("every rule names operations and request fields that exist")
    func rulesPointAtRealFields() throws {
        for rule in Rules.body {
            let spec = try #require(Specs.service(rule.service), "\(rule.id): service \(rule.service)")
            for id in rule.operations {
                let operation = try #require(spec.operation(id: id), "\(rule.id): no operation \(id)")
                let body = try #require(operation.requestBody, "\(rule.id): \(id) has no request body")
                for path in fields(of: rule.requirement) {
                    #expect(schema(body, at: path) != nil, "\(rule.id): \(id) has no field \(path)")
                }
            }
        }
    }

    @Test("every relation names operations whose request has its value and responses that show its field")
    func relationsPointAtRealFields() throws {
        for machine in Rules.stateMachines {
            let spec = try #require(Specs.service(machine.service))
            for relation in machine.relations {
                for id in relation.operations {
                    let operation = try #require(spec.operation(id: id), "\(id)")
                    let body = try #require(operation.requestBody, "\(id) has no request body")
                    switch relation.subject {
                    case .value(let path, _):
                        #expect(schema(body, at: path)?.kind == .integer, "\(id): \(path)")
                    case .items(let array, let idField, let valueField):
                        let items = schema(body, at: array.replacingOccurrences(of: ".[]", with: ""))?.items
                        #expect(items?.property(named: idField) != nil && items?.property(named: valueField)?.schema.kind == .integer, "\(id): \(array)")
                    }
                }
                // Some response of the service shows the field beside a status linked to the machine's state table.
                let shown = spec.operations.contains { operation in
                    operation.responses.contains { response in response.body.map { shows(relation.field, machine.resource, in: $0) } ?? false }
                }
                #expect(shown, "\(machine.resource).\(relation.field) is in no response")
            }
        }
    }

    private func shows(_ field: String, _ resource: String, in schema: Schema) -> Bool {
        if schema.properties.contains(where: { $0.schema.stateTable == resource }), schema.property(named: field) != nil { return true }
        return schema.properties.contains { shows(field, resource, in: $0.schema) } || (schema.items.map { shows(field, resource, in: $0) } ?? false)
    }

    @Test("rule ids are unique")
    func uniqueIDs() {
        #expect(Set(Rules.body.map(\.id)).count == Rules.body.count)
    }

    private func fields(of requirement: BodyRule.Requirement) -> [String] {
        switch requirement {
        case .atMostOne(let fields): fields
        case .requiredWhen(let field, let condition), .forbiddenWhen(let field, let condition): [field, condition.field]
        case .maxItems(let field, _): [field]
        }
    }

    private func schema(_ root: Schema, at path: String) -> Schema? {
        var current: Schema? = root
        for step in path.split(separator: ".") {
            current = current?.property(named: String(step))?.schema
        }
        return current
    }
}
