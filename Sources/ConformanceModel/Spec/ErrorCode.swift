/// A row group of the vendor's error-code table: one code, its HTTP status and its messages.
///
/// Some codes have several messages (Huawei's `EVS.5400` has eight); all are kept, in table
/// order, and `message` is the first for readers that want one line.
public struct ErrorCode: Codable, Sendable, Hashable {
    /// One message a code is documented with, and what the table says about it.
    public struct Message: Codable, Sendable, Hashable {
        public var message: String
        public var description: String?
        public var remedy: String?

        public init(message: String, description: String? = nil, remedy: String? = nil) {
            self.message = message
            self.description = description
            self.remedy = remedy
        }
    }

    public var code: String
    public var status: Int
    public var message: String
    public var messages: [Message]
    public var source: DocReference?

    public init(code: String, status: Int, messages: [Message], source: DocReference? = nil) {
        self.code = code
        self.status = status
        self.message = messages.first?.message ?? ""
        self.messages = messages
        self.source = source
    }
}
