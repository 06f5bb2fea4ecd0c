import ConformanceModel

/// The state rules of Huawei ECS, the Tencent gateway and Baidu BCC: only what their
/// documents support.
enum OtherStateMachines {
    /// ECS resize v1.1, 接口约束: "关机状态的弹性云服务器才能执行变更云服务器规格操作。" The
    /// document names the state only as 关机 (shut off); ECS's API value for it is `SHUTOFF`,
    /// which the EVS reference also uses for servers (6.1.7: "ACTIVE、PAUSED、SUSPENDED、SHUTOFF").
    /// No server state table is documented, so the machine is open and has no transitions.
    static let server = StateMachine(
        service: "huawei-ecs",
        resource: "server",
        states: ["SHUTOFF"],
        consoleNames: ["关机": "SHUTOFF"],
        closed: false,
        transitions: [],
        preconditions: [
            .init(operations: ["ResizeCloudserver"], allowed: ["SHUTOFF"], target: [.path("server_id")],
                  citation: Citation(document: "001_1fc498a6a1f050fa.txt", section: "接口约束", sentence: "关机状态的弹性云服务器才能执行变更云服务器规格操作。")),
        ],
        citation: Citation(document: "001_1fc498a6a1f050fa.txt", section: "接口约束", sentence: "关机状态的弹性云服务器才能执行变更云服务器规格操作。")
    )

    /// The gateway documents `DiskState` as "云盘状态" with no list of values; its examples show
    /// `UNATTACHED`. The machine is open: other values are reported as information, and no
    /// transition is documented, so none is checked.
    static let disk = StateMachine(
        service: "tencent-cbs",
        resource: "disk",
        states: ["UNATTACHED"],
        closed: false,
        statusField: "DiskState",
        idField: "DiskId",
        transitions: [],
        unchecked: [
            .init(operations: ["DiskResize"], reason: "the page calls DiskSize the size after an expansion (扩容后) but states no comparison with the current size, so none is checked",
                  citation: Citation(document: "003_eb9ea89fe6aeb710.txt", section: "/v1/tencent/disk/resize 请求参数 (DiskSize)", sentence: "DiskSize | uint64 |是|- |云硬盘扩容后的大小")),
        ],
        citation: Citation(document: "003_eb9ea89fe6aeb710.txt", section: "/v1/tencent/disk/list 正常返回示例", sentence: "\"DiskState\": \"UNATTACHED\",")
    )

    /// Baidu's renewal says it cannot run while the disk is being scaled, but the page names
    /// no state value for scaling, so the constraint is kept and not checked.
    static let baiduVolume = StateMachine(
        service: "baidu-bcc",
        resource: "volume",
        states: [],
        closed: false,
        transitions: [],
        unchecked: [
            .init(operations: ["PurchaseReservedVolume"], reason: "the page names no state value for a disk being scaled",
                  citation: Citation(document: "004_c6cf16c9786a2494.txt", section: "Disk Renewal", sentence: "The renew operation can not be performed during the disk scaling.")),
        ],
        citation: Citation(document: "004_c6cf16c9786a2494.txt", section: "Disk Renewal", sentence: "The renew operation can not be performed during the disk scaling.")
    )
}
