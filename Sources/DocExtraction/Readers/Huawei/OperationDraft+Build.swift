import ConformanceModel
import Foundation

extension OperationDraft {
    /// Builds the operation: parameters and bodies from the tables, responses from the stated
    /// statuses, examples from the code blocks, and an account of every table.
    func build() -> Output {
        var output = Output()
        output.diagnostics = diagnostics
        output.tables = accounts
        guard let requestLine else {
            output.diagnostics.append(Diagnostic(.error, code: "operation.no-request-line", message: "no request line (`METHOD /path`) under URI; the \(unit) yields no operation", source: base))
            output.tables += tables.map { TableAccount(source: $0.source, disposition: .skipped("the \(unit) has no request line to attach it to")) }
            return output
        }
        let placeholders = PathTemplate(requestLine.path).parameterNames
        var parts = readTables(placeholders: placeholders, output: &output)
        let bodies = buildBodies(parts, output: &output)
        HuaweiConventions.addUndocumentedPathParameters(placeholders, to: &parts.parameters, table: "URI parameter table", source: base.line(requestLine.line), diagnostics: &output.diagnostics)
        let responses = buildResponses(bodies: bodies, parts: parts, output: &output)
        let examples = buildExamples(requestBody: bodies.request, responses: responses, output: &output)

        // Action: a body key (`os-extend`) or the value of an `action` field (`create`).
        var action = HuaweiConventions.bodyKeyAction(path: requestLine.path, body: bodies.request)
        var selector: ActionSelector? = action == nil ? nil : .bodyKey
        if action == nil, let value = Self.actionFieldValue(path: requestLine.path, body: bodies.request, examples: examples) {
            action = value
            selector = .bodyField("action")
        }
        output.operation = Operation(
            id: SDKOperationName.find(in: sdkLines) ?? OperationNaming.derive(method: requestLine.method, path: requestLine.path, action: action),
            title: title,
            method: requestLine.method,
            path: requestLine.path,
            action: action,
            actionSelector: selector,
            deprecated: HuaweiConventions.isDeprecated(title: title),
            summary: summary.isEmpty ? nil : summary.joined(separator: "\n"),
            constraints: constraints,
            parameters: parts.parameters,
            requestBody: bodies.request,
            responses: responses,
            examples: examples,
            source: base
        )
        return output
    }

    // MARK: - Tables

    /// What the tables give before the bodies are assembled.
    struct TableParts {
        var parameters: [Parameter] = []
        var structures: [(table: DraftTable, structure: StructureTable)] = []
        /// The 状态码 summary table: statuses in its order, with their descriptions.
        var summaryStatuses: [Int] = []
        var statusDescriptions: [Int: String] = [:]
    }

    private func readTables(placeholders: [String], output: inout Output) -> TableParts {
        var parts = TableParts()
        for (order, item) in tables.enumerated() {
            if let statuses = Self.statusSummary(item) {
                for (status, description) in statuses {
                    parts.statusDescriptions[status] = description
                    parts.summaryStatuses.append(status)
                }
                output.tables.append(TableAccount(source: item.source, disposition: .placed("status codes of §\(base.section ?? title)")))
                continue
            }
            if item.table.rows.isEmpty {
                output.diagnostics.append(Diagnostic(.warning, code: "table.empty", message: "a table with a header and no rows", source: item.source))
                output.tables.append(TableAccount(source: item.source, disposition: .skipped("no rows")))
                continue
            }
            guard let rows = FieldRow.rows(of: item.table) else {
                output.diagnostics.append(Diagnostic(.warning, code: "table.no-header", message: "a table without recognisable header words (\(item.table.header.joined(separator: " | "))); not read", source: item.source))
                output.tables.append(TableAccount(source: item.source, disposition: .skipped("no header row with parameter-table words")))
                continue
            }
            switch item.role {
            case .uri:
                let location = Self.uriLocation(label: item.label)
                for row in rows {
                    parts.parameters.append(row.parameter(location: location ?? (placeholders.contains(row.name) ? .path : .query), source: item.source, notes: &output.diagnostics))
                }
                let placed = location.map { $0 == .query ? "query parameters" : "path parameters" } ?? "URI parameters"
                output.tables.append(TableAccount(source: item.source, disposition: .placed(placed)))
            case .request where Self.isHeaderLabel(item.label):
                for row in rows { parts.parameters.append(row.parameter(location: .header, source: item.source, notes: &output.diagnostics)) }
                output.tables.append(TableAccount(source: item.source, disposition: .placed("request headers")))
            case .request, .response:
                let label = StructureTable.parseLabel(item.label)
                parts.structures.append((item, StructureTable(subject: label.subject, footnote: label.footnote, captionNumber: label.captionNumber, rows: rows, order: order, source: item.source, anchors: item.anchors)))
            default:
                output.tables.append(TableAccount(source: item.source, disposition: .skipped("a field table outside the URI, request and response parts")))
                output.diagnostics.append(Diagnostic(.note, code: "table.unplaced", message: "a field table outside the URI, request and response parts", source: item.source))
            }
        }
        return parts
    }

