@testable import Conformance
import ConformanceModel
import Foundation
import Testing

/// The recorders' JSON text writer against Foundation: strings read back by `JSONSerialization`
/// as written, timestamps as `ISO8601DateFormatter` writes them, and the UTF-8 check as the
/// standard library's validation.
@Suite struct JSONBytesTests {
    @Test func stringsReadBackAsWritten() throws {
        var random = SplitMix64(seed: 7)
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "é", "中", "😀", "{", "}", ":", ","]
        for length in 0..<300 {
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            var json = JSONBytes()
            json.raw("[")
            json.string(text)
            json.raw(",")
            json.string(utf8: Array(text.utf8)[...])
            json.raw("]")
            let read = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
            #expect(read == [text, text])
        }
    }

    @Test func timestampsAreISO8601WithMilliseconds() throws {
        // Whole seconds from Foundation's formatter; the milliseconds are the ones the date was
        // made of (a double holds 951782400.999 as ...998999, which must still print .999).
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var random = SplitMix64(seed: 8)
        let instants: [Int64] = [0, 999, 951_782_400_999, 4_102_444_799_500] + (0..<500).map { _ in Int64.random(in: 0..<4_000_000_000_000, using: &random) }
        for millis in instants {
            var json = JSONBytes()
            json.timestamp(Date(timeIntervalSince1970: Double(millis) / 1000))
            let seconds = formatter.string(from: Date(timeIntervalSince1970: Double(millis / 1000))).dropLast()
            let fraction = String(millis % 1000)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "\"\(seconds).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)Z\"")
        }
    }

    @Test func theUTF8CheckAgreesWithTheStandardLibrary() {
        var random = SplitMix64(seed: 9)
        let samples: [[UInt8]] = [[], Array("plain ascii text, long enough for words".utf8), Array("中文 é 😀".utf8), [0xFF], [0x61, 0xC3], [0xED, 0xA0, 0x80]]
            + (0..<2000).map { _ in
                let base = Array("{\"volume\":{\"name\":\"卷-é\"}}".utf8)
                return random.mutate(random.mutate(base))
            }
        for bytes in samples {
            #expect(JSONBytes.isUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}
