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
        result.notes.append("Response envelope (\(envelope.schema.properties.map(\.name).joined(separator: ", "))): \(envelope.note) Each operation's response body describes what sits under '\(envelope.payloadField)'.")
        // The nested lists the examples show under the payload (`data.List[]`), named in the note.
        var nested: [String] = []
        for value in parsed.map(\.0) {
            for (key, member) in value[envelope.payloadField]?.objectValue ?? [:] where member.arrayValue?.first?.objectValue != nil {
                let path = "\(envelope.payloadField).\(key)[]"
                if !nested.contains(path) { nested.append(path) }
            }
        }
        let shown = nested.isEmpty ? "" : " (the examples show \(nested.sorted().joined(separator: ", ")))"
        result.notes.append("Return tables (返回参数) list fields flat although the examples nest them\(shown); each table's types apply to its fields wherever they occur under '\(envelope.payloadField)' (fieldsAtAnyDepth).")
        if let error = derived.errorEnvelope {
            result.errorEnvelopes.append(error)
            result.notes.append("Error envelope: the gateway reports failure inside the same envelope, with '\(error.codeField)' other than \(envelope.successValue ?? "the success value") and the reason in '\(error.messageField)'. Derived from the examples: every 异常返回示例 section is empty and no error-code table exists.")
        }
        for outlier in derived.outliers {
            result.diagnostics.append(Diagnostic(.warning, code: "example.envelope-mismatch", message: "this success example does not have the envelope's fields (\(envelope.schema.properties.map(\.name).joined(separator: ", "))) that the other examples share; it breaks the derived envelope", source: outlier))
        }
        result.diagnostics.append(Diagnostic(.note, code: "envelope.derived", message: "the response envelope is derived from \(parsed.count - derived.outliers.count) of \(parsed.count) success examples; no table documents it", source: envelope.source ?? document.reference(line: 1)))
    }
}