    /// The rows of a 状态码 | 描述 table (in a 状态码 part, or headed so anywhere).
    private static func statusSummary(_ item: DraftTable) -> [(Int, String)]? {
        let header = item.table.header
        guard item.role == .statusCodes || (header.count == 2 && ColumnRole.normalize(header[0]) == "状态码") else { return nil }
        guard item.table.width >= 2 else { return nil }
        return item.table.rows.compactMap { row in
            Int(row[0].trimmingCharacters(in: .whitespaces)).map { ($0, row[1]) }
        }
    }

    /// `表 6-2 路径参数` holds path parameters, `表 6-3 Query参数` query parameters; a table
    /// whose label says neither is placed by the path's placeholders.
    private static func uriLocation(label: String) -> Parameter.Location? {
        let lower = label.lowercased()
        if label.contains("路径") || lower.contains("path") { return .path }
        if lower.contains("query") || label.contains("查询") { return .query }
        return nil
    }

    private static func isHeaderLabel(_ label: String) -> Bool {
        label.lowercased().contains("header") || label.contains("消息头")
    }

    // MARK: - Bodies

    /// The request body and the response bodies by status (`nil`: documented without one).
    struct Bodies {
        var request: Schema?
        var responses: [Int?: Schema] = [:]
        /// The error fields a statusless response table lists beside the success fields.
        var errorSchema: Schema?
    }

    /// Roots are the first generic table (`请求 Body 参数`, `响应 Body 参数`, `- 响应参数`,
    /// `参数说明`) of the request and of each response status; every other table is a nested
    /// structure some field resolves to.
    private func buildBodies(_ parts: TableParts, output: inout Output) -> Bodies {
        var assembler = SchemaAssembler(tables: parts.structures.map(\.structure))
        var bodies = Bodies()
        var roots: Set<Int> = []
        for (item, structure) in parts.structures where HuaweiConventions.isGenericSubject(structure.subject) && structure.footnote == nil {
            if item.role == .request {
                guard bodies.request == nil else { continue }
                bodies.request = unwrapped(assembler.objectSchema(for: structure), role: item.role, parts: parts, assembler: &assembler, roots: &roots, output: &output)
            } else {
                guard bodies.responses[item.status] == nil else { continue }
                bodies.responses[item.status] = unwrapped(assembler.objectSchema(for: structure), role: item.role, parts: parts, assembler: &assembler, roots: &roots, output: &output)
            }
            roots.insert(structure.order)
        }
        // An empty `请求 Body 参数` table, followed by the table of the SDK's body type.
        if bodies.request == nil, let body = Self.bodyTypeTable(.request, parts: parts) {
            bodies.request = assembler.objectSchema(for: body, name: body.subject)
            roots.insert(body.order)
            output.diagnostics.append(Diagnostic(.note, code: "table.root-by-name", message: "the request body table has no rows; '\(body.subject)' is read as the body", source: body.source))
        }
        for (item, structure) in parts.structures {
            let root = roots.contains(structure.order)
                ? (item.role == .request ? "request body" : ["response", item.status.map(String.init), "body"].compactMap { $0 }.joined(separator: " "))
                : nil
            output.tables.append(HuaweiConventions.account(for: structure, rootLabel: root, used: assembler.used, diagnostics: &output.diagnostics))
        }
        output.diagnostics += assembler.diagnostics
        if let statusless = bodies.responses[nil] {
            (bodies.responses[nil], bodies.errorSchema) = splitErrorFields(statusless, output: &output)
        }
        return bodies
    }

