import ConformanceModel
import OpenAPIKit

/// How a route shared by several operations tells them apart, written so that a generic
/// client sends it: the `ActionSelector` of the spec as parameters and schema keywords.
///
/// - A query key (Baidu 004 "Disk Renewal": `PUT /v2/volume/{volumeId}?purchaseReserved`): a
///   query parameter named after the action, required when one operation owns the route,
///   with an empty value allowed (the doc sends it without one). Its value is not read
///   (the router looks for the key only), so its schema is any string.
/// - A body key (Cinder `POST .../action`: `{"os-extend": {...}}`): the variant's top-level
///   key is required, so that each `oneOf` branch matches only its own action.
/// - A body field (EVS tag actions: `"action": "create"`): the field is required and holds
///   the action as `const`.
enum RouteSelector {
    /// The query parameters of query-key selectors, one per action.
    static func queryParameters(for operations: [Operation]) -> OpenAPI.Parameter.Array {
        var parameters: OpenAPI.Parameter.Array = []
        var seen: Set<String> = []
        for operation in operations {
            guard operation.actionSelector == .queryKey, let action = operation.action, seen.insert(action).inserted,
                  !operation.parameters.contains(where: { $0.location == .query && $0.name == action }) else { continue }
            let schema = JSONSchema.string(description: "Selects the action; only the key's presence counts.")
            parameters.append(.b(OpenAPI.Parameter(
                name: action,
                context: .query(required: operations.count == 1, allowEmptyValue: true, schema: schema),
                description: "The route selector `?\(action)`: its presence selects \(operation.id).",
                vendorExtensions: ["x-route-selector": AnyCodable(true)]
            )))
        }
        return parameters
    }

    /// `body` with the selector of `operation` made explicit: its key required, its field a constant.
    static func selecting(_ body: Schema, for operation: Operation) -> Schema {
        guard let action = operation.action, body.kind == .object || body.kind == .map else { return body }
        var result = body
        switch operation.actionSelector {
        case .bodyKey?:
            guard let index = result.properties.firstIndex(where: { $0.name == action }) else { return body }
            result.properties[index].required = true
        case .bodyField(let field)?:
            guard let index = result.properties.firstIndex(where: { $0.name == field }) else { return body }
            result.properties[index].required = true
            result.properties[index].schema.enumeration = [action]
        default:
            return body
        }
        return result
    }
}
