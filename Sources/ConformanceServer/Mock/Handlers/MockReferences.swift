import ConformanceModel

/// The mock's referential integrity: a request body member that names a volume or a snapshot
/// (`snapshot.volume_id`, `volume.snapshot_id`, `transfer.volume_id`, `rollback.volume_id`)
/// must name one of the project's, on every route, modelled or answered from the docs alone.
///
/// The answer to an id that names none is the documented code that names the field (EVS A.1
/// `EVS.1002 "invalid volume id!"`, `EVS.2045 "invalid snapshot_id!"`, `EVS.1024 "invalid filter
/// marker!"`), else the not-found `EVS.5404` (``FieldErrorCodes/danglingCodes(for:resource:in:)``,
/// the same reading `verify`'s cases expect).
enum MockReferences {
    /// The members that name a resource, and whether the state holds it in the project.
    static let members: [(name: String, holds: @Sendable (MockState, String, String) -> Bool)] = [
        ("volume_id", { state, id, project in state.volumes[id]?.project == project }),
        ("snapshot_id", { state, id, project in state.snapshots[id]?.project == project }),
    ]

    /// The refusal of the first member of the body's top-level objects that names no resource
    /// of the project, nil when every one names one.
    static func check(_ context: MockContext, _ state: MockState) -> MockReply? {
        guard case .object(let top)? = context.body else { return nil }
        for wrapper in top.keys.sorted() {
            guard case .object(let fields)? = top[wrapper] else { continue }
            for (name, holds) in members {
                if let id = fields[name]?.stringValue, !holds(state, id, context.project) {
                    return unknown("/\(wrapper)/\(name)", resource: name, context)
                }
            }
        }
        return nil
    }

    static func unknown(_ pointer: String, resource: String? = nil, _ context: MockContext) -> MockReply {
        .error(code: FieldErrorCodes.danglingCodes(for: pointer, resource: resource, in: context.service.spec).first ?? "EVS.5404")
    }
}
