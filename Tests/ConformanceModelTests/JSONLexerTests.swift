import ConformanceModel
import Foundation
import Testing

/// The shared lexer against an independent oracle, Foundation's `JSONSerialization`: what is
/// valid JSON, what is a number, what a string decodes to. The inputs are a seeded corpus of
/// valid documents, byte-level breakages of them, and token-level random strings and numbers.
@Suite("JSON lexer against JSONSerialization")
struct JSONLexerTests {
    /// Foundation's verdict on `bytes` as one JSON text (scalars allowed at the top).
    private static func foundation(_ bytes: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    private static func withLexer<T>(_ bytes: [UInt8], _ body: (JSONLexer) -> T) -> T {
        var padded = bytes
        padded.append(0)  // a base address even for no bytes; `count` excludes it
        return padded.withUnsafeBufferPointer { body(JSONLexer(base: $0.baseAddress!, count: bytes.count)) }
    }

    private static func lexerAccepts(_ bytes: [UInt8]) -> Bool {
        withLexer(bytes) { (try? $0.validateDocument()) != nil }
    }

    /// Why `JSONSerialization` may judge otherwise than RFC 8259 as the lexer reads it (the
    /// same differences the body scanner's oracle test documents): it guesses UTF-16/32 from a
    /// NUL in the first four bytes, accepts a trailing comma, and decodes some bytes that are
    /// not UTF-8.
    private static func knownDifference(_ bytes: [UInt8], lexerAccepts: Bool) -> String? {
        if bytes.prefix(4).contains(0) { return "encoding guessed" }
        if !lexerAccepts, String(validating: bytes, as: UTF8.self) == nil { return "not UTF-8" }
        if !lexerAccepts, hasTrailingComma(bytes) { return "trailing comma" }
        return nil
    }

    private static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        var lastComma = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true; lastComma = false
            case UInt8(ascii: ","): lastComma = true
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if lastComma { return true }
            case 0x20, 0x09, 0x0A, 0x0D: break
            default: lastComma = false
            }
        }
        return false
    }

    @Test("seeded valid documents and their breakages: the lexer and JSONSerialization agree on validity")
    func documentValidity() {
        var random = SplitMix64(seed: 0x1E_4E7)
        var valid = 0
        var invalid = 0
        var differences: [String: Int] = [:]
        for round in 0..<3_000 {
            var document = Array(Self.document(&random, depth: 0).utf8)
            if round % 3 != 0 {
                for _ in 0..<Int.random(in: 1...2, using: &random) { document = Self.breakBytes(document, &random) }
            }
            let lexer = Self.lexerAccepts(document)
            let oracle = Self.foundation(document) != nil
            if lexer != oracle {
                let reason = Self.knownDifference(document, lexerAccepts: lexer)
                #expect(reason != nil, "lexer \(lexer ? "accepts" : "rejects"), JSONSerialization \(oracle ? "accepts" : "rejects"): \(String(decoding: document, as: UTF8.self))")
                if let reason { differences[reason, default: 0] += 1 }
            }
            if lexer { valid += 1 } else { invalid += 1 }
            // The unchecked skip finds the same end as the checked one on valid text.
            if lexer {
                Self.withLexer(document) { lexer in
                    let start = lexer.skipWhitespace(from: 0)
                    #expect(lexer.skipValueUnchecked(at: start) == (try? lexer.skipValue(at: start)))
                }
            }
        }
        // Both verdicts are common, and the known differences stay a small share.
        #expect(valid > 1_000 && invalid > 1_000, "valid \(valid), invalid \(invalid)")
        #expect(differences.values.reduce(0, +) < 150, "\(differences)")
    }

    @Test("random number-like tokens: the grammar is Foundation's, and the fraction and exponent flags are right")
    func numberGrammar() {
        var random = SplitMix64(seed: 0xAB_C0DE)
        let alphabet = Array("-+0123456789.eE".utf8) + Array("0123456789".utf8)
        var accepted = 0
        for _ in 0..<5_000 {
            let token = (0..<Int.random(in: 1...9, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let lexed: JSONLexer.NumberToken? = Self.withLexer(token) { lexer in
                guard lexer[0] == UInt8(ascii: "-") || JSONLexer.isDigit(lexer[0]) else { return nil }
                return (try? lexer.number(at: 0)).flatMap { $0.end == token.count ? $0 : nil }
            }
            let oracle = Self.foundation(token) as? NSNumber
            let text = String(decoding: token, as: UTF8.self)
            // Foundation also refuses a number past Double's range (`1E400`): a limit of its
            // value type, not of the grammar, which has no bound (RFC 8259 §6).
            let outOfRange = lexed != nil && oracle == nil && Double(text)?.isInfinite == true
            #expect((lexed != nil) == (oracle != nil) || outOfRange, "\(text)")
            guard let lexed, let oracle else { continue }
            accepted += 1
            #expect(lexed.hasExponent == text.contains { $0 == "e" || $0 == "E" }, "\(text)")
            // Without an exponent, a fraction of zeros is an integral value (short numbers only,
            // where a Double holds the value exactly).
            if !lexed.hasExponent, token.count <= 15 {
                let value = oracle.doubleValue
                #expect(lexed.fractionIsZero == (value.rounded() == value), "\(text)")
            }
        }
        #expect(accepted > 500)
    }

    @Test("random string tokens: validity, decoded text and length in characters agree with Foundation")
    func stringGrammar() {
        var random = SplitMix64(seed: 0x57_121E6)
        let pieces: [[UInt8]] = ["a", "Z", " ", "/", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r", "\\u00e9", "\\u20AC", "\\ud83d\\ude00", "\\ud83d",
                                 "\\udc00", "\\x", "\\u12", "\\uZZZZ", "é", "中", "😀", "\\", "\"", "\u{01}", "\t"].map { Array($0.utf8) }
            + [[0xC3], [0xED, 0xA0, 0x80], [0xF8], [0xE2, 0x82], [0xC0, 0xAF], [0x7F]]
        var accepted = 0
        var rejected = 0
        for _ in 0..<5_000 {
            var token: [UInt8] = [UInt8(ascii: "\"")]
            for _ in 0..<Int.random(in: 0...6, using: &random) { token += pieces.randomElement(using: &random)! }
            // Long runs take the eight-bytes-at-a-time path.
            if Bool.random(using: &random) { token += Array("plain ascii run of text".utf8) }
            token.append(UInt8(ascii: "\""))
            let lexed: (token: JSONLexer.StringToken, text: String)? = Self.withLexer(token) { lexer in
                guard let string = try? lexer.string(at: 0), string.next == token.count else { return nil }
                return (string, JSONLexer.decode(UnsafeBufferPointer(start: lexer.base + 1, count: string.end - 1), escaped: string.escaped))
            }
            let oracle = Self.foundation(token) as? String
            if (lexed != nil) != (oracle != nil) {
                #expect(lexed == nil && String(validating: token, as: UTF8.self) == nil, "lexer \(lexed != nil ? "accepts" : "rejects"), JSONSerialization \(oracle != nil ? "accepts" : "rejects"): \(token)")
                continue
            }
            guard let lexed, let oracle else {
                rejected += 1
                continue
            }
            accepted += 1
            #expect(lexed.text == oracle, "\(token)")
            #expect(lexed.token.length == oracle.unicodeScalars.count, "\(token)")
            #expect(lexed.token.escaped == token.contains(UInt8(ascii: "\\")), "\(token)")
        }
        #expect(accepted > 1_000 && rejected > 1_000, "accepted \(accepted), rejected \(rejected)")
    }

    // MARK: - The seeded corpus

    /// A random valid JSON text: nested objects and arrays, strings with escapes and non-ASCII
    /// text, numbers of every form, literals, whitespace of all four kinds between tokens.
    static func document(_ random: inout SplitMix64, depth: Int) -> String {
        let space = { (random: inout SplitMix64) -> String in [" ", "", "", "\n", "\t", "\r\n", "  "].randomElement(using: &random)! }
        let choice = depth > 3 ? Int.random(in: 2..<7, using: &random) : Int.random(in: 0..<7, using: &random)
        switch choice {
        case 0:
            let members = (0..<Int.random(in: 0...4, using: &random)).map { index in
                "\(space(&random))\"\(stringContent(&random))\(index)\"\(space(&random)):\(space(&random))\(document(&random, depth: depth + 1))\(space(&random))"
            }
            return "{" + members.joined(separator: ",") + "}"
        case 1:
            let items = (0..<Int.random(in: 0...4, using: &random)).map { _ in space(&random) + document(&random, depth: depth + 1) + space(&random) }
            return "[" + items.joined(separator: ",") + "]"
        case 2, 3:
            return "\"" + stringContent(&random) + "\""
        case 4, 5:
            return ["0", "-0", "7", "-12", "3.25", "10.0", "-0.5e3", "1E+2", "6.02e-23", "123456789012", "1.000", "2e0"].randomElement(using: &random)!
        default:
            return ["true", "false", "null"].randomElement(using: &random)!
        }
    }

    static func stringContent(_ random: inout SplitMix64) -> String {
        let pieces = ["id", "name", "卷", "é", "😀", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "\\/", " ", "size", "a long plain ascii run"]
        return (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    /// One byte-level breakage: a byte changed, a structural byte inserted, a byte dropped, or
    /// the text cut short.
    static func breakBytes(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        guard !bytes.isEmpty else { return [UInt8(ascii: ",")] }
        var copy = bytes
        let position = Int.random(in: 0..<copy.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: copy[position] = UInt8.random(in: 0...255, using: &random)
        case 1: copy.insert(Array(",\"}]\\:{[0e-.\u{0B}".utf8).randomElement(using: &random)!, at: position)
        case 2: copy.remove(at: position)
        case 3: copy = Array(copy.prefix(position))
        default: copy[position] = Array("{[:0e\"\\".utf8).randomElement(using: &random)!
        }
        return copy
    }
}

/// `parse(bytes:keepingLevels:)` against the full parse: the same verdict on every input, and
/// the full tree cut at the kept levels.
@Suite("Tree parse kept to its first levels")
struct ShallowParseTests {
    /// `value` with every container at `level` or deeper emptied.
    static func cut(_ value: JSONValue, at levels: Int, level: Int = 0) -> JSONValue {
        switch value {
        case .object(let members): level >= levels ? .object([:]) : .object(members.mapValues { cut($0, at: levels, level: level + 1) })
        case .array(let items): level >= levels ? .array([]) : .array(items.map { cut($0, at: levels, level: level + 1) })
        default: value
        }
    }

    @Test("seeded documents, broken ones and repeated keys among them: the same verdict, the full tree cut")
    func agreesWithFullParse() {
        var random = SplitMix64(seed: 0x5A_11_0)
        var built = 0
        for round in 0..<2_000 {
            var document = Array(JSONLexerTests.document(&random, depth: 0).utf8)
            if round % 4 == 1 { document = JSONLexerTests.breakBytes(document, &random) }
            if round % 4 == 2, let brace = document.lastIndex(of: UInt8(ascii: "}")) {
                // A repeated key, deep or shallow: the full parse rejects it, so must the shallow one.
                document.insert(contentsOf: Array(#","k":1,"k":2"#.utf8), at: brace)
                if document[document.index(after: document.firstIndex(of: UInt8(ascii: "{"))!)] == UInt8(ascii: ",") { continue }
            }
            let levels = Int.random(in: 0...3, using: &random)
            let full = try? JSONValue.parse(bytes: document)
            let shallow = try? JSONValue.parse(bytes: document, keepingLevels: levels)
            #expect((full == nil) == (shallow == nil), "\(String(decoding: document, as: UTF8.self))")
            if let full, let shallow {
                #expect(shallow == Self.cut(full, at: levels), "\(String(decoding: document, as: UTF8.self))")
                built += 1
            }
        }
        #expect(built > 500)
    }
}
