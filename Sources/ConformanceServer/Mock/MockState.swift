import ConformanceModel
import Foundation

/// Everything the mock remembers between requests: volumes, snapshots and jobs (Huawei),
/// disks (Tencent gateway) and renewals (Baidu). Guarded by ``MockEngine``'s lock, which is
/// held only while a handler reads or changes it; answers are rendered after it is released.
///
/// Resources live in ``MockTable``s: by id, indexed by the filters their lists support, and
/// with a queue of pending transitions. Transitional states settle lazily: a resource carries
/// the state it will reach and when; every request first calls ``settle(now:)``, which pops
/// only the transitions that are due, so no timer runs and a stopped mock holds nothing.
struct MockState: Sendable {
    var volumes = MockTable<MockVolume>()
    var snapshots = MockTable<MockSnapshot>()
    var jobs: [String: MockJob] = [:]
    /// Volume transfers on offer, by id (8.2.2).
    var transfers: [String: MockTransfer] = [:]
    var disks = MockTable<MockDisk>()
    /// The Tencent gateway's operation log (`/v1/tencent/disk/logs/list`), oldest first.
    var diskLog: [MockDiskOperation] = []
    /// Baidu renewals by client token (idempotency: the same token is the same order).
    var renewals: [String: String] = [:]
    /// Accepted idempotent requests by `service token` (``MockIdempotency``).
    var idempotent: [String: MockIdempotency.Entry] = [:]
    /// Counter behind the ids the mock hands out.
    var serial: UInt64 = 0
    /// Bumped by every change (a mutation, a settled transition), so that cached answers of
    /// reads are only reused while nothing changed.
    var version: UInt64 = 0
    /// Encoded answers of cacheable reads at ``cacheVersion``, by request URL.
    var responseCache: [String: Exchange.Response] = [:]
    var cacheVersion: UInt64 = 0

    /// A fresh, unique, deterministic UUID-shaped id.
    mutating func nextID() -> String {
        serial += 1
        let hex = String(serial, radix: 16)
        let padded = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        return "6d6f636b-0000-4000-8000-\(padded)"
    }

    /// Applies every transition that is due.
    mutating func settle(now: ContinuousClock.Instant) {
        for var volume in volumes.takeDue(now: now) {
            guard let pending = volume.pending else { continue }
            version &+= 1
            volume.pending = nil
            if let size = pending.size { volume.size = size }
            guard let status = pending.status else {
                volumes[volume.id] = nil
                continue
            }
            volume.status = status
            volume.updatedAt = MockClock.timestamp()
            volumes[volume.id] = volume
        }
        for var snapshot in snapshots.takeDue(now: now) {
            guard let pending = snapshot.pending else { continue }
            version &+= 1
            snapshot.pending = nil
            if let status = pending.status { snapshot.status = status; snapshots[snapshot.id] = snapshot } else { snapshots[snapshot.id] = nil }
        }
        for var disk in disks.takeDue(now: now) {
            guard let pending = disk.pending else { continue }
            version &+= 1
            disk.pending = nil
            if let status = pending.status { disk.state = status; disks[disk.id] = disk } else { disks[disk.id] = nil }
        }
    }
}

/// A state a resource will reach at `at`; `status` nil means the resource disappears (a
/// finished delete); `size` is the size it will have (a finished extend).
struct MockPending: Sendable {
    var status: String?
    var at: ContinuousClock.Instant
    var size: Int? = nil
}

/// An EVS volume (A.3 云硬盘状态 for `status`), listed by project, by project and status, and
/// by project and name (the filters of 6.1.3 查询所有云硬盘详情 the mock supports).
struct MockVolume: MockIndexed {
    var id: String
    var project: String
    var name: String
    var size: Int
    var volumeType: String
    var zone: String
    var status: String
    var pending: MockPending?
    var createdAt: String
    var updatedAt: String
    var metadata: [String: String]
    var tags: [String: String]
    var multiattach: Bool
    var description: String
    /// Whether the volume holds a bootable image (Cinder `os-set_bootable`, created from an image).
    var bootable = false
    /// The snapshot it was created from (Cinder `snapshot_id`).
    var snapshotID: String? = nil
    /// The servers it is attached to (Cinder `os-attach`; one unless `multiattach`).
    var attachments: [MockAttachment] = []
}

/// One attachment of a volume to a server (Cinder `attachments` items).
struct MockAttachment: Sendable {
    var id: String
    var serverID: String
    var device: String
    var attachedAt: String
}

/// An EVS snapshot (A.4 云硬盘快照状态).
struct MockSnapshot: MockIndexed {
    var id: String
    var project: String
    var volumeID: String
    var name: String
    var size: Int
    var status: String
    var pending: MockPending?
    var createdAt: String
    var metadata: [String: String]
    var description: String = ""
    var updatedAt: String = ""
}

/// An asynchronous EVS/ECS job (6.5.1 查询 job 的状态): RUNNING until `done`, then SUCCESS.
struct MockJob: Sendable {
    var id: String
    var type: String
    var volumeID: String?
    var size: Int?
    var begin: String
    var done: ContinuousClock.Instant
}

/// A Tencent gateway disk (`DiskState`: the docs show `UNATTACHED`; `ATTACHED` follows the
/// `Attached` flag).
struct MockDisk: MockIndexed {
    var id: String
    var name: String
    var size: Int
    var type: String
    var chargeType: String
    var zone: String
    var state: String
    var pending: MockPending?
    var instanceID: String?
    var createTime: String
    /// The `Region` of the create request (`/v1/tencent/disk/distributed/inspect` counts by it).
    var region: String = ""
}

extension MockVolume {
    var indexKeys: [String] { [Self.projectKey(project), Self.statusKey(project, status), Self.nameKey(project, name)] }
    var dueAt: ContinuousClock.Instant? { pending?.at }
    static func projectKey(_ project: String) -> String { "p:" + project }
    static func statusKey(_ project: String, _ status: String) -> String { "s:" + project + "\u{0}" + status }
    static func nameKey(_ project: String, _ name: String) -> String { "n:" + project + "\u{0}" + name }
}

extension MockSnapshot {
    /// Listed by project (Cinder 8.2.3 lists and Huawei 6.2.4 are per project).
    var indexKeys: [String] { ["p:" + project] }
    var dueAt: ContinuousClock.Instant? { pending?.at }
}

extension MockDisk {
    var indexKeys: [String] { [] }
    var dueAt: ContinuousClock.Instant? { pending?.at }
}

/// Wall-clock timestamps in the format the vendors print (`2016-02-16T07:46:27.000000`).
enum MockClock {
    static func timestamp(_ date: Date = Date()) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.000000", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
