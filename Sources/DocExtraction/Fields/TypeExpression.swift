import ConformanceModel
import Foundation

/// A type cell parsed into what it means: a JSON primitive, an object (named or not), a
/// footnote reference, an array or a map of another type.
///
/// The words vendors use: `String`, `Integer`, `Boolean`, `Float`/`Number`/`Double`,
/// `Object`, `Array of strings`, `Array of Link objects`, `List<String>`, `String[]`,
/// `Map<String,String>`, `XxxOption object`, `字典数据结构[1]` (ECS pages), and the Go-style
/// `string`, `uint64`, `int64`, `bool`, `struct`, `struct array`, `string array` of the
/// Tencent gateway. Anything else is `.unknown` and the caller reports it.
public indirect enum TypeExpression: Sendable, Hashable {
    case primitive(Schema.Kind)
    /// An unsigned integer type (`uint64`): an integer with minimum 0.
    case unsignedInteger
    /// An object; `name` is the doc's object name when the cell gives one.
    case object(name: String?)
    /// A footnote reference to a structure table (`字典数据结构[1]` → 1).
    case footnote(Int)
    case array(TypeExpression)
    case map(TypeExpression)
    case unknown(String)

    private static let primitives: [String: TypeExpression] = [
        "string": .primitive(.string), "str": .primitive(.string), "字符串": .primitive(.string), "text": .primitive(.string),
        "uuid": .primitive(.string), "date": .primitive(.string), "datetime": .primitive(.string), "timestamp": .primitive(.string),
        "integer": .primitive(.integer), "int": .primitive(.integer), "int32": .primitive(.integer), "int64": .primitive(.integer),
        "long": .primitive(.integer), "short": .primitive(.integer), "整数": .primitive(.integer), "整型": .primitive(.integer),
        "uint": .unsignedInteger, "uint32": .unsignedInteger, "uint64": .unsignedInteger, "uint8": .unsignedInteger, "uint16": .unsignedInteger,
        "number": .primitive(.number), "float": .primitive(.number), "double": .primitive(.number), "decimal": .primitive(.number),
        "bigdecimal": .primitive(.number), "float32": .primitive(.number), "float64": .primitive(.number), "数字": .primitive(.number),
        "boolean": .primitive(.boolean), "bool": .primitive(.boolean), "布尔": .primitive(.boolean), "布尔型": .primitive(.boolean),
        "object": .object(name: nil), "struct": .object(name: nil), "dict": .object(name: nil), "json": .object(name: nil),
        "字典": .object(name: nil), "字典数据结构": .object(name: nil), "对象": .object(name: nil),
        "array": .array(.primitive(.any)), "list": .array(.primitive(.any)), "数组": .array(.primitive(.any)),
        "列表": .array(.primitive(.any)), "列表数据结构": .array(.object(name: nil)),
        "map": .map(.primitive(.any)),
    ]

    /// Parses a type cell. Whitespace, PDF line wraps and case do not matter.
    public static func parse(_ text: String) -> TypeExpression {
        let compact = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard !compact.isEmpty else { return .unknown(text) }
        let lower = compact.lowercased()

        if let primitive = primitives[lower] ?? primitives[lower.replacingOccurrences(of: " ", with: "")] { return primitive }

        // 字典数据结构[1], 列表数据结构[2]: a footnote names the structure table.
        if let open = compact.lastIndex(of: "["), compact.hasSuffix("]"),
           let number = Int(compact[compact.index(after: open)..<compact.index(before: compact.endIndex)]) {
            let head = compact[..<open].trimmingCharacters(in: .whitespaces)
            if head.hasPrefix("列表") || head.lowercased().hasPrefix("array") || head.lowercased().hasPrefix("list") {
                return .array(.footnote(number))
            }
            return .footnote(number)
        }

        // Array of strings / Array of Link objects / Array of integers
        if lower.hasPrefix("array of ") || lower.hasPrefix("list of ") {
            let rest = String(compact.drop(while: { $0 != " " }).dropFirst().drop(while: { $0 != " " }).dropFirst())
            return .array(element(rest))
        }
        // List<String>, Array<Link>, Map<String,String>, Map<String, Object>
        if let open = compact.firstIndex(of: "<"), compact.hasSuffix(">") {
            let outer = compact[..<open].lowercased().trimmingCharacters(in: .whitespaces)
            let inner = String(compact[compact.index(after: open)..<compact.index(before: compact.endIndex)])
            switch outer {
            case "list", "array", "set":
                return .array(element(inner))
            case "map", "dict", "hashmap":
                let parts = splitTopLevelComma(inner)
                return .map(parts.count == 2 ? element(parts[1]) : .primitive(.any))
            default:
                break
            }
        }
        // map[string]string (Go)
        if lower.hasPrefix("map["), let close = compact.firstIndex(of: "]") {
            return .map(element(String(compact[compact.index(after: close)...])))
        }
        // String[], []string
        if compact.hasSuffix("[]") { return .array(element(String(compact.dropLast(2)))) }
        if compact.hasPrefix("[]") { return .array(element(String(compact.dropFirst(2)))) }
        // string array, struct array, int array (Go-flavoured docs)
        for suffix in [" array", " list", " 数组", "数组", " 列表"] where lower.hasSuffix(suffix) {
            let head = String(compact.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            if !head.isEmpty { return .array(element(head)) }
        }
        // CreateVolumeOption object
        if lower.hasSuffix(" object") {
            return .object(name: String(compact.dropLast(" object".count)).trimmingCharacters(in: .whitespaces))
        }
        if lower.hasSuffix(" objects") {
            return .object(name: String(compact.dropLast(" objects".count)).trimmingCharacters(in: .whitespaces))
        }
        return .unknown(text)
    }

    /// An element type: a primitive word, a plural (`strings`), or an object name (`Link`, `Link objects`).
    private static func element(_ text: String) -> TypeExpression {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parsed = parse(trimmed)
        if case .unknown = parsed {
            let lower = trimmed.lowercased()
            // `Array of Map<String,String> objects`: the element is the map, `objects` is filler.
            for filler in [" objects", " object"] where lower.hasSuffix(filler) {
                let inner = parse(String(trimmed.dropLast(filler.count)))
                switch inner {
                case .map, .array: return inner
                default: break
                }
            }
            if lower.hasSuffix("s"), let singular = primitives[String(lower.dropLast())] { return singular }
            // A bare identifier is an object name (`Array of Link`).
            if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) {
                return .object(name: trimmed)
            }
        }
        return parsed
    }

    private static func splitTopLevelComma(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            switch character {
            case "<": depth += 1; current.append(character)
            case ">": depth -= 1; current.append(character)
            case ",", "，":
                if depth == 0 {
                    parts.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            default: current.append(character)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `true` when the type (or its element type) is an object that needs a structure table.
    public var needsStructure: Bool {
        switch self {
        case .object, .footnote: true
        case .array(let element), .map(let element): element.needsStructure
        default: false
        }
    }
}
