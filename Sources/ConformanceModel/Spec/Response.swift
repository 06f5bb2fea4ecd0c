/// What an operation documents for one HTTP status code.
public struct Response: Codable, Sendable, Hashable {
    public var status: Int
    /// The reason phrase or the doc's words for the status (`Accepted`, `正常`).
    public var description: String?
    /// The body schema, or `nil` when the doc gives the status without a body.
    public var body: Schema?
    public var headers: [Parameter]
    public var source: DocReference?

    public init(status: Int, description: String? = nil, body: Schema? = nil, headers: [Parameter] = [], source: DocReference? = nil) {
        self.status = status
        self.description = description
        self.body = body
        self.headers = headers
        self.source = source
    }

    /// 2xx and 3xx.
    public var isSuccess: Bool { (200..<400).contains(status) }
}
