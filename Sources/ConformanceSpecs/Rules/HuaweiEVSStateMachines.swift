import ConformanceModel

/// The volume and snapshot life cycles of Huawei EVS, from appendices A.3 (云硬盘状态) and
/// A.4 (云硬盘快照状态) and the operations' 接口约束 of `002_4af2597416b1ee7d.txt`.
enum HuaweiEVSStateMachines {
    static let document = "002_4af2597416b1ee7d.txt"

    static func a3(_ sentence: String) -> Citation { Citation(document: document, section: "A.3 云硬盘状态", sentence: sentence) }
    static func a4(_ sentence: String) -> Citation { Citation(document: document, section: "A.4 云硬盘快照状态", sentence: sentence) }

    static let extendOperations = ["ResizeVolume", "ExtendVolume", "ExtendVolumeV2", "ExtendCloudvolume"]
    static let deleteOperations = ["DeleteVolume", "DeleteVolumeV3", "DeleteVolumeDeprecated"]
    static let rollbackOperations = ["RollbackSnapshot", "RollbackOsVendorSnapshot", "RollbackOsVendorSnapshotV3"]

    static let volume = StateMachine(
        service: "huawei-evs",
        resource: "volume",
        states: ["creating", "available", "in-use", "error", "attaching", "detaching", "restoring-backup", "backing-up", "error_restoring",
                 "uploading", "downloading", "extending", "error_extending", "deleting", "error_deleting", "rollbacking", "error_rollbacking", "awaiting-transfer"],
        consoleNames: ["正在创建": "creating", "可用": "available", "正在使用": "in-use", "错误": "error", "正在挂载": "attaching", "正在卸载": "detaching",
                       "正在恢复": "restoring-backup", "正在创建备份": "backing-up", "恢复失败": "error_restoring", "正在上传": "uploading", "正在下载": "downloading",
                       "正在扩容": "extending", "扩容失败": "error_extending", "正在删除": "deleting", "删除失败": "error_deleting", "正在回滚": "rollbacking",
                       "回滚数据失败": "error_rollbacking", "等待过户": "awaiting-transfer"],
        transitions: [
            .init("creating", "available", citation: a3("云硬盘创建成功，还未挂载给任何云服务器，可以进行挂载。")),
            .init("creating", "error", citation: a3("云硬盘在创建过程中出现错误。")),
            .init("creating", "downloading", citation: a3("正在从镜像下载数据到云硬盘。此状态出现在创建云服务器的操作过程中。")),
            .init(tolerated: "downloading", "available", because: "A.3 does not say where downloading leads; a volume created from an image becomes usable"),
            .init(tolerated: "downloading", "in-use", because: "A.3 places downloading in server creation, after which the volume is attached"),
            .init("available", "attaching", citation: a3("云硬盘处于正在挂载的过程中。")),
            .init("attaching", "in-use", citation: a3("云硬盘已挂载给云服务器，正在使用中。")),
            .init(tolerated: "attaching", "available", because: "a failed attach returns the volume; A.3 has no error state for attaching"),
            .init("in-use", "detaching", citation: a3("云硬盘处于正在卸载的过程中。")),
            .init("detaching", "available", citation: a3("云硬盘创建成功，还未挂载给任何云服务器，可以进行挂载。")),
            .init(tolerated: "detaching", "in-use", because: "a volume attached to several servers stays in use after one detach"),
            .init("available", "extending", citation: a3("云硬盘处于正在扩容的过程中。")),
            .init("in-use", "extending", citation: Citation(document: document, section: "6.1.7 扩容云硬盘 接口约束", sentence: "扩容状态为in-use的云硬盘时，有以下约束：")),
            .init(tolerated: "extending", "available", because: "A.3 does not say where extending leads; the volume returns to its state before"),
            .init(tolerated: "extending", "in-use", because: "A.3 does not say where extending leads; an attached volume returns to in-use"),
            .init("extending", "error_extending", citation: a3("云硬盘在扩容过程中出现错误。")),
            .init("available", "deleting", citation: a3("云硬盘处于正在删除的过程中。")),
            .init(tolerated: "error", "deleting", because: "deleting a volume that failed to create is the only way out of error"),
            .init(tolerated: "error_extending", "deleting", because: "an error state is left by deleting the volume"),
            .init(tolerated: "error_restoring", "deleting", because: "an error state is left by deleting the volume"),
            .init(tolerated: "error_rollbacking", "deleting", because: "an error state is left by deleting the volume"),
            .init("deleting", "error_deleting", citation: a3("云硬盘在删除过程中出现错误。")),
            .init(tolerated: "error_deleting", "deleting", because: "a failed delete may be retried"),
            .init("available", "rollbacking", citation: a3("只有当云硬盘的状态处于“可用”或“回滚数据失败”状态才允许快照回滚到源云硬盘。")),
            .init("error_rollbacking", "rollbacking", citation: a3("只有当云硬盘的状态处于“可用”或“回滚数据失败”状态才允许快照回滚到源云硬盘。")),
            .init(tolerated: "rollbacking", "available", because: "A.3 does not say where rollbacking leads; a finished rollback leaves the volume available"),
            .init("rollbacking", "error_rollbacking", citation: a3("云硬盘在从快照回滚数据的过程中出现错误。")),
            .init("available", "restoring-backup", citation: a3("云硬盘处于正在从备份恢复的过程中。")),
            .init(tolerated: "restoring-backup", "available", because: "A.3 does not say where restoring-backup leads"),
            .init("restoring-backup", "error_restoring", citation: a3("云硬盘从备份恢复过程中出现错误。")),
            .init(tolerated: "available", "backing-up", because: "A.3 describes backing-up without saying which states lead to it"),
            .init(tolerated: "in-use", "backing-up", because: "A.3 describes backing-up without saying which states lead to it"),
            .init(tolerated: "backing-up", "available", because: "A.3 does not say where backing-up leads"),
            .init(tolerated: "backing-up", "in-use", because: "A.3 does not say where backing-up leads"),
            .init("available", "uploading", citation: a3("云硬盘数据正在被上传到镜像中。此状态出现在从云服务器创建镜像的操作过程中。")),
            .init("in-use", "uploading", citation: a3("云硬盘数据正在被上传到镜像中。此状态出现在从云服务器创建镜像的操作过程中。")),
            .init(tolerated: "uploading", "available", because: "A.3 does not say where uploading leads"),
            .init(tolerated: "uploading", "in-use", because: "A.3 does not say where uploading leads"),
            .init("available", "awaiting-transfer", citation: Citation(document: document, section: "8.2.2.4 创建云硬盘过户 接口约束", sentence: "只有当云硬盘状态为available时，支持创建过户，其他不支持过户的约束如下：")),
            .init(tolerated: "awaiting-transfer", "available", because: "accepting or deleting a transfer ends it; A.3 does not name the state after"),
        ],
        preconditions: [
            .init(operations: extendOperations, allowed: ["available", "in-use"], target: [.path("volume_id")],
                  citation: Citation(document: document, section: "6.1.7 扩容云硬盘 接口约束", sentence: "扩容状态为available的云硬盘时，没有约束限制。"),
                  errorCode: "EVS.1064"),
            // A.3 names the states by their console names: 可用 (available), 回滚数据失败 (error_rollbacking).
            .init(operations: rollbackOperations, allowed: ["available", "error_rollbacking"], target: [.requestBody("rollback.volume_id")],
                  citation: a3("只有当云硬盘的状态处于“可用”或“回滚数据失败”状态才允许快照回滚到源云硬盘。")),
            .init(operations: ["ModifyVolumeQoS"], allowed: ["available", "in-use"], target: [.path("volume_id")],
                  citation: Citation(document: document, section: "6.1.15 修改云硬盘 QoS 接口约束", sentence: "云硬盘状态是available、in-use。")),
            .init(operations: ["CreateOsVolumeTransfer", "CreateOsVolumeTransferV2"], allowed: ["available"], target: [.requestBody("transfer.volume_id")],
                  citation: Citation(document: document, section: "8.2.2.4 创建云硬盘过户 接口约束", sentence: "只有当云硬盘状态为available时，支持创建过户，其他不支持过户的约束如下：")),
        ],
        effects: [
            .init(operations: ["CreateVolume"], state: "creating", target: [.responseBody("volume_ids.[]")], citation: a3("云硬盘处于正在创建的过程中。")),
            .init(operations: extendOperations, state: "extending", target: [.path("volume_id")], citation: a3("云硬盘处于正在扩容的过程中。")),
            .init(operations: deleteOperations, state: "deleting", target: [.path("volume_id")], citation: a3("云硬盘处于正在删除的过程中。")),
            .init(operations: ["AttachVolume"], state: "attaching", target: [.path("volume_id")], citation: a3("云硬盘处于正在挂载的过程中。")),
            .init(operations: ["DetachVolume"], state: "detaching", target: [.path("volume_id")], citation: a3("云硬盘处于正在卸载的过程中。")),
            .init(operations: rollbackOperations, state: "rollbacking", target: [.requestBody("rollback.volume_id")], citation: a3("云硬盘处于正在从快照回滚数据的过程中。")),
            .init(operations: ["CreateOsVolumeTransfer", "CreateOsVolumeTransferV2"], state: "awaiting-transfer", target: [.requestBody("transfer.volume_id")], citation: a3("云硬盘处于等待过户的过程中。")),
        ],
        relations: sizeRelations,
        citation: a3("云硬盘在创建过程中出现错误。")
    )

