import ConformanceModel

/// One entry of the Tencent gateway's operation log.
struct MockDiskOperation: Sendable, Hashable {
    var diskID: String
    /// The operation id (`DiskResize`). Decision: the page's log example shows only `"xx"` for
    /// `Operation`, so the mock names the gateway operation that ran.
    var operation: String
    var time: String
}

/// The operation log (`/v1/tencent/disk/logs/list`) and the per-region count
/// (`/v1/tencent/disk/distributed/inspect`) of the Tencent gateway (`003_*.txt`).
extension TencentDiskHandlers {
    /// `handler`, with a log entry for every disk it changed when it succeeded: the `DiskIds`
    /// of the request, or the disks a create added.
    static func logged(_ operation: String, _ handler: @escaping MockHandler) -> MockHandler {
        { context, state in
            let before = Set(state.disks.list(MockTable<MockDisk>.all).map(\.id))
            let reply = handler(context, &state)
            guard case .success = reply else { return reply }
            var ids = context.value(["DiskIds"])?.arrayValue?.compactMap(\.stringValue) ?? []
            if ids.isEmpty { ids = state.disks.list(MockTable<MockDisk>.all).map(\.id).filter { !before.contains($0) } }
            let now = MockClock.timestamp()
            state.diskLog += ids.map { MockDiskOperation(diskID: $0, operation: operation, time: now) }
            return reply
        }
    }

    /// 日志列表: the log entries of `DiskId`, `PageSize` at a time from page `PageNum` (0 first),
    /// with `TotalCount` where the answer has it. Every array of log objects in the synthesized
    /// answer (`DiskOperationLogSet`) gets one element per entry.
    static let logs: MockHandler = { context, state in
        let disk = context.string("DiskId")
        let entries = state.diskLog.filter { disk == nil || $0.diskID == disk }
        let size = max(context.integer("PageSize") ?? 20, 1)
        let page = entries.dropFirst(max(context.integer("PageNum") ?? 0, 0) * size).prefix(size)
        guard case .success(let status, let body) = context.success() else { return context.success() }
        let rendered = body.map { replacingLists(in: $0, marker: "Operation") { template in
            page.map { entry in
                filling(template, with: ["DiskId": .string(entry.diskID), "Operation": .string(entry.operation), "OperationState": "SUCCESS",
                                         "StartTime": .string(entry.time), "EndTime": .string(entry.time), "Operator": "conformance-mock"])
            }
        } }
        return .success(status: status, body: rendered.map { setting("TotalCount", to: .integer(entries.count), in: $0) })
    }

    /// 各地域创建的云硬盘: one element per region, the regions of the synthesized answer and those
    /// the disks were created in, each with the count of its disks.
    static let distributedInspect: MockHandler = { context, state in
        let disks = state.disks.list(MockTable<MockDisk>.all)
        guard case .success(let status, let body) = context.success() else { return context.success() }
        let rendered = body.map { replacingLists(in: $0, marker: "RegionState") { template in
            var regions: [String] = []
            for region in disks.map(\.region) where !region.isEmpty && !regions.contains(region) { regions.append(region) }
            if regions.isEmpty, let sample = template["Region"]?.stringValue { regions = [sample] }
            return regions.map { region in
                filling(template, with: ["Region": .string(region), "Count": .integer(disks.filter { $0.region == region }.count), "RegionState": "AVAILABLE"])
            }
        } }
        return .success(status: status, body: rendered)
    }

    /// `value` with every array whose first element is an object with `marker` replaced by
    /// `elements(first element)`, at any depth.
    static func replacingLists(in value: JSONValue, marker: String, _ elements: (JSONValue) -> [JSONValue]) -> JSONValue {
        switch value {
        case .array(let items):
            if let first = items.first, first[marker] != nil { return .array(elements(first)) }
            return .array(items.map { replacingLists(in: $0, marker: marker, elements) })
        case .object(let members):
            return .object(members.mapValues { replacingLists(in: $0, marker: marker, elements) })
        default:
            return value
        }
    }

    /// `template` with the members it has among `fields` set.
    static func filling(_ template: JSONValue, with fields: [String: JSONValue]) -> JSONValue {
        var result = template
        for (key, value) in fields where template[key] != nil { result = result.mockSetting([key], to: value) }
        return result
    }

    /// `value` with every member named `key` (at any depth) set to `newValue`.
    static func setting(_ key: String, to newValue: JSONValue, in value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (name, member) in members { result[name] = name == key ? newValue : setting(key, to: newValue, in: member) }
            return .object(result)
        case .array(let items):
            return .array(items.map { setting(key, to: newValue, in: $0) })
        default:
            return value
        }
    }
}
