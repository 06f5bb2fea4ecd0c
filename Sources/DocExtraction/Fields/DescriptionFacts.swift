import ConformanceModel
import Foundation

/// The facts a field's description states in words: enumerated values, numeric bounds,
/// length limits, item counts, a default, a string format, nullability; each with the words
/// it was read from.
///
/// Facts are read only through the phrasings of `DescriptionPhrasing.all` ("a wrong rule is
/// worse than a missing one"); the words always stay in the schema's description, so a missed
/// fact is still readable. Three readings keep the facts to what the text states for this field:
/// - a sentence that gives examples (`例如`, `查询示例`) states no fact;
/// - a fact after a condition in the same line (`如果为创建单个云硬盘，…最大支持255个字节`,
///   `periodType为month时，为[1-9]`) holds only under that condition. It is not applied to the
///   schema: the validator would apply it to every request. It is kept in `conditional`, and the
///   caller reports it as a note. Not as a cross-field rule: the conditions are comparisons
///   (`count大于1`) and situations (`创建单个云硬盘`) that `BodyRule` cannot test, and a rule
///   written from a guess would be worse than none. A condition about the field's own absence
///   (`如果无该参数`, `不传时`) restricts nothing and is not one;
/// - several statements of one bound give their envelope (never narrower than any of them), so
///   that a value breaks the bound only when it breaks every statement.
public struct DescriptionFacts: Sendable, Hashable {
    public var enumeration: [String]?
    public var minimum: Double?
    public var maximum: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var minItems: Int?
    public var maxItems: Int?
    public var defaultValue: String?
    public var format: String?
    public var nullable = false
    /// The words behind each fact above.
    public var evidence: [Schema.Fact: Evidence] = [:]
    /// Facts the description states under a condition; not applied.
    public var conditional: [StatedFact] = []

    /// The run-in labels Huawei's reference puts inside description cells.
    static let labels = ["参数解释", "约束限制", "取值范围", "默认取值"]

