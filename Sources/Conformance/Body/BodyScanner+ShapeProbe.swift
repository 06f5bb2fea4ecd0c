import ConformanceModel

/// The error-body shape the scan notes on request (`BodyScanner.scan(_:schema:captures:shapeNames:_:)`):
/// what `ErrorBodyChecks` reads instead of parsing the body again.
extension BodyScanner {
    /// Notes an `ErrorBodyShape` while the scan reads the body: the top-level keys, and the
    /// named members of the top level and of its first member's object.
    ///
    /// Decision: a repeated key at these two levels leaves the body without a shape, as the
    /// tree parser refuses it (the code would be ambiguous). A repeated key deeper down no
    /// longer does: the envelope does not reach there, and the scan does not look for them.
    struct ShapeProbe {
        let names: Set<String>
        /// The top-level keys (a repeated one sets `repeated`, and then no shape is given).
        var keys: Set<String> = []
        var fields: [String: ErrorBodyShape.Field] = [:]
        var firstIsObject = false
        var firstKeys: Set<String> = []
        var firstFields: [String: ErrorBodyShape.Field] = [:]
        var repeated = false

        init(names: Set<String>) {
            self.names = names
        }

        /// The shape, given the body's first byte; `nil` when a key repeats at the probed levels.
        func shape(first byte: UInt8) -> ErrorBodyShape? {
            guard !repeated else { return nil }
            let typeName: String
            switch byte {
            case UInt8(ascii: "{"): typeName = "object"
            case UInt8(ascii: "["): typeName = "array"
            case UInt8(ascii: "\""): typeName = "string"
            case UInt8(ascii: "t"), UInt8(ascii: "f"): typeName = "boolean"
            case UInt8(ascii: "n"): typeName = "null"
            default: typeName = "number"
            }
            return ErrorBodyShape(typeName: typeName, keys: keys.sorted(), fields: fields,
                                  onlyMemberFields: keys.count == 1 && firstIsObject ? firstFields : nil)
        }
    }

    /// Notes a key at a probed level; returns it when its value is to be kept.
    mutating func probeKey(_ key: Key, level: Int) -> String? {
        let text = JSONLexer.decode(UnsafeBufferPointer(start: base + key.start, count: key.end - key.start), escaped: key.escaped)
        if level == 1 {
            if !probe!.keys.insert(text).inserted { probe!.repeated = true }
        } else if !probe!.firstKeys.insert(text).inserted {
            probe!.repeated = true
        }
        return probe!.names.contains(text) ? text : nil
    }

    /// Keeps the value just read (from `start` to `index`) under `name`, at a probed level.
    mutating func probeValue(_ name: String, from start: Int, level: Int) {
        let field: ErrorBodyShape.Field
        switch base[start] {
        case UInt8(ascii: "\""):
            field = .string(JSONLexer.decode(UnsafeBufferPointer(start: base + start + 1, count: index - start - 2), escaped: true))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            field = .number(String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self))
        default:
            field = .other
        }
        if level == 1 {
            if probe!.fields[name] == nil { probe!.fields[name] = field }
        } else if probe!.firstFields[name] == nil {
            probe!.firstFields[name] = field
        }
    }
}
