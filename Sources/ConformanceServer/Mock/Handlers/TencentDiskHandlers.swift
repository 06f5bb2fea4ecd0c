import ConformanceModel

/// The Tencent disk gateway's ten endpoints (`003_*.txt`): every answer is the `scode`
/// envelope with HTTP 200; `data` carries the return table's fields. Disks are created
/// `UNATTACHED` (the only `DiskState` the page shows), attach/detach move them between
/// `ATTACHED` and `UNATTACHED`, resize only grows (a smaller `DiskSize` is scode 400), an
/// unknown `DiskIds` entry is scode 404. Inspect answers its synthesized body filled from the
/// disk; list answers one `data.List[]` element per matching disk (the element the synthesized
/// body holds, filled from each disk), as the list example (line 327) nests them.
enum TencentDiskHandlers {
    static let table: [(String, MockHandler)] = [
        ("DiskCreate", logged("DiskCreate", create)),
        ("DiskList", list),
        ("DiskInspect", inspect),
        ("DiskResize", logged("DiskResize", resize)),
        ("DiskDelete", logged("DiskDelete", delete)),
        ("DiskAttach", logged("DiskAttach", attach)),
        ("DiskDetach", logged("DiskDetach", detach)),
        ("DiskUpdate", logged("DiskUpdate", update)),
        ("DiskLogsList", logs),
        ("DiskDistributedInspect", distributedInspect),
    ]

    static let create: MockHandler = { context, state in
        let count = min(max(context.integer("DiskCount") ?? 1, 1), 100)
        for _ in 0..<count {
            let id = "disk-" + state.nextID().suffix(8)
            state.disks[id] = MockDisk(id: id, name: context.string("DiskName") ?? id, size: context.integer("DiskSize") ?? 10,
                                       type: context.string("DiskType") ?? "CLOUD_PREMIUM", chargeType: context.string("DiskChargeType") ?? "POSTPAID_BY_HOUR",
                                       zone: context.string("Placement", "Zone") ?? "zone-1", state: "UNATTACHED", instanceID: nil,
                                       createTime: MockClock.timestamp(), region: context.string("Region") ?? "")
        }
        return context.success()
    }

    /// Answers every disk of `DiskIds` (or every disk, in creation order) that `Fuzzy`
    /// matches, with `TotalCount`.
    static let list: MockHandler = { context, state in
        let wanted = context.value(["DiskIds"])?.arrayValue?.compactMap(\.stringValue) ?? []
        var disks = wanted.isEmpty ? state.disks.list(MockTable<MockDisk>.all) : wanted.compactMap { state.disks[$0] }
        // 003 /v1/tencent/disk/list: `Fuzzy` "过滤字符串" (filter string). Decision: it keeps the
        // disks whose name or id contains it, ignoring case; empty filters nothing.
        if let fuzzy = context.string("Fuzzy")?.lowercased(), !fuzzy.isEmpty {
            disks = disks.filter { $0.name.lowercased().contains(fuzzy) || $0.id.lowercased().contains(fuzzy) }
        }
        guard case .success(let status, var body) = context.success() else { return context.success() }
        if body?["data"]?["TotalCount"] != nil { body = body?.mockSetting(["data", "TotalCount"], to: .integer(disks.count)) }
        // Every list of disk objects under data (the example's `List`) gets one element per disk.
        let members = body?["data"]?.objectValue ?? [:]
        for key in members.keys.sorted() {
            guard case .array(let elements)? = members[key], let template = elements.first, template["DiskId"] != nil else { continue }
            body = body?.mockSetting(["data", key], to: .array(disks.map { filled(template, disk: $0) }))
        }
        return .success(status: status, body: body)
    }

    static let inspect: MockHandler = { context, state in
        guard let disks = disks(context, state) else { return notFound }
        return filled(context, disk: disks.first)
    }