    /// Splits a description at its run-in labels; text before the first label is keyed "".
    public static func segments(_ text: String) -> [String: String] {
        var marks: [(label: String, range: Range<String.Index>)] = []
        for label in labels {
            var searchStart = text.startIndex
            while let range = text.range(of: label, range: searchStart..<text.endIndex) {
                marks.append((label, range))
                searchStart = range.upperBound
            }
        }
        guard !marks.isEmpty else { return ["": text] }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        var result: [String: String] = [:]
        let lead = text[..<marks[0].range.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if !lead.isEmpty { result[""] = lead }
        for (index, mark) in marks.enumerated() {
            let end = index + 1 < marks.count ? marks[index + 1].range.lowerBound : text.endIndex
            let body = text[mark.range.upperBound..<end].trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "：:")))
            result[mark.label, default: ""] += result[mark.label] == nil ? body : " " + body
        }
        return result
    }

    /// The parts of a description each scope reads: with run-in labels, values come from
    /// 取值范围, bounds from 参数解释, 约束限制 and 取值范围, defaults from 默认取值; without
    /// them the whole text is read for everything.
    static func parts(of description: String) -> [DescriptionPhrasing.Scope: [String]] {
        let segments = segments(description)
        guard segments.count > 1 || segments[""] == nil else {
            return [.values: [description], .bounds: [description], .defaults: [description], .anywhere: [description]]
        }
        return [
            .values: [segments["取值范围"]].compactMap { $0 },
            .bounds: [segments["参数解释"], segments["约束限制"], segments["取值范围"], segments[""]].compactMap { $0 },
            .defaults: [segments["默认取值"].map { "默认取值 " + $0 }].compactMap { $0 },
            .anywhere: [description],
        ]
    }

    /// Reads the facts for a field of `kind` from its description. A reference repeats its
    /// descriptions across operations, so results are kept per description and kind.
    public static func analyze(_ description: String, kind: Schema.Kind) -> DescriptionFacts {
        if let known = FactsCache.shared.facts(description, kind) { return known }
        var stated: [StatedFact] = []
        // Each part once without its example sentences. Lists run over lines (`• "true"：是` /
        // `• "false"：否`); conditions hold to the end of their line.
        let parts = parts(of: description).mapValues { texts in
            texts.map { part in part.split(separator: "\n", omittingEmptySubsequences: false).map { DescriptionClauses.withoutExamples(String($0)) }.joined(separator: "\n") }
        }
        for phrasing in DescriptionPhrasing.all where phrasing.kinds.contains(kind) {
            for text in parts[phrasing.scope] ?? [] {
                for match in phrasing.find(text) {
                    stated.append(StatedFact(
                        fact: match.fact, value: match.value, phrase: String(text[match.range]).trimmingCharacters(in: .whitespacesAndNewlines),
                        phrasing: phrasing.id, condition: DescriptionClauses.condition(before: match.range.lowerBound, in: text)
                    ))
                }
            }
        }
        let facts = DescriptionFacts(stated: stated, kind: kind)
        FactsCache.shared.store(facts, description, kind)
        return facts
    }

    /// Combines statements into facts.
    init(stated: [StatedFact], kind: Schema.Kind) {
        // Conditional statements that could apply to a field of this kind; a default that is no
        // value of the kind would be dropped anyway.
        conditional = stated.filter { statement in
            statement.condition != nil && (statement.fact != .defaultValue || DefaultValueCheck.fits(statement.value.text, kind: kind))
        }
        let plain = stated.filter { $0.condition == nil }
        func evidence(_ statement: StatedFact) -> Evidence { Evidence(.sentence, phrase: statement.phrase) }

        // A value list: the first phrasing (in table order) that reads one.
        if let list = plain.first(where: { $0.fact == .enumeration }), case .values(var values) = list.value {
            if kind == .integer, !values.allSatisfy({ Int($0) != nil }) { values = [] }
            if values.count >= 2 {
                enumeration = values
                self.evidence[.enumeration] = evidence(list)
            }
        }
        // Bounds: the envelope of every statement.
        func loosest(_ fact: Schema.Fact, lower: Bool) -> (Double, StatedFact)? {
            let candidates = plain.filter { $0.fact == fact }.compactMap { statement in statement.value.number.map { ($0, statement) } }
            return lower ? candidates.min { $0.0 < $1.0 } : candidates.max { $0.0 < $1.0 }
        }
        for (fact, lower) in [(Schema.Fact.minimum, true), (.maximum, false), (.minLength, true), (.maxLength, false), (.minItems, true), (.maxItems, false)] {
            guard let (value, statement) = loosest(fact, lower: lower) else { continue }
            set(fact, value)
            self.evidence[fact] = evidence(statement)
        }
        if let minimum, let maximum, minimum > maximum { drop([.minimum, .maximum]) }
        if let minLength, let maxLength, minLength > maxLength { drop([.minLength, .maxLength]) }
        if let statement = plain.first(where: { $0.fact == .format }) {
            format = statement.value.text
            self.evidence[.format] = evidence(statement)
        }
        if let statement = plain.first(where: { $0.fact == .nullable }) {
            nullable = true
            self.evidence[.nullable] = evidence(statement)
        }
        if let statement = plain.first(where: { $0.fact == .defaultValue }) {
            let value = statement.value.text
            // "该字段不存在时，云硬盘默认为VBD类型" (EVS 8.2.1.1, hw:passthrough) names what the
            // absence means, not a value of the field: a default outside the field's documented
            // values or type is not kept.
            let outsideValues = enumeration.map { !$0.contains(value) && !$0.contains(value.lowercased()) } ?? false
            if !outsideValues, DefaultValueCheck.fits(value, kind: kind) {
                defaultValue = value
                self.evidence[.defaultValue] = evidence(statement)
            }
        }
        // A stated default outside the bounds read from the same text means one of them is
        // misread; the bounds are the rule, so they go.
        if let value = defaultValue.flatMap(Double.init),
           minimum.map({ value < $0 }) ?? false || maximum.map({ value > $0 }) ?? false {
            drop([.minimum, .maximum])
        }
    }

    private mutating func set(_ fact: Schema.Fact, _ value: Double) {
        switch fact {
        case .minimum: minimum = value
        case .maximum: maximum = value
        case .minLength: minLength = Int(value)
        case .maxLength: maxLength = Int(value)
        case .minItems: minItems = Int(value)
        case .maxItems: maxItems = Int(value)
        default: break
        }
    }

    private mutating func drop(_ facts: [Schema.Fact]) {
        for fact in facts {
            switch fact {
            case .minimum: minimum = nil
            case .maximum: maximum = nil
            case .minLength: minLength = nil
            case .maxLength: maxLength = nil
            default: break
            }
            evidence[fact] = nil
        }
    }

    /// Sets every fact on `schema`, each with its evidence pointing at `source`. A fact the
    /// schema already holds from its table (a `uint64` minimum) is kept when it is the stricter.
    public func apply(to schema: inout Schema, source: DocReference?) {
        func record(_ fact: Schema.Fact) {
            if var item = evidence[fact] {
                item.source = source
                schema.evidence[fact] = item
            }
        }
        if schema.enumeration == nil, let enumeration { schema.enumeration = enumeration; record(.enumeration) }
        if let minimum, minimum > (schema.minimum ?? -.infinity) { schema.minimum = minimum; record(.minimum) }
        if let maximum { schema.maximum = maximum; record(.maximum) }
        if let minLength { schema.minLength = minLength; record(.minLength) }
        if let maxLength { schema.maxLength = maxLength; record(.maxLength) }
        if let minItems { schema.minItems = minItems; record(.minItems) }
        if let maxItems { schema.maxItems = maxItems; record(.maxItems) }
        if let format { schema.format = format; record(.format) }
        if nullable { schema.nullable = true; record(.nullable) }
        if schema.defaultValue == nil, let defaultValue { schema.defaultValue = defaultValue; record(.defaultValue) }
    }

    /// Notes for the facts stated under a condition, for the field `name` at `source`.
    public func conditionalNotes(field name: String, source: DocReference) -> [Diagnostic] {
        // One note per phrase: `[1-9]` states a minimum and a maximum under one condition.
        var groups: [(phrase: String, condition: String, facts: [String])] = []
        for statement in conditional {
            let fact = "\(statement.fact.rawValue) \(statement.value.text)"
            if let index = groups.firstIndex(where: { $0.phrase == statement.phrase && $0.condition == statement.condition }) {
                groups[index].facts.append(fact)
            } else {
                groups.append((statement.phrase, statement.condition ?? "", [fact]))
            }
        }
        return groups.map { group in
            Diagnostic(.note, code: "fact.conditional", message: "field '\(name)': '\(group.phrase)' (\(group.facts.joined(separator: ", "))) holds only when '\(group.condition)'; not enforced", source: source)
        }
    }

    /// Runs of `pattern` in `text` (group 0 and the capture groups); kept for readers that
    /// match their own conventions (`PlainTextConventions`).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        Pattern.matches(pattern, in: text).map(\.groups)
    }
}

