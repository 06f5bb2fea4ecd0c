import ConformanceModel
import Foundation

/// Regular-expression matching for the entries of `DescriptionPhrasing.all`, with the range
/// of each match so that the words can be kept as evidence.
enum Pattern {
    /// Each match's capture groups (index 0: the whole match) and its range.
    static func matches(_ pattern: String, in text: String) -> [(groups: [String], range: Range<String.Index>)] {
        guard let expression = RegexCache.shared.expression(pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { result in
            guard let range = Range(result.range, in: text) else { return nil }
            let groups = (0..<result.numberOfRanges).map { index in
                Range(result.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
            return (groups, range)
        }
    }

    /// A lower and an upper bound from groups `low` and `high` of each match; with
    /// `sameUnits`, only where the two unit groups agree (`1GiB-1024GiB`).
    static func range(_ pattern: String, in text: String, low: Int, high: Int, sameUnits: (Int, Int)? = nil) -> [DescriptionPhrasing.Match] {
        var found: [DescriptionPhrasing.Match] = []
        for match in matches(pattern, in: text) {
            if let units = sameUnits, match.groups[units.0] != match.groups[units.1] { continue }
            guard let lower = Double(match.groups[low]), let upper = Double(match.groups[high]), lower <= upper else { continue }
            found.append(.init(fact: .minimum, value: .number(lower), range: match.range))
            found.append(.init(fact: .maximum, value: .number(upper), range: match.range))
        }
        return found
    }

    /// One bound per match, from group 1 (or, with `valuesIn`, the largest number that pattern
    /// finds inside the match, for a list of cases: `数据盘为32768GB；系统盘为1024GB`).
    static func bound(_ fact: Schema.Fact, _ pattern: String, in text: String, valuesIn inner: String? = nil) -> [DescriptionPhrasing.Match] {
        matches(pattern, in: text).compactMap { match in
            let number: Double?
            if let inner {
                number = matches(inner, in: String(text[match.range])).compactMap { Double($0.groups[1]) }.max()
            } else {
                number = Double(match.groups[1])
            }
            return number.map { .init(fact: fact, value: .number($0), range: match.range) }
        }
    }

    /// Group 1 of each match as text.
    static func text(_ fact: Schema.Fact, _ pattern: String, in text: String) -> [DescriptionPhrasing.Match] {
        matches(pattern, in: text).compactMap { match in
            let value = match.groups[1].trimmingCharacters(in: CharacterSet(charactersIn: "."))
            return value.isEmpty ? nil : .init(fact: fact, value: .text(value), range: match.range)
        }
    }

    /// A fixed value wherever the pattern matches.
    static func flag(_ fact: Schema.Fact, value: String, _ pattern: String, in text: String) -> [DescriptionPhrasing.Match] {
        matches(pattern, in: text).map { .init(fact: fact, value: .text(value), range: $0.range) }
    }
}

/// The scanners of value lists and string lengths, which need more than one pattern.
enum EnumerationScan {
    /// Words that are never values of a field, however they are quoted or defined.
    static let notValues: Set<String> = ["http", "https", "ftp", "id", "ID", "url", "URL", "API", "true或false", "Note", "NOTE", "Example"]

    static func isTokenCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-" || character == ".")
    }

    /// A value: code-like, with at least one letter or digit (`-`, `.`, `_` alone are the
    /// characters of a character class, not values).
    static func isValue(_ word: String) -> Bool {
        !word.isEmpty && word.allSatisfy(isTokenCharacter) && word.contains(where: { $0.isLetter || $0.isNumber }) && !notValues.contains(word)
    }

    private static let quotes: Set<Character> = ["\"", "“", "”"]
    private static let listSeparators: Set<Character> = ["，", ",", "、", "和", "或", "及", "与", " ", "以"]
    private static let sentenceEnds: Set<Character> = ["。", "；", ";", "\n"]

    /// `目前支持"SATA"，"SAS"，"GPSSD"七种`: two or more quoted values right after a cue that
    /// introduces values, in one sentence. A quoted word inside a PDF line wrap (`"ESSD 2"`)
    /// is joined. A character class (`特殊字符包含“-”、“.”、“_”`) has no cue and no values.
    static func quotedList(_ text: String) -> [DescriptionPhrasing.Match] {
        var found: [DescriptionPhrasing.Match] = []
        for cue in Pattern.matches(DescriptionPhrasing.valueCue, in: text) {
            var index = cue.range.upperBound
            var values: [String] = []
            var end = index
            var skipped = 0
            while index < text.endIndex, !sentenceEnds.contains(text[index]) {
                let character = text[index]
                if quotes.contains(character) {
                    let start = text.index(after: index)
                    guard let close = text[start...].firstIndex(where: { quotes.contains($0) }) else { break }
                    let word = String(text[start..<close].filter { !$0.isWhitespace })
                    guard isValue(word) else { break }
                    values.append(word)
                    index = text.index(after: close)
                    end = index
                    continue
                }
                // Before the first value a few words may stand (`支持以下两种：`); between values
                // only separators.
                if values.isEmpty {
                    skipped += 1
                    if skipped > 8 { break }
                } else if !listSeparators.contains(character) {
                    break
                }
                index = text.index(after: index)
            }
            let unique = values.uniqued()
            if unique.count >= 2 {
                // The count that closes the list (`…七种`) is part of the phrase.
                if let count = Pattern.matches(#"^[一二三四五六七八九十两\d]+种"#, in: String(text[end...])).first {
                    end = text.index(end, offsetBy: count.groups[0].count)
                }
                found.append(.init(fact: .enumeration, value: .values(unique), range: cue.range.lowerBound..<end))
            }
        }
        return found
    }

    /// `目前支持vhd、zvhd、zvhd2、raw、qcow2`: two or more unquoted values joined by `、` or a
    /// comma right after a value cue, to the end of the sentence. A list that ends in `等`
    /// (`支持id, status, size, created_at等关键字`) is open and gives no values.
    static func listedValues(_ text: String) -> [DescriptionPhrasing.Match] {
        Pattern.matches(DescriptionPhrasing.valueCue + #"\s*([A-Za-z0-9_.\-]+(?:\s*[、,，]\s*[A-Za-z0-9_.\-]+)+)\s*(?=[。；;\n]|$)"#, in: text).compactMap { match in
            let values = match.groups[1].split(whereSeparator: { "、,，".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard values.count >= 2, values.allSatisfy(isValue) else { return nil }
            return .init(fact: .enumeration, value: .values(values.uniqued()), range: match.range)
        }
    }

    /// `取值为asc/desc`: two or more values joined by `/` right after a value cue.
    static func slashList(_ text: String) -> [DescriptionPhrasing.Match] {
        Pattern.matches(DescriptionPhrasing.valueCue + #"\s*([A-Za-z0-9_.\-]+(?:\s*/\s*[A-Za-z0-9_.\-]+)+)(?![A-Za-z0-9_/])"#, in: text).compactMap { match in
            let values = match.groups[1].split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard values.count >= 2, values.allSatisfy(isValue) else { return nil }
            return .init(fact: .enumeration, value: .values(values.uniqued()), range: match.range)
        }
    }

    /// Values each followed by its meaning: `prePaid: 包年包月`, `CLOUD_BASIC表示普通云硬盘`,
    /// `“true”：是`, `SUCCESS：成功。 RUNNING：运行中`. A word is a defined value when it starts
    /// a line, a list item or a sentence and a full-width colon follows it, or when, anywhere,
    /// `表示`/`代表` or a colon and prose (not more code: `HH:mm` is a format) follow it.
    static func definitions(_ text: String) -> [DescriptionPhrasing.Match] {
        let characters = Array(text)
        let indices = Array(text.indices)
        var values: [String] = []
        var first: Int?
        var last = 0
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
            if after < characters.count, quotes.contains(characters[after]) { after += 1 }
            let rest = String(characters[after..<min(characters.count, after + 2)])
            let quoted = after > end
            // `"SAS"为高IO云硬盘`: a quoted value and 为 define it too (an unquoted word before 为
            // is as often the subject of a sentence).
            var defined = rest.hasPrefix("表示") || rest.hasPrefix("代表") || quoted && rest.hasPrefix("为")
            if !defined, let marker = rest.first, marker == ":" || marker == "：" {
                var next = after + 1
                while next < characters.count, characters[next] == " " { next += 1 }
                let prose = next < characters.count && !(characters[next].isASCII && (characters[next].isLetter || characters[next].isNumber || characters[next] == "/"))
                defined = prose || marker == "：" && startsUnit(characters, at: index)
            }
            if defined, isValue(word) {
                values.append(word)
                first = first ?? index
                last = after
            }
            index = end
        }
        let unique = values.uniqued()
        guard unique.count >= 2, let first else { return [] }
        // The phrase runs to the end of the last value's definition.
        var end = last
        while end < characters.count, !sentenceEnds.contains(characters[end]), characters[end] != "•" { end += 1 }
        var start = first
        if start > 0, quotes.contains(characters[start - 1]) { start -= 1 }
        let upper = end < indices.count ? indices[end] : text.endIndex
        return [.init(fact: .enumeration, value: .values(unique), range: indices[start]..<upper)]
    }

    /// `true` when the word at `index` starts the text, a line, a list item or a sentence.
    private static func startsUnit(_ characters: [Character], at index: Int) -> Bool {
        var before = index - 1
        if before >= 0, quotes.contains(characters[before]) { before -= 1 }
        while before >= 0, characters[before] == " " { before -= 1 }
        return before < 0 || "\n•●-。；;".contains(characters[before])
    }

    /// `降序: desc 升序: asc` in a 取值范围 part: two or more values, each after a label of
    /// its meaning.
    static func labelledValues(_ text: String) -> [DescriptionPhrasing.Match] {
        let matches = Pattern.matches(#"\p{Han}{1,8}\s*[:：]\s*([A-Za-z][A-Za-z0-9_.\-]*)(?![A-Za-z0-9_.\-])"#, in: text)
        let values = matches.map(\.groups[1]).filter(isValue).uniqued()
        guard values.count >= 2, let first = matches.first, let last = matches.last else { return [] }
        return [.init(fact: .enumeration, value: .values(values), range: first.range.lowerBound..<last.range.upperBound)]
    }

    /// `长度范围为1~128位`, `1~64个字符`: a length range. A range in bytes gives only its
    /// upper end (see `DescriptionPhrasing.all`, string lengths).
    static func lengthRange(_ text: String) -> [DescriptionPhrasing.Match] {
        let patterns = [
            #"长度(?:范围)?(?:为|是|[：:])?\s*(\d+)\s*[~～-]\s*(\d+)\s*(?:个)?(字符|字节|位)?"#,
            #"(?<![\d.])(\d+)\s*[~～-]\s*(\d+)\s*个?(字符|字节)"#,
        ]
        for pattern in patterns {
            let found = Pattern.matches(pattern, in: text).flatMap { match -> [DescriptionPhrasing.Match] in
                guard let lower = Double(match.groups[1]), let upper = Double(match.groups[2]), lower <= upper else { return [] }
                let maximum = DescriptionPhrasing.Match(fact: .maxLength, value: .number(upper), range: match.range)
                if match.groups[3] == "字节" { return [maximum] }
                return [.init(fact: .minLength, value: .number(lower), range: match.range), maximum]
            }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// `长度固定为36个字符`, `长度为36`: an exact length (in bytes: only the upper end).
    static func fixedLength(_ text: String) -> [DescriptionPhrasing.Match] {
        Pattern.matches(#"长度(?:固定)?为\s*(\d+)(?!\s*[~～\-\d])\s*(?:个)?(字符|字节|位)?"#, in: text).flatMap { match -> [DescriptionPhrasing.Match] in
            guard let length = Double(match.groups[1]) else { return [] }
            let maximum = DescriptionPhrasing.Match(fact: .maxLength, value: .number(length), range: match.range)
            if match.groups[2] == "字节" { return [maximum] }
            return [.init(fact: .minLength, value: .number(length), range: match.range), maximum]
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
