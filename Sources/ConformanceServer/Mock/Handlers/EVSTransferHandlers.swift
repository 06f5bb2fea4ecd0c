import ConformanceModel

/// EVS volume transfers (8.2.2 云硬盘过户, v2 and v3 routes): offering a volume puts it in
/// `awaiting-transfer` (A.3 "云硬盘处于等待过户的过程中。"), cancelling the offer returns it to
/// `available`, and accepting it with the offer's `auth_key` moves it to the accepting project,
/// `available`. Only an `available` volume can be offered (8.2.2.4 接口约束 "只有当云硬盘状态为
/// available时，支持创建过户"; otherwise EVS.1031 "invalid resources status!").
enum EVSTransferHandlers {
    static let table: [([String], MockHandler)] = [
        (["CreateOsVolumeTransfer", "CreateOsVolumeTransferV2"], create),
        (["ShowOsVolumeTransfer", "ShowOsVolumeTransferV2"], show),
        (["ListOsVolumeTransfer", "ListOsVolumeTransferV2", "ListOsVolumeTransferDetails", "ListOsVolumeTransferDetailsV2"], list),
        (["DeleteOsVolumeTransfer", "DeleteOsVolumeTransferV2"], delete),
        (["AcceptOsVolumeTransfer", "AcceptOsVolumeTransferV2"], accept),
    ]

    static let create: MockHandler = { context, state in
        // The volume exists in the project (``MockReferences`` checked `transfer.volume_id`).
        guard let volumeID = context.string("transfer", "volume_id"), var volume = state.volumes[volumeID] else { return EVSVolumeHandlers.notFound(context) }
        if !context.illegalTransitions, volume.status != "available" { return .error(code: "EVS.1031") }
        let id = state.nextID()
        // An auth key as Cinder's: 16 hex digits, here derived from the id (deterministic runs).
        let key = String(id.filter(\.isHexDigit).suffix(16))
        let transfer = MockTransfer(id: id, project: context.project, volumeID: volumeID, name: context.string("transfer", "name") ?? "",
                                    authKey: key, createdAt: MockClock.timestamp())
        state.transfers[id] = transfer
        volume.status = "awaiting-transfer"
        volume.updatedAt = transfer.createdAt
        state.volumes[volumeID] = volume
        var members = transfer.members(context)
        members["auth_key"] = .string(key)
        return rendered(members, context)
    }

    static let show: MockHandler = { context, state in
        guard let transfer = transfer(context, state) else { return EVSVolumeHandlers.notFound(context) }
        return rendered(transfer.members(context), context)
    }

    static let list: MockHandler = { context, state in
        let transfers = state.transfers.values.filter { $0.project == context.project }.sorted { $0.id < $1.id }
        return .later { MockShape.list(context, transfers.map { $0.members(context) }, total: transfers.count) }
    }

    /// 8.2.2.6 删除云硬盘过户: the offer is withdrawn and the volume is `available` again.
    static let delete: MockHandler = { context, state in
        guard let transfer = transfer(context, state) else { return EVSVolumeHandlers.notFound(context) }
        state.transfers[transfer.id] = nil
        if var volume = state.volumes[transfer.volumeID], volume.status == "awaiting-transfer" {
            volume.status = "available"
            state.volumes[volume.id] = volume
        }
        return context.success()
    }

    /// 8.2.2.3 接受云硬盘过户: with the offer's `auth_key` (another key is a bad request), the
    /// volume belongs to the accepting project and is `available`; the offer is gone.
    static let accept: MockHandler = { context, state in
        guard let id = context.parameters["transfer_id"], let transfer = state.transfers[id] else { return EVSVolumeHandlers.notFound(context) }
        guard context.string("accept", "auth_key") == transfer.authKey else {
            return .error(code: FieldErrorCodes.generic(in: context.service.spec) ?? "EVS.5400", message: "accept.auth_key is not the key of this transfer.")
        }
        state.transfers[id] = nil
        if var volume = state.volumes[transfer.volumeID] {
            volume.project = context.project
            volume.status = "available"
            state.volumes[volume.id] = volume
        }
        var accepted = transfer
        accepted.project = context.project
        return rendered(accepted.members(context), context)
    }

    static func transfer(_ context: MockContext, _ state: MockState) -> MockTransfer? {
        guard let id = context.parameters["transfer_id"], let transfer = state.transfers[id], transfer.project == context.project else { return nil }
        return transfer
    }

    static func rendered(_ members: [String: JSONValue], _ context: MockContext) -> MockReply {
        let status = context.successStatus
        let wrapper = MockShape.wrapper(context, status: status, array: false) ?? "transfer"
        return context.success([wrapper: MockShape(context, status: status, path: [wrapper]).render(members)])
    }
}

/// An offer to transfer a volume to another project (8.2.2); its `auth_key` is shown only in
/// the answer that creates it.
struct MockTransfer: Sendable {
    var id: String
    var project: String
    var volumeID: String
    var name: String
    var authKey: String
    var createdAt: String

    func members(_ context: MockContext) -> [String: JSONValue] {
        let link = "\(context.origin)/\(context.target.path.split(separator: "/").first ?? "v3")/\(project)/os-volume-transfer/\(id)"
        return ["id": .string(id), "name": .string(name), "volume_id": .string(volumeID), "created_at": .string(createdAt),
                "links": [["href": .string(link), "rel": "self"], ["href": .string(link), "rel": "bookmark"]]]
    }
}
