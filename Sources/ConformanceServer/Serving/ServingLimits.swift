/// How long the mock and the proxy wait for a client, and how many clients they serve at once
/// (`--idle-timeout`, `--header-timeout`, `--body-timeout`, `--max-connections`).
///
/// Without these a client that opens a connection and sends nothing, or half a request, holds
/// a file descriptor for ever, and enough of them stop the server for everyone. The idle
/// timeout is Hummingbird's own (`HTTP1Channel.Configuration.idleTimeout`); Hummingbird has no
/// header-read or body-read deadline and its connection limit
/// (`MaximumAvailableConnections`) stops accepting, which leaves the extra clients hanging in
/// the listen backlog, so those three are ``LimitedHTTP1Channel``'s.
public struct ServingLimits: Sendable, Hashable {
    /// How long a keep-alive connection may wait for its next request.
    public var idleTimeout: Duration
    /// How long a request's head (request line and headers) may take to arrive, from its
    /// first byte; past it the client gets 408 and the connection is closed.
    public var headerTimeout: Duration
    /// How long a request's body may take to arrive, from the end of its head; past it the
    /// client gets 408 and the connection is closed. A body trickled a byte at a time cannot
    /// hold a connection longer than this.
    public var bodyTimeout: Duration
    /// Connections served at once; one more is answered 503 (`Retry-After: 1`) and closed.
    public var maximumConnections: Int

    /// Defaults for a local mock or proxy: a minute idle, 10 s for a head, 30 s for a body,
    /// 1,024 connections (the file-descriptor limit here is 20,000).
    public init(idleTimeout: Duration = .seconds(60), headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30), maximumConnections: Int = 1024) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maximumConnections = maximumConnections
    }
}
