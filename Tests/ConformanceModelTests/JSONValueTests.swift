import ConformanceModel
import Foundation
import Testing

@Suite("JSONValue parsing and canonical text")
struct JSONValueTests {
    @Test("numbers keep their literal text")
    func numbersAreExact() throws {
        let value = try JSONValue.parse(#"{"a": 12345678901234567890, "b": -0.50, "c": 1e3}"#)
        #expect(value["a"] == .number("12345678901234567890"))
        #expect(value["b"] == .number("-0.50"))
        #expect(value["c"] == .number("1e3"))
    }

    @Test("canonical text sorts keys, indents by two and keeps non-ASCII text")
    func canonicalText() throws {
        let value = try JSONValue.parse(#"{"b": [1, {"z": null, "a": "云硬盘"}], "a": {}, "c": []}"#)
        #expect(value.canonicalText == """
            {
              "a": {},
              "b": [
                1,
                {
                  "a": "云硬盘",
                  "z": null
                }
              ],
              "c": []
            }
            """)
    }

    @Test("escapes are decoded and re-encoded", arguments: [
        (#""a\"b\\c\/d\n\u00e9\ud83d\ude00""#, "a\"b\\c/d\né😀"),
        (#""\u0001""#, "\u{01}"),
    ])
    func escapes(input: String, expected: String) throws {
        let value = try JSONValue.parse(input)
        #expect(value == .string(expected))
        #expect(try JSONValue.parse(value.canonicalText) == value)
    }

    @Test("errors name the line and column", arguments: [
        ("{\n  \"a\": 1,\n}", 3, "trailing comma before '}'"),
        ("[1, 2", 1, "unexpected end of input inside an array"),
        ("{\"a\": 01}", 1, "leading zero in a number"),
        ("{\"a\": 1, \"a\": 2}", 1, "duplicate key \"a\""),
        ("\"abc", 1, "unterminated string"),
        ("{\"a\": tru}", 1, "invalid literal, expected 'true'"),
        ("", 1, "empty document"),
        ("[1] x", 1, "unexpected 'x' after the value"),
    ])
    func errors(input: String, line: Int, message: String) {
        #expect {
            try JSONValue.parse(input)
        } throws: { error in
            guard let error = error as? JSONParseError else { return false }
            return error.line == line && error.message == message
        }
    }

    /// Foundation accepts `[1,]`; RFC 8259 §5 does not, and neither do we: a trailing comma in a
    /// doc example (EVS 6.1.1) is exactly what the lint command must report.
    @Test("trailing commas are rejected, unlike JSONSerialization")
    func trailingComma() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse("[1,]") }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a": 1,}"#) }
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes: [0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22]) }
    }

    @Test("agrees with JSONSerialization on what is valid", arguments: [
        "{}", "[]", "null", "true", "0", "-0", "1.5e-3", #"{"a":[1,2,{"b":null}]}"#, #""\u20ac""#,
        "{,}", "01", "1.", ".5", "+1", "[1 2]", #"{"a" 1}"#, "nul", #""\x""#, "[\"a\nb\"]",
    ])
    func agreesWithFoundation(input: String) {
        let foundation = (try? JSONSerialization.jsonObject(with: Data(input.utf8), options: [.fragmentsAllowed])) != nil
        let ours = (try? JSONValue.parse(input)) != nil
        #expect(ours == foundation, "\(input)")
    }
}
