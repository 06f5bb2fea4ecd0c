import ConformanceModel

/// Swift source text for model values, written so the type checker has nothing to infer:
/// every call names its type, every collection is built from explicitly typed elements.
enum SwiftLiteral {
    /// A Swift string literal for `text`.
    static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    output += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    static func optional(_ text: String?) -> String {
        text.map(string) ?? "nil"
    }

    static func optional(_ number: Int?) -> String {
        number.map(String.init) ?? "nil"
    }

    static func optional(_ number: Double?) -> String {
        guard let number else { return "nil" }
        if number.rounded() == number, abs(number) < 1e15 { return "\(Int64(number)).0" }
        return "\(number)"
    }

    static func strings(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }

    /// An identifier made from an operation id: `CreateVolume` → `createVolume`, `os-extend` → `osExtend`.
    static func identifier(_ text: String) -> String {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var result = words.enumerated().map { index, word in
            index == 0 ? word.prefix(1).lowercased() + word.dropFirst() : word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
        if result.isEmpty || result.first!.isNumber { result = "_" + result }
        if reserved.contains(result) { result = "`\(result)`" }
        return result
    }

    private static let reserved: Set<String> = ["default", "case", "class", "func", "let", "var", "return", "operator", "protocol", "extension", "import", "init", "self", "Self", "static", "struct", "enum", "in", "is", "as", "where", "while", "for", "if", "else", "switch", "repeat", "throw", "throws", "try", "nil", "true", "false", "internal", "public", "private", "subscript", "deinit", "inout", "any", "some"]
}