    /// A response table without a status that lists error fields (described "出现错误时")
    /// beside the success fields (EVS extend page, ECS resize 要素说明): they document the
    /// error body, not the success body.
    private func splitErrorFields(_ schema: Schema, output: inout Output) -> (success: Schema?, error: Schema?) {
        let errorFields = schema.properties.filter(HuaweiConventions.isErrorField)
        guard !errorFields.isEmpty else { return (schema, nil) }
        var success = schema
        success.properties.removeAll(where: HuaweiConventions.isErrorField)
        let error: Schema
        if errorFields.count == 1, errorFields[0].schema.kind == .object {
            error = errorFields[0].schema
        } else {
            error = Schema(kind: .object, properties: errorFields.map { Property(name: $0.name, required: true, schema: $0.schema) }, source: schema.source)
            output.diagnostics.append(Diagnostic(.note, code: "response.error-fields-flat", message: "the response table lists error fields (\(errorFields.map(\.name).joined(separator: ", "))) beside the success fields; they are read as the error envelope's fields, as the page's examples show them", source: schema.source ?? base))
        }
        return (success.properties.isEmpty ? nil : success, error)
    }

    /// A body table whose only row stands for the body itself: `[数组元素] | Array of
    /// UnsubscribeVolumeResponseBody objects` (EVS 6.1.6: the body is a JSON array), or
    /// `- | Object` (6.1.14: the body is the object the SDK names `RetypeVolumeRequestBody`,
    /// captioned below).
    private func unwrapped(_ schema: Schema, role: HuaweiConventions.SectionRole, parts: TableParts, assembler: inout SchemaAssembler, roots: inout Set<Int>, output: inout Output) -> Schema {
        guard schema.properties.count == 1, Self.selfRowNames.contains(schema.properties[0].name) else { return schema }
        var inner = schema.properties[0].schema
        if inner.kind == .object, inner.properties.isEmpty, let body = Self.bodyTypeTable(role, parts: parts) {
            inner = assembler.objectSchema(for: body, name: body.subject)
            roots.insert(body.order)
        }
        output.diagnostics.append(Diagnostic(.note, code: "body.self-row", message: "the body table's only row '\(schema.properties[0].name)' describes the body itself (\(inner.kind.rawValue))", source: schema.source ?? base))
        return inner
    }

    static let selfRowNames: Set<String> = ["[数组元素]", "-", "[array element]", "[元素]"]

    /// The table captioned with the SDK's body type name (`RetypeVolumeRequestBody`).
    private static func bodyTypeTable(_ role: HuaweiConventions.SectionRole, parts: TableParts) -> StructureTable? {
        let suffix = role == .request ? "RequestBody" : "ResponseBody"
        return parts.structures.first { $0.table.role == role && $0.structure.subject.hasSuffix(suffix) }?.structure
    }

    // MARK: - Responses

