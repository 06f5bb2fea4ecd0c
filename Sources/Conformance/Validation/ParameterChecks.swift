import ConformanceModel

/// A documented parameter prepared for checking: what its value must be, and the parameter
/// itself for the messages of findings. A class, so that walking the list copies one reference.
final class CompiledParameter: Sendable {
    let parameter: Parameter
    let name: String
    let location: Parameter.Location
    let required: Bool
    /// Whether the value needs a look beyond being present: a type, bounds, values or a length.
    let checksValue: Bool

    init(_ parameter: Parameter) {
        self.parameter = parameter
        name = parameter.name
        location = parameter.location
        required = parameter.required
        let schema = parameter.schema
        checksValue = schema.kind == .integer || schema.kind == .number || schema.kind == .boolean || schema.enumeration != nil || schema.maxLength != nil
            || parameter.location == .header && schema.format == "uuid"
    }
}

/// Checks a request's path, query and header parameters and its authentication.
enum ParameterChecks {
    static func check(_ request: Exchange.Request, target: RequestTarget, match: Router.Match, operation: CompiledOperation, service: CompiledService, into context: inout FindingContext) {
        for index in operation.parameters.indices {
            let compiled = operation.parameters[index]
            let value: Substring?
            let location: Finding.Location
            switch compiled.location {
            case .path:
                value = match.pathParameter(compiled.name)
                location = .requestPath
            case .query:
                value = target.queryValue(compiled.name).map { Substring($0) }
                location = .requestQuery
            case .header:
                value = request.headers.value(named: compiled.name).map { Substring($0) }
                location = .requestHeader
            }
            guard let value else {
                if compiled.required {
                    let parameter = compiled.parameter
                    context.add(rule: Rule.requestParameterMissing, .error, location, pointer: parameter.name,
                                message: "required \(parameter.location.rawValue) parameter '\(parameter.name)' is missing",
                                expected: "\(parameter.name) (\(parameter.schema.kind.rawValue))", actual: "absent", source: parameter.schema.source)
                }
                continue
            }
            guard compiled.checksValue else { continue }
            let parameter = compiled.parameter
            if parameter.schema.kind == .boolean, !BooleanSpelling.isStrict(value), BooleanSpelling.value(value) != nil {
                context.add(rule: Rule.requestParameterBooleanSpelling, .warning, location, pointer: parameter.name,
                            message: "\(parameter.location.rawValue) parameter '\(parameter.name)' spells a Boolean as the Cinder-compatible API reads it, not as the docs write it",
                            expected: "true or false", actual: String(value), source: parameter.schema.source)
                continue
            }
            if let problem = typeProblem(value, parameter.schema, location: compiled.location) {
                context.add(rule: Rule.requestParameterType, .error, location, pointer: parameter.name,
                            message: "\(parameter.location.rawValue) parameter '\(parameter.name)' \(problem)",
                            expected: expectation(parameter.schema), actual: String(value), source: parameter.schema.source)
            }
        }
        if operation.needsCredential { checkAuthentication(request, service: service, into: &context) }
    }

    /// A request carries one of the service's documented credentials (Huawei 3.2 认证鉴权:
    /// a token in `X-Auth-Token`, or an AK/SK signature in `Authorization`).
    static func checkAuthentication(_ request: Exchange.Request, service: CompiledService, into context: inout FindingContext) {
        let credentials = service.credentials
        guard !credentials.isEmpty else { return }
        for index in credentials.indices {
            guard let value = request.headers.value(named: credentials[index].header), !value.isEmpty else { continue }
            guard let prefix = credentials[index].prefix else { return }
            if value.hasPrefix(prefix) { return }
        }
        let schemes = service.authentication
        let accepted = schemes.map { scheme in scheme.scheme.map { "\(scheme.header): \($0) …" } ?? scheme.header }
        context.add(rule: Rule.requestParameterMissing, .error, .requestHeader, pointer: schemes[0].header,
                    message: "the request carries no documented credential",
                    expected: accepted.joined(separator: " or "), actual: "none", source: schemes[0].source)
    }

    /// Why `value` does not fit `schema`, if it does not.
    static func typeProblem(_ value: Substring, _ schema: Schema, location: Parameter.Location? = nil) -> String? {
        switch schema.kind {
        case .integer:
            // Digits of any length are an integer (JSON Schema's integer has no width; a
            // 40-digit value breaks a documented bound, not the type).
            let digits = value.first == "-" || value.first == "+" ? value.dropFirst() : value
            guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let number = Double(value) else { return "is not an integer" }
            if let minimum = schema.minimum, number < minimum { return "is below the documented minimum \(Int(minimum))" }
            if let maximum = schema.maximum, number > maximum { return "is above the documented maximum \(Int(maximum))" }
        case .number:
            guard Double(value) != nil else { return "is not a number" }
        case .boolean:
            guard value == "true" || value == "false" else { return "is not true or false" }
        default:
            break
        }
        if schema.kind == .string || schema.kind == .integer, let values = schema.enumeration, !values.contains(where: { $0 == value }) {
            return "is not one of the documented values"
        }
        if let maximum = schema.maxLength, value.count > maximum { return "is longer than \(maximum) characters" }
        // Headers whose table gives a format (EVS 6.1.1 X-Client-Token: "取值为36位的UUID格式字符串").
        if location == .header, schema.format == "uuid", !isUUID(value) { return "is not a 36-character UUID" }
        return nil
    }

    /// 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ value: Substring) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count == 36 else { return false }
        return bytes.indices.allSatisfy { index in
            [8, 13, 18, 23].contains(index) ? bytes[index] == UInt8(ascii: "-") : Character(UnicodeScalar(bytes[index])).isHexDigit
        }
    }

    static func expectation(_ schema: Schema) -> String {
        if schema.format == "uuid" { return "a UUID (8-4-4-4-12 hexadecimal digits)" }
        if let values = schema.enumeration { return "one of \(values.joined(separator: ", "))" }
        return schema.kind.rawValue
    }
}
