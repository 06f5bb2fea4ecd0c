import ConformanceModel
import Foundation

/// Builds one operation from the blocks of one numbered section of the PDF reference.
///
/// The section layout (EVS 6.1.1 创建云硬盘 and every other operation): unnumbered headings
/// 功能介绍, 接口约束, 调用方法, URI (the request line, 表 路径参数, 表 Query 参数), 请求参数
/// (表 请求 Header 参数, 表 请求 Body 参数, then one table per object type, captioned with the
/// type's name), 响应参数 (`状态码：202` then 表 响应 Body 参数 and its object tables, per
/// status), 请求示例, 响应示例 (`状态码：202`, a reason phrase, a code block), SDK 代码示例, 状态码
/// (the summary table) and 错误码. Older sections (5.1, 8.2.5) say 请求消息/响应消息 and label
/// tables `- versions参数说明`; both are read the same way.
struct PDFOperationReader {
    /// What one section yields.
    struct Output {
        var operation: ConformanceModel.Operation?
        var tables: [TableAccount] = []
        var diagnostics: [Diagnostic] = []
        var errorSchema: Schema?
    }

    let document: SourceDocument
    let base: DocReference

    private enum Role { case summary, constraints, uri, request, response, examples, sdk, statusCodes, other }

    private struct Placed {
        var table: PDFTable
        var role: Role
        var status: Int?
        var source: DocReference
    }

    private struct CodeBlock {
        var lines: [String]
        var line: Int
        var closed: Bool
        var kind: Example.Kind
        var status: Int?
        var title: String?
    }