    /// Every status the draft names (the summary table's order first), with its body: its own
    /// table's, else (for the first success status) the statusless table's, else (for an error
    /// status) the error fields under the `error` wrapper.
    private func buildResponses(bodies: Bodies, parts: TableParts, output: inout Output) -> [Response] {
        var statuses = parts.summaryStatuses
        for status in statedStatuses where !statuses.contains(status) { statuses.append(status) }
        if !statuses.contains(where: Self.isSuccess) {
            output.diagnostics.append(Diagnostic(.warning, code: "status.assumed", message: "the \(unit) documents no \(statuses.isEmpty ? "" : "success ")status code; 200 is assumed", source: base))
            statuses.insert(200, at: 0)
        }
        let firstSuccess = statuses.first(where: Self.isSuccess)
        var responses: [Response] = []
        for status in statuses {
            var body = bodies.responses[status] ?? (status == firstSuccess ? bodies.responses[nil] ?? nil : nil)
            if body == nil, !Self.isSuccess(status), let error = bodies.errorSchema {
                body = Schema(kind: .object, properties: [Property(name: "error", required: true, schema: error)], source: error.source)
            }
            responses.append(Response(status: status, description: parts.statusDescriptions[status] ?? statusGroups[status], body: body, source: base))
        }
        for status in bodies.responses.keys.compactMap({ $0 }).sorted() where !statuses.contains(status) {
            output.diagnostics.append(Diagnostic(.warning, code: "status.unlisted", message: "status \(status) has a body table but no entry in the status summary", source: base))
        }
        output.errorSchema = bodies.errorSchema ?? responses.first { !Self.isSuccess($0.status) }?.body.flatMap { body in
            body.properties.count == 1 && body.properties[0].schema.kind == .object ? body.properties[0].schema : nil
        }
        return responses
    }

    private static func isSuccess(_ status: Int) -> Bool {
        (200..<400).contains(status)
    }

    // MARK: - Examples

    private func buildExamples(requestBody: Schema?, responses: [Response], output: inout Output) -> [Example] {
        let firstSuccess = responses.first { Self.isSuccess($0.status) }?.status
        var examples: [Example] = []
        for block in code {
            let source = base.line(block.line)
            if !block.closed {
                output.diagnostics.append(Diagnostic(.warning, code: "example.unclosed", message: "a code block that the document never closes", source: source))
            }
            let split = ExampleText.splitRequestLine(block.lines)
            guard split.body.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            var example = ExampleText.parse(split.body, kind: block.kind, title: block.title, source: source)
            if example.kind == .response {
                let isError = HuaweiConventions.isErrorExample(example.value)
                if isError { output.hasErrorExamples = true }
                example.status = block.status ?? (isError ? nil : firstSuccess)
            }
            if let problem = example.problem {
                if ExampleText.looksLikeJSON(example.text) {
                    output.diagnostics.append(Diagnostic(.warning, code: "example.invalid-json", message: "the \(example.kind.rawValue) example is not valid JSON (\(problem))", source: source))
                } else {
                    output.diagnostics.append(Diagnostic(.note, code: "example.not-json", message: "the \(example.kind.rawValue) example is not JSON; it is kept as text", source: source))
                }
            } else if let value = example.value {
                let schema = example.kind == .request ? requestBody : responses.first { $0.status == example.status }?.body
                if let schema {
                    for mismatch in ExampleKeyCheck.mismatches(value, against: schema) {
                        let hint = mismatch.closest.map { "; the table has '\($0)'" } ?? ""
                        output.diagnostics.append(Diagnostic(.warning, code: "example.undocumented-field", message: "the \(example.kind.rawValue) example has '\(mismatch.key)' at \(mismatch.pointer), which the tables do not document\(hint)", source: source))
                    }
                }
            }
            examples.append(example)
        }
        return examples
    }

    /// Tag APIs (`POST .../tags/action`) tell operations apart by a required `action` string
    /// field (`"action": "create"`, described `操作标识 ... 添加标签：create`). The value is taken
    /// from the request example, else from a description that names exactly one value.
    private static func actionFieldValue(path: String, body: Schema?, examples: [Example]) -> String? {
        guard path.hasSuffix("/action"), let field = body?.property(named: "action"), field.schema.kind == .string else { return nil }
        if let enumeration = field.schema.enumeration, enumeration.count > 1 { return nil }
        for example in examples where example.kind == .request {
            if case .string(let value)? = example.value?.objectValue?["action"] { return value }
        }
        if let enumeration = field.schema.enumeration, enumeration.count == 1 { return enumeration[0] }
        let description = field.schema.description ?? ""
        if let colon = description.lastIndex(where: { $0 == "：" || $0 == ":" }) {
            let word = description[description.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "。.")))
            if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-") }) { return word }
        }
        return nil
    }
}
