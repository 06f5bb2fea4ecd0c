import ConformanceModel
import Foundation

/// Reads Huawei Cloud's per-API pages: markdown with HTML tables, one operation per page.
///
/// The page layout (EVS 扩容云硬盘, ECS 变更云服务器规格 v1.1): an H1 title, then H2
/// sections 功能介绍, 接口约束, URI (the request line and the path-parameter table),
/// 请求/请求消息 (the body table, then one table per nested structure, introduced by a
/// label such as `os-extend参数说明` or a footnote `[1] resize数据结构说明`, then 请求样例),
/// 响应/响应消息 (the same for the response, then 响应样例), 状态码 and 错误码.
public struct HuaweiPageReader: DocumentReader {
    public static let format = DocumentFormat.markdownHTML

    public init() {}

    /// A table with the label in front of it and the section it sits in.
    private struct PlacedTable {
        var table: Table
        var label: String
        var role: HuaweiConventions.SectionRole
        var order: Int
        var rows: [FieldRow]?
    }

    public func read(_ document: SourceDocument) -> DocumentExtraction {
        var result = DocumentExtraction(format: Self.format)
        let blocks = MarkdownBlock.blocks(of: document)

        var title: String?
        var titleLine = 1
        var role = HuaweiConventions.SectionRole.other
        var sectionTitle = ""
        var summary: [String] = []
        var constraints: [String] = []
        var requestLine: (method: String, path: String, query: String?, line: Int)?
        var tables: [PlacedTable] = []
        var codeBlocks: [(text: String, role: HuaweiConventions.SectionRole, label: String, line: Int, closed: Bool)] = []
        var envelopeSentence: String?
        var successStatuses: [Int] = []
        var errorStatuses: [Int] = []
        var statusGroupIsError = false
        var lastLabel = ""
        var mentionsToken = false
        var mentionsAKSK = false
        var summaryBulletsAreNotes = false

        for block in blocks {
            switch block {
            case .heading(let level, let text, let line):
                if level == 1, title == nil {
                    title = text
                    titleLine = line
                } else if level >= 2 {
                    role = HuaweiConventions.role(ofSection: text)
                    sectionTitle = text
                    statusGroupIsError = false
                }
                lastLabel = ""
            case .text(let text, let indent, let line):
                let plain = Self.stripListMarker(text)
                if text.contains("token") || text.contains("Token") { mentionsToken = true }
                if text.contains("AK/SK") { mentionsAKSK = true }
                switch role {
                case .summary:
                    // Bullets under 功能介绍 state constraints (EVS extend: "扩容状态为in-use的云硬盘时，
                    // 有以下约束"), unless a "注意事项" line introduces them as usage notes (ECS resize).
                    if plain.hasPrefix("注意事项") || plain.hasPrefix("说明") { summaryBulletsAreNotes = true }
                    if text.hasPrefix(">") {
                        summary.append(plain.trimmingCharacters(in: CharacterSet(charactersIn: "> ")))
                    } else if (Self.isListItem(text) || indent > 0 && !summary.isEmpty) && !summaryBulletsAreNotes {
                        constraints.append(plain)
                    } else {
                        summary.append(plain)
                    }
                case .constraints:
                    constraints.append(plain)
                case .uri:
                    if requestLine == nil, let parsed = HuaweiConventions.requestLine(plain) {
                        requestLine = (parsed.method, parsed.path, parsed.query, line)
                    }
                case .statusCodes:
                    if plain.hasPrefix("正常") { statusGroupIsError = false }
                    if plain.hasPrefix("异常") { statusGroupIsError = true }
                    for number in Self.statusNumbers(in: plain) {
                        if statusGroupIsError { errorStatuses.append(number) } else { successStatuses.append(number) }
                    }
                default:
                    break
                }
                if plain.contains("泛指") && plain.contains("错误") { envelopeSentence = plain }
                lastLabel = plain
            case .htmlTable(let html, let line):
                let found = HTMLTableReader.tables(inHTML: html, line: line)
                if found.isEmpty {
                    result.diagnostics.append(Diagnostic(.warning, code: "table.empty", message: "an HTML table with no rows", source: document.reference(line: line, title: sectionTitle)))
                    result.tables.append(TableAccount(source: document.reference(line: line, title: sectionTitle, table: lastLabel), disposition: .skipped("no rows")))
                }
                for var table in found {
                    table.caption = lastLabel.isEmpty ? nil : lastLabel
                    tables.append(PlacedTable(table: table, label: lastLabel, role: role, order: tables.count, rows: FieldRow.rows(of: table)))
                }
            case .code(let text, _, let line, let closed):
                codeBlocks.append((text, role, lastLabel, line, closed))
            }
        }

        let pageTitle = title ?? document.name
        let base = document.reference(line: titleLine, title: pageTitle)
        guard let requestLine else {
            result.diagnostics.append(Diagnostic(.error, code: "operation.no-request-line", message: "no request line (`METHOD /path`) in the URI section; the page yields no operation", source: base))
            for placed in tables {
                result.tables.append(TableAccount(source: base.table(placed.label, line: placed.table.line), disposition: .skipped("the page has no request line to attach it to")))
            }
            return result
        }

        // Structure tables of the request and response sections, for nested-field resolution.
        var structures: [StructureTable] = []
        var roots: [(placed: PlacedTable, structure: StructureTable)] = []
        var parameters: [Parameter] = []
        let placeholders = HuaweiConventions.placeholders(in: requestLine.path)
        for placed in tables {
            let source = base.table(placed.label.isEmpty ? nil : placed.label, line: placed.table.line)
            guard let rows = placed.rows else {
                result.diagnostics.append(Diagnostic(.warning, code: "table.no-header", message: "a table without recognisable header words (\(placed.table.header.joined(separator: " | "))); not read", source: source))
                result.tables.append(TableAccount(source: source, disposition: .skipped("no header row with parameter-table words")))
                continue
            }
            let label = StructureTable.parseLabel(placed.label)
            switch placed.role {
            case .uri:
                for row in rows {
                    let location: Parameter.Location = placeholders.contains(row.name) ? .path : .query
                    parameters.append(Self.parameter(row, location: location, source: source))
                }
                result.tables.append(TableAccount(source: source, disposition: .placed("URI parameters")))
            case .request where placed.label.contains("Header") || placed.label.contains("消息头"):
                parameters += rows.map { Self.parameter($0, location: .header, source: source) }
                result.tables.append(TableAccount(source: source, disposition: .placed("request headers")))
            case .request, .response:
                let structure = StructureTable(subject: label.subject, footnote: label.footnote, captionNumber: label.captionNumber, rows: rows, order: placed.order, source: source)
                structures.append(structure)
                if HuaweiConventions.isGenericSubject(label.subject) && label.footnote == nil,
                   !roots.contains(where: { $0.placed.role == placed.role }) {
                    roots.append((placed, structure))
                }
            default:
                result.diagnostics.append(Diagnostic(.note, code: "table.unplaced", message: "a table in section '\(placed.role == .other ? "other" : "\(placed.role)")' that holds no parameters", source: source))
                result.tables.append(TableAccount(source: source, disposition: .skipped("not in a URI, request or response section")))
            }
        }

        var assembler = SchemaAssembler(tables: structures)
        var requestBody: Schema?
        var responseBody: Schema?
        var errorSchema: Schema?
        for (placed, structure) in roots {
            let schema = assembler.objectSchema(for: structure)
            if placed.role == .request {
                requestBody = schema
            } else {
                // Fields documented "出现错误时" belong to the error body (see isErrorField).
                let errorFields = schema.properties.filter(HuaweiConventions.isErrorField)
                var success = schema
                success.properties.removeAll(where: HuaweiConventions.isErrorField)
                if !errorFields.isEmpty {
                    if errorFields.count == 1, errorFields[0].schema.kind == .object {
                        errorSchema = errorFields[0].schema
                    } else {
                        errorSchema = Schema(kind: .object, properties: errorFields.map { Property(name: $0.name, required: true, schema: $0.schema) }, source: structure.source)
                        result.diagnostics.append(Diagnostic(.note, code: "response.error-fields-flat", message: "the response table lists error fields (\(errorFields.map(\.name).joined(separator: ", "))) beside the success fields; they are read as the error envelope's fields, as the page's examples show them", source: structure.source))
                    }
                }
                responseBody = success.properties.isEmpty ? nil : success
            }
        }
        for structure in structures {
            let root = roots.first(where: { $0.structure.order == structure.order }).map { $0.placed.role == .request ? "request body" : "response body" }
            result.tables.append(HuaweiConventions.account(for: structure, rootLabel: root, used: assembler.used, diagnostics: &result.diagnostics))
        }
        result.diagnostics += assembler.diagnostics
        HuaweiConventions.addUndocumentedPathParameters(placeholders, to: &parameters, table: "URI table", source: base.line(requestLine.line), diagnostics: &result.diagnostics)

        // Status codes: the 状态码 section's 正常 list; pages that defer to a shared page
        // (`返回值: 请参考通用请求返回值`) give none, and 200 is assumed with a diagnostic.
        if successStatuses.isEmpty {
            successStatuses = [200]
            result.diagnostics.append(Diagnostic(.warning, code: "status.assumed", message: "the page documents no success status code; 200 is assumed", source: base))
        }
        var responses: [Response] = successStatuses.map { status in
            Response(status: status, description: "正常", body: responseBody, source: base)
        }
        for status in errorStatuses where !successStatuses.contains(status) {
            responses.append(Response(status: status, description: "异常", body: errorSchema.map { Self.wrapped($0) }, source: base))
        }

        // Examples: request blocks are request examples; response blocks that carry an error
        // body are error examples without a status.
        var examples: [Example] = []
        for block in codeBlocks where block.role == .request || block.role == .response {
            let source = base.line(block.line)
            if !block.closed {
                result.diagnostics.append(Diagnostic(.warning, code: "example.unclosed", message: "a code block that the page never closes", source: source))
            }
            if block.role == .request {
                examples.append(.parsing(kind: .request, text: block.text, source: source))
            } else {
                var example = Example.parsing(kind: .response, text: block.text, source: source)
                example.status = HuaweiConventions.isErrorExample(example.value) ? nil : successStatuses.first
                examples.append(example)
            }
            if let problem = examples.last?.problem {
                result.diagnostics.append(Diagnostic(.warning, code: "example.invalid-json", message: "the example is not valid JSON (\(problem))", source: source))
            }
        }

        let action = HuaweiConventions.bodyKeyAction(path: requestLine.path, body: requestBody)
        let operation = Operation(
            id: OperationNaming.derive(method: requestLine.method, path: requestLine.path, action: action),
            title: pageTitle,
            method: requestLine.method,
            path: requestLine.path,
            action: action,
            actionSelector: action == nil ? nil : .bodyKey,
            deprecated: HuaweiConventions.isDeprecated(title: pageTitle),
            summary: summary.isEmpty ? nil : summary.joined(separator: "\n"),
            constraints: constraints,
            parameters: parameters,
            requestBody: requestBody,
            responses: responses,
            examples: examples,
            source: base
        )
        result.operations.append(operation)

        if errorSchema != nil || envelopeSentence != nil || examples.contains(where: { $0.kind == .response && $0.status == nil }) {
            result.errorEnvelopes.append(HuaweiConventions.errorEnvelope(sentence: envelopeSentence, errorSchema: errorSchema, source: base))
        }
        if mentionsToken || !mentionsAKSK {
            result.authentication.append(Authentication(name: "token", header: "X-Auth-Token", source: base))
        }
        if mentionsAKSK {
            result.authentication.append(Authentication(name: "aksk", header: "Authorization", scheme: "SDK-HMAC-SHA256", source: base))
        }
        return result
    }

