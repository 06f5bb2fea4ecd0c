import ConformanceModel

/// EVS snapshot behaviour (6.2 and appendix A.4): create → `creating` → `available`, show,
/// delete (only `available` or `error`: EVS.1047), and rollback onto the source volume (the
/// volume must be 可用/回滚数据失败, A.3; it is `rollbacking`, then `available` again).
enum EVSSnapshotHandlers {
    static let table: [([String], MockHandler)] = [
        (["CreateSnapshot"], create),
        (["ShowSnapshot"], show),
        (["DeleteSnapshot"], delete),
        (["RollbackSnapshot"], rollback),
    ]

    static let create: MockHandler = { context, state in
        guard let volumeID = context.string("snapshot", "volume_id"), let volume = state.volumes[volumeID], volume.project == context.project else {
            return EVSVolumeHandlers.notFound(context)
        }
        let id = state.nextID()
        let snapshot = MockSnapshot(id: id, project: context.project, volumeID: volumeID, name: context.string("snapshot", "name") ?? "snapshot-\(id.suffix(4))",
                                    size: volume.size, status: "creating", pending: MockPending(status: "available", at: context.settleAt),
                                    createdAt: MockClock.timestamp(), metadata: [:])
        state.snapshots[id] = snapshot
        return context.success(["snapshot": render(snapshot, template: context.synthesized(context.successStatus)?["snapshot"])])
    }

    static let show: MockHandler = { context, state in
        guard let snapshot = snapshot(context, state) else { return EVSVolumeHandlers.notFound(context) }
        return context.success(["snapshot": render(snapshot, template: context.synthesized(200)?["snapshot"])])
    }

    /// 6.2.2 删除云硬盘快照 接口约束 "当快照状态为available、error状态时，才可以删除。" (EVS.1047).
    static let delete: MockHandler = { context, state in
        guard var snapshot = snapshot(context, state) else { return EVSVolumeHandlers.notFound(context) }
        if !context.illegalTransitions, snapshot.status != "available", snapshot.status != "error" { return .error(code: "EVS.1047") }
        snapshot.status = "deleting"
        snapshot.pending = MockPending(status: nil, at: context.settleAt)
        state.snapshots[snapshot.id] = snapshot
        return context.success()
    }

    /// 6.2.6 回滚快照到云硬盘; A.3 "只有当云硬盘的状态处于“可用”或“回滚数据失败”状态才允许快照回滚到源云硬盘。"
    /// — otherwise EVS.1031 "invalid resources status!".
    static let rollback: MockHandler = { context, state in
        guard let snapshot = snapshot(context, state) else { return EVSVolumeHandlers.notFound(context) }
        guard let volumeID = context.string("rollback", "volume_id"), var volume = state.volumes[volumeID], volume.project == context.project else {
            return EVSVolumeHandlers.notFound(context)
        }
        if !context.illegalTransitions {
            guard volume.status == "available" || volume.status == "error_rollbacking", snapshot.status == "available" else { return .error(code: "EVS.1031") }
        }
        volume.status = "rollbacking"
        volume.pending = MockPending(status: "available", at: context.settleAt)
        state.volumes[volumeID] = volume
        return context.success(["rollback": ["volume_id": .string(volumeID)]])
    }

    static func snapshot(_ context: MockContext, _ state: MockState) -> MockSnapshot? {
        guard let id = context.parameters["snapshot_id"], let snapshot = state.snapshots[id], snapshot.project == context.project else { return nil }
        return snapshot
    }

    static func render(_ snapshot: MockSnapshot, template: JSONValue?) -> JSONValue {
        var body = template ?? .object([:])
        let overrides: [String: JSONValue] = [
            "id": .string(snapshot.id), "name": .string(snapshot.name), "status": .string(snapshot.status),
            "volume_id": .string(snapshot.volumeID), "size": .integer(snapshot.size), "created_at": .string(snapshot.createdAt),
            "os-extended-snapshot-attributes:project_id": .string(snapshot.project),
        ]
        for (key, value) in overrides where body[key] != nil || ["id", "status"].contains(key) {
            body = body.mockSetting([key], to: value)
        }
        return body
    }
}
