import ConformanceModel

/// Something that sends one request and returns the whole response: ``UpstreamClient`` over the
/// network, or a stand-in in tests.
public protocol HTTPTransport: Sendable {
    /// Sends `request` (absolute `url`) and returns the response; throws on connection errors
    /// and timeouts.
    func send(_ request: Exchange.Request, timeout: Duration) async throws -> Exchange.Response
}