    /// Each extend operation's own sentence about `new_size` against the volume's `size` (the
    /// `size` of the volume objects in show and list responses). Four say "greater than"
    /// (大于原有云硬盘容量); the deprecated 6.1.11 says "not less than" (不能小于), so there an
    /// equal size is allowed.
    static let sizeRelations: [StateMachine.Relation] = [
        .init(operations: ["ResizeVolume"], field: "size", subject: .value("os-extend.new_size", of: [.path("volume_id")]), comparison: .greaterThan,
              citation: Citation(document: document, section: "6.1.7 扩容云硬盘 表 6-59 OsExtend (new_size)", sentence: "扩容的大小必须大于原有云硬盘容量且小于云硬盘最大容量。")),
        .init(operations: ["BatchExtendVolume"], field: "size", subject: .items("volumes.[]", id: "id", value: "new_size"), comparison: .greaterThan,
              citation: Citation(document: document, section: "6.1.4 批量扩容云硬盘 表 6-33 VolumesForBatchResizeVolume (new_size)", sentence: "扩容后的云硬盘大小，单位为GiB。扩容的大小必须大于原有云硬盘容量且小于云硬盘最大容量。")),
        .init(operations: ["ExtendCloudvolume"], field: "size", subject: .value("os-extend.new_size", of: [.path("volume_id")]), comparison: .atLeast,
              citation: Citation(document: document, section: "6.1.11 扩容云硬盘(废弃) (new_size)", sentence: "扩容后的容量不能小于原有云硬盘容量，且不能大于云硬盘最大容量。")),
        .init(operations: ["ExtendVolume"], field: "size", subject: .value("os-extend.new_size", of: [.path("volume_id")]), comparison: .greaterThan,
              citation: Citation(document: document, section: "8.2.1.20 扩容云硬盘 (new_size)", sentence: "扩容后的云硬盘大小，单位为GiB。 扩容后的云硬盘容量范围：大于原有云硬盘容量~云硬盘最大容量")),
        .init(operations: ["ExtendVolumeV2"], field: "size", subject: .value("os-extend.new_size", of: [.path("volume_id")]), comparison: .greaterThan,
              citation: Citation(document: document, section: "8.2.1.21 扩容云硬盘（废弃） (new_size)", sentence: "扩容后的云硬盘容量范围：大于原有云硬盘容量~云硬盘最大容量（数据盘为32768GiB；系统盘为1024GiB）")),
    ]

