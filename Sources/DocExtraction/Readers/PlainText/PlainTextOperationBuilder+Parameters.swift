import ConformanceModel
import Foundation

extension PlainTextOperationBuilder {
    /// Reads the `Request Parameters` table and places each row by its position column.
    ///
    /// - `URL parameter`: a path parameter when the path has its placeholder. `version`
    ///   (`API version number`) has none: the path writes the version literally (`/v2/`),
    ///   so no parameter is invented and a note says so.
    /// - `Query Parameter`: a query parameter, except the bare-key placeholder of the
    ///   request line (`?{action}`), which is the operation's action: its value is the bare
    ///   key of the Request Instance (`?purchaseReserved`), checked against the row's
    ///   description (`This parameter value is purchaseReserved`).
    /// - `Header parameter`: a header parameter.
    /// - `RequestBody parameter`: a top-level body field; its nesting comes from the
    ///   Request Structure (`BodyTemplate`).
    mutating func readParameters(into request: inout RequestParts, query: QueryTemplate, instanceQuery: QueryTemplate?, structure: HTTPMessageText, instance: HTTPMessageText?) {
        let placeholders = PathTemplate(request.path).parameterNames
        let actionKeys = query.items.compactMap(\.placeholderKey)
        var rows: [FieldRow] = []
        if let lines = page.lines(.requestParameters), let start = lines.firstIndex(where: { SpacedTableReader.header($0.text) != nil }),
           let read = SpacedTableReader.table(lines[start...].map(\.text), firstLine: lines[start].line) {
            let source = reference(read.table.line, table: "Request Parameters")
            for irregularity in read.irregularities {
                diagnose(.warning, "table.irregular-row", irregularity.message, line: irregularity.line, table: "Request Parameters")
            }
            if let fieldRows = FieldRow.rows(of: read.table) {
                rows = fieldRows
                result.tables.append(TableAccount(source: source, disposition: .placed("request parameters (path, query, body)")))
            } else {
                result.tables.append(TableAccount(source: source, disposition: .skipped("no field columns")))
            }
        } else {
            diagnose(.warning, "table.missing", "no Request Parameters table", line: page.sections.first?.line)
        }

        var bodyRows: [FieldRow] = []
        for row in rows {
            let source = reference(row.line, table: "Request Parameters")
            guard let position = row.locationText.flatMap(PlainTextConventions.position) else {
                diagnose(.warning, "parameter.position-unknown", "parameter '\(row.name)' has the position '\(row.locationText ?? "")', which names no part of the request; not placed", line: row.line)
                continue
            }
            switch position {
            case .path:
                if placeholders.contains(row.name) {
                    request.parameters.append(parameter(row, .path, source: source))
                } else if row.name.lowercased().contains("version"), let segment = request.path.split(separator: "/").first(where: { OperationNaming.isVersion(String($0)) }) {
                    diagnose(.note, "parameter.literal-in-path", "URL parameter '\(row.name)' has no placeholder in \(request.path): the path writes it literally as '\(segment)', so no path parameter is recorded", line: row.line)
                } else {
                    diagnose(.warning, "parameter.not-in-path", "URL parameter '\(row.name)' has no placeholder in \(request.path); not recorded", line: row.line)
                }
            case .query:
                if actionKeys.contains(row.name) {
                    request.action = action(for: row, query: query, instanceQuery: instanceQuery)
                } else {
                    request.parameters.append(parameter(row, .query, source: source))
                }
            case .header:
                request.parameters.append(parameter(row, .header, source: source))
            case .body:
                bodyRows.append(row)
            }
        }
        // Placeholders of the request line that the table does not list.
        for name in placeholders where !request.parameters.contains(where: { $0.name == name && $0.location == .path }) {
            request.parameters.append(Parameter(name: name, location: .path, required: true, schema: Schema(kind: .string, source: reference(structure.startLineNumber))))
            diagnose(.warning, "parameter.undocumented", "path placeholder '{\(name)}' has no row in the parameter table; taken as a required string", line: structure.startLineNumber)
        }
        for item in query.items where item.placeholderKey == nil && !rows.contains(where: { $0.name == item.key }) {
            request.parameters.append(Parameter(name: item.key, location: .query, required: false, schema: Schema(kind: .string, source: reference(structure.startLineNumber))))
            diagnose(.warning, "parameter.undocumented", "query parameter '\(item.key)' of the request line has no row in the parameter table; taken as an optional string", line: structure.startLineNumber)
        }
        request.body = body(bodyRows, structure: structure, instance: instance)
    }

