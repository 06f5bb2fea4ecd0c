/// Huawei EVS scenarios (`002_*.txt`): the read-only tour and the volume life cycle.
extension ScenarioCatalog {
    /// Lists and shows without changing anything: volumes (and the first one, if any),
    /// quotas (6.6.1 `usage=True` is required), availability zones, volume types, snapshots
    /// and tags.
    public static let huaweiEVSReadOnly = Scenario(
        id: "huawei-evs.read-only",
        service: "huawei-evs",
        title: "list and show volumes, quotas, availability zones, types, snapshots, tags",
        steps: [
            ScenarioStep("list volumes", operation: "ListVolumes", query: [.init("limit", "10")], expect: [200],
                         optionalCaptures: ["first_volume": "volumes[0].id"]),
            ScenarioStep("show the first volume", operation: "ShowVolume", path: ["volume_id": "{{first_volume}}"], expect: [200],
                         requires: ["first_volume"]),
            ScenarioStep("show quotas", operation: "CinderListQuotas", path: ["target_project_id": "{{project_id}}"],
                         query: [.init("usage", "True")], expect: [200]),
            ScenarioStep("list availability zones", operation: "ListOsAvailabilityZone", expect: [200]),
            ScenarioStep("list volume types", operation: "ListTypes", expect: [200]),
            ScenarioStep("list snapshots", operation: "ListSnapshots", query: [.init("limit", "10")], expect: [200]),
            ScenarioStep("list volume tags", operation: "ListVolumeTags", expect: [200]),
        ]
    )

    /// create → wait until available → job → extend → tag → snapshot → delete, on a volume
    /// named `conformance-<run id>-volume` (6.1.1, 6.1.4, 6.1.7, 7.1, 6.2.1, 6.2.2, 6.1.8, 8.1).
    public static let huaweiEVSVolumeLifecycle = Scenario(
        id: "huawei-evs.volume-lifecycle",
        service: "huawei-evs",
        title: "create, wait, extend, tag, snapshot and delete a volume",
        steps: [
            ScenarioStep("pick an availability zone", operation: "ListOsAvailabilityZone", expect: [200],
                         captures: ["zone": "availabilityZoneInfo[0].zoneName"]),
            ScenarioStep("create a volume", operation: "CreateVolume",
                         body: .json(["volume": ["name": "{{name}}-volume", "availability_zone": "{{zone}}", "size": 10, "volume_type": "SATA",
                                                  "description": "created by conformance verify run {{run_id}}; deleted at the end of the run"]]),
                         expect: [202], captures: ["volume_id": "volume_ids[0]", "job_id": "job_id"],
                         effect: .create(variable: "volume_id", cleanup: CleanupStep(deleteVolume))),
            ScenarioStep("show the creation job", operation: "ShowJob", path: ["job_id": "{{job_id}}"], expect: [200]),
            ScenarioStep("wait until available", operation: "ShowVolume", path: ["volume_id": "{{volume_id}}"], expect: [200],
                         until: .value(path: "volume.status", in: ["available"], failing: ["error"])),
            ScenarioStep("extend to 20 GB", operation: "ResizeVolume", path: ["volume_id": "{{volume_id}}"],
                         body: .json(["os-extend": ["new_size": 20]]), expect: [202], effect: .mutate(variable: "volume_id")),
            ScenarioStep("wait until extended", operation: "ShowVolume", path: ["volume_id": "{{volume_id}}"], expect: [200],
                         until: .value(path: "volume.size", in: ["20"], failing: ["error_extending"])),
            ScenarioStep("wait until available again", operation: "ShowVolume", path: ["volume_id": "{{volume_id}}"], expect: [200],
                         until: .value(path: "volume.status", in: ["available"], failing: ["error_extending"])),
            ScenarioStep("tag it", operation: "BatchCreateVolumeTags", path: ["volume_id": "{{volume_id}}"],
                         body: .json(["action": "create", "tags": [["key": "conformance-run", "value": "{{run_id}}"]]]),
                         expect: [204], effect: .mutate(variable: "volume_id")),
            ScenarioStep("show its tags", operation: "ShowVolumeTags", path: ["volume_id": "{{volume_id}}"], expect: [200]),
            ScenarioStep("snapshot it", operation: "CreateSnapshot",
                         body: .json(["snapshot": ["volume_id": "{{volume_id}}", "name": "{{name}}-snapshot"]]),
                         expect: [202], captures: ["snapshot_id": "snapshot.id"],
                         effect: .create(variable: "snapshot_id", cleanup: CleanupStep(deleteSnapshot))),
            ScenarioStep("wait until the snapshot is available", operation: "ShowSnapshot", path: ["snapshot_id": "{{snapshot_id}}"], expect: [200],
                         until: .value(path: "snapshot.status", in: ["available"], failing: ["error"])),
            deleteSnapshot,
            ScenarioStep("wait until the snapshot is gone", operation: "ShowSnapshot", path: ["snapshot_id": "{{snapshot_id}}"], expect: [200],
                         until: .status([404])),
            deleteVolume,
            ScenarioStep("wait until the volume is gone", operation: "ShowVolume", path: ["volume_id": "{{volume_id}}"], expect: [200],
                         until: .status([404])),
        ]
    )

    /// 6.1.8 删除云硬盘 (200 with a job) on the run's own volume.
    static let deleteVolume = ScenarioStep("delete the volume", operation: "DeleteVolume", path: ["volume_id": "{{volume_id}}"],
                                           expect: [200, 202], effect: .delete(variable: "volume_id"))
    /// 6.2.2 删除云硬盘快照 on the run's own snapshot.
    static let deleteSnapshot = ScenarioStep("delete the snapshot", operation: "DeleteSnapshot", path: ["snapshot_id": "{{snapshot_id}}"],
                                             expect: [202], effect: .delete(variable: "snapshot_id"))
}
