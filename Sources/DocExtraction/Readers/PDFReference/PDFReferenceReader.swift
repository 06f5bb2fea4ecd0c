import ConformanceModel
import Foundation

/// Reads a Huawei API reference exported from PDF to text (EVS API 参考, 2025-08-20): the
/// operations of its numbered sections, the appendix tables and the calling rules.
///
/// The work is split in steps, each in its own file: `PDFOutline` reads the TOC,
/// `PDFLineLexer` classifies lines (and splits glued headings), `PDFTableAssembler` groups them
/// into headings, text, tables (page-break parts merged) and code, `PDFOperationReader` turns a
/// section with a URI part into an `Operation`, `ServiceTableReader` reads error codes, statuses
/// and states, and `PDFCallingConventions` authentication and the gateway's error body. This
/// type walks the sections and accounts for every table.
public struct PDFReferenceReader: DocumentReader {
    public static let format = DocumentFormat.pdfText

    public init() {}

    /// A numbered section and the blocks under its heading, up to the next heading.
    private struct Section {
        var number: String?
        var title: String?
        var line: Int
        var blocks: [PDFBlock] = []
    }

    public func read(_ document: SourceDocument) -> DocumentExtraction {
        var result = DocumentExtraction(format: Self.format)
        let outline = PDFOutline.read(document.lines)
        let lexed = PDFLineLexer.lex(document.lines, outline: outline)
        for line in lexed.gluedLines {
            result.diagnostics.append(Diagnostic(.note, code: "pdf.glued-heading", message: "a heading glued to the end of the line before it (in bold markers) is read as its own line", source: document.reference(line: line)))
        }
        if !outline.isEmpty {
            result.tables.append(TableAccount(source: document.reference(line: outline.entries[0].line, title: "目录", table: "目录"), disposition: .placed("table of contents: \(outline.entries.count) entries, the index of sections and operations")))
        } else {
            result.diagnostics.append(Diagnostic(.warning, code: "outline.missing", message: "no table of contents (目录); headings are recognised by their numbers alone and the operations cannot be checked against an index", source: document.reference(line: 1)))
        }

        let sections = Self.sections(PDFTableAssembler.blocks(lexed.lines))
        var conventions = PDFCallingConventions()
        var errorSchema: (schema: Schema, source: DocReference)?
        var operationSections: Set<String> = []
        var headings: Set<String> = []

        for section in sections {
            if let number = section.number { headings.insert(number) }
            let base = document.reference(line: section.line, section: section.number, title: section.title)
            if Self.isOperationSection(section) {
                let output = PDFOperationReader(document: document, base: base).read(section.blocks)
                result.tables += output.tables
                result.diagnostics += output.diagnostics
                if let operation = output.operation {
                    result.operations.append(operation)
                    if let number = section.number { operationSections.insert(number) }
                }
                if errorSchema == nil, let schema = output.errorSchema { errorSchema = (schema, base) }
                continue
            }
            readGeneralSection(section, base: base, conventions: &conventions, into: &result)
        }

        // Every TOC leaf of a chapter that holds operations must have yielded one.
        let chapters = Set(operationSections.compactMap { $0.split(separator: ".").first.map(String.init) })
        for entry in outline.leaves where chapters.contains(String(entry.number.split(separator: ".")[0])) && !operationSections.contains(entry.number) {
            let found = headings.contains(entry.number)
            result.diagnostics.append(Diagnostic(.warning, code: "operation.missing", message: "TOC entry \(entry.number) \(entry.title) " + (found ? "yields no operation" : "has no heading in the body"), source: document.reference(line: entry.line, section: entry.number, title: entry.title)))
        }
        for entry in outline.entries where !headings.contains(entry.number) && !chapters.contains(String(entry.number.split(separator: ".")[0])) {
            result.diagnostics.append(Diagnostic(.note, code: "outline.heading-missing", message: "TOC entry \(entry.number) \(entry.title) has no heading in the body", source: document.reference(line: entry.line, section: entry.number, title: entry.title)))
        }

        result.authentication = conventions.authentication
        if let errorSchema {
            result.errorEnvelopes.append(HuaweiConventions.errorEnvelope(sentence: nil, errorSchema: errorSchema.schema, source: errorSchema.source))
        }
        if let flat = conventions.flatErrorEnvelope { result.errorEnvelopes.append(flat) }
        result.diagnostics += SchemaNameDisambiguator.disambiguate(&result.operations)
        return result
    }

    /// Tables and code outside operations: appendix tables, the common headers, calling rules.
    private func readGeneralSection(_ section: Section, base: DocReference, conventions: inout PDFCallingConventions, into result: inout DocumentExtraction) {
        let title = section.title ?? ""
        for block in section.blocks {
            switch block {
            case .text(let text, let line):
                conventions.readText(text, source: base.line(line))
            case .code(let lines, let line, _):
                conventions.readCode(lines, source: base.line(line))
            case .orphanCaption(let caption, let line):
                result.diagnostics.append(Diagnostic(.warning, code: "table.caption-without-table", message: "caption '\(caption)' has no table under it", source: base.table(caption, line: line)))
            case .heading:
                break
            case .table(let table):
                let source = base.table(table.caption, line: table.line)
                if table.rows.isEmpty {
                    result.diagnostics.append(Diagnostic(.warning, code: "table.empty", message: "a table with a header and no rows", source: source))
                    result.tables.append(TableAccount(source: source, disposition: .skipped("no rows")))
                    continue
                }
                if result.addServiceTable(table.table, title: title, source: source) { continue }
                if conventions.readHeaderTable(table, source: source) {
                    result.tables.append(TableAccount(source: source, disposition: .placed("common request headers: authentication")))
                } else {
                    result.tables.append(TableAccount(source: source, disposition: .skipped(Self.skipReason(table, section: section))))
                }
            }
        }
    }

    /// Why a table outside the operations is not read, from its header words.
    private static func skipReason(_ table: PDFTable, section: Section) -> String {
        let header = table.header.joined(separator: " ")
        let place = "§\(section.number ?? "?") \(section.title ?? "")"
        if header.contains("授权项") { return "IAM authorization items (\(place)): permissions, not part of the HTTP contract" }
        if header.contains("发布日期") { return "revision history (\(place))" }
        return "general explanation in \(place), not an operation, error-code, status or state table"
    }

    /// An operation section has a URI part (a `URI` sub-heading).
    private static func isOperationSection(_ section: Section) -> Bool {
        section.blocks.contains { block in
            if case .text(let text, _) = block { return ListMarker.strip(text).trimmingCharacters(in: .whitespaces) == "URI" }
            return false
        }
    }

    private static func sections(_ blocks: [PDFBlock]) -> [Section] {
        var sections: [Section] = [Section(number: nil, title: nil, line: 1)]
        for block in blocks {
            if case .heading(let number, let title, let line) = block {
                sections.append(Section(number: number, title: title, line: line))
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }
        return sections
    }
}
