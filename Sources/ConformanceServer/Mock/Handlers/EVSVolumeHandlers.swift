import Conformance
import ConformanceModel

/// EVS volume behaviour (`002_*.txt` chapter 6.1 and appendix A.3): create → `creating` →
/// `available` after the settle delay, show and list reflect state, extend, update, tags,
/// metadata and delete with the documented preconditions and error codes.
enum EVSVolumeHandlers {
    static let table: [([String], MockHandler)] = [
        (["CreateVolume"], create),
        (["ShowVolume", "ShowVolumeV3", "ShowVolumeDeprecated", "ShowVolumeV1", "ShowOsVendorVolume", "ShowOsVendorVolumeV3"], show),
        (["ListVolumes", "ListCloudvolumes", "ListVolumesV3", "ListVolumesDeprecated", "ListVolumesDetails", "ListVolumesDetailsV2",
          "ListOsVendorVolumesDetails", "ListOsVendorVolumesDetailsV3"], list),
        (["ResizeVolume", "ExtendVolume", "ExtendVolumeV2", "ExtendCloudvolume"], extend),
        (["DeleteVolume", "DeleteVolumeV3", "DeleteVolumeDeprecated"], delete),
        (["UpdateVolume", "UpdateVolumeV3", "UpdateVolumeDeprecated"], update),
        (["BatchCreateVolumeTags"], createTags),
        (["BatchDeleteVolumeTags"], deleteTags),
        (["ShowVolumeTags"], showTags),
        (["ModifyVolumeQoS"], modifyQoS),
    ]

    /// 6.1.15 修改云硬盘 QoS: only an `available` or `in-use` volume (接口约束 "云硬盘状态是
    /// available、in-use。"; otherwise EVS.1031 "invalid resources status!"); a job.
    static let modifyQoS: MockHandler = { context, state in
        guard let volume = volume(context, state) else { return notFound(context) }
        if !context.illegalTransitions, volume.status != "available", volume.status != "in-use" { return .error(code: "EVS.1031") }
        let job = EVSJobHandlers.start("modifyVolumeQoS", volume: volume.id, size: nil, context: context, state: &state)
        return jobReply(context, job: job)
    }

    /// 6.1.1 创建云硬盘: 202 `{job_id, volume_ids}` (a `snapshot_id` must name a snapshot of the
    /// project, ``MockReferences``); `count` volumes (default 1) start in
    /// `creating` (A.3 "云硬盘处于正在创建的过程中。") and become `available` (A.3 "云硬盘创建成功").
    static let create: MockHandler = { context, state in
        if let snapshot = context.string("volume", "snapshot_id"), state.snapshots[snapshot]?.project != context.project {
            return MockReferences.unknown("/volume/snapshot_id", resource: "snapshot_id", context)
        }
        let count = min(max(context.integer("volume", "count") ?? 1, 1), 100)
        let now = MockClock.timestamp()
        // `illegal-transitions`: settle into in-use, a state creating never documents leading to.
        let settled = context.illegalTransitions ? "in-use" : "available"
        var ids: [JSONValue] = []
        var firstID = ""
        for _ in 0..<count {
            let id = state.nextID()
            if firstID.isEmpty { firstID = id }
            let volume = MockVolume(
                id: id, project: context.project,
                name: context.string("volume", "name") ?? "volume-\(id.suffix(4))",
                size: context.integer("volume", "size") ?? 10,
                volumeType: context.string("volume", "volume_type") ?? "SATA",
                zone: context.string("volume", "availability_zone") ?? "az-1",
                status: "creating", pending: MockPending(status: settled, at: context.settleAt),
                createdAt: now, updatedAt: now,
                metadata: context.value(["volume", "metadata"])?.objectValue?.compactMapValues(\.stringValue) ?? [:],
                tags: context.value(["volume", "tags"])?.objectValue?.compactMapValues(\.stringValue) ?? [:],
                multiattach: context.value(["volume", "multiattach"]) == .bool(true),
                description: context.string("volume", "description") ?? ""
            )
            state.volumes[id] = volume
            ids.append(.string(id))
        }
        let job = EVSJobHandlers.start(count > 1 ? "batchCreateVolume" : "createVolume", volume: firstID, size: context.integer("volume", "size"), context: context, state: &state)
        let reply = context.success(["job_id": .string(job), "volume_ids": .array(ids)])
        guard case .success(let status, let body) = reply else { return reply }
        // order_id is for yearly/monthly volumes (bssParam.chargingMode prePaid) only.
        let prePaid = context.string("bssParam", "chargingMode") == "prePaid"
        return .success(status: status, body: prePaid ? body : body?.mockSetting(["order_id"], to: nil))
    }

