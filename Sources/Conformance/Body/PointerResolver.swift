import ConformanceModel

/// Turns value offsets in a JSON body into RFC 6901 pointers, in one pass.
///
/// The body scanner keeps no path while it validates; when it has issues to report, it hands
/// their offsets (each the first byte of the value an issue is about) to this walk, which keeps
/// the path and notes it at each of them. The walk is lenient: the scanner has already checked
/// the bytes up to the last offset, so it uses the shared lexer's unchecked skips.
enum PointerResolver {
    /// The pointer of the value starting at each of `offsets`.
    static func pointers(at offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int: String] {
        guard let base = bytes.baseAddress else { return [:] }
        var walk = Walk(lexer: JSONLexer(base: base, count: bytes.count), targets: Array(Set(offsets)).sorted())
        walk.skipWhitespace()
        _ = walk.value()
        return walk.found
    }

    /// `name` with `~` and `/` escaped for a pointer.
    static func escape(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: "~")) || name.utf8.contains(UInt8(ascii: "/")) else { return name }
        return name.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    private struct Walk {
        enum Step {
            case key(start: Int, end: Int, escaped: Bool)
            case index(Int)
        }

        let lexer: JSONLexer
        let targets: [Int]
        var next = 0
        var index = 0
        var path: [Step] = []
        var found: [Int: String] = [:]

        init(lexer: JSONLexer, targets: [Int]) {
            self.lexer = lexer
            self.targets = targets
        }

        /// Walks the value at `index`; `false` once every target is found or the bytes end.
        mutating func value() -> Bool {
            while next < targets.count, targets[next] < index { next += 1 }
            if next < targets.count, targets[next] == index {
                found[index] = pointerText()
                next += 1
            }
            guard next < targets.count, index < lexer.count else { return false }
            switch lexer[index] {
            case UInt8(ascii: "{"):
                index += 1
                while true {
                    skipWhitespace()
                    guard index < lexer.count else { return false }
                    if lexer[index] == UInt8(ascii: "}") {
                        index += 1
                        return true
                    }
                    if lexer[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    let start = index + 1
                    guard let (end, escaped) = skipString() else { return false }
                    skipWhitespace()
                    guard index < lexer.count, lexer[index] == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipWhitespace()
                    path.append(.key(start: start, end: end, escaped: escaped))
                    guard value() else { return false }
                    path.removeLast()
                }
            case UInt8(ascii: "["):
                index += 1
                var position = 0
                while true {
                    skipWhitespace()
                    guard index < lexer.count else { return false }
                    if lexer[index] == UInt8(ascii: "]") {
                        index += 1
                        return true
                    }
                    if lexer[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    path.append(.index(position))
                    guard value() else { return false }
                    path.removeLast()
                    position += 1
                }
            case UInt8(ascii: "\""):
                return skipString() != nil
            default:
                index = lexer.skipScalarUnchecked(at: index)
                return true
            }
        }

        /// Skips the string at `index`; returns the end of its content and whether it has escapes.
        mutating func skipString() -> (end: Int, escaped: Bool)? {
            guard let string = lexer.skipStringUnchecked(at: index) else { return nil }
            index = string.end + 1
            return string
        }

        mutating func skipWhitespace() {
            index = lexer.skipWhitespace(from: index)
        }

        func pointerText() -> String {
            var text = ""
            for step in path {
                switch step {
                case .key(let start, let end, let escaped):
                    text += "/" + PointerResolver.escape(JSONLexer.decode(UnsafeBufferPointer(start: lexer.base + start, count: end - start), escaped: escaped))
                case .index(let position):
                    text += "/\(position)"
                }
            }
            return text
        }
    }
}