    static let resize: MockHandler = { context, state in
        guard let disks = disks(context, state) else { return notFound }
        let size = context.integer("DiskSize") ?? 0
        if !context.illegalTransitions, disks.contains(where: { size <= $0.size }) {
            return .error(code: "400", message: "DiskSize must be greater than the current size of every disk in DiskIds.")
        }
        for var disk in disks {
            disk.size = size
            state.disks[disk.id] = disk
        }
        return context.success()
    }

    static let delete: MockHandler = { context, state in
        guard let disks = disks(context, state) else { return notFound }
        if !context.illegalTransitions, disks.contains(where: { $0.state == "ATTACHED" }) {
            return .error(code: "400", message: "An attached disk cannot be deleted; detach it first.")
        }
        for disk in disks { state.disks[disk.id] = nil }
        return context.success()
    }

    static let attach: MockHandler = { context, state in
        guard let disks = disks(context, state) else { return notFound }
        if !context.illegalTransitions, disks.contains(where: { $0.state != "UNATTACHED" }) {
            return .error(code: "400", message: "Only an UNATTACHED disk can be attached.")
        }
        for var disk in disks {
            disk.state = "ATTACHED"
            disk.instanceID = context.string("InstanceId")
            state.disks[disk.id] = disk
        }
        return context.success()
    }

    static let detach: MockHandler = { context, state in
        guard let disks = disks(context, state) else { return notFound }
        if !context.illegalTransitions, disks.contains(where: { $0.state != "ATTACHED" }) {
            return .error(code: "400", message: "Only an ATTACHED disk can be detached.")
        }
        for var disk in disks {
            disk.state = "UNATTACHED"
            disk.instanceID = nil
            state.disks[disk.id] = disk
        }
        return context.success()
    }

    static let update: MockHandler = { context, state in
        guard let disks = disks(context, state) else { return notFound }
        for var disk in disks {
            if let name = context.string("DiskName") { disk.name = name }
            if let type = context.string("DiskType") { disk.type = type }
            state.disks[disk.id] = disk
        }
        return context.success()
    }

    /// scode 404: a disk of `DiskIds` does not exist.
    static let notFound = MockReply.error(code: "404", message: "The disk does not exist.")

    /// The disks `DiskIds` names; nil when one is unknown or none is given.
    static func disks(_ context: MockContext, _ state: MockState) -> [MockDisk]? {
        let ids = context.value(["DiskIds"])?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !ids.isEmpty else { return nil }
        let found = ids.compactMap { state.disks[$0] }
        return found.count == ids.count ? found : nil
    }

    /// The synthesized success with the disk's fields in `data` (where the table has them).
    static func filled(_ context: MockContext, disk: MockDisk?) -> MockReply {
        guard case .success(let status, var body) = context.success() else { return context.success() }
        guard let disk else {
            // No disk: the template's state is the first the page shows, not a placeholder word.
            if body?["data"]?["DiskState"] != nil { body = body?.mockSetting(["data", "DiskState"], to: "UNATTACHED") }
            return .success(status: status, body: body)
        }
        if let data = body?["data"] { body = body?.mockSetting(["data"], to: filled(data, disk: disk)) }
        return .success(status: status, body: body)
    }

    /// `object` with the members it has among a disk's fields set from `disk`.
    static func filled(_ object: JSONValue, disk: MockDisk) -> JSONValue {
        let fields: [String: JSONValue] = [
            "DiskId": .string(disk.id), "DiskName": .string(disk.name), "DiskSize": .integer(disk.size), "DiskState": .string(disk.state),
            "DiskType": .string(disk.type), "DiskChargeType": .string(disk.chargeType), "Attached": .bool(disk.state == "ATTACHED"),
            "InstanceId": .string(disk.instanceID ?? ""), "CreateTime": .string(disk.createTime),
        ]
        var result = object
        for (key, value) in fields where object[key] != nil {
            result = result.mockSetting([key], to: value)
        }
        return result
    }
}