    static let snapshotDeletes = ["DeleteSnapshot", "DeleteSnapshotV3", "DeleteSnapshotV5", "DeleteSnapshotDeprecated"]

    static let snapshot = StateMachine(
        service: "huawei-evs",
        resource: "snapshot",
        states: ["creating", "available", "error", "deleting", "error_deleting", "rollbacking", "backing-up"],
        transitions: [
            .init("creating", "available", citation: a4("云硬盘快照创建成功，可以使用。")),
            .init("creating", "error", citation: a4("云硬盘快照在创建过程中出现错误。")),
            .init("available", "deleting", citation: Citation(document: document, section: "6.2.2 删除云硬盘快照 接口约束", sentence: "当快照状态为available、error状态时，才可以删除。")),
            .init("error", "deleting", citation: Citation(document: document, section: "6.2.2 删除云硬盘快照 接口约束", sentence: "当快照状态为available、error状态时，才可以删除。")),
            .init("deleting", "error_deleting", citation: a4("云硬盘快照在删除过程中出现错误")),
            .init("available", "rollbacking", citation: a4("云硬盘快照处于正在回滚数据的过程中。")),
            .init(tolerated: "rollbacking", "available", because: "A.4 does not say where rollbacking leads"),
            .init("available", "backing-up", citation: a4("通过OpenStack原生API，可以直接通过快照创建备份，快照状态就会变为backing-up。")),
            .init(tolerated: "backing-up", "available", because: "A.4 does not say where backing-up leads"),
        ],
        preconditions: [
            .init(operations: snapshotDeletes, allowed: ["available", "error"], target: [.path("snapshot_id")],
                  citation: Citation(document: document, section: "6.2.2 删除云硬盘快照 接口约束", sentence: "当快照状态为available、error状态时，才可以删除。"),
                  errorCode: "EVS.1047"),
        ],
        effects: [
            .init(operations: snapshotDeletes, state: "deleting", target: [.path("snapshot_id")], citation: a4("云硬盘快照处于正在删除的过程中。")),
        ],
        citation: a4("云硬盘快照处于正在创建的过程中。")
    )
}
