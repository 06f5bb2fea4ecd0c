import Foundation

/// Reads tables that plain-text pages print with single spaces between cells (Baidu BCC:
/// `version String Yes URL parameter API version number`), where counting spaces says
/// nothing: cells are told apart by what they hold.
///
/// The header is cut into known column titles, longest first (`Parameter Name`,
/// `Required?`, `Parameter Position`, `HTTP Status Code`). Each column then gets a kind
/// from its title: a name or code is one word; a type is a type word or a markdown link
/// to a type (`[Billing](...)`); a required column is Yes/No; a position is a phrase
/// ending in `parameter` (`URL parameter`, `Query Parameter`, `RequestBody parameter`,
/// `Header parameter`); an HTTP status is a number 100–599; a description or message is
/// free text, which ends where the next column's kind matches. A line that cannot be cut
/// this way continues the previous row's last free-text cell.
public enum SpacedTableReader {
    /// What a column holds.
    public enum ColumnKind: Sendable, Hashable {
        case word, type, yesNo, position, status, freeText
    }

    /// A table with the kinds of its columns and the rows that had to be repaired.
    public struct Result: Sendable, Hashable {
        public var table: Table
        public var kinds: [ColumnKind]
        public var irregularities: [PipeTableReader.Irregularity]
    }

    /// Column titles of error-code tables, by what they hold (normalised like `ColumnRole`).
    static let errorTitles: [(String, ColumnKind)] = [
        ("errorcode", .word), ("code", .word), ("错误码", .word),
        ("errordescription", .freeText), ("errormessage", .freeText), ("message", .freeText), ("错误描述", .freeText), ("错误信息", .freeText),
        ("httpstatuscode", .status), ("httpstatus", .status), ("statuscode", .status), ("状态码", .status), ("http状态码", .status),
        ("explanations", .freeText), ("explanation", .freeText),
    ]

    /// The kind of the column titled `title` (normalised).
    static func kind(ofTitle title: String) -> ColumnKind? {
        if let error = errorTitles.first(where: { $0.0 == title }) { return error.1 }
        guard let role = ColumnRole.words.first(where: { $0.1.contains(title) })?.0 else { return nil }
        switch role {
        case .name, .defaultValue: return .word
        case .type: return .type
        case .required: return .yesNo
        case .location: return .position
        case .description: return .freeText
        }
    }

