import ConformanceModel

/// EVS snapshot behaviour (6.2 and appendix A.4) behind every route that documents a
/// snapshot: Huawei's `cloudsnapshots` and `v5/snapshots`, Cinder v2 and v3 `snapshots`
/// (8.2.3). Create → `creating` → `available`, show, list, update, delete (only `available` or
/// `error`: EVS.1047) → `deleting` → gone, and rollback (6.2.6 and the `os-vendor-snapshots` routes)
/// onto the source volume (the volume must
/// be 可用/回滚数据失败, A.3; it is `rollbacking`, then `available` again).
enum EVSSnapshotHandlers {
    static let table: [([String], MockHandler)] = [
        (["CreateSnapshot", "CreateSnapshotV3", "CreateSnapshotDeprecated", "CreateSnapshotV5"], create),
        (["ShowSnapshot", "ShowSnapshotV3", "ShowSnapshotDeprecated", "ShowSnapshotV5"], show),
        (["ListSnapshots", "ListSnapshotsV3", "ListSnapshotsDetailsV3", "ListSnapshotsDeprecated", "ListSnapshotsDetailsV2", "ListSnapshotsDetails"], list),
        (["UpdateSnapshot", "UpdateSnapshotV3", "UpdateSnapshotDeprecated", "UpdateSnapshotV5"], update),
        (["DeleteSnapshot", "DeleteSnapshotV3", "DeleteSnapshotDeprecated", "DeleteSnapshotV5"], delete),
        (["RollbackSnapshot", "RollbackOsVendorSnapshot", "RollbackOsVendorSnapshotV3"], rollback),
    ]

    /// 6.2.1 创建云硬盘快照, 8.2.3 创建快照: a snapshot of a volume of the project, of its size.
    static let create: MockHandler = { context, state in
        guard let volumeID = context.string("snapshot", "volume_id"), let volume = state.volumes[volumeID], volume.project == context.project else {
            return EVSVolumeHandlers.notFound(context)
        }
        let id = state.nextID()
        let now = MockClock.timestamp()
        let snapshot = MockSnapshot(id: id, project: context.project, volumeID: volumeID, name: context.string("snapshot", "name") ?? "snapshot-\(id.suffix(4))",
                                    size: volume.size, status: "creating", pending: MockPending(status: "available", at: context.settleAt),
                                    createdAt: now, metadata: context.value(["snapshot", "metadata"])?.objectValue?.compactMapValues(\.stringValue) ?? [:],
                                    description: context.string("snapshot", "description") ?? "", updatedAt: now)
        state.snapshots[id] = snapshot
        return rendered(snapshot, context)
    }

    static let show: MockHandler = { context, state in
        guard let snapshot = snapshot(context, state) else { return EVSVolumeHandlers.notFound(context) }
        return rendered(snapshot, context)
    }

    /// 6.2.4 查询云硬盘快照详细列表 and the Cinder lists: the project's snapshots, filtered by
    /// `status`, `name` and `volume_id`, paged by `marker` (an unknown one is refused), `offset` and `limit`.
    static let list: MockHandler = { context, state in
        let filters = ["status", "name", "volume_id"].compactMap { key in context.target.queryValue(key).map { (key, $0) } }
        let offset = max(Int(context.target.queryValue("offset") ?? "") ?? 0, 0)
        let limit = max(Int(context.target.queryValue("limit") ?? "") ?? 1000, 0)
        var matching = state.snapshots.list("p:" + context.project).filter { snapshot in
            filters.allSatisfy { key, value in
                switch key {
                case "status": snapshot.status == value
                case "name": snapshot.name == value
                default: snapshot.volumeID == value
                }
            }
        }
        let total = matching.count
        if let marker = context.target.queryValue("marker") {
            // 8.2.3.x `marker`: "分页查询的起始资源id，取值为上一页最后一条查询记录的资源id".
            guard let position = matching.firstIndex(where: { $0.id == marker }) else { return MockReferences.unknown("marker", context) }
            matching = Array(matching[(position + 1)...])
        }
        let page = Array(matching.dropFirst(offset).prefix(limit))
        return .later { MockShape.list(context, page.map { $0.members(context) }, total: total) }
    }

    /// 6.2.3 更新云硬盘快照 and the Cinder updates: name and description.
    static let update: MockHandler = { context, state in
        guard var snapshot = snapshot(context, state) else { return EVSVolumeHandlers.notFound(context) }
        if let name = context.string("snapshot", "name") ?? context.string("snapshot", "display_name") { snapshot.name = name }
        if let description = context.string("snapshot", "description") ?? context.string("snapshot", "display_description") { snapshot.description = description }
        snapshot.updatedAt = MockClock.timestamp()
        state.snapshots[snapshot.id] = snapshot
        return rendered(snapshot, context)
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
        // The os-vendor routes make `rollback.volume_id` optional: without it, the snapshot's own volume.
        let volumeID = context.string("rollback", "volume_id") ?? snapshot.volumeID
        guard var volume = state.volumes[volumeID], volume.project == context.project else {
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

    /// The operation's documented success with the snapshot in its `snapshot` member.
    static func rendered(_ snapshot: MockSnapshot, _ context: MockContext) -> MockReply {
        let status = context.successStatus
        let wrapper = MockShape.wrapper(context, status: status, array: false) ?? "snapshot"
        return context.success([wrapper: MockShape(context, status: status, path: [wrapper]).render(snapshot.members(context))])
    }
}
