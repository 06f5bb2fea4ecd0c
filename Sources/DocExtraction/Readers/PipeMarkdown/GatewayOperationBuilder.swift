import ConformanceModel
import Foundation

/// Turns one grouped gateway endpoint into an `Operation`, with diagnostics and the
/// account of each of its tables.
struct GatewayOperationBuilder {
    let document: SourceDocument
    let endpoint: GatewayEndpoint
    let id: String
    var diagnostics: [Diagnostic] = []
    var tables: [TableAccount] = []

    init(document: SourceDocument, endpoint: GatewayEndpoint, id: String) {
        self.document = document
        self.endpoint = endpoint
        self.id = id
    }

    private var title: String { endpoint.title?.text ?? endpoint.path }

    private func reference(_ line: Int?, table: String? = nil) -> DocReference {
        document.reference(line: line, title: title, table: table)
    }

    private mutating func diagnose(_ severity: Diagnostic.Severity, _ code: String, _ message: String, line: Int?, table: String? = nil) {
        diagnostics.append(Diagnostic(severity, code: code, message: message, source: reference(line, table: table)))
    }

    mutating func build() -> ConformanceModel.Operation {
        let base = reference(endpoint.line)
        if endpoint.title == nil {
            diagnose(.warning, "operation.no-title", "the endpoint has no `功能：` line; its path is used as the title", line: endpoint.line)
        }
        // `#### 请求类型：post`: the method in any case. Without it, POST is assumed: every
        // gateway endpoint takes a JSON body.
        var method = "POST"
        if let written = endpoint.method {
            let word = written.text.uppercased().trimmingCharacters(in: .whitespaces)
            if ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(word) {
                method = word
            } else {
                diagnose(.warning, "operation.unknown-method", "the request type '\(written.text)' is not an HTTP method; POST is assumed", line: written.line)
            }
        } else {
            diagnose(.warning, "operation.no-method", "the endpoint has no `请求类型：` line; POST is assumed", line: endpoint.line)
        }

        let requestBody = body(from: endpoint.requestTables, role: "request body", payload: false)
        var payload = body(from: endpoint.responseTables, role: "response payload", payload: true)
        if payload == nil, endpoint.responseNoneLine != nil {
            payload = Schema(kind: .object, description: "返回参数: 无 (the operation returns no fields)", source: reference(endpoint.responseNoneLine))
        }
        for stray in endpoint.strayTables {
            let source = reference(stray.result.table.line, table: stray.section)
            diagnose(.note, "table.unplaced", "a table in section '\(stray.section)', which holds no parameters", line: stray.result.table.line, table: stray.section)
            tables.append(TableAccount(source: source, disposition: .skipped("not in a 请求参数 or 返回参数 section")))
        }
        for line in endpoint.strayCode {
            diagnose(.note, "example.unplaced", "a code block outside an example heading (请求示例, 正常返回示例, 异常返回示例); not read", line: line)
        }

        let statuses = successStatuses()
        var responses = statuses.map { Response(status: $0, description: "正常返回", body: payload, source: base) }
        if responses.isEmpty { responses = [Response(status: 200, body: payload, source: base)] }

        return ConformanceModel.Operation(
            id: id,
            title: title,
            method: method,
            path: endpoint.path,
            requestBody: requestBody,
            responses: responses,
            examples: examples(successStatus: statuses.first ?? 200),
            source: base
        )
    }

    // MARK: - Tables

    /// The object schema of the first table of a section; further tables are reported.
    private mutating func body(from results: [PipeTableReader.Result], role: String, payload: Bool) -> Schema? {
        var schema: Schema?
        for (index, result) in results.enumerated() {
            let table = result.table
            let source = reference(table.line, table: role)
            for irregularity in result.irregularities {
                diagnose(.note, "table.irregular-row", irregularity.message, line: irregularity.line, table: role)
            }
            guard index == 0 else {
                diagnose(.warning, "table.extra", "a second table in the same section; only the first is read", line: table.line, table: role)
                tables.append(TableAccount(source: source, disposition: .skipped("a second table in the \(role) section")))
                continue
            }
            guard var rows = FieldRow.rows(of: table) else {
                diagnose(.warning, "table.no-header", "a table without recognisable header words (\(table.header.joined(separator: " | "))); not read", line: table.line, table: role)
                tables.append(TableAccount(source: source, disposition: .skipped("no header row with parameter-table words")))
                continue
            }
            // `无` as the only row (line 537) means "no fields", not a field named 无.
            rows.removeAll { GatewayConventions.isNone($0.name) && ($0.typeText ?? "").isEmpty }
            var written: [String: String] = [:]
            for index in rows.indices {
                guard let typeText = rows[index].typeText, let corrected = GatewayConventions.correctedType(typeText) else { continue }
                written[rows[index].name] = typeText
                rows[index].typeText = corrected
                diagnose(.warning, "type.corrected", "field '\(rows[index].name)' is typed '\(typeText)', which is no type; read as '\(corrected)' (a list, as its description, its example and the same field on other endpoints show)", line: rows[index].line, table: role)
            }
            let structure = StructureTable(subject: role, rows: rows, order: 0, source: source)
            var assembler = SchemaAssembler(tables: [structure])
            var object = assembler.objectSchema(for: structure)
            diagnostics += assembler.diagnostics
            finish(&object, rows: rows, written: written, role: role)
            if payload {
                // The return tables list fields flat although the examples nest some of them
                // (data.List[].DiskId): until `GatewayPayloadNesting` places them by the
                // examples, the fields apply wherever they occur under the payload.
                object.fieldsAtAnyDepth = true
                object.description = "the fields under the envelope's payload; the return table lists them flat, so they apply at any depth"
            }
            tables.append(TableAccount(source: source, disposition: .placed(rows.isEmpty ? "\(id) \(role) (no fields)" : "\(id) \(role)")))
            schema = object
        }
        return schema
    }