    private static func parameter(_ row: FieldRow, location: Parameter.Location, source: DocReference) -> Parameter {
        let kind: Schema.Kind
        switch row.typeText.map(TypeExpression.parse) {
        case .primitive(let primitive)?: kind = primitive
        case .unsignedInteger?: kind = .integer
        case .array?: kind = .array
        default: kind = .string
        }
        var schema = Schema(kind: kind, docType: row.typeText, description: row.description.isEmpty ? nil : row.description, source: source.line(row.line))
        let facts = DescriptionFacts.analyze(row.description, kind: kind)
        schema.enumeration = facts.enumeration
        schema.minimum = facts.minimum
        schema.maximum = facts.maximum
        schema.maxLength = facts.maxLength
        schema.minLength = facts.minLength
        schema.defaultValue = row.defaultText ?? facts.defaultValue
        schema.format = facts.format
        return Parameter(name: row.name, location: location, required: row.required ?? (location == .path), schema: schema)
    }

    /// The error body as the wire shows it: the fields inside the `error` wrapper.
    private static func wrapped(_ inner: Schema) -> Schema {
        Schema(kind: .object, properties: [Property(name: "error", required: true, schema: inner)], source: inner.source)
    }

    static func isListItem(_ text: String) -> Bool {
        text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("• ") || text.hasPrefix("-   ")
    }

    static func stripListMarker(_ text: String) -> String {
        var result = Substring(text)
        while let first = result.first, "-*•".contains(first) || first == " " {
            result = result.dropFirst()
        }
        return String(result)
    }

    static func statusNumbers(in text: String) -> [Int] {
        text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (100...599).contains($0) }
    }
}
