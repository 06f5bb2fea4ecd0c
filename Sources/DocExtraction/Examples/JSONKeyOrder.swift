/// The keys of a JSON object in the order its text writes them (`JSONValue` objects are
/// unordered, and specs keep fields in document order).
enum JSONKeyOrder {
    static func topLevelKeys(in text: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false
        var escaping = false
        var current = ""
        var lastString: String?
        for character in text {
            if inString {
                if escaping { escaping = false; current.append(character); continue }
                if character == "\\" { escaping = true; continue }
                if character == "\"" { inString = false; lastString = current; continue }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; lastString = nil
            case "}", "]": depth -= 1; lastString = nil
            case ":":
                if depth == 1, let key = lastString, !keys.contains(key) { keys.append(key) }
                lastString = nil
            case ",": lastString = nil
            default: break
            }
        }
        return keys
    }
}
