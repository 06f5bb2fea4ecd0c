/// Huawei ECS and Baidu BCC scenarios. Their documents describe one operation each, on a
/// resource the API gives no way to create (a server, a prepaid disk), so they run only
/// against the embedded mock, whose fixtures the run owns.
extension ScenarioCatalog {
    /// The mock's fixture server (the mock accepts any server id for resize).
    static let mockServerID = "6d6f636b-5e52-4000-8000-000000000001"

    /// ECS 变更云服务器规格 v1.1 (`001_*.txt`): resize a (shut-off) server to another flavor.
    public static let huaweiECSResize = Scenario(
        id: "huawei-ecs.resize",
        service: "huawei-ecs",
        title: "resize a server (mock fixture)",
        reach: .embeddedMockOnly(reason: "the ECS document has no create-server operation, so a live run could only resize a server it did not create"),
        steps: [
            ScenarioStep("resize the server", operation: "ResizeCloudserver", path: ["server_id": mockServerID],
                         body: .json(["resize": ["flavorRef": "c6.large.2", "extendparam": ["isAutoPay": "true"]]]),
                         expect: [200], captures: ["job_id": "job_id"], effect: .mutateMockFixture),
        ]
    )

    /// BCC 磁盘续费 (`004_*.txt`): renew a prepaid disk for a month, repeat with the same client
    /// token (idempotent), and renew a disk that does not exist (documented `NoSuchObject`).
    public static let baiduRenewal = Scenario(
        id: "baidu-bcc.renewal",
        service: "baidu-bcc",
        title: "renew a disk (mock fixture), idempotently, and a missing one",
        reach: .embeddedMockOnly(reason: "the BCC document has no create-disk operation, so a live run could only renew (and pay for) a disk it did not create"),
        steps: [
            ScenarioStep("renew for a month", operation: "PurchaseReservedVolume", path: ["volumeId": "v-conformance"],
                         query: [.init("purchaseReserved"), .init("clientToken", "{{name}}")],
                         body: .json(["billing": ["reservation": ["reservationLength": 1, "reservationTimeUnit": "Month"]]]),
                         expect: [200], effect: .mutateMockFixture),
            ScenarioStep("repeat with the same client token", operation: "PurchaseReservedVolume", path: ["volumeId": "v-conformance"],
                         query: [.init("purchaseReserved"), .init("clientToken", "{{name}}")],
                         body: .json(["billing": ["reservation": ["reservationLength": 1, "reservationTimeUnit": "Month"]]]),
                         expect: [200], effect: .mutateMockFixture),
            ScenarioStep("renew a disk that does not exist", operation: "PurchaseReservedVolume", path: ["volumeId": "no-such-disk"],
                         query: [.init("purchaseReserved"), .init("clientToken", "{{name}}-missing")],
                         body: .json(["billing": ["reservation": ["reservationLength": 1, "reservationTimeUnit": "Month"]]]),
                         expect: [404], effect: .mutateMockFixture),
        ]
    )
}