/// The facts of descriptions already read, per description and kind.
private final class FactsCache: @unchecked Sendable {
    static let shared = FactsCache()

    private struct Key: Hashable {
        var description: String
        var kind: Schema.Kind
    }

    private let lock = NSLock()
    private var entries: [Key: DescriptionFacts] = [:]

    func facts(_ description: String, _ kind: Schema.Kind) -> DescriptionFacts? {
        lock.lock()
        defer { lock.unlock() }
        return entries[Key(description: description, kind: kind)]
    }

    func store(_ facts: DescriptionFacts, _ description: String, _ kind: Schema.Kind) {
        lock.lock()
        defer { lock.unlock() }
        entries[Key(description: description, kind: kind)] = facts
    }
}

/// The clauses of a description line that decide whether a fact is stated for this field.
enum DescriptionClauses {
    /// Phrases that introduce an example; the sentence they stand in states no fact.
    static let exampleCues = ["例如", "比如", "如：", "e.g.", "such as", "for example", "示例"]

    /// `line` without its sentences that give examples. Sentences end at `。`, `；` or `;`.
    static func withoutExamples(_ line: String) -> String {
        guard exampleCues.contains(where: line.contains) else { return line }
        var kept = ""
        var sentence = ""
        for character in line {
            sentence.append(character)
            if "。；;".contains(character) {
                if !exampleCues.contains(where: sentence.contains) { kept += sentence }
                sentence = ""
            }
        }
        if !exampleCues.contains(where: sentence.contains) { kept += sentence }
        return kept
    }

    /// Words that open a condition: `如果…`, `若…`, `当…时`, `…时，`, `if`, `when`.
    private static let cue = #"如果|假如|若(?!干)|仅当|当(?!前)|(?<![同此])时[，,]|(?i:\bif\b|\bwhen\b|\bonly for\b)"#

    /// Conditions about the field's own absence, which restrict nothing.
    private static let ownAbsence = ["无该参数", "不传", "不填", "不指定", "未指定", "为空", "缺省", "该字段不存在", "not specified", "not set", "omitted"]

    /// The condition clause that comes before `position` in its line of `text`, if any.
    static func condition(before position: String.Index, in text: String) -> String? {
        let lineStart = text[..<position].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let head = String(text[lineStart..<position])
        for match in Pattern.matches(cue, in: head).reversed() where !closedAside(match.range, in: head) {
            let clause = self.clause(around: match.range, in: head)
            if ownAbsence.contains(where: clause.contains) { continue }
            return clause
        }
        return nil
    }

    /// `true` when the cue sits in parentheses that close before the fact: `（若两个都指定,
    /// 则以name为主）。最大支持64个字符` states the limit unconditionally.
    private static func closedAside(_ range: Range<String.Index>, in head: String) -> Bool {
        guard let open = head[..<range.lowerBound].lastIndex(where: { $0 == "（" || $0 == "(" }) else { return false }
        let between = head[open..<range.lowerBound]
        guard !between.contains("）"), !between.contains(")") else { return false }
        return head[range.upperBound...].contains { $0 == "）" || $0 == ")" }
    }

    /// The clause holding a cue: from the boundary before it to the comma that ends it.
    private static func clause(around range: Range<String.Index>, in text: String) -> String {
        let boundaries: Set<Character> = ["，", ",", "。", "；", ";", "\n", "]"]
        var start = range.lowerBound
        while start > text.startIndex, !boundaries.contains(text[text.index(before: start)]) { start = text.index(before: start) }
        var end = range.upperBound
        if let last = text[range].last, boundaries.contains(last) {
            end = text.index(before: end)
        } else {
            while end < text.endIndex, !boundaries.contains(text[end]) { end = text.index(after: end) }
        }
        return text[start..<end].trimmingCharacters(in: CharacterSet(charactersIn: "•●- ").union(.whitespaces))
    }
}