    /// 6.1.4 查询单个云硬盘详情 and its Cinder twins (8.2.1.x 查询单个云硬盘详情, v1/v2/v3 and
    /// `os-vendor-volumes`): the stored volume in the route's own shape (rendered after the
    /// lock is released).
    static let show: MockHandler = { context, state in
        guard let volume = volume(context, state) else { return notFound(context) }
        return .later {
            let status = context.successStatus
            let wrapper = MockShape.wrapper(context, status: status, array: false) ?? "volume"
            return context.success([wrapper: MockShape(context, status: status, path: [wrapper]).render(volume.members(context))])
        }
    }

    /// 6.1.3 查询所有云硬盘详情 and the Cinder lists (8.2.1.x, summary and detail): the
    /// project's volumes, filtered by `status` and `name`, paged by `offset` and `limit`, in
    /// each route's shape (``MockShape/list(_:_:total:)``); `count` is the number before paging;
    /// `marker` starts the page after the volume it names (an unknown one is refused). The smaller of the
    /// filters' indexes is read, and only the page is rendered (after the lock is released).
    static let list: MockHandler = { context, state in
        let status = context.target.queryValue("status")
        let name = context.target.queryValue("name")
        let offset = max(Int(context.target.queryValue("offset") ?? "") ?? 0, 0)
        let limit = max(Int(context.target.queryValue("limit") ?? "") ?? 1000, 0)
        let project = context.project
        var keys = [MockVolume.projectKey(project)]
        if let status { keys.append(MockVolume.statusKey(project, status)) }
        if let name { keys.append(MockVolume.nameKey(project, name)) }
        let key = keys.min { state.volumes.count($0) < state.volumes.count($1) }!
        let total: Int
        let page: [MockVolume]
        if let marker = context.target.queryValue("marker") {
            // 6.1.3 `marker`: "通过云硬盘ID进行分页查询" — the page after the volume it names.
            let matching = state.volumes.list(key).filter { (status == nil || $0.status == status) && (name == nil || $0.name == name) }
            guard let position = matching.firstIndex(where: { $0.id == marker }) else { return MockReferences.unknown("marker", context) }
            total = matching.count
            page = Array(matching[(position + 1)...].dropFirst(offset).prefix(limit))
        } else if keys.count == 1 || (status == nil) != (name == nil) {
            // One filter (or none): its index is exactly the matching set.
            total = state.volumes.count(key)
            page = state.volumes.list(key, offset: offset, limit: limit)
        } else {
            let matching = state.volumes.list(key).filter { $0.status == status && $0.name == name }
            total = matching.count
            page = Array(matching.dropFirst(offset).prefix(limit))
        }
        return .later { MockShape.list(context, page.map { $0.members(context) }, total: total) }
    }

    /// 6.1.7 扩容云硬盘 and the Cinder `os-extend`: only when `available` or `in-use` (接口约束;
    /// otherwise EVS.1064 "volume status must be available or in-use when extending!"), to a
    /// larger size (otherwise EVS.1015 "new volume Size must be greater than old Size!"); the
    /// volume is `extending`, then back in its state with the new size.
    static let extend: MockHandler = { context, state in
        guard var volume = volume(context, state) else { return notFound(context) }
        guard let newSize = context.integer("os-extend", "new_size") else { return .error(code: "EVS.5400", message: "os-extend.new_size is required.") }
        if !context.illegalTransitions {
            guard volume.status == "available" || volume.status == "in-use" else { return .error(code: "EVS.1064") }
            guard newSize > volume.size else { return .error(code: "EVS.1015") }
        }
        let back = volume.status == "in-use" ? "in-use" : "available"
        volume.status = "extending"
        volume.pending = MockPending(status: back, at: context.settleAt, size: newSize)
        state.volumes[volume.id] = volume
        let job = EVSJobHandlers.start("extendVolume", volume: volume.id, size: newSize, context: context, state: &state)
        return jobReply(context, job: job)
    }

