import ConformanceModel

/// 查询租户的详细配额 (`GET /v2/{project_id}/os-quota-sets/{target_project_id}?usage=True`):
/// every quota the route documents (`volumes`, `gigabytes`, `snapshots`, and per volume type
/// `volumes_SSD`, `gigabytes_SSD`, ...), each `{reserved, limit, in_use}` with `in_use` counted
/// from the store for the target project. `limit` is -1, the example's "no limit" (its per-type
/// rows are `"limit": -1`; the mock enforces no quota), `reserved` 0 as in every example row;
/// backups are not modelled and count 0.
enum CinderQuotaHandlers {
    static let table: [([String], MockHandler)] = [
        (["CinderListQuotas"], show),
    ]

    static let show: MockHandler = { context, state in
        let project = context.parameters["target_project_id"] ?? context.project
        let volumes = state.volumes.list(MockVolume.projectKey(project))
        let snapshots = state.snapshots.list("p:" + project)
        let typeOf = Dictionary(volumes.map { ($0.id, $0.volumeType) }, uniquingKeysWith: { first, _ in first })
        func usage(_ name: String) -> Int? {
            let parts = name.split(separator: "_", maxSplits: 1).map(String.init)
            let type = parts.count == 2 ? parts[1] : nil
            let ofType = volumes.filter { type == nil || $0.volumeType == type }
            switch parts[0] {
            case "volumes": return ofType.count
            case "gigabytes": return ofType.reduce(0) { $0 + $1.size }
            case "snapshots": return snapshots.filter { type == nil || typeOf[$0.volumeID] == type }.count
            case "backups", "backup": return 0
            case "per": return 0
            default: return nil
            }
        }
        let shape = MockShape(context, status: 200, path: ["quota_set"])
        var members: [String: JSONValue] = ["id": .string(project)]
        for name in shape.template.keys where name != "id" {
            guard let used = usage(name) else { continue }
            members[name] = ["reserved": 0, "limit": -1, "in_use": .integer(used)]
        }
        return .success(status: 200, body: ["quota_set": shape.render(members)])
    }
}
