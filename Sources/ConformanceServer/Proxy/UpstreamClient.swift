import AsyncHTTPClient
import ConformanceModel
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// Sends an `Exchange.Request` to a real endpoint (HTTP or HTTPS) with AsyncHTTPClient and
/// returns the whole response as an `Exchange.Response`; shared by the proxy and the verify
/// runner.
///
/// Redirects are not followed and bodies are not decompressed: the caller sees exactly what the
/// endpoint answered, which is what gets validated and recorded.
///
/// Three deadlines (``Timeouts``): connecting (AsyncHTTPClient's `timeout.connect`; a refused
/// connection fails at once instead of being retried until then), the response head
/// (AsyncHTTPClient's request deadline), and the whole response, body included (this type's
/// own: AsyncHTTPClient's deadline ends with the head, so a body trickled a byte a second
/// would otherwise hold the request for ever). The connection pool holds up to
/// ``Timeouts/maximumConnections`` connections per host (AsyncHTTPClient's soft limit, 8 by
/// default, which made unrelated requests wait behind slow ones).
public final class UpstreamClient: HTTPTransport {
    /// Responses larger than this are cut off with an error; the documented bodies are a few
    /// kilobytes, list responses a few megabytes at most.
    public static let maximumResponseSize = 32 << 20

    /// The client's deadlines and pool size.
    public struct Timeouts: Sendable, Hashable {
        /// Establishing a connection (TCP and TLS).
        public var connect: Duration
        /// From sending the request to the response head.
        public var request: Duration
        /// From sending the request to the end of the response body.
        public var response: Duration
        /// Connections kept per host; requests beyond it wait for one.
        public var maximumConnections: Int

        public init(connect: Duration = .seconds(5), request: Duration = .seconds(60), response: Duration = .seconds(120), maximumConnections: Int = 256) {
            self.connect = connect
            self.request = request
            self.response = max(response, request)
            self.maximumConnections = max(1, maximumConnections)
        }
    }

    public let timeouts: Timeouts
    private let client: HTTPClient
    private let closed = Atomic<Bool>(false)

    /// A client with its own connection pool; call ``shutdown()`` when done.
    public init(timeouts: Timeouts = Timeouts()) {
        self.timeouts = timeouts
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled)
        configuration.timeout.connect = TimeAmount(timeouts.connect)
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: timeouts.maximumConnections)
        // A refused or unreachable upstream is reported at once, not retried until the connect
        // timeout and then called a timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Sends `request` (its `url` must be absolute) within the client's deadlines; throws an
    /// ``UpstreamFailure``.
    public func send(_ request: Exchange.Request) async throws(UpstreamFailure) -> Exchange.Response {
        try await send(request, timeouts: timeouts)
    }

    /// Sends `request` and collects the response within `timeout` (head and body alike).
    public func send(_ request: Exchange.Request, timeout: Duration) async throws -> Exchange.Response {
        var limits = timeouts
        limits.request = timeout
        limits.response = timeout
        return try await send(request, timeouts: limits)
    }

    private func send(_ request: Exchange.Request, timeouts: Timeouts) async throws(UpstreamFailure) -> Exchange.Response {
        let host = Self.hostDescription(request.url)
        let head = HeadArrival()
        do {
            return try await withThrowingTaskGroup(of: Exchange.Response?.self) { group in
                group.addTask { try await self.exchange(request, headDeadline: timeouts.request, head: head) }
                // Both deadlines on this side too: AsyncHTTPClient's can pass unnoticed while the
                // request waits for a connection on a busy event loop.
                group.addTask {
                    try await Task.sleep(for: timeouts.request)
                    if !head.arrived.load(ordering: .acquiring) {
                        throw UpstreamFailure(.requestTimeout, "no response from \(host) within \(timeouts.request.secondsText)")
                    }
                    try await Task.sleep(for: timeouts.response - timeouts.request)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw UpstreamFailure(.responseTimeout, "the response from \(host) did not complete within \(timeouts.response.secondsText)")
                }
                return response
            }
        } catch {
            throw UpstreamFailure.classify(error, host: host, timeouts: timeouts)
        }
    }

    private func exchange(_ request: Exchange.Request, headDeadline: Duration, head: HeadArrival) async throws -> Exchange.Response {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body, !body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(outgoing, timeout: TimeAmount(headDeadline))
        head.arrived.store(true, ordering: .releasing)
        let buffer = try await response.body.collect(upTo: Self.maximumResponseSize)
        return Exchange.Response(
            status: Int(response.status.code),
            headers: response.headers.map { Exchange.Header(name: $0.name, value: $0.value) },
            body: buffer.readableBytes > 0 ? Array(buffer.readableBytesView) : nil
        )
    }

    /// `host:port` of a URL, for messages.
    static func hostDescription(_ url: String) -> String {
        guard let parsed = URL(string: url), let host = parsed.host else { return url }
        return parsed.port.map { "\(host):\($0)" } ?? host
    }

    /// Closes every connection.
    public func shutdown() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        try? await client.shutdown()
    }

    /// A client dropped without ``shutdown()`` (a caller that left on an error) shuts down in
    /// the background instead of stopping the process (AsyncHTTPClient traps on that).
    deinit {
        if !closed.exchange(true, ordering: .acquiringAndReleasing) {
            client.shutdown().whenComplete { _ in }
        }
    }
}

/// Whether a request's response head has arrived (the request deadline's own timer asks).
final class HeadArrival: Sendable {
    let arrived = Atomic<Bool>(false)
}
