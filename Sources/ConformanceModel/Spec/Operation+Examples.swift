extension Operation {
    /// The response a response example without a status documents: an error body
    /// (`{"<any key>": {"code", "message"}}` or a flat `{"error_code", "error_msg"}`) goes with
    /// the operation's first 4xx/5xx status (400 when it documents none), anything else with
    /// its first success status (200 when none).
    public func assumedStatus(for example: JSONValue?) -> (status: Int, isError: Bool) {
        if Self.looksLikeError(example) {
            return (responses.first { $0.status >= 400 }?.status ?? 400, true)
        }
        return (responses.first { $0.isSuccess }?.status ?? 200, false)
    }

    /// The status a response example documents: its own, else the assumed one.
    public func status(of example: Example) -> Int {
        example.status ?? assumedStatus(for: example.value).status
    }

    /// `{"<any>": {"code", "message"}}` or a flat `{"error_code", "error_msg"}`.
    static func looksLikeError(_ value: JSONValue?) -> Bool {
        guard let members = value?.objectValue else { return false }
        if members["error_code"] != nil || members["error_msg"] != nil { return true }
        if members.count == 1, let inner = members.values.first?.objectValue, inner["code"] != nil || inner["message"] != nil { return true }
        return false
    }
}
