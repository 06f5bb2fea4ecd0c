import ConformanceModel
import Foundation

/// Constraints a field's description states in words: enumerated values, numeric bounds,
/// length limits, a default, a string format.
///
/// The rules are deliberately narrow (issue: "a wrong rule is worse than a missing one"):
/// each looks for one phrasing the vendors use and records nothing when unsure. The words
/// always stay in the schema's description, so a missed constraint is still readable.
public struct DescriptionFacts: Sendable, Hashable {
    public var enumeration: [String]?
    public var minimum: Double?
    public var maximum: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var maxItems: Int?
    public var defaultValue: String?
    public var format: String?

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

    /// Reads the facts for a field of `kind` from its description.
    public static func analyze(_ description: String, kind: Schema.Kind) -> DescriptionFacts {
        var facts = DescriptionFacts()
        let parts = segments(description)
        let labelled = parts.count > 1 || parts[""] == nil
        // With run-in labels, values come from 取值范围 and bounds from 约束限制 + 取值范围;
        // without them the whole text is read.
        let valueText = labelled ? (parts["取值范围"] ?? "") : description
        let boundText = labelled ? [parts["约束限制"], parts["取值范围"], parts["参数解释"]].compactMap { $0 }.joined(separator: " ") : description

        if kind == .string || kind == .integer {
            facts.enumeration = enumeration(in: valueText, kind: kind)
        }
        switch kind {
        case .integer, .number:
            (facts.minimum, facts.maximum) = numericBounds(in: boundText)
        case .string:
            (facts.minLength, facts.maxLength) = lengthBounds(in: boundText)
            if boundText.contains("UUID格式") || boundText.contains("UUID format") { facts.format = "uuid" }
        case .array:
            facts.maxItems = itemLimit(in: boundText)
        default:
            break
        }
        let defaultText = labelled ? parts["默认取值"].map { "默认取值 " + $0 } ?? "" : description
        facts.defaultValue = defaultValue(in: defaultText)
        // "该字段不存在时，云硬盘默认为VBD类型" (EVS 8.2.1.1, hw:passthrough) names what the absence
        // means, not a value of the field: a default outside the field's documented values or
        // type is not kept.
        if let value = facts.defaultValue {
            if let values = facts.enumeration, !values.contains(value) && !values.contains(value.lowercased()) {
                facts.defaultValue = nil
            } else if !DefaultValueCheck.fits(value, kind: kind) {
                facts.defaultValue = nil
            }
        }
        // A stated default outside the bounds read from the same text means one of them is
        // misread; the bounds are the rule, so they go.
        if let value = facts.defaultValue.flatMap(Double.init),
           facts.minimum.map({ value < $0 }) ?? false || facts.maximum.map({ value > $0 }) ?? false {
            facts.minimum = nil
            facts.maximum = nil
        }
        return facts
    }

    // MARK: - Enumerations

    private static let enumerationCues = ["支持", "取值", "可选", "枚举", "包括", "包含", "为", "：", ":", "value", "Value"]
    private static let exampleCues = ["例如", "比如", "如：", "e.g.", "such as", "for example", "示例"]
    private static let notValues: Set<String> = ["http", "https", "ftp", "id", "ID", "url", "URL", "API", "true或false"]

    /// Values given either as a quoted list (`目前支持"SATA"，"SAS"`) or as definitions
    /// (`prePaid: 包年包月`, `CLOUD_BASIC表示普通云硬盘`, `“true”：是`). Two or more distinct
    /// values are needed; text that gives examples (`例如`) yields none.
    static func enumeration(in text: String, kind: Schema.Kind) -> [String]? {
        guard !text.isEmpty, !exampleCues.contains(where: text.contains) else { return nil }
        let quoted = quotedTokens(in: text)
        if quoted.count >= 2, enumerationCues.contains(where: text.contains) {
            return accept(quoted, kind: kind)
        }
        let defined = definedTokens(in: text)
        if defined.count >= 2 { return accept(defined, kind: kind) }
        return nil
    }

