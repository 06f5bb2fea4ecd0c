import Conformance
import ConformanceModel

/// The Cinder-compatible volume routes of EVS chapter 8 (v2 and v3) that differ from Huawei's
/// own: create answers the volume itself (8.2.1.1 创建云硬盘, 202 `{"volume"}`) instead of a
/// job, and the `action` route attaches and detaches. Show, list, update, extend and delete
/// share ``EVSVolumeHandlers`` and its store: a volume created through any route is the same
/// volume on every other.
enum CinderVolumeHandlers {
    static let table: [([String], MockHandler)] = [
        (["CreateVolumeV3", "CreateVolumeV2"], create),
        (["AttachVolume"], attach),
        (["DetachVolume"], detach),
        (["ReserveVolume"], reserve),
        (["UnreserveVolume"], unreserve),
        (["SetBootableVolume", "SetBootableVolumeV2"], setBootable),
        (["UpdateReadonlyFlagVolume", "UpdateReadonlyFlagVolumeV2"], present),
    ]

    /// 8.2.1.1 创建云硬盘: `size` from the request, or the snapshot's when `snapshot_id` names one
    /// (a snapshot of another project or none at all is refused, ``MockReferences``); `creating`, then `available`.
    static let create: MockHandler = { context, state in
        var snapshot: MockSnapshot?
        if let id = context.string("volume", "snapshot_id") {
            guard let found = state.snapshots[id], found.project == context.project else {
                return MockReferences.unknown("/volume/snapshot_id", resource: "snapshot_id", context)
            }
            snapshot = found
        }
        let id = state.nextID()
        let now = MockClock.timestamp()
        let volume = MockVolume(
            id: id, project: context.project,
            name: context.string("volume", "name") ?? "",
            size: context.integer("volume", "size") ?? snapshot?.size ?? 10,
            volumeType: context.string("volume", "volume_type") ?? MockVolumeTypes.names(context.service.spec).first ?? "SATA",
            zone: context.string("volume", "availability_zone") ?? "az-1",
            status: "creating", pending: MockPending(status: context.illegalTransitions ? "in-use" : "available", at: context.settleAt),
            createdAt: now, updatedAt: now,
            metadata: context.value(["volume", "metadata"])?.objectValue?.compactMapValues(\.stringValue) ?? [:],
            tags: [:],
            multiattach: context.value(["volume", "multiattach"]) == .bool(true),
            description: context.string("volume", "description") ?? "",
            bootable: context.string("volume", "imageRef") != nil,
            snapshotID: snapshot?.id
        )
        state.volumes[id] = volume
        let status = context.successStatus
        return context.success(["volume": MockShape(context, status: status, path: ["volume"]).render(volume.members(context))])
    }

    /// `os-attach` (v2, 8.2.1.x 挂载云硬盘): an `available` volume (or a multiattach one in use)
    /// becomes `attaching`, then `in-use` (A.3 "云硬盘正在挂载过程中。" → "云硬盘已挂载。").
    static let attach: MockHandler = { context, state in
        guard var volume = EVSVolumeHandlers.volume(context, state) else { return EVSVolumeHandlers.notFound(context) }
        if !context.illegalTransitions, !(volume.status == "available" || volume.status == "reserved" || (volume.status == "in-use" && volume.multiattach)) {
            return .error(code: "EVS.1031")
        }
        let server = context.string("os-attach", "instance_uuid") ?? context.string("os-attach", "host_name") ?? ""
        volume.attachments.append(MockAttachment(id: state.nextID(), serverID: server, device: context.string("os-attach", "mountpoint") ?? "/dev/vdb", attachedAt: MockClock.timestamp()))
        volume.status = "attaching"
        volume.pending = MockPending(status: "in-use", at: context.settleAt)
        state.volumes[volume.id] = volume
        return context.success()
    }

    /// `os-detach`: an `in-use` volume loses the attachment (`attachment_id`, else all) and
    /// becomes `detaching`, then `available` when none is left (A.3 "云硬盘正在卸载过程中。").
    static let detach: MockHandler = { context, state in
        guard var volume = EVSVolumeHandlers.volume(context, state) else { return EVSVolumeHandlers.notFound(context) }
        if !context.illegalTransitions, volume.status != "in-use" { return .error(code: "EVS.1031") }
        if let attachment = context.string("os-detach", "attachment_id") {
            volume.attachments.removeAll { $0.id == attachment }
        } else {
            volume.attachments.removeAll()
        }
        volume.status = "detaching"
        volume.pending = MockPending(status: volume.attachments.isEmpty ? "available" : "in-use", at: context.settleAt)
        state.volumes[volume.id] = volume
        return context.success()
    }

    /// `os-reserve`: an `available` volume is `reserved` (A.3) until attached or unreserved.
    static let reserve: MockHandler = { context, state in
        guard var volume = EVSVolumeHandlers.volume(context, state) else { return EVSVolumeHandlers.notFound(context) }
        if !context.illegalTransitions, volume.status != "available" { return .error(code: "EVS.1031") }
        volume.status = "reserved"
        state.volumes[volume.id] = volume
        return context.success()
    }

    /// `os-unreserve`: a `reserved` volume is `available` again.
    static let unreserve: MockHandler = { context, state in
        guard var volume = EVSVolumeHandlers.volume(context, state) else { return EVSVolumeHandlers.notFound(context) }
        if volume.status == "reserved" { volume.status = "available" }
        state.volumes[volume.id] = volume
        return context.success()
    }

    /// `os-set_bootable`: the flag shows as `bootable`.
    static let setBootable: MockHandler = { context, state in
        guard var volume = EVSVolumeHandlers.volume(context, state) else { return EVSVolumeHandlers.notFound(context) }
        if let flag = context.value(["os-set_bootable", "bootable"]) {
            volume.bootable = flag == .bool(true) || flag.stringValue.flatMap(BooleanSpelling.value) == true
        }
        state.volumes[volume.id] = volume
        return context.success()
    }

    /// An action on a volume the mock keeps no state for (`os-update_readonly_flag`): the
    /// volume must exist.
    static let present: MockHandler = { context, state in
        guard EVSVolumeHandlers.volume(context, state) != nil else { return EVSVolumeHandlers.notFound(context) }
        return context.success()
    }
}
