import ConformanceModel
import Foundation

/// Reads markdown documents with pipe tables and one `## /path` section per endpoint:
/// Tencent's disk gateway (`003_*.txt`) and pages written like it.
///
/// Each endpoint section gives the title (`#### 功能：`), the method (`#### 请求类型：`),
/// the request table (名称 | 参数类型 | 是否必填 | 默认值 | 描述: the JSON body), the return
/// table (名称|参数类型|描述: the payload) and examples. Service-wide, the reader derives
/// the `scode` response envelope and the error envelope from the success examples
/// (`GatewayEnvelope`), since no table documents them, and says so in the notes.
public struct PipeMarkdownReader: DocumentReader {
    public static let format = DocumentFormat.markdownPipe

    public init() {}

    public func read(_ document: SourceDocument) -> DocumentExtraction {
        var result = DocumentExtraction(format: Self.format)
        let grouped = GatewayEndpoint.group(PipeMarkdownBlock.blocks(of: document))
        // Outside the endpoints, a table may be service-wide: an error-code or state table,
        // found by its header words.
        var serviceTables = 0
        for (table, title) in grouped.outside {
            let source = document.reference(line: table.table.line, title: title.isEmpty ? nil : title)
            if result.addServiceTable(table.table, title: title, source: source) {
                serviceTables += 1
                continue
            }
            result.diagnostics.append(Diagnostic(.note, code: "table.unplaced", message: "a table outside every `## /path` endpoint section", source: source))
            result.tables.append(TableAccount(source: source, disposition: .skipped("outside every endpoint section")))
        }
        guard !grouped.endpoints.isEmpty else {
            if serviceTables == 0 {
                result.diagnostics.append(Diagnostic(.error, code: "operation.none", message: "no `## /path` endpoint heading; the document yields no operation", source: document.reference(line: 1)))
            }
            return result
        }

        let ids = GatewayOperationNaming.ids(for: grouped.endpoints.map(\.path))
        for (endpoint, id) in zip(grouped.endpoints, ids) {
            var builder = GatewayOperationBuilder(document: document, endpoint: endpoint, id: id)
            result.operations.append(builder.build())
            result.diagnostics += builder.diagnostics
            result.tables += builder.tables
        }
        applyEnvelope(to: &result, document: document)
        return result
    }

    /// Derives the envelope from the success examples; without one, the return tables are
    /// read as the whole body and a diagnostic says the envelope could not be derived.
    private func applyEnvelope(to result: inout DocumentExtraction, document: SourceDocument) {
        let successes = result.operations.flatMap { operation in
            operation.examples.filter { $0.kind == .response && $0.status.map { (200..<300).contains($0) } == true }
        }
        let parsed = successes.compactMap { example in example.value.map { ($0, example.text, example.source) } }
        guard let derived = GatewayEnvelope.derive(from: parsed) else {
            if !result.operations.isEmpty {
                result.diagnostics.append(Diagnostic(.note, code: "envelope.none", message: "the success examples share no envelope (top-level fields common to all with one object payload); the return tables describe the whole body", source: document.reference(line: 1)))
                for index in result.operations.indices {
                    for response in result.operations[index].responses.indices {
                        result.operations[index].responses[response].body?.fieldsAtAnyDepth = false
                    }
                }
            }
            return
        }
        let envelope = derived.envelope
        result.responseEnvelope = envelope
        let tabled = Set(result.operations.flatMap { $0.responses.compactMap(\.body).flatMap(\.properties).map(\.name) })
        let inTables = envelope.schema.properties.map(\.name).filter(tabled.contains)
        let tableWords = inTables.isEmpty ? "no return table lists any of its fields" : "return tables list \(inTables.joined(separator: ", ")) as payload fields too"
        result.notes.append("Response envelope (\(envelope.schema.properties.map(\.name).joined(separator: ", "))): \(envelope.note) Of the envelope, \(tableWords). Each operation's response body describes what sits under '\(envelope.payloadField)'.")
        result.notes += nestPayloads(of: &result, envelope: envelope, document: document)
        if let error = derived.errorEnvelope {
            result.errorEnvelopes.append(error)
            let failures = result.operations.flatMap(\.examples).filter { $0.kind == .response && $0.status == nil }.count
            let shown = failures == 0 ? "no 异常返回示例 of the document holds an example" : "\(failures) 异常返回示例 example(s) exist and are checked against it by lint"
            result.notes.append("Error envelope: taken to be the same envelope, with '\(error.codeField)' other than \(envelope.successValue ?? "the success value") and the reason in '\(error.messageField)' (the first string field whose name says message); \(shown).")
        }
        for outlier in derived.outliers {
            result.diagnostics.append(Diagnostic(.warning, code: "example.envelope-mismatch", message: "this success example does not have the envelope's fields (\(envelope.schema.properties.map(\.name).joined(separator: ", "))) that the other examples share; it breaks the derived envelope", source: outlier))
        }
        result.diagnostics.append(Diagnostic(.note, code: "envelope.derived", message: "the response envelope is derived from \(parsed.count - derived.outliers.count) of \(parsed.count) success examples; \(tableWords)", source: envelope.source ?? document.reference(line: 1)))
    }

