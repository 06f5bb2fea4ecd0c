/// Turns value offsets in a JSON body into RFC 6901 pointers, in one pass.
///
/// The body scanner keeps no path while it validates; when it has issues to report, it hands
/// their offsets (each the first byte of the value an issue is about) to this walk, which keeps
/// the path and notes it at each of them. The walk is lenient: the scanner has already checked
/// the bytes up to the last offset.
enum PointerResolver {
    /// The pointer of the value starting at each of `offsets`.
    static func pointers(at offsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int: String] {
        var walk = Walk(bytes: bytes, targets: Array(Set(offsets)).sorted())
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

        let bytes: UnsafeBufferPointer<UInt8>
        let targets: [Int]
        var next = 0
        var index = 0
        var path: [Step] = []
        var found: [Int: String] = [:]

        init(bytes: UnsafeBufferPointer<UInt8>, targets: [Int]) {
            self.bytes = bytes
            self.targets = targets
        }

        /// Walks the value at `index`; `false` once every target is found or the bytes end.
        mutating func value() -> Bool {
            while next < targets.count, targets[next] < index { next += 1 }
            if next < targets.count, targets[next] == index {
                found[index] = pointerText()
                next += 1
            }
            guard next < targets.count, index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                while true {
                    skipWhitespace()
                    guard index < bytes.count else { return false }
                    if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        return true
                    }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    let start = index + 1
                    guard let (end, escaped) = skipString() else { return false }
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
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
                    guard index < bytes.count else { return false }
                    if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        return true
                    }
                    if bytes[index] == UInt8(ascii: ",") {
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
                while index < bytes.count, !Self.ends(bytes[index]) { index += 1 }
                return true
            }
        }

        /// Skips the string at `index`; returns the end of its content and whether it has escapes.
        mutating func skipString() -> (end: Int, escaped: Bool)? {
            index += 1
            var escaped = false
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"):
                    escaped = true
                    index += 2
                case UInt8(ascii: "\""):
                    index += 1
                    return (index - 1, escaped)
                default:
                    index += 1
                }
            }
            return nil
        }

        mutating func skipWhitespace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        }

        static func ends(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
        }

        func pointerText() -> String {
            var text = ""
            for step in path {
                switch step {
                case .key(let start, let end, let escaped):
                    text += "/" + PointerResolver.escape(BodyScanner.decodeString(UnsafeBufferPointer(rebasing: bytes[start..<end]), escaped: escaped))
                case .index(let position):
                    text += "/\(position)"
                }
            }
            return text
        }
    }
}
