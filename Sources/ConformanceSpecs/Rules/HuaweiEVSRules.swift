import ConformanceModel

/// Cross-field rules of Huawei EVS, from `002_4af2597416b1ee7d.txt` (the API reference, 2025-08-20).
enum HuaweiEVSRules {
    static let document = "002_4af2597416b1ee7d.txt"

    /// The operations that create volumes with a `volume` object holding the source fields.
    static let volumeCreations = ["CreateVolume", "CreateVolumeV2", "CreateVolumeV3"]

    static let body: [BodyRule] = [
        // The create tables list imageRef, snapshot_id and backup_id as independent optional
        // fields; the error table says only one may be given.
        BodyRule(
            id: "evs.create-volume.single-source",
            service: "huawei-evs",
            operations: ["CreateVolume"],
            requirement: .atMostOne(["volume.imageRef", "volume.snapshot_id", "volume.backup_id"]),
            citation: Citation(document: document, section: "A.1 错误码 (EVS.1016)", sentence: "Invalid input received: May specify only one of imageRef, snapshot_id, backup_id!")
        ),
        // The Cinder create bodies (8.2.1.2, 8.2.1.3) document no backup_id; the same rule
        // holds for the two sources they have.
        BodyRule(
            id: "evs.cinder-create-volume.single-source",
            service: "huawei-evs",
            operations: ["CreateVolumeV2", "CreateVolumeV3"],
            requirement: .atMostOne(["volume.imageRef", "volume.snapshot_id"]),
            citation: Citation(document: document, section: "A.1 错误码 (EVS.1016)", sentence: "Invalid input received: May specify only one of imageRef, snapshot_id, backup_id!")
        ),
        BodyRule(
            id: "evs.create-volume.iops-required",
            service: "huawei-evs",
            operations: volumeCreations,
            requirement: .requiredWhen(field: "volume.iops", condition: .init(field: "volume.volume_type", isOneOf: ["GPSSD2", "ESSD2"])),
            citation: Citation(document: document, section: "6.1.1 表 6-5 CreateVolumeOption (iops)", sentence: "购买GPSSD2、ESSD2类型的云硬盘时必须填，其他类型不能设置。")
        ),
        BodyRule(
            id: "evs.create-volume.iops-forbidden",
            service: "huawei-evs",
            operations: volumeCreations,
            requirement: .forbiddenWhen(field: "volume.iops", condition: .init(field: "volume.volume_type", isOneOf: ["GPSSD2", "ESSD2"], negated: true)),
            citation: Citation(document: document, section: "6.1.1 表 6-5 CreateVolumeOption (iops)", sentence: "购买GPSSD2、ESSD2类型的云硬盘时必须填，其他类型不能设置。")
        ),
        BodyRule(
            id: "evs.create-volume.throughput-required",
            service: "huawei-evs",
            operations: volumeCreations,
            requirement: .requiredWhen(field: "volume.throughput", condition: .init(field: "volume.volume_type", isOneOf: ["GPSSD2"])),
            citation: Citation(document: document, section: "6.1.1 表 6-5 CreateVolumeOption (throughput)", sentence: "购买GPSSD2类型云盘时必须填，其他类型不能设置。")
        ),
        BodyRule(
            id: "evs.create-volume.throughput-forbidden",
            service: "huawei-evs",
            operations: volumeCreations,
            requirement: .forbiddenWhen(field: "volume.throughput", condition: .init(field: "volume.volume_type", isOneOf: ["GPSSD2"], negated: true)),
            citation: Citation(document: document, section: "6.1.1 表 6-5 CreateVolumeOption (throughput)", sentence: "购买GPSSD2类型云盘时必须填，其他类型不能设置。")
        ),
        // The table marks periodNum and periodType optional ("否"); the constraint makes them
        // required for yearly/monthly billing. The doc writes both `prePaid` and `PrePaid`; the
        // value table of chargingMode lists `prePaid`, which is what is compared.
        BodyRule(
            id: "evs.create-volume.period-num-prepaid",
            service: "huawei-evs",
            operations: ["CreateVolume"],
            requirement: .requiredWhen(field: "bssParam.periodNum", condition: .init(field: "bssParam.chargingMode", isOneOf: ["prePaid"])),
            citation: Citation(document: document, section: "6.1.1 表 6-4 BssParamForCreateVolume (periodNum)", sentence: "chargingMode为prePaid时该参数会生效，并且该参数为必选。")
        ),
        BodyRule(
            id: "evs.create-volume.period-type-prepaid",
            service: "huawei-evs",
            operations: ["CreateVolume"],
            requirement: .requiredWhen(field: "bssParam.periodType", condition: .init(field: "bssParam.chargingMode", isOneOf: ["prePaid"])),
            citation: Citation(document: document, section: "6.1.1 表 6-4 BssParamForCreateVolume (periodType)", sentence: "chargingMode为prePaid时该参数会生效，并且该参数为必选。")
        ),
        // Per volume, not per request; a request of eleven tags with distinct keys cannot be
        // accepted whatever the volume held before.
        BodyRule(
            id: "evs.batch-create-tags.limit",
            service: "huawei-evs",
            operations: ["BatchCreateVolumeTags"],
            requirement: .maxItems(field: "tags", limit: 10),
            citation: Citation(document: document, section: "6.4.1 为指定云硬盘批量添加标签 功能介绍", sentence: "单个云硬盘最多支持创建10个标签。")
        ),
        BodyRule(
            id: "evs.unsubscribe.volume-ids-limit",
            service: "huawei-evs",
            operations: ["UnsubscribePostpaidVolume"],
            requirement: .maxItems(field: "volume_ids", limit: 60),
            citation: Citation(document: document, section: "6.1.6 退订包周期计费模式的云硬盘 功能介绍", sentence: "接口的请求body体最多可以传60个云硬盘id")
        ),
    ]
}