    /// Nests each operation's flat return table as its success examples show
    /// (`GatewayPayloadNesting`), with a diagnostic per operation; returns the notes that say,
    /// computed from what was placed, how the tables' fields nest.
    private func nestPayloads(of result: inout DocumentExtraction, envelope: ResponseEnvelope, document: SourceDocument) -> [String] {
        var placedNotes: [String] = []
        var flat: [String] = []
        for index in result.operations.indices {
            let operation = result.operations[index]
            let examples = operation.examples.compactMap { example -> GatewayPayloadNesting.PayloadExample? in
                guard example.kind == .response, let status = example.status, (200..<300).contains(status),
                      let payload = example.value?[envelope.payloadField]?.objectValue else { return nil }
                return GatewayPayloadNesting.PayloadExample(value: payload, text: example.text, source: example.source)
            }
            for response in operation.responses.indices {
                guard let table = operation.responses[response].body else { continue }
                guard !table.properties.isEmpty else {
                    result.operations[index].responses[response].body?.fieldsAtAnyDepth = false
                    continue
                }
                guard let placement = GatewayPayloadNesting.place(table, examples: examples) else {
                    flat.append(operation.id)
                    let why = examples.isEmpty ? "no success example has the envelope's '\(envelope.payloadField)'" : "no success example shows any of its fields"
                    result.diagnostics.append(Diagnostic(.warning, code: "payload.nesting-unknown", message: "\(operation.id): \(why), so nothing tells where the return table's fields sit; they are checked wherever they occur under '\(envelope.payloadField)', and unknown fields there are not reported", source: table.source ?? operation.source))
                    continue
                }
                var schema = placement.schema
                schema.description = placement.nested.isEmpty
                    ? "the fields under the envelope's payload, as the return table lists them"
                    : "the fields under the envelope's payload; the return table lists them flat, the examples nest some of them"
                result.operations[index].responses[response].body = schema
                guard response == operation.responses.startIndex, !placement.nested.isEmpty else { continue }
                let groups = placement.nested.map { group in
                    "\(envelope.payloadField).\(group.path.map(\.rendered).joined(separator: ".")) (\(group.fields.count) field\(group.fields.count == 1 ? "" : "s"))"
                }
                let inferred = placement.inferred.isEmpty ? "" : "; not in any example, placed with the row before them: \(placement.inferred.joined(separator: ", "))"
                placedNotes.append("\(operation.id): \(groups.joined(separator: ", "))\(inferred)")
                result.diagnostics.append(Diagnostic(.note, code: "payload.nested", message: "\(operation.id): the return table lists its fields flat; the success example nests them: \(groups.joined(separator: ", "))\(inferred)", source: table.source ?? operation.source))
            }
        }
        var notes: [String] = []
        if !placedNotes.isEmpty {
            notes.append("Return tables (返回参数) list fields flat; where the success examples nest them, they are placed as the examples show (members the tables leave out carry the example line as evidence): \(placedNotes.joined(separator: "; ")).")
        }
        if !flat.isEmpty {
            notes.append("No success example places the return-table fields of \(flat.joined(separator: ", ")); there they apply at any depth under '\(envelope.payloadField)' (fieldsAtAnyDepth).")
        }
        return notes
    }
}
