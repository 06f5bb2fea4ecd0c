import ConformanceModel
import Foundation

/// Small, forgiving readers of the JSON pieces traffic files are made of (headers, bodies,
/// status codes), shared by `HARReader` and `JSONLReader`. Each returns a reason instead of
/// trapping when the input is not what the format says.
enum TrafficJSON {
    /// A string for a scalar: strings as they are, numbers as their literal, booleans as words.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): text
        case .number(let literal): literal
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// An integer from a number literal (`200`, `200.0`), or `nil`.
    static func integer(_ value: JSONValue?) -> Int? {
        guard case .number(let literal) = value else { return nil }
        if let integer = Int(literal) { return integer }
        guard let double = Double(literal), double.rounded() == double, abs(double) < 1e15 else { return nil }
        return Int(double)
    }

    /// The bytes of a base64 text (whitespace allowed), or `nil` when it is not base64.
    static func base64(_ text: String) -> [UInt8]? {
        let compact = text.filter { !$0.isWhitespace }
        return Data(base64Encoded: compact).map { Array($0) }
    }

    /// Removes a UTF-8 byte order mark.
    static func droppingByteOrderMark(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes
    }

    static func droppingByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        droppingByteOrderMark(bytes[...])
    }

    /// A parse error in the words a report uses.
    static func describe(_ error: JSONParseError) -> String {
        "not JSON (column \(error.column): \(error.message))"
    }
}
