import ConformanceModel

/// Which part of a request or response a schema describes, and so which checks its changes are.
///
/// The same change means opposite things on the two sides: a request field that became required
/// breaks a client, a response field that did is a promise more. Each side names its checks here,
/// so that `SchemaChanges` compares schemas once for all of them.
enum SchemaSide: Sendable, Hashable {
    /// The request body.
    case request
    /// A response body (the status, `nil` for the service's response envelope).
    case response(Int?)
    /// A path, query or header parameter's own schema.
    case parameter

    var status: Int? {
        if case .response(let status) = self { return status }
        return nil
    }

    var isResponse: Bool {
        if case .response = self { return true }
        return false
    }

    /// How a field of this side is named in messages.
    var noun: String {
        switch self {
        case .request: "request field"
        case .response: "response field"
        case .parameter: "parameter"
        }
    }

    /// How the place at `pointer` reads in messages: `the request field /volume/size`, `the
    /// response body`, `the parameter /query/limit`.
    func place(_ pointer: String) -> String {
        guard pointer.isEmpty else { return "the \(noun) \(pointer)" }
        switch self {
        case .request: return "the request body"
        case .response(let status): return status.map { "the \($0) response body" } ?? "the response envelope"
        case .parameter: return "the parameter"
        }
    }

    var boundSubject: ChangeCheck.BoundSubject {
        switch self {
        case .request: .requestProperty
        case .response: .responseProperty
        case .parameter: .requestParameter
        }
    }

    func typeCheck(_ move: TypeMove, atRoot: Bool) -> ChangeCheck {
        switch (self, move) {
        case (.request, .changed): atRoot ? .requestBodyTypeChanged : .requestPropertyTypeChanged
        case (.request, .generalized): .requestPropertyTypeGeneralized
        case (.request, .specialized): .requestPropertyTypeSpecialized
        case (.response, .changed): atRoot ? .responseBodyTypeChanged : .responsePropertyTypeChanged
        case (.response, .generalized): .responsePropertyTypeGeneralized
        case (.response, .specialized): .responsePropertyTypeSpecialized
        case (.parameter, .changed): .requestParameterTypeChanged
        case (.parameter, .generalized): .requestParameterTypeGeneralized
        case (.parameter, .specialized): .requestParameterTypeSpecialized
        }
    }

    var enumValueRemoved: ChangeCheck {
        switch self {
        case .request: .requestPropertyEnumValueRemoved
        case .response: .responsePropertyEnumValueRemoved
        case .parameter: .requestParameterEnumValueRemoved
        }
    }

    var enumValueAdded: ChangeCheck {
        switch self {
        case .request: .requestPropertyEnumValueAdded
        case .response: .responsePropertyEnumValueAdded
        case .parameter: .requestParameterEnumValueAdded
        }
    }

    var becameEnum: ChangeCheck {
        switch self {
        case .request: .requestPropertyBecameEnum
        case .response: .responsePropertyBecameEnum
        case .parameter: .requestParameterBecameEnum
        }
    }

    var becameNotEnum: ChangeCheck {
        switch self {
        case .request: .requestPropertyBecameNotEnum
        case .response: .responsePropertyBecameNotEnum
        case .parameter: .requestParameterBecameNotEnum
        }
    }

    /// The check for `nullable` turning on (`true`) or off; `nil` for parameters, which travel as text.
    func nullableCheck(becameNullable: Bool) -> ChangeCheck? {
        switch self {
        case .request: becameNullable ? .requestPropertyBecameNullable : .requestPropertyBecameNotNullable
        case .response: becameNullable ? .responsePropertyBecameNullable : .responsePropertyBecameNotNullable
        case .parameter: nil
        }
    }

    func defaultCheck(old: String?, new: String?) -> ChangeCheck {
        switch self {
        case .response: return .responsePropertyDefaultValueChanged
        case .request:
            if old == nil { return .requestPropertyDefaultValueAdded }
            return new == nil ? .requestPropertyDefaultValueRemoved : .requestPropertyDefaultValueChanged
        case .parameter:
            if old == nil { return .requestParameterDefaultValueAdded }
            return new == nil ? .requestParameterDefaultValueRemoved : .requestParameterDefaultValueChanged
        }
    }

    var unitChanged: ChangeCheck {
        switch self {
        case .request: .requestPropertyUnitChanged
        case .response: .responsePropertyUnitChanged
        case .parameter: .requestParameterUnitChanged
        }
    }

    var descriptionChanged: ChangeCheck {
        switch self {
        case .request: .requestPropertyDescriptionChanged
        case .response: .responsePropertyDescriptionChanged
        case .parameter: .requestParameterDescriptionChanged
        }
    }

    func propertyAdded(required: Bool) -> ChangeCheck {
        switch self {
        case .request, .parameter: required ? .newRequiredRequestProperty : .newOptionalRequestProperty
        case .response: required ? .responseRequiredPropertyAdded : .responseOptionalPropertyAdded
        }
    }

    func propertyRemoved(required: Bool) -> ChangeCheck {
        switch self {
        case .request, .parameter: .requestPropertyRemoved
        case .response: required ? .responseRequiredPropertyRemoved : .responseOptionalPropertyRemoved
        }
    }

    func requiredChanged(nowRequired: Bool) -> ChangeCheck {
        switch self {
        case .request, .parameter: nowRequired ? .requestPropertyBecameRequired : .requestPropertyBecameOptional
        case .response: nowRequired ? .responsePropertyBecameRequired : .responsePropertyBecameOptional
        }
    }
}

/// How a schema's type moved between two sides.
enum TypeMove: Sendable, Hashable {
    /// Two different known types, or two different formats.
    case changed
    /// Wider: integer → number, a type → none the reader can pin down (`any`), a format dropped.
    case generalized
    /// Narrower: number → integer, none → a type, a format added.
    case specialized

    /// The move from `old` to `new`, `nil` when the type and format are the same.
    static func between(_ old: Schema, _ new: Schema) -> TypeMove? {
        if old.kind != new.kind {
            switch (old.kind, new.kind) {
            case (.any, _): return .specialized
            case (_, .any): return .generalized
            case (.integer, .number): return .generalized
            case (.number, .integer): return .specialized
            default: return .changed
            }
        }
        switch (old.format, new.format) {
        case (nil, nil): return nil
        case (nil, .some): return .specialized
        case (.some, nil): return .generalized
        case let (.some(old), .some(new)): return old == new ? nil : .changed
        }
    }
}