    func read(_ blocks: [PDFBlock]) -> Output {
        var output = Output()
        var role = Role.other
        var exampleKind = Example.Kind.request
        var responseStatus: Int?
        var exampleStatus: Int?
        var summary: [String] = []
        var constraints: [String] = []
        var requestLine: (method: String, path: String, line: Int)?
        var placed: [Placed] = []
        var codeBlocks: [CodeBlock] = []
        var sdkLines: [String] = []
        var documentedStatuses: [Int] = []
        var lastText: String?
        var previousWasCode = false

        for block in blocks {
            let wasCode = previousWasCode
            previousWasCode = false
            switch block {
            case .heading:
                break
            case .orphanCaption(let caption, let line):
                output.diagnostics.append(Diagnostic(.warning, code: "table.caption-without-table", message: "caption '\(caption)' has no table under it", source: base.table(caption, line: line)))
            case .text(let text, let line):
                if let heading = Self.subheading(text) {
                    role = heading.role
                    if let kind = heading.exampleKind { exampleKind = kind; exampleStatus = nil }
                    lastText = nil
                    continue
                }
                if let status = PDFLineLexer.statusLine(text) {
                    if role == .examples { exampleStatus = status } else {
                        role = .response
                        responseStatus = status
                        if !documentedStatuses.contains(status) { documentedStatuses.append(status) }
                    }
                    lastText = nil
                    continue
                }
                switch role {
                case .summary:
                    if HuaweiPageReader.isListItem(text) { constraints.append(HuaweiPageReader.stripListMarker(text)) } else { summary.append(text) }
                case .constraints:
                    constraints.append(HuaweiPageReader.stripListMarker(text))
                case .uri:
                    if requestLine == nil, let parsed = HuaweiConventions.requestLine(HuaweiPageReader.stripListMarker(text)) {
                        requestLine = (parsed.method, parsed.path, line)
                    }
                case .examples:
                    if HuaweiConventions.requestLine(text) == nil { lastText = text }
                default:
                    break
                }
            case .table(let table):
                let source = base.table(table.caption, line: table.line)
                placed.append(Placed(table: table, role: role, status: role == .response ? responseStatus : nil, source: source))
            case .code(let lines, let line, let closed):
                previousWasCode = true
                switch role {
                case .sdk:
                    sdkLines += lines
                case .examples, .request, .response:
                    // A block right after another one, that the page break split off, is the rest of it.
                    if wasCode, let last = codeBlocks.last, last.kind == exampleKind, PDFExampleText.continues(last.lines, with: lines) {
                        codeBlocks[codeBlocks.count - 1].lines += lines
                        codeBlocks[codeBlocks.count - 1].closed = closed
                        output.diagnostics.append(Diagnostic(.note, code: "example.page-break-joined", message: "a code block split by a page break is joined with the block before it", source: base.line(line)))
                    } else {
                        let kind: Example.Kind = role == .response ? .response : role == .request ? .request : exampleKind
                        codeBlocks.append(CodeBlock(lines: lines, line: line, closed: closed, kind: kind, status: exampleStatus, title: lastText))
                    }
                    lastText = nil
                default:
                    break
                }
            }
        }

        guard let requestLine else {
            output.diagnostics.append(Diagnostic(.error, code: "operation.no-request-line", message: "no request line (`METHOD /path`) under URI; the section yields no operation", source: base))
            output.tables = placed.map { TableAccount(source: $0.source, disposition: .skipped("the section has no request line to attach it to")) }
            return output
        }

        // Parameters, structure tables and the status summary.
        var parameters: [Parameter] = []
        var structures: [(placed: Placed, structure: StructureTable)] = []
        var statusDescriptions: [Int: String] = [:]
        var summaryStatuses: [Int] = []
        let placeholders = HuaweiConventions.placeholders(in: requestLine.path)
        for (order, item) in placed.enumerated() {
            let table = item.table
            let caption = table.captionTitle ?? table.label ?? ""
            if item.role == .statusCodes || (table.header.count == 2 && ColumnRole.normalize(table.header[0]) == "状态码") {
                for row in table.rows {
                    guard let status = Int(row[0].trimmingCharacters(in: .whitespaces)) else { continue }
                    statusDescriptions[status] = row[1]
                    summaryStatuses.append(status)
                }
                output.tables.append(TableAccount(source: item.source, disposition: .placed("status codes of §\(base.section ?? "")")))
                continue
            }
            if table.rows.isEmpty {
                output.diagnostics.append(Diagnostic(.warning, code: "table.empty", message: "a table with a header and no rows", source: item.source))
                output.tables.append(TableAccount(source: item.source, disposition: .skipped("no rows")))
                continue
            }
            guard let rows = FieldRow.rows(of: table.table) else {
                output.diagnostics.append(Diagnostic(.warning, code: "table.no-header", message: "a table without recognisable header words (\(table.header.joined(separator: " | "))); not read", source: item.source))
                output.tables.append(TableAccount(source: item.source, disposition: .skipped("no header row with parameter-table words")))
                continue
            }
            switch item.role {
            case .uri:
                let location: Parameter.Location?
                if caption.contains("路径") || caption.lowercased().contains("path") { location = .path } else if caption.lowercased().contains("query") || caption.contains("查询") { location = .query } else { location = nil }
                for row in rows {
                    parameters.append(row.parameter(location: location ?? (placeholders.contains(row.name) ? .path : .query), source: item.source))
                }
                output.tables.append(TableAccount(source: item.source, disposition: .placed(location == .query ? "query parameters" : "path parameters")))
            case .request where caption.contains("Header") || caption.contains("header") || caption.contains("消息头"):
                parameters += rows.map { $0.parameter(location: .header, source: item.source) }
                output.tables.append(TableAccount(source: item.source, disposition: .placed("request headers")))
            case .request, .response:
                let label = StructureTable.parseLabel(table.subjectText)
                structures.append((item, StructureTable(subject: label.subject, footnote: label.footnote, captionNumber: label.captionNumber, rows: rows, order: order, source: item.source)))
            default:
                output.tables.append(TableAccount(source: item.source, disposition: .skipped("a field table outside the URI, request and response parts")))
                output.diagnostics.append(Diagnostic(.note, code: "table.unplaced", message: "a field table outside the URI, request and response parts", source: item.source))
            }
        }

        // Roots: the first generic table (`请求 Body 参数`, `响应 Body 参数`, `- 响应参数`) of the
        // request, and of each response status.
        var assembler = SchemaAssembler(tables: structures.map(\.structure))
        var requestBody: Schema?
        var bodies: [Int?: Schema] = [:]
        var roots: Set<Int> = []
        for (item, structure) in structures where Self.isRoot(structure.subject) {
            if item.role == .request {
                guard requestBody == nil else { continue }
                requestBody = unwrapped(assembler.objectSchema(for: structure), role: item.role, structures: structures, assembler: &assembler, roots: &roots, output: &output)
            } else {
                guard bodies[item.status] == nil else { continue }
                bodies[item.status] = unwrapped(assembler.objectSchema(for: structure), role: item.role, structures: structures, assembler: &assembler, roots: &roots, output: &output)
            }
            roots.insert(structure.order)
        }
        // An empty `请求 Body 参数` table, followed by the table of the SDK's body type.
        if requestBody == nil, let body = bodyTypeTable(.request, structures: structures) {
            requestBody = assembler.objectSchema(for: body)
            roots.insert(body.order)
            output.diagnostics.append(Diagnostic(.note, code: "table.root-by-name", message: "the request body table has no rows; '\(body.subject)' is read as the body", source: body.source))
        }
        for (item, structure) in structures {
            let root = roots.contains(structure.order)
                ? (item.role == .request ? "request body" : "response \(item.status.map(String.init) ?? "") body".replacingOccurrences(of: "  ", with: " "))
                : nil
            output.tables.append(HuaweiConventions.account(for: structure, rootLabel: root, used: assembler.used, diagnostics: &output.diagnostics))
        }
        output.diagnostics += assembler.diagnostics
        HuaweiConventions.addUndocumentedPathParameters(placeholders, to: &parameters, table: "path-parameter table", source: base.line(requestLine.line), diagnostics: &output.diagnostics)

        // Responses: every status the section names, in the summary table's order.
        var statuses = summaryStatuses
        for status in documentedStatuses where !statuses.contains(status) { statuses.append(status) }
        if statuses.isEmpty {
            statuses = [200]
            output.diagnostics.append(Diagnostic(.warning, code: "status.assumed", message: "the section documents no status code; 200 is assumed", source: base))
        }
        let success = statuses.filter { (200..<400).contains($0) }
        var responses: [Response] = []
        for status in statuses {
            // A body documented without a status (older sections) belongs to the success statuses.
            let body = bodies[status] ?? (success.first == status ? bodies[nil] ?? nil : nil)
            responses.append(Response(status: status, description: statusDescriptions[status], body: body, source: base))
        }
        for (status, _) in bodies {
            if let status, !statuses.contains(status) {
                output.diagnostics.append(Diagnostic(.warning, code: "status.unlisted", message: "status \(status) has a body table but no entry in the status summary", source: base))
            }
        }
        output.errorSchema = responses.first { $0.status >= 400 }?.body.flatMap { body in
            body.properties.count == 1 && body.properties[0].schema.kind == .object ? body.properties[0].schema : nil
        }

        // Examples.
        var examples: [Example] = []
        for block in codeBlocks {
            let source = base.line(block.line)
            if !block.closed {
                output.diagnostics.append(Diagnostic(.warning, code: "example.unclosed", message: "a code block that the document never closes", source: source))
            }
            let split = PDFExampleText.splitRequestLine(block.lines)
            guard split.body.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            var example = Self.parse(split.body, kind: block.kind, title: block.title, source: source)
            if example.kind == .response {
                example.status = block.status ?? (HuaweiConventions.isErrorExample(example.value) ? nil : success.first)
            }
            if let problem = example.problem {
                output.diagnostics.append(Diagnostic(.warning, code: "example.invalid-json", message: "the \(example.kind.rawValue) example is not valid JSON (\(problem))", source: source))
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

        // Action: a body key (`os-extend`) or the value of an `action` field (`create`).
        var action = HuaweiConventions.bodyKeyAction(path: requestLine.path, body: requestBody)
        var selector: ActionSelector? = action == nil ? nil : .bodyKey
        if action == nil, let value = Self.actionFieldValue(path: requestLine.path, body: requestBody, examples: examples) {
            action = value
            selector = .bodyField("action")
        }

        let title = base.title ?? ""
        let sdkName = SDKOperationName.find(in: sdkLines)
        output.operation = ConformanceModel.Operation(
            id: sdkName ?? OperationNaming.derive(method: requestLine.method, path: requestLine.path, action: action),
            title: title,
            method: requestLine.method,
            path: requestLine.path,
            action: action,
            actionSelector: selector,
            deprecated: HuaweiConventions.isDeprecated(title: title),
            summary: summary.isEmpty ? nil : summary.joined(separator: "\n"),
            constraints: constraints,
            parameters: parameters,
            requestBody: requestBody,
            responses: responses,
            examples: examples,
            source: base
        )
        return output
    }

    // MARK: - Helpers

    /// A body table whose only row stands for the body itself: `[数组元素] | Array of
    /// UnsubscribeVolumeResponseBody objects` (6.1.6: the body is a JSON array), or `- | Object`
    /// (6.1.14: the body is the object the SDK names `RetypeVolumeRequestBody`, captioned below).
    private func unwrapped(_ schema: Schema, role: Role, structures: [(placed: Placed, structure: StructureTable)], assembler: inout SchemaAssembler, roots: inout Set<Int>, output: inout Output) -> Schema {
        guard schema.properties.count == 1, Self.selfRowNames.contains(schema.properties[0].name) else { return schema }
        var inner = schema.properties[0].schema
        if inner.kind == .object, inner.properties.isEmpty, let body = bodyTypeTable(role, structures: structures) {
            inner = assembler.objectSchema(for: body)
            roots.insert(body.order)
        }
        output.diagnostics.append(Diagnostic(.note, code: "body.self-row", message: "the body table's only row '\(schema.properties[0].name)' describes the body itself (\(inner.kind.rawValue))", source: schema.source ?? base))
        return inner
    }

    static let selfRowNames: Set<String> = ["[数组元素]", "-", "[array element]", "[元素]"]

    /// The table captioned with the SDK's body type name (`RetypeVolumeRequestBody`).
    private func bodyTypeTable(_ role: Role, structures: [(placed: Placed, structure: StructureTable)]) -> StructureTable? {
        let suffix = role == .request ? "RequestBody" : "ResponseBody"
        return structures.first { $0.placed.role == role && $0.structure.subject.hasSuffix(suffix) }?.structure
    }

    /// An unnumbered sub-heading line (`响应参数`, `SDK 代码示例`, `- 请求样例:`), with its role.
    private static func subheading(_ text: String) -> (role: Role, exampleKind: Example.Kind?)? {
        var key = HuaweiPageReader.stripListMarker(text).replacingOccurrences(of: " ", with: "")
        while let last = key.last, last == ":" || last == "：" { key.removeLast() }
        guard PDFLineLexer.sectionWords.contains(key) else { return nil }
        if key == "调用方法" { return (.other, nil) }
        switch HuaweiConventions.role(ofSection: key) {
        case .summary: return (.summary, nil)
        case .constraints: return (.constraints, nil)
        case .uri: return (.uri, nil)
        case .request: return (.request, nil)
        case .response: return (.response, nil)
        case .examples: return (.examples, key.hasPrefix("请求") ? .request : .response)
        case .statusCodes: return (.statusCodes, nil)
        case .sdk: return (.sdk, nil)
        case .errorCodes, .other: return (.other, nil)
        }
    }

    /// `请求 Body 参数`, `响应 Body 参数`, `- 响应参数`: the top-level body table, not an object type.
    private static func isRoot(_ subject: String) -> Bool {
        HuaweiConventions.isGenericSubject(subject)
    }

    /// Parses an example, joining strings the PDF wrapped inside the block when that makes it JSON.
    private static func parse(_ lines: [String], kind: Example.Kind, title: String?, source: DocReference) -> Example {
        let text = lines.joined(separator: "\n")
        let example = Example.parsing(kind: kind, title: title, text: text, source: source)
        guard example.problem != nil else { return example }
        let joined = PDFExampleText.joinWrappedStrings(lines).joined(separator: "\n")
        if joined != text {
            // The joined text is what the document means even when it still does not parse.
            return Example.parsing(kind: kind, title: title, text: joined, source: source)
        }
        return example
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