    private static func accept(_ tokens: [String], kind: Schema.Kind) -> [String]? {
        var seen: Set<String> = []
        let unique = tokens.filter { seen.insert($0).inserted && !notValues.contains($0) }
        guard unique.count >= 2 else { return nil }
        if kind == .integer { return unique.allSatisfy({ Int($0) != nil }) ? unique : nil }
        return unique
    }

    private static func isTokenCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-" || character == ".")
    }

    /// Code-like words in straight or curly double quotes.
    static func quotedTokens(in text: String) -> [String] {
        var tokens: [String] = []
        var current: String?
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                if let word = current, !word.isEmpty, word.allSatisfy(isTokenCharacter) {
                    tokens.append(word)
                    current = nil
                } else {
                    current = ""
                }
                continue
            }
            if current != nil {
                current!.append(character)
                if current!.count > 64 { current = nil }
            }
        }
        return tokens
    }

    /// Code-like words immediately followed by a definition marker (`:`, `：`, `表示`,
    /// `代表`), where the marker is followed by prose, not by more code (`HH:mm` is a format,
    /// not a definition).
    static func definedTokens(in text: String) -> [String] {
        let characters = Array(text)
        var tokens: [String] = []
        var index = 0
        while index < characters.count {
            guard isTokenCharacter(characters[index]), index == 0 || !isTokenCharacter(characters[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, isTokenCharacter(characters[end]) { end += 1 }
            let word = String(characters[index..<end])
            var after = end
            if after < characters.count, characters[after] == "\"" || characters[after] == "”" { after += 1 }
            let rest = String(characters[after..<min(characters.count, after + 3)])
            if rest.hasPrefix("表示") || rest.hasPrefix("代表") {
                tokens.append(word)
            } else if let marker = rest.first, marker == ":" || marker == "：" {
                var next = after + 1
                while next < characters.count, characters[next] == " " { next += 1 }
                if next < characters.count, !(characters[next].isASCII && (characters[next].isLetter || characters[next].isNumber || characters[next] == "/")) {
                    tokens.append(word)
                }
            }
            index = end
        }
        return tokens.filter { !$0.allSatisfy({ $0 == "-" || $0 == "." }) }
    }

    // MARK: - Bounds

    /// `[1-9]`, `[1, 100]`, `1GiB-1024GiB`, `1~100`, `最大值为100`, `最小值为1`,
    /// `最多支持批量创建100个`. Several ranges (system and data disks) give their envelope:
    /// never narrower than any one of them.
    static func numericBounds(in fullText: String) -> (Double?, Double?) {
        // Ranges inside an example ("查询示例：... 表示查询第51~100个快照", EVS 8.2.6.10 limit) are
        // not bounds: the text is read up to the first example cue.
        let text = beforeExamples(fullText)
        var lower: Double?
        var upper: Double?
        func widen(_ low: Double?, _ high: Double?) {
            if let low { lower = min(lower ?? low, low) }
            if let high { upper = max(upper ?? high, high) }
        }
        for match in matches(#"\[\s*(-?\d+(?:\.\d+)?)\s*[-,，~～]\s*(-?\d+(?:\.\d+)?)\s*\]"#, in: text) {
            widen(Double(match[1]), Double(match[2]))
        }
        // `1~100`, `1GiB~10GiB`; not an ordinal range (`第51~100个`).
        for match in matches(#"(?<!第)(?<![\d.])(\d+(?:\.\d+)?)\s*(GiB|GB|MiB|MB|TiB|TB|个|次|秒|天|小时|月|年)?\s*[~～]\s*(\d+(?:\.\d+)?)"#, in: text) {
            widen(Double(match[1]), Double(match[3]))
        }
        for match in matches(#"(\d+(?:\.\d+)?)\s*(GiB|GB|MiB|MB|TiB|TB)\s*-\s*(\d+(?:\.\d+)?)\s*(GiB|GB|MiB|MB|TiB|TB)"#, in: text) where match[2] == match[4] {
            widen(Double(match[1]), Double(match[3]))
        }
        for match in matches(#"(?:最大值为|最大值是|最大值：|最大值:|最大值|最大为|上限为|不能超过|不超过|最多支持[^\d，。,；;]{0,12}?)\s*(\d+)(?!\s*(?:个字符|字符|字节|位))"#, in: text) {
            widen(nil, Double(match[1]))
        }
        for match in matches(#"(?:最小值为|最小值是|最小值：|最小值:|最小值|最小为|下限为|不小于|不能小于)\s*(-?\d+)"#, in: text) {
            widen(Double(match[1]), nil)
        }
        for match in matches(#"between (-?\d+) and (-?\d+)"#, in: text) {
            widen(Double(match[1]), Double(match[2]))
        }
        if let lower, let upper, lower > upper { return (nil, nil) }
        return (lower, upper)
    }

    /// The text before the first phrase that introduces an example.
    static func beforeExamples(_ text: String) -> String {
        var end = text.endIndex
        for cue in exampleCues + ["查询示例", "请求示例"] {
            if let range = text.range(of: cue), range.lowerBound < end { end = range.lowerBound }
        }
        return String(text[..<end])
    }

    /// `最大支持85个字符`, `长度不超过64`, `不超过255个字符`, `1~64个字符`, `长度固定为36`,
    /// `length no more than 64`.
    static func lengthBounds(in text: String) -> (Int?, Int?) {
        var lower: Int?
        var upper: Int?
        for match in matches(#"(?:最大支持|最多支持|最多|不超过|不能超过|最大长度为|最大长度|长度上限为|长度不超过|长度不能超过)\s*(\d+)\s*(?:个)?(?:字符|字节以内|个字)"#, in: text) {
            upper = min(upper ?? Int.max, Int(match[1]) ?? Int.max)
        }
        for match in matches(#"长度不超过\s*(\d+)"#, in: text) {
            upper = min(upper ?? Int.max, Int(match[1]) ?? Int.max)
        }
        for match in matches(#"(\d+)\s*[~～-]\s*(\d+)\s*个?字符"#, in: text) {
            lower = Int(match[1])
            upper = Int(match[2])
        }
        for match in matches(#"长度(?:固定)?为\s*(\d+)\s*(?:个)?(?:字符|位)?"#, in: text) {
            lower = Int(match[1])
            upper = Int(match[1])
        }
        for match in matches(#"(?i)length (?:of )?(?:no more than|not more than|at most|up to|less than or equal to) (\d+)"#, in: text) {
            upper = min(upper ?? Int.max, Int(match[1]) ?? Int.max)
        }
        return (lower, upper == Int.max ? nil : upper)
    }

    /// `不能超过60个`, `最多支持60个`, `最大支持60个` for arrays.
    static func itemLimit(in text: String) -> Int? {
        matches(#"(?:不能超过|不超过|最多支持|最大支持|最多)\s*(\d+)\s*个"#, in: text).compactMap { Int($0[1]) }.min()
    }

    // MARK: - Defaults

    /// `默认取值 postPaid。`, `默认值为false`, `默认为20`, `default is 20`; the value must be
    /// a single code-like word or number, and `不涉及` means none.
    static func defaultValue(in text: String) -> String? {
        guard !text.isEmpty else { return nil }
        let pattern = #"(?:默认取值|默认值为|默认值是|默认值：|默认值:|默认为|默认是|(?i:default value is|defaults to|default is|default:))\s*[“"]?([A-Za-z0-9_.\-]+)[”"]?"#
        guard let match = matches(pattern, in: text).first else { return nil }
        let value = match[1].trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return value.isEmpty ? nil : value
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = RegexCache.shared.expression(pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { result in
            (0..<result.numberOfRanges).map { index in
                Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }
}
