/// Operation ids for gateway endpoints, whose paths name the action themselves
/// (`/v1/tencent/disk/create`, `/v1/tencent/disk/logs/list`).
///
/// Rule: drop the prefix that every endpoint of the document shares up to (not
/// including) its last non-version segment, then PascalCase and join what is left:
/// with the shared prefix `/v1/tencent/disk`, `/v1/tencent/disk/create` → `DiskCreate`,
/// `/v1/tencent/disk/logs/list` → `DiskLogsList`, `/v1/tencent/disk/distributed/inspect` →
/// `DiskDistributedInspect`. Ids are unique because paths are; they stay stable while the
/// document keeps its shared prefix (adding an endpoint under another prefix would change
/// them, which the spec diff shows). `ServiceExtractor` still suffixes any collision.
public enum GatewayOperationNaming {
    /// The ids of `paths`, in the same order.
    public static func ids(for paths: [String]) -> [String] {
        let split = paths.map { $0.split(separator: "/").map(String.init) }
        // The shared directory part: every path's segments but its last.
        var shared = split.first.map { Array($0.dropLast()) } ?? []
        for segments in split.dropFirst() {
            let directory = Array(segments.dropLast())
            var count = 0
            while count < min(shared.count, directory.count), shared[count] == directory[count] { count += 1 }
            shared = Array(shared.prefix(count))
        }
        // Keep the last shared segment that is not a version (`disk`): it names the resource.
        var keepFrom = shared.count
        if let resource = shared.lastIndex(where: { !OperationNaming.isVersion($0) }) { keepFrom = resource }
        return split.map { segments in
            let kept = segments.dropFirst(min(keepFrom, segments.count)).filter { !OperationNaming.isVersion($0) }
            let id = kept.map(OperationNaming.pascal).joined()
            return id.isEmpty ? "Root" : id
        }
    }
}
