/// Operations that use POST (or another non-GET method) but only read, per their documents.
///
/// The runner refuses to send a step declared ``StepEffect/read`` with a non-GET method unless
/// its operation is listed here: a scenario that mislabels a mutation as a read cannot slip a
/// change past `--allow-mutations`.
public enum ReadOnlyOperations {
    /// Service id → operation ids.
    public static let byService: [String: Set<String>] = [
        // 003 disk gateway: every call is a POST; these four only query (列表 / 查询 / 日志).
        "tencent-cbs": ["DiskList", "DiskInspect", "DiskDistributedInspect", "DiskLogsList"],
        // EVS 6.5.x 通过标签查询云硬盘资源实例: POST .../resource_instances/action {"action":"filter"}.
        "huawei-evs": ["ListVolumesByTags"],
    ]

    /// Whether `method` on `operation` only reads.
    public static func isReadOnly(service: String, operation: String, method: String) -> Bool {
        method == "GET" || method == "HEAD" || byService[service]?.contains(operation) == true
    }
}