    /// Applies what the assembler does not know: defaults checked against types and
    /// descriptions, the doc's own type words on corrected fields, and reports of fields
    /// whose requiredness is unknown (`---`) or whose struct has no table.
    private mutating func finish(_ object: inout Schema, rows: [FieldRow], written: [String: String], role: String) {
        var openStructs: [String] = []
        var unknownRequired: [String] = []
        for index in object.properties.indices {
            let name = object.properties[index].name
            guard let row = rows.first(where: { $0.name == name }) else { continue }
            var schema = object.properties[index].schema
            if let original = written[name] { schema.docType = original }
            let reconciled = DefaultValueCheck.reconcile(column: row.defaultText, description: row.description, kind: schema.kind)
            schema.defaultValue = reconciled.value
            schema.evidence[.defaultValue] = reconciled.evidence.map { evidence in
                var located = evidence
                located.source = schema.source
                return located
            }
            for problem in reconciled.problems {
                diagnose(.warning, problem.code, "field '\(name)': \(problem.message)", line: row.line, table: role)
            }
            let element = schema.kind == .array ? schema.items : schema
            if element?.kind == .object, element?.properties.isEmpty == true { openStructs.append(schema.kind == .array ? name + "[]" : name) }
            if row.required == nil, !role.contains("payload") { unknownRequired.append(name) }
            object.properties[index].schema = schema
        }
        if !openStructs.isEmpty {
            diagnose(.note, "type.open-struct", "fields typed struct with no table describing them: \(openStructs.joined(separator: ", ")); their inner fields are not checked", line: object.source?.line, table: role)
        }
        if !unknownRequired.isEmpty {
            diagnose(.note, "field.required-unknown", "the required column gives no answer ('---' or blank) for \(unknownRequired.joined(separator: ", ")); taken as not required", line: object.source?.line, table: role)
        }
    }

    // MARK: - Statuses and examples

    /// The 2xx codes the 状态码 section lists; the gateway doc leaves every such section
    /// empty, so 200 is assumed (the examples are `正常返回示例`) and reported.
    private mutating func successStatuses() -> [Int] {
        var statuses: [Int] = []
        for (text, _) in endpoint.statusLines {
            for number in text.split(whereSeparator: { !$0.isNumber }).compactMap({ Int($0) }) where (200..<300).contains(number) && !statuses.contains(number) {
                statuses.append(number)
            }
        }
        if statuses.isEmpty {
            let line = endpoint.statusSectionLine ?? endpoint.line
            diagnose(.warning, "status.assumed", "the endpoint documents no success status code (its 状态码 section is \(endpoint.statusSectionLine == nil ? "missing" : "empty")); 200 is assumed", line: line)
            statuses = [200]
        }
        return statuses
    }

    /// `请求示例`: a block holding the URL, then `Body:` and the JSON body; `正常返回示例`:
    /// a success response; `异常返回示例`: an error response (no status given).
    private mutating func examples(successStatus: Int) -> [Example] {
        var examples: [Example] = []
        var target: String?
        for block in endpoint.codeBlocks {
            if !block.closed {
                diagnose(.warning, "example.unclosed", "a code block the document never closes", line: block.line)
            }
            let text = block.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            // A one-line block that is a URL or a path is the request's target.
            if block.role == .request, !text.contains("\n"), text.hasPrefix("http") || text.hasPrefix("/") {
                target = text
                if let path = Self.path(of: text), path != endpoint.path {
                    diagnose(.warning, "example.path-mismatch", "the request example targets \(path), not the endpoint's \(endpoint.path)", line: block.line)
                }
                continue
            }
            guard text.hasPrefix("{") || text.hasPrefix("[") else {
                diagnose(.note, "example.not-json", "a code block under '\(block.heading)' that is neither a URL nor JSON; not read", line: block.line)
                continue
            }
            let source = reference(block.line)
            let example: Example
            switch block.role {
            case .request:
                example = .parsing(kind: .request, title: target.map { "\(block.heading) \($0)" } ?? block.heading, text: text, source: source)
            case .success:
                example = .parsing(kind: .response, status: successStatus, title: block.heading, text: text, source: source)
            case .failure:
                example = .parsing(kind: .response, title: block.heading, text: text, source: source)
            }
            if let problem = example.problem {
                diagnose(.warning, "example.invalid-json", "the example is not valid JSON (\(problem))", line: block.line)
            }
            examples.append(example)
        }
        return examples
    }

    /// The path of `http://10.30.12.97:8080/v1/tencent/disk/create` or of a bare path.
    static func path(of target: String) -> String? {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            rest = rest[slash...]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        return rest.hasPrefix("/") ? String(rest) : nil
    }
}
