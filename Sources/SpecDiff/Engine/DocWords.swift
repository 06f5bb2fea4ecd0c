import ConformanceModel
import Foundation

/// The doc's own words for a fact, for the quote each side of a change carries.
///
/// DESIGN.md: a fact enters the spec only with the phrase it was read from (`Schema.evidence`).
/// Where a spec carries that phrase, it is the quote. Where it does not (specs extracted before
/// evidence existed, facts with no evidence key such as `required`), the quote is the sentence
/// of the field's description that holds the value, so that a reader sees the doc's words on
/// both sides; with neither, there is no quote rather than a made-up one.
enum DocWords {
    /// The source of `fact` of `schema` on one side: the evidence's place and phrase, else the
    /// schema's own place and the description's sentence that contains one of `needles`.
    static func source(of schema: Schema, fact: Schema.Fact?, needles: [String], fallback: DocReference? = nil) -> ChangeSource {
        if let fact, let evidence = schema.evidence[fact] {
            return ChangeSource(evidence.source ?? schema.source ?? fallback, quote: evidence.phrase)
        }
        return ChangeSource(schema.source ?? fallback, quote: sentence(in: schema.description, containing: needles))
    }

    /// The first sentence (or bullet, or line) of `text` that contains one of `needles`, tried in order.
    static func sentence(in text: String?, containing needles: [String]) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let pieces = sentences(of: text)
        for needle in needles where !needle.isEmpty {
            if let piece = pieces.first(where: { $0.contains(needle) }) { return clipped(piece) }
        }
        return nil
    }

    /// `true` when `text` has `word` as a word of its own: not inside a longer run of letters,
    /// digits or `_` (`SSD` is not named by `GPSSD`).
    static func names(_ text: String?, _ word: String) -> Bool {
        guard let text, !word.isEmpty else { return false }
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isWordCharacter(before), !isWordCharacter(after) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character, character.isASCII else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }

    /// `text` cut at sentence ends (`。`, `；`, `. `), bullets and line breaks, each piece trimmed.
    static func sentences(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let ends = character == "。" || character == "；" || character == ";" || character == "\n"
                || (character == "." && next.isWhitespace)
            if character == "•" {
                flush(&current, into: &pieces)
                continue
            }
            current.append(character)
            if ends { flush(&current, into: &pieces) }
        }
        flush(&current, into: &pieces)
        return pieces
    }

    private static func flush(_ current: inout String, into pieces: inout [String]) {
        let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { pieces.append(folded(trimmed)) }
        current = ""
    }

    /// White space runs as one space, trimmed: how descriptions and messages are compared.
    static func folded(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// What two descriptions are compared by: the words, without white space, quotation marks
    /// and a closing full stop, which differ between the PDF export and the web pages of one text
    /// (`请参见 "获取项目ID" 。` and `请参见获取项目ID。`).
    static func wordsKey(_ text: String?) -> String {
        var key = squeezed(text ?? "").filter { !"\"'“”‘’「」".contains($0) }
        while let last = key.last, "。.".contains(last) { key.removeLast() }
        return key
    }

    /// A constraint or list item without its leading bullet: `• `, `- `, and the `l ` that PDF
    /// exports leave for a Wingdings bullet (`l 扩容状态为available的云硬盘时，没有约束限制。`).
    static func unbulleted(_ text: String) -> String {
        let folded = folded(text)
        guard let first = folded.first, "•·-*l".contains(first), folded.dropFirst().first == " " else { return folded }
        let rest = folded.dropFirst(2)
        // `l` is a bullet only before text that is not an English word.
        if first == "l", let next = rest.first, next.isASCII { return folded }
        return String(rest)
    }

    /// `text` without any white space: how cited sentences are found in PDF text that wraps
    /// lines in the middle of Chinese sentences (as `Citation`'s test does).
    static func squeezed(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// At most 200 characters, with an ellipsis when cut.
    static func clipped(_ text: String, limit: Int = 200) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A bound or number as the docs write it: `100`, not `100.0`.
    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func json(_ value: Double) -> JSONValue { .number(number(value)) }
}