    /// 6.1.8 删除云硬盘: EVS.1046 "volume status must be available, error, error_extending,
    /// error_restoring, error_rollbacking when delete volume!"; the volume is `deleting`, then gone.
    static let delete: MockHandler = { context, state in
        guard var volume = volume(context, state) else { return notFound(context) }
        let allowed: Set<String> = ["available", "error", "error_extending", "error_restoring", "error_rollbacking"]
        if !context.illegalTransitions, !allowed.contains(volume.status) { return .error(code: "EVS.1046") }
        volume.status = "deleting"
        volume.pending = MockPending(status: nil, at: context.settleAt)
        state.volumes[volume.id] = volume
        // 8.2.1.5/8.2.1.6 `cascade`: "删除云硬盘关联的所有快照，默认值为false。"
        if context.target.queryValue("cascade").flatMap(BooleanSpelling.value) == true {
            for var snapshot in state.snapshots.list("p:" + volume.project) where snapshot.volumeID == volume.id {
                snapshot.status = "deleting"
                snapshot.pending = MockPending(status: nil, at: context.settleAt)
                state.snapshots[snapshot.id] = snapshot
            }
        }
        let job = EVSJobHandlers.start("deleteVolume", volume: volume.id, size: nil, context: context, state: &state)
        return jobReply(context, job: job)
    }

    /// 6.1.5 更新云硬盘 and the Cinder updates (8.2.1.x 更新云硬盘): name, description (Cinder
    /// v2 also spells them `display_name`, `display_description`) and metadata.
    static let update: MockHandler = { context, state in
        guard var volume = volume(context, state) else { return notFound(context) }
        if let name = context.string("volume", "name") ?? context.string("volume", "display_name") { volume.name = name }
        if let description = context.string("volume", "description") ?? context.string("volume", "display_description") { volume.description = description }
        if let metadata = context.value(["volume", "metadata"])?.objectValue { volume.metadata.merge(metadata.compactMapValues(\.stringValue)) { $1 } }
        volume.updatedAt = MockClock.timestamp()
        state.volumes[volume.id] = volume
        let status = context.successStatus
        return context.success(["volume": MockShape(context, status: status, path: ["volume"]).render(volume.members(context))])
    }

    /// 7.1 批量添加云硬盘标签: 204.
    static let createTags: MockHandler = { context, state in
        guard var volume = volume(context, state) else { return notFound(context) }
        for tag in context.value(["tags"])?.arrayValue ?? [] {
            if let key = tag["key"]?.stringValue { volume.tags[key] = tag["value"]?.stringValue ?? "" }
        }
        state.volumes[volume.id] = volume
        return context.success()
    }

    /// 7.2 批量删除云硬盘标签: 204.
    static let deleteTags: MockHandler = { context, state in
        guard var volume = volume(context, state) else { return notFound(context) }
        for tag in context.value(["tags"])?.arrayValue ?? [] {
            if let key = tag["key"]?.stringValue { volume.tags[key] = nil }
        }
        state.volumes[volume.id] = volume
        return context.success()
    }

    /// 7.3 查询云硬盘标签.
    static let showTags: MockHandler = { context, state in
        guard let volume = volume(context, state) else { return notFound(context) }
        // 表: tags is an array of {key, value}.
        let tags: [JSONValue] = volume.tags.keys.sorted().map { ["key": .string($0), "value": .string(volume.tags[$0]!)] }
        return context.success(["tags": .array(tags)])
    }

    // MARK: - Helpers

    static func volume(_ context: MockContext, _ state: MockState) -> MockVolume? {
        guard let id = context.parameters["volume_id"], let volume = state.volumes[id], volume.project == context.project else { return nil }
        return volume
    }

    /// A.1 EVS.5404 "Resource(Volume, Snapshot, Backup .etc) could not be found." (404).
    static func notFound(_ context: MockContext) -> MockReply { .error(code: "EVS.5404") }

    /// The operation's documented success with `job_id` set when its body has one.
    static func jobReply(_ context: MockContext, job: String) -> MockReply {
        let reply = context.success()
        guard case .success(let status, let body) = reply, let body, body["job_id"] != nil else { return reply }
        return .success(status: status, body: body.mockSetting(["job_id"], to: .string(job)).mockSetting(["order_id"], to: nil))
    }
}
