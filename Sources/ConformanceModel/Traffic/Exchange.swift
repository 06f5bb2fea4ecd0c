/// One recorded HTTP request and the response it got: the unit the validator checks.
public struct Exchange: Sendable, Hashable {
    /// A recorded request.
    public struct Request: Sendable, Hashable {
        /// The method in upper case.
        public var method: String
        /// The URL as recorded: absolute (`https://host/v2/...?a=1`) or a path with query.
        public var url: String
        public var headers: [Header]
        /// The body's bytes, or `nil` when there is none.
        public var body: [UInt8]?

        public init(method: String, url: String, headers: [Header] = [], body: [UInt8]? = nil) {
            self.method = method.uppercased()
            self.url = url
            self.headers = headers
            self.body = body
        }
    }

    /// A recorded response.
    public struct Response: Sendable, Hashable {
        public var status: Int
        public var headers: [Header]
        public var body: [UInt8]?

        public init(status: Int, headers: [Header] = [], body: [UInt8]? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// A header as recorded; names compare case-insensitively.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var request: Request
    /// The response, or `nil` when the recording has none (a request that never completed).
    public var response: Response?
    /// The 0-based index of the entry in its input.
    public var index: Int
    /// The input the exchange came from (a file path, or `-` for standard input).
    public var file: String?

    public init(request: Request, response: Response?, index: Int = 0, file: String? = nil) {
        self.request = request
        self.response = response
        self.index = index
        self.file = file
    }
}

extension Array where Element == Exchange.Header {
    /// The first value of the header `name`, compared case-insensitively.
    @inlinable
    public func value(named name: String) -> String? {
        for index in indices where self[index].name.caseInsensitiveEquals(name) {
            return self[index].value
        }
        return nil
    }
}

extension String {
    /// ASCII case-insensitive equality of the UTF-8 bytes, for header names.
    @inlinable
    public func caseInsensitiveEquals(_ other: String) -> Bool {
        let left = utf8, right = other.utf8
        guard left.count == right.count else { return false }
        @inline(__always)
        func same(_ a: UInt8, _ b: UInt8) -> Bool {
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
        }
        // Native strings are contiguous: compare the bytes directly.
        let contiguous = left.withContiguousStorageIfAvailable { a in
            right.withContiguousStorageIfAvailable { b in
                for index in 0..<a.count where !same(a[index], b[index]) { return false }
                return true
            }
        }
        if let result = contiguous ?? nil { return result }
        return zip(left, right).allSatisfy { same($0, $1) }
    }
}
