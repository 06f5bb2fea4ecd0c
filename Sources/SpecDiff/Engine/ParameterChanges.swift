import ConformanceModel

/// Compares the path, query and header parameters of one operation on two sides.
///
/// Path parameters are matched by their position among the path's placeholders (issue 20: "a
/// renamed path parameter is the same path"), so `{volume_id}` → `{id}` is a rename, not a
/// removal and an addition; query parameters by name; headers by name without case (RFC 9110).
enum ParameterChanges {
    static func compare(old: Operation, new: Operation, into log: inout ChangeLog) {
        let oldKeys = keys(of: old)
        let newKeys = keys(of: new)
        let newByKey = Dictionary(zip(newKeys, new.parameters), uniquingKeysWith: { first, _ in first })
        let oldByKey = Dictionary(zip(oldKeys, old.parameters), uniquingKeysWith: { first, _ in first })
        for (key, parameter) in zip(oldKeys, old.parameters) where newByKey[key] == nil {
            let pointer = self.pointer(parameter)
            log.add(.requestParameterRemoved, pointer: pointer, old: .string(SchemaChanges.typeText(parameter.schema)),
                    oldSource: ChangeSource(parameter.schema.source ?? old.source, quote: quote(parameter)),
                    newSource: ChangeSource(tableSource(of: new, at: parameter.location), absent: true),
                    message: "the \(parameter.location.rawValue) parameter \(parameter.name) is gone")
        }
        for (key, parameter) in zip(newKeys, new.parameters) where oldByKey[key] == nil {
            let pointer = self.pointer(parameter)
            log.add(parameter.required ? .newRequiredRequestParameter : .newOptionalRequestParameter, pointer: pointer,
                    new: .string(SchemaChanges.typeText(parameter.schema)),
                    oldSource: ChangeSource(tableSource(of: old, at: parameter.location), absent: true),
                    newSource: ChangeSource(parameter.schema.source ?? new.source, quote: quote(parameter)),
                    message: "a new \(parameter.required ? "required" : "optional") \(parameter.location.rawValue) parameter \(parameter.name)")
        }
        for (key, newParameter) in zip(newKeys, new.parameters) {
            guard let oldParameter = oldByKey[key] else { continue }
            let pointer = self.pointer(newParameter)
            if oldParameter.name != newParameter.name {
                log.add(.requestPathParameterRenamed, pointer: pointer, old: .string(oldParameter.name), new: .string(newParameter.name),
                        oldSource: ChangeSource(oldParameter.schema.source ?? old.source, quote: old.path),
                        newSource: ChangeSource(newParameter.schema.source ?? new.source, quote: new.path),
                        message: "the path parameter {\(oldParameter.name)} is now {\(newParameter.name)}")
            }
            if oldParameter.required != newParameter.required {
                log.add(newParameter.required ? .requestParameterBecameRequired : .requestParameterBecameOptional, pointer: pointer,
                        old: .bool(oldParameter.required), new: .bool(newParameter.required),
                        oldSource: ChangeSource(oldParameter.schema.source ?? old.source, quote: quote(oldParameter)),
                        newSource: ChangeSource(newParameter.schema.source ?? new.source, quote: quote(newParameter)),
                        message: "the \(newParameter.location.rawValue) parameter \(newParameter.name) became \(newParameter.required ? "required" : "optional")")
            }
            SchemaChanges.compare(oldParameter.schema, newParameter.schema, pointer: pointer, side: .parameter, into: &log)
        }
    }

    /// `/query/limit`, `/path/volume_id`, `/header/X-Auth-Token`.
    static func pointer(_ parameter: Parameter) -> String {
        Pointer.appending("/" + parameter.location.rawValue, parameter.name)
    }

    /// The key a parameter is matched by: its placeholder position for path parameters.
    private static func keys(of operation: Operation) -> [String] {
        let placeholders = operation.template.parameterNames
        return operation.parameters.map { parameter in
            switch parameter.location {
            case .path:
                if let index = placeholders.firstIndex(of: parameter.name) { return "path#\(index)" }
                return "path:" + parameter.name
            case .query: return "query:" + parameter.name
            case .header: return "header:" + parameter.name.lowercased()
            }
        }
    }

    /// Where the parameters of `location` are documented in `operation` (the first one's table),
    /// else the operation's section.
    private static func tableSource(of operation: Operation, at location: Parameter.Location) -> DocReference {
        operation.parameters(in: location).first?.schema.source ?? operation.parameters.first?.schema.source ?? operation.source
    }

    private static func quote(_ parameter: Parameter) -> String? {
        parameter.schema.description.map { DocWords.clipped(DocWords.folded($0)) }
    }
}
