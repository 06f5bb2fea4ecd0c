import ConformanceModel
import Foundation

/// Builds schemas from the field tables of one operation, resolving each object-typed
/// field to the table that describes it.
///
/// A field's structure table is found, in this order, by: the footnote its type names
/// (`字典数据结构[1]`); the object name in its type (`CreateVolumeOption object`); a
/// reference in its description (`请参见•os-extend参数说明`, `详见表3`); its own name
/// (`resize` → `resize数据结构说明`). Names are compared by letters and digits only, and
/// then allowing a small spelling difference, because "a reference may name its table
/// slightly differently from the table's own heading". When the same subject heads two
/// tables (`entities参数说明` at two depths) the first unused one after the parent table
/// wins. Anything unresolved becomes a diagnostic and an open object schema.
public struct SchemaAssembler {
    public private(set) var tables: [StructureTable]
    public private(set) var diagnostics: [Diagnostic] = []
    /// The orders of the tables some field resolved to.
    public private(set) var used: Set<Int> = []
    private let maximumDepth = 12

    public init(tables: [StructureTable]) {
        self.tables = tables.sorted { $0.order < $1.order }
    }

    /// The object schema whose fields are the rows of `table`.
    public mutating func objectSchema(for table: StructureTable, name: String? = nil) -> Schema {
        used.insert(table.order)
        return buildObject(table, name: name, stack: [table.order])
    }

    /// The schema of one field row of `parent`.
    public mutating func fieldSchema(_ row: FieldRow, in parent: StructureTable) -> Schema {
        schema(for: row, in: parent, stack: [parent.order])
    }

    private mutating func buildObject(_ table: StructureTable, name: String?, stack: [Int]) -> Schema {
        var properties: [Property] = []
        for row in table.rows {
            if properties.contains(where: { $0.name == row.name }) {
                diagnostics.append(Diagnostic(.warning, code: "field.duplicate", message: "field '\(row.name)' is listed twice in one table; the first row is kept", source: table.source.line(row.line)))
                continue
            }
            let schema = schema(for: row, in: table, stack: stack)
            properties.append(Property(name: row.name, required: row.required ?? false, schema: schema))
        }
        return Schema(kind: .object, name: name, properties: properties, source: table.source)
    }

    private mutating func schema(for row: FieldRow, in parent: StructureTable, stack: [Int]) -> Schema {
        let source = parent.source.line(row.line)
        let expression: TypeExpression
        if let typeText = row.typeText {
            expression = TypeExpression.parse(typeText)
        } else {
            expression = .primitive(.any)
        }
        var schema = build(expression, row: row, parent: parent, stack: stack, source: source)
        schema.docType = row.typeText
        schema.description = row.description.isEmpty ? nil : row.description
        schema.source = source
        diagnostics += row.applyFacts(to: &schema, source: source)
        return schema
    }

    private mutating func build(_ expression: TypeExpression, row: FieldRow, parent: StructureTable, stack: [Int], source: DocReference) -> Schema {
        switch expression {
        case .primitive(let kind):
            return Schema(kind: kind)
        case .unsignedInteger:
            var schema = Schema(kind: .integer)
            FieldRow.unsignedMinimum(&schema, typeText: row.typeText, source: source)
            return schema
        case .array(let element):
            return Schema(kind: .array, items: build(element, row: row, parent: parent, stack: stack, source: source))
        case .map(let element):
            return Schema(kind: .map, values: build(element, row: row, parent: parent, stack: stack, source: source))
        case .unknown(let text):
            diagnostics.append(Diagnostic(.warning, code: "type.unknown", message: "unknown type '\(text)' for field '\(row.name)'; any JSON value is accepted", source: source))
            return Schema(kind: .any)
        case .object(let name):
            return object(objectName: name, footnote: nil, row: row, parent: parent, stack: stack, source: source)
        case .footnote(let number):
            return object(objectName: nil, footnote: number, row: row, parent: parent, stack: stack, source: source)
        }
    }

    private mutating func object(objectName: String?, footnote: Int?, row: FieldRow, parent: StructureTable, stack: [Int], source: DocReference) -> Schema {
        guard let target = resolve(footnote: footnote, objectName: objectName, row: row, parent: parent) else {
            if objectName != nil || footnote != nil || row.description.contains("参见") {
                let what = objectName.map { "object type '\($0)'" } ?? footnote.map { "footnote [\($0)]" } ?? "the object"
                diagnostics.append(Diagnostic(.warning, code: "type.unresolved", message: "no table describes \(what) of field '\(row.name)'; its fields are not checked", source: source))
            }
            return Schema(kind: .object, name: objectName)
        }
        if stack.contains(target.order) || stack.count >= maximumDepth {
            diagnostics.append(Diagnostic(.warning, code: "type.recursive", message: "field '\(row.name)' refers back to table '\(target.subject)'; the nested copy is left open", source: source))
            return Schema(kind: .object, name: objectName ?? target.subject)
        }
        used.insert(target.order)
        return buildObject(target, name: name(of: target, typeWord: objectName, row: row, source: source), stack: stack + [target.order])
    }

