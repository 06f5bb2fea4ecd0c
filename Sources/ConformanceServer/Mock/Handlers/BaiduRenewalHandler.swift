import ConformanceModel

/// Baidu BCC disk renewal (004 "Disk Renewal"): 200 with no body ("No specific parameters are
/// returned."); the same `clientToken` is the same order (Idempotency of ClientToken). A
/// `volumeId` that does not look like a BCC id (`v-` prefix, as in the page's `v-3zmCcxbR`)
/// gets `NoSuchObject` (404), so that the error path can be exercised.
enum BaiduRenewalHandler {
    static let renew: MockHandler = { context, state in
        guard let volume = context.parameters["volumeId"], volume.hasPrefix("v-") else {
            return .error(code: "NoSuchObject")
        }
        if let token = context.target.queryValue("clientToken") {
            if let previous = state.renewals[token], previous != volume {
                // The same token for another disk: BCE answers the idempotency conflict as 409.
                return .error(code: "OperationDenied")
            }
            state.renewals[token] = volume
        }
        return .success(status: 200, body: nil)
    }
}