    /// The action a bare-key placeholder takes: the instance's bare key, else the value the
    /// row's description states.
    private mutating func action(for row: FieldRow, query: QueryTemplate, instanceQuery: QueryTemplate?) -> String? {
        let shown = instanceQuery?.bareKeys(notIn: query) ?? []
        let stated = PlainTextConventions.statedValue(row.description)
        if let stated, let first = shown.first, first != stated {
            diagnose(.warning, "action.conflict", "the description of '\(row.name)' says its value is '\(stated)' but the Request Instance uses '\(first)'; the description's value is kept", line: row.line)
            return stated
        }
        guard let value = stated ?? shown.first else {
            diagnose(.warning, "action.unknown", "query placeholder '{\(row.name)}' is a bare key, but neither its description nor a Request Instance names its value", line: row.line)
            return nil
        }
        diagnose(.note, "action.query-key", "the query key '\(value)' selects this operation (request line `?{\(row.name)}`; \(stated != nil ? "stated in the description" : "")\(stated != nil && !shown.isEmpty ? " and " : "")\(shown.isEmpty ? "" : "shown in the Request Instance")); no query parameter '\(row.name)' is recorded", line: row.line)
        return value
    }

    private mutating func parameter(_ row: FieldRow, _ location: Parameter.Location, source: DocReference) -> Parameter {
        var kind = Schema.Kind.string
        switch row.typeText.map(TypeExpression.parse) {
        case .primitive(let primitive)?: kind = primitive == .any ? .string : primitive
        case .unsignedInteger?: kind = .integer
        case .array?: kind = .array
        default: break
        }
        var schema = Schema(kind: kind, docType: row.typeText, description: row.description.isEmpty ? nil : row.description, source: source)
        result.diagnostics += row.applyFacts(to: &schema, source: source)
        return Parameter(name: row.name, location: location, required: row.required ?? (location == .path), schema: schema)
    }

    /// The body: one field per body row, typed by the row's type; object fields whose
    /// type links to a definition outside the documents take their fields from the
    /// Request Structure, typed by the Request Instance.
    private mutating func body(_ rows: [FieldRow], structure: HTTPMessageText, instance: HTTPMessageText?) -> Schema? {
        let template = structure.body.isEmpty ? nil : BodyTemplate(lines: structure.body)
        if !structure.body.isEmpty, template == nil {
            diagnose(.warning, "structure.unreadable", "the Request Structure body is not JSON even with its placeholder words quoted; the body's nesting is unknown", line: structure.body.first?.line)
        }
        let instanceValue = instance.flatMap { try? JSONValue.parse($0.bodyText) }
        guard !rows.isEmpty || template != nil else { return nil }
        var properties: [Property] = []
        for row in rows {
            let source = reference(row.line, table: "Request Parameters")
            var link: (name: String, target: String)?
            if let typeText = row.typeText, let match = DescriptionFacts.matches(#"^\[([^\]]+)\]\(([^)]*)\)$"#, in: typeText).first {
                link = (match[1], match[2])
            }
            var schema: Schema
            // The structure gives the nesting of object fields; a leaf keeps its row's type.
            if let nested = template?.schema(ofField: row.name, instance: instanceValue, instanceLines: instance?.body ?? [], document: document),
               nested.kind == .object || link != nil {
                schema = nested
                if let link {
                    diagnose(.warning, "type.external", "field '\(row.name)' has type \(link.name), defined in \(link.target), which is not among the documents; its fields are taken from the Request Structure and typed by the Request Instance", line: row.line)
                }
            } else {
                let expression = TypeExpression.parse(link?.name ?? row.typeText ?? "")
                switch expression {
                case .primitive(let kind): schema = Schema(kind: kind)
                case .unsignedInteger:
                    schema = Schema(kind: .integer)
                    FieldRow.unsignedMinimum(&schema, typeText: row.typeText, source: source)
                case .array: schema = Schema(kind: .array)
                default:
                    schema = Schema(kind: .object)
                    diagnose(.warning, "type.unresolved", "no table or structure describes type '\(link?.name ?? row.typeText ?? "")' of field '\(row.name)'; its fields are not checked", line: row.line)
                }
            }
            schema.name = link?.name ?? schema.name
            schema.docType = row.typeText
            let provenance = schema.description
            schema.description = [row.description.isEmpty ? nil : row.description, provenance].compactMap { $0 }.joined(separator: " — ")
            schema.source = source
            properties.append(Property(name: row.name, required: row.required ?? false, schema: schema))
        }
        for name in template?.fieldNames ?? [] where !properties.contains(where: { $0.name == name }) {
            if let schema = template?.schema(ofField: name, instance: instanceValue, instanceLines: instance?.body ?? [], document: document) {
                properties.append(Property(name: name, required: false, schema: schema))
                diagnose(.warning, "field.undocumented", "body field '\(name)' appears in the Request Structure but has no row in the parameter table; taken as optional", line: schema.source?.line)
            }
        }
        return Schema(kind: .object, properties: properties, source: reference(structure.body.first?.line, table: "Request Structure"))
    }
}
