import ConformanceModel

/// Tencent disk-gateway scenarios (`003_*.txt`): every call is a POST with `Region`,
/// `ClusterUuid` and `TenantUuid` in the body; the answers are wrapped in the `scode` envelope.
extension ScenarioCatalog {
    /// Lists disks without changing anything.
    public static let tencentReadOnly = Scenario(
        id: "tencent-cbs.read-only",
        service: "tencent-cbs",
        title: "list disks",
        steps: [
            ScenarioStep("list disks", operation: "DiskList", body: .golden(file: "request.min.json", set: ["Limit": 20]), expect: [200],
                         optionalCaptures: ["first_disk": "data.List[0].DiskId"]),
            ScenarioStep("inspect the first disk", operation: "DiskInspect", body: .golden(file: "request.min.json", set: ["DiskIds": ["{{first_disk}}"]]),
                         expect: [200], requires: ["first_disk"]),
        ]
    )

    /// create → find it by its name (the create answer carries no id) → inspect → resize →
    /// rename → delete, on a disk named `conformance-<run id>-disk`.
    public static let tencentDiskLifecycle = Scenario(
        id: "tencent-cbs.disk-lifecycle",
        service: "tencent-cbs",
        title: "create, find, inspect, resize, rename and delete a disk",
        steps: [
            ScenarioStep("create a disk", operation: "DiskCreate",
                         body: .golden(file: "request.min.json", set: ["DiskName": "{{name}}-disk", "DiskSize": 10, "DiskChargeType": "POSTPAID_BY_HOUR", "DiskCount": 1]),
                         expect: [200], effect: .create(variable: "disk_id", cleanup: CleanupStep(tencentDelete), lookup: tencentFind)),
            ScenarioStep("inspect it", operation: "DiskInspect", body: .golden(file: "request.min.json", set: ["DiskIds": ["{{disk_id}}"]]),
                         expect: [200], captures: ["disk_state": "data.DiskState"]),
            ScenarioStep("resize it to 20 GB", operation: "DiskResize", body: .golden(file: "request.min.json", set: ["DiskIds": ["{{disk_id}}"], "DiskSize": 20]),
                         expect: [200], effect: .mutate(variable: "disk_id")),
            ScenarioStep("rename it", operation: "DiskUpdate", body: .golden(file: "request.min.json", set: ["DiskIds": ["{{disk_id}}"], "DiskName": "{{name}}-disk-renamed"]),
                         expect: [200], effect: .mutate(variable: "disk_id")),
            tencentDelete,
        ]
    )

    /// Finds the run's disk by name: `Fuzzy` narrows the list, and the capture only accepts a
    /// disk whose `DiskName` is the run's (``StepEffect/create(variable:cleanup:lookup:)``).
    static let tencentFind = ScenarioStep("find it by name", operation: "DiskList",
                                          body: .golden(file: "request.min.json", set: ["Fuzzy": "{{name}}-disk", "Limit": 100]),
                                          expect: [200], captures: ["disk_id": "data.List[DiskName={{name}}-disk].DiskId"])

    static let tencentDelete = ScenarioStep("delete it", operation: "DiskDelete", body: .golden(file: "request.min.json", set: ["DiskIds": ["{{disk_id}}"]]),
                                            expect: [200], effect: .delete(variable: "disk_id"))
}
