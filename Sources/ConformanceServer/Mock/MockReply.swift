import ConformanceModel

/// What a handler answers: a documented success (status and body) or a documented error
/// (an error code of the service's table, turned into the service's error envelope by
/// ``MockErrorStyle``).
enum MockReply: Sendable {
    /// A success response; `body` nil means no body (204, Baidu's empty 200).
    case success(status: Int, body: JSONValue?)
    /// An error: `code` from the service's error-code table; `status` and `message` default to
    /// the table row's.
    case error(code: String, status: Int? = nil, message: String? = nil)
    /// An answer to render once the state's lock is released: the handler has copied what it
    /// needs (resources are values), so building a large body holds up no other request.
    case later(@Sendable () -> MockReply)

    /// The answer, rendered.
    var rendered: MockReply {
        if case .later(let make) = self { return make().rendered }
        return self
    }
}
