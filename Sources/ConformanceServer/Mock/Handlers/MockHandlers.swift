/// The operations the mock models beyond "answer the documented success": a table from
/// `service/operation-id` to handler (data, not a switch: adding behaviour is adding a row).
enum MockHandlers {
    static let all: [String: MockHandler] = {
        var table: [String: MockHandler] = [:]
        for (operations, handler) in EVSVolumeHandlers.table + EVSSnapshotHandlers.table + EVSJobHandlers.table + EVSTransferHandlers.table
            + CinderVolumeHandlers.table + CinderMetadataHandlers.table + CinderCatalogHandlers.table + CinderQuotaHandlers.table {
            for operation in operations { table["huawei-evs/\(operation)"] = handler }
        }
        for (operation, handler) in TencentDiskHandlers.table { table["tencent-cbs/\(operation)"] = handler }
        table["huawei-ecs/ResizeCloudserver"] = EVSJobHandlers.resizeServer
        table["baidu-bcc/PurchaseReservedVolume"] = BaiduRenewalHandler.renew
        return table
    }()
}
