import ConformanceModel

/// The safety rules every step passes before a request is sent (DESIGN.md: the live runner
/// never modifies or deletes a resource it did not create in that run, and mutates nothing at
/// all without `--allow-mutations`). A refused step fails with the reason; nothing is sent.
struct StepSafety {
    let configuration: VerifyConfiguration
    let ledger: CleanupLedger

    /// Whether the run may change anything: `--allow-mutations`, or its own embedded mock.
    var mayMutate: Bool { configuration.allowMutations || configuration.ownsEndpoint }

    /// Path parameters that name the tenant, or a member of a resource rather than one (a
    /// metadata `key` of the volume in the same path; an API `version`): never checked for
    /// ownership. The resource they belong to is.
    static let tenantParameters: Set<String> = ["project_id", "target_project_id", "key", "version", "api_version"]

    /// Why `step` must not be sent, or nil when it may be.
    func refusal(_ step: ScenarioStep, service: String, operation: ConformanceModel.Operation, path: [String: String], body: JSONValue?, variables: [String: String]) -> String? {
        if step.effect.mutates && !mayMutate {
            return "refused: \(operation.id) changes resources; pass --allow-mutations"
        }
        switch step.effect {
        case .read:
            if !ReadOnlyOperations.isReadOnly(service: service, operation: operation.id, method: operation.method) {
                return "refused: \(operation.method) \(operation.id) is not a documented read, but the step is declared read-only"
            }
        case .create:
            // Everything the run creates carries its name prefix, so that a person can find
            // (and the run can prove) what it made.
            let texts = body.map(Template.strings(in:)) ?? []
            if !texts.contains(where: { $0.contains(configuration.namePrefix) }) {
                return "refused: a create must name its resource \(configuration.namePrefix)…"
            }
        case .mutate(let variable), .delete(let variable):
            guard let id = variables[variable], ledger.owns(id) else {
                return "refused: \(variable) \(variables[variable] ?? "(unset)") was not created by this run"
            }
            for (name, value) in path where !Self.tenantParameters.contains(name) && !ledger.owns(value) {
                return "refused: path parameter \(name)=\(value) is not a resource this run created"
            }
        case .mutateMockFixture:
            if !configuration.ownsEndpoint {
                return "refused: \(operation.id) changes a resource the run cannot create; it runs only against the embedded mock"
            }
        }
        return nil
    }
}