    /// The name of the object a table describes. The caption names it as the vendor's SDK does
    /// (`表 6-128 CreateSnapshotOption`), so a type-name caption wins over the field's type word,
    /// which the PDF sometimes breaks across a line (`CreateSnaps hotOption object`) or spells
    /// otherwise (`UpdateSnapshotsOption object` above `UpdateSnapshotOption`). A type word that
    /// still differs once its line break is joined is reported; it stays in `docType`, and the
    /// OpenAPI export offers it as an alias of the caption's name.
    private mutating func name(of target: StructureTable, typeWord: String?, row: FieldRow, source: DocReference) -> String? {
        guard target.subjectIsTypeName else { return typeWord }
        if let typeWord {
            let joined = typeWord.filter { !$0.isWhitespace }
            if joined != target.subject {
                diagnostics.append(Diagnostic(.note, code: "schema.caption-name", message: "field '\(row.name)' is typed '\(typeWord)'; the table it names is captioned '\(target.subject)', which names the schema ('\(joined)' is kept as an alias)", source: source))
            }
        } else if target.subject == row.name {
            return nil
        }
        return target.subject
    }

    // MARK: - Resolution

    private mutating func resolve(footnote: Int?, objectName: String?, row: FieldRow, parent: StructureTable) -> StructureTable? {
        let candidates = tables.filter { $0.order != parent.order }
        // A link in the description points straight at the table's anchor (EVS batch tags:
        // "resource_tag 参数数据结构说明" links to the table headed "tag 参数数据结构说明").
        for link in row.links {
            if let target = candidates.first(where: { $0.anchors.contains(link) }) { return target }
        }
        if let footnote {
            let matches = candidates.filter { $0.footnote == footnote }
            if let best = pick(matches, after: parent) { return best }
        }
        if let objectName, let best = pick(named: objectName, in: candidates, after: parent) { return best }
        for reference in references(in: row.description) {
            if let number = reference.captionNumber, let best = pick(candidates.filter { $0.captionNumber == number }, after: parent) {
                return best
            }
            if !reference.subject.isEmpty, let best = pick(named: reference.subject, in: candidates, after: parent) { return best }
        }
        return pick(named: row.name, in: candidates, after: parent)
    }

    private func pick(named name: String, in candidates: [StructureTable], after parent: StructureTable) -> StructureTable? {
        let key = StructureTable.key(name)
        guard !key.isEmpty else { return nil }
        if let exact = pick(candidates.filter { StructureTable.key($0.subject) == key }, after: parent) { return exact }
        // A small spelling difference (`schedule_r_hints`, a plural, a prefix) still matches, but
        // only for names long enough that two different fields are unlikely to be that close.
        guard key.count >= 6 else { return nil }
        let close = candidates.filter { candidate in
            let other = StructureTable.key(candidate.subject)
            return other.count >= 6 && (EditDistance.between(other, key, limit: 2) <= 2)
        }
        return pick(close, after: parent)
    }

    /// The first unused candidate after `parent`, then any after it, then the nearest before it.
    private func pick(_ candidates: [StructureTable], after parent: StructureTable) -> StructureTable? {
        let after = candidates.filter { $0.order > parent.order }
        if let unused = after.first(where: { !used.contains($0.order) }) { return unused }
        if let first = after.first { return first }
        return candidates.last
    }

    /// Table references in a description: the text after `请参见`/`参见`/`详见`/`see`, up to
    /// the end of the clause, parsed like a label.
    private func references(in description: String) -> [(subject: String, footnote: Int?, captionNumber: String?)] {
        var results: [(String, Int?, String?)] = []
        for cue in ["请参见", "参见", "详见", "请参考", "参考", "see ", "See "] {
            var searchStart = description.startIndex
            while let range = description.range(of: cue, range: searchStart..<description.endIndex) {
                let tail = description[range.upperBound...]
                let clause = tail.prefix { !"。，,；;）)\n".contains($0) }
                let parsed = StructureTable.parseLabel(clause.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "“”\"'「」《》")))
                results.append(parsed)
                searchStart = range.upperBound
            }
        }
        return results
    }
}

/// Levenshtein distance with an early exit, for matching table names that differ slightly.
enum EditDistance {
    static func between(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
