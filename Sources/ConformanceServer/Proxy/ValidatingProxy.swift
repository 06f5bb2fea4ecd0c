import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// The recording, validating proxy (DESIGN.md "conformance proxy"): listens on loopback,
/// forwards every request to the upstream (TLS through AsyncHTTPClient), validates each
/// exchange as it passes (`StatefulValidator`, so resource states are followed), reports it to
/// `onExchange`, and records it, redacted, as it happens (``ExchangeRecorder``).
///
/// - Hop-by-hop headers (``HopByHopHeaders``) are dropped both ways; `Host` becomes the
///   upstream's, so a client that signs `Host` must sign the upstream host (or use token auth).
/// - An upstream failure is answered 502 with one plain-text line that names the upstream and
///   the reason (``UpstreamFailure``: refused, timed out, reset, too large, TLS, name); it is
///   reported as ``ProxiedExchange/upstreamFailed(_:_:)``, not validated and not recorded.
/// - The connection pool and the deadlines are ``ProxyConfiguration/upstreamTimeouts``: slow
///   requests do not hold up others, and a body trickled slowly cannot hold one for ever.
public final class ValidatingProxy: Sendable {
    public let configuration: ProxyConfiguration
    let client: UpstreamClient
    let validator: StatefulValidator
    let onExchange: @Sendable (ProxiedExchange) -> Void
    let recorder: ExchangeRecorder?
    /// Why the recording could not be created; ``start()`` refuses to serve with it.
    public let recordingError: RecordingError?
    private let counter = Atomic<Int>(0)
    private let server = BackgroundServer(label: "conformance.proxy")

    public init(configuration: ProxyConfiguration, onExchange: @escaping @Sendable (ProxiedExchange) -> Void = { _ in }) {
        self.configuration = configuration
        self.onExchange = onExchange
        self.client = UpstreamClient(timeouts: configuration.upstreamTimeouts)
        self.validator = StatefulValidator(validator: Validator(options: ValidatorOptions(service: configuration.service)), tracker: StateTracker(machines: Rules.stateMachines))
        let recording = ExchangeRecorder.open(configuration.recordPath)
        recorder = recording.recorder
        recordingError = recording.error
    }

    /// The Hummingbird application, for callers that run it in their own service group.
    public func application(onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "conformance.proxy")
        logger.logLevel = .warning
        return Application(
            responder: ProxyResponder(proxy: self),
            server: .http1(limits: configuration.limits),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "conformance-proxy"),
            onServerRunning: onServerRunning,
            logger: logger
        )
    }

    /// Binds and serves until ``stop()``; returns `http://host:port`.
    public func start() async throws -> URL {
        if let recordingError { throw ProxyStartError(description: "cannot record to \(recordingError)") }
        do {
            return try await server.start(host: configuration.host) { application(onServerRunning: $0) }
        } catch is BackgroundServer.NotListening {
            throw ProxyStartError(description: "cannot serve on \(configuration.host):\(configuration.port): the server stopped before it was listening")
        }
    }

    /// Serves in the foreground until SIGINT or SIGTERM (graceful: in-flight requests
    /// complete); `onRunning` gets the bound port. Call ``stop()`` afterwards to flush.
    public func runUntilSignalled(onRunning: @escaping @Sendable (Int) -> Void) async throws {
        if let recordingError { throw ProxyStartError(description: "cannot record to \(recordingError)") }
        try await server.runUntilSignalled(application(onServerRunning: { channel in onRunning(channel.localAddress?.port ?? 0) }))
    }

    /// Stops serving, closes upstream connections and writes the rest of the recording.
    public func stop() async {
        await server.stop()
        await client.shutdown()
        recorder?.close()
    }

    /// How many exchanges were recorded, the last error writing the recording, and how many
    /// times a request waited for the recording's writer (``ExchangeRecorder/waits``).
    public var recordingStatus: (count: Int, error: String?, waits: Int) { (recorder?.count ?? 0, recorder?.lastError, recorder?.waits ?? 0) }

    /// The upstream URL for a request target (`/v2/p/volumes?x=1`): the upstream base, its
    /// path as a prefix, then the target.
    func upstreamURL(for target: String) -> String {
        var base = configuration.upstream.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + (target.hasPrefix("/") ? target : "/" + target)
    }

    /// Forwards one request and returns the answer for the client.
    func forward(method: String, target: String, headers: [Exchange.Header], body: [UInt8]?) async -> Exchange.Response {
        let request = Exchange.Request(method: method, url: upstreamURL(for: target), headers: HopByHopHeaders.forwardable(headers, dropAcceptEncoding: true), body: body)
        let started = Date()
        let response: Exchange.Response
        do {
            response = try await client.send(request)
        } catch {
            onExchange(.upstreamFailed(request, error))
            let text = "conformance proxy: \(method) \(Redaction.url(target)) got no answer from the upstream: \(error.reason)\n"
            return Exchange.Response(status: 502, headers: [Exchange.Header(name: "Content-Type", value: "text/plain; charset=utf-8")], body: Array(text.utf8))
        }
        let duration = Date().timeIntervalSince(started)
        let index = counter.wrappingAdd(1, ordering: .relaxed).oldValue
        // The recorded request is what went upstream; the client's own hop-by-hop headers are
        // no part of the contract.
        let exchange = Exchange(request: request, response: response, index: index, file: "proxy")
        let result = validator.validate(exchange)
        onExchange(.validated(exchange, result))
        recorder?.record(exchange, started: started, duration: duration)
        return response
    }

    /// Writes what the recording holds now.
    public func flushRecording() {
        recorder?.flush()
    }
}

/// Why ``ValidatingProxy/start()`` could not bind.
public struct ProxyStartError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
