import ConformanceModel
import OpenAPIKit

/// OpenAPI `links` from what the suite already knows about the resources: which operation
/// returns the id that other operations take in their path.
///
/// Two sources, both declared rather than guessed from names alone:
/// - the state machines (`ConformanceSpecs/Rules/`): an effect located in a response body
///   (`CreateVolume` puts `volume_ids.[]` into `creating`) produces the resource's id; the
///   machine's path locators (`{volume_id}` of extend, delete, ...) name the parameter that
///   takes it; every operation with that placeholder consumes it;
/// - a creating or changing operation (not `GET`) whose success body has a top-level string
///   field named exactly like another operation's path placeholder (`job_id` → `ShowJob`
///   `/v1/{project_id}/jobs/{job_id}`; `CreateSnapshotV5`'s `snapshot_id`).
/// The producer's own path parameters pass on by name (`project_id` →
/// `$request.path.project_id`). Ids a consumer takes in its body (the Tencent gateway's
/// `DiskIds`) are not linked: an OpenAPI link can set a whole body, not one field of it.
struct OperationLinks {
    /// An exported operation: its `operationId`, its path template, the spec operations it holds.
    struct Target {
        var operationID: String
        var template: String
        var specOperations: [String]
    }

    /// The links of one producer's response.
    struct ResponseLinks {
        var operation: String
        var status: Int
        var links: OrderedDictionary<String, OpenAPI.Link>
    }

    static func links(spec: ServiceSpec, machines: [StateMachine], targets: [Target]) -> [ResponseLinks] {
        var result: [ResponseLinks] = []
        for operation in spec.operations {
            guard let success = operation.responses.first(where: { (200..<300).contains($0.status) }) else { continue }
            var sources: [(parameter: String, expression: String, basis: String)] = []
            for machine in machines where machine.service == spec.service {
                for effect in machine.effects where effect.operations.contains(operation.id) {
                    for case .responseBody(let path) in effect.target {
                        for parameter in pathParameters(of: machine) {
                            sources.append((parameter, "$response.body#" + pointer(path), "state machine \(machine.resource): \(effect.citation.section)"))
                        }
                    }
                }
            }
            if operation.method.uppercased() != "GET", let body = success.body, body.kind == .object {
                for property in body.properties where property.schema.kind == .string && !sources.contains(where: { $0.parameter == property.name }) {
                    sources.append((property.name, "$response.body#/" + escape(property.name), "response field \(property.name)"))
                }
            }
            guard !sources.isEmpty else { continue }
            let ownParameters = Set(OpenAPIExporter.placeholders(operation.path))
            var links: OrderedDictionary<String, OpenAPI.Link> = [:]
            for target in targets where !target.specOperations.contains(operation.id) {
                let names = OpenAPIExporter.placeholders(target.template)
                guard let source = sources.first(where: { names.contains($0.parameter) }) else { continue }
                var parameters: OrderedDictionary<String, Either<OpenAPI.RuntimeExpression, AnyCodable>> = [:]
                for name in names {
                    if name == source.parameter, let expression = OpenAPI.RuntimeExpression(rawValue: source.expression) {
                        parameters[name] = .a(expression)
                    } else if ownParameters.contains(name), let expression = OpenAPI.RuntimeExpression(rawValue: "$request.path.\(name)") {
                        parameters[name] = .a(expression)
                    }
                }
                links[target.operationID] = OpenAPI.Link(
                    operationId: target.operationID, parameters: parameters,
                    description: "\(source.parameter) from \(operation.id) (\(source.basis))"
                )
            }
            if !links.isEmpty { result.append(ResponseLinks(operation: operation.id, status: success.status, links: links)) }
        }
        return result
    }

    /// The path parameters a machine locates its resource by.
    private static func pathParameters(of machine: StateMachine) -> [String] {
        var names: [String] = []
        let locators = machine.preconditions.flatMap(\.target) + machine.effects.flatMap(\.target)
        for case .path(let name) in locators where !names.contains(name) { names.append(name) }
        return names
    }

    /// `volume_ids.[]` → `/volume_ids/0`: the first item stands for the list.
    private static func pointer(_ dotted: String) -> String {
        dotted.split(separator: ".").map { $0 == "[]" ? "0" : escape(String($0)) }.map { "/" + $0 }.joined()
    }

    /// RFC 6901 escaping of one reference token.
    private static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