    /// The column titles of a header line, or `nil` when some word is no known title or
    /// fewer than two columns result.
    public static func header(_ line: Substring) -> [String]? {
        let words = tokens(line)
        var titles: [String] = []
        var index = 0
        while index < words.count {
            var matched = 0
            for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
                let phrase = words[index..<(index + length)].joined(separator: " ")
                if kind(ofTitle: ColumnRole.normalize(phrase)) != nil {
                    titles.append(phrase)
                    matched = length
                    break
                }
            }
            guard matched > 0 else { return nil }
            index += matched
        }
        return titles.count >= 2 ? titles : nil
    }

    /// Reads the table whose header is `lines[0]`; rows follow until a blank line. `firstLine`
    /// is the document line of `lines[0]`. Returns `nil` when `lines[0]` is no header.
    public static func table(_ lines: [Substring], firstLine: Int) -> Result? {
        guard let first = lines.first, let titles = header(first) else { return nil }
        let kinds = titles.map { kind(ofTitle: ColumnRole.normalize($0)) ?? .freeText }
        var rows: [[String]] = []
        var rowLines: [Int] = []
        var irregularities: [PipeTableReader.Irregularity] = []
        for (offset, line) in lines.enumerated().dropFirst() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            let lineNumber = firstLine + offset
            if let cells = split(tokens(line), kinds: kinds) {
                // Free text loses its markdown (links keep their text); a type cell keeps
                // its link, which says where the type is defined.
                rows.append(zip(cells, kinds).map { $1 == .freeText ? MarkdownText.clean($0) : $0 })
                rowLines.append(lineNumber)
            } else if !rows.isEmpty, let last = kinds.lastIndex(of: .freeText) {
                rows[rows.count - 1][last] += " " + MarkdownText.clean(line.trimmingCharacters(in: .whitespaces))
                irregularities.append(.init(line: lineNumber, message: "a line that does not split into the table's columns; read as the continuation of the row above"))
            } else {
                irregularities.append(.init(line: lineNumber, message: "a line that does not split into the table's columns (\(titles.joined(separator: ", "))); skipped"))
            }
        }
        let table = Table(header: titles, rows: rows, line: firstLine, rowLines: rowLines)
        return Result(table: table, kinds: kinds, irregularities: irregularities)
    }

    /// Words of a line; a markdown link `[text](target with spaces)` stays one word.
    static func tokens(_ line: Substring) -> [String] {
        var words: [String] = []
        var current = ""
        var bracketDepth = 0
        var parenDepth = 0
        var previous: Character?
        for character in line {
            switch character {
            case "[": bracketDepth += 1
            case "]": bracketDepth = max(0, bracketDepth - 1)
            case "(" where previous == "]" || parenDepth > 0: parenDepth += 1
            case ")" where parenDepth > 0: parenDepth -= 1
            default: break
            }
            if character.isWhitespace && bracketDepth == 0 && parenDepth == 0 {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    // MARK: - Splitting a row by what its cells hold

    /// The cells of a row, or `nil` when the words cannot be cut into `kinds`.
    static func split(_ words: [String], kinds: [ColumnKind]) -> [String]? {
        var budget = 2_000
        return split(words[...], kinds[...], budget: &budget)
    }

    private static func split(_ words: ArraySlice<String>, _ kinds: ArraySlice<ColumnKind>, budget: inout Int) -> [String]? {
        budget -= 1
        guard budget > 0 else { return nil }
        guard let kind = kinds.first else { return words.isEmpty ? [] : nil }
        let rest = kinds.dropFirst()
        if kind == .freeText {
            if rest.isEmpty { return [words.joined(separator: " ")] }
            // Free text ends where the next column matches; an end after a sentence
            // (`... illegal request. 400 Invalid ...`) is preferred over an earlier one.
            var candidates: [(Int, [String])] = []
            for length in stride(from: 1, through: words.count, by: 1) {
                let head = words.prefix(length)
                if let tail = split(words.dropFirst(length), rest, budget: &budget) {
                    candidates.append((length, [head.joined(separator: " ")] + tail))
                    if let last = head.last?.last, ".。!?".contains(last) { return candidates.last!.1 }
                }
            }
            return candidates.first?.1
        }
        for length in matchLengths(kind, words) {
            if let tail = split(words.dropFirst(length), rest, budget: &budget) {
                return [words.prefix(length).joined(separator: " ")] + tail
            }
        }
        return nil
    }

    /// How many words at the start of `words` a cell of `kind` can take, most likely first.
    static func matchLengths(_ kind: ColumnKind, _ words: ArraySlice<String>) -> [Int] {
        guard let first = words.first else { return [] }
        switch kind {
        case .word:
            return [1]
        case .yesNo:
            return FieldRow.parseRequired(first) != nil ? [1] : []
        case .status:
            return Int(first).map { (100...599).contains($0) } == true ? [1] : []
        case .position:
            // `URL parameter`, `Query Parameter`, `RequestBody parameter`, `Header parameter`.
            var lengths: [Int] = []
            for length in 1...min(3, words.count) {
                let last = words[words.startIndex + length - 1].lowercased()
                if last == "parameter" || last == "parameters" { lengths.append(length) }
            }
            return lengths
        case .type:
            // A link to a type's definition (`[Billing](BCC/API Reference/Appendix.md#Billing)`).
            if first.hasPrefix("["), first.contains("](") { return [1] }
            var lengths: [Int] = []
            for length in stride(from: min(3, words.count), through: 1, by: -1) {
                let text = words.prefix(length).joined(separator: " ")
                if case .unknown = TypeExpression.parse(text) { continue }
                lengths.append(length)
            }
            return lengths
        case .freeText:
            return Array(1...words.count)
        }
    }
}
