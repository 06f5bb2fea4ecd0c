/// A row of a service's HTTP status table (Huawei EVS appendix A.2).
public struct StatusCode: Codable, Sendable, Hashable {
    public var status: Int
    public var description: String
    public var source: DocReference?

    public init(status: Int, description: String, source: DocReference? = nil) {
        self.status = status
        self.description = description
        self.source = source
    }
}
