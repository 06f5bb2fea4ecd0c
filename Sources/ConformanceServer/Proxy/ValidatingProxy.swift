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
/// `onExchange`, and records redacted HAR.
///
/// - Hop-by-hop headers (``HopByHopHeaders``) are dropped both ways; `Host` becomes the
///   upstream's, so a client that signs `Host` must sign the upstream host (or use token auth).
/// - An upstream failure (connection refused, TLS, timeout) is answered 502 with a plain-text
///   body that names the upstream and the error; it is reported as
///   ``ProxiedExchange/upstreamFailed(_:reason:)``, not validated and not recorded.
/// - The recording is rewritten atomically at most once a second while traffic flows, and
///   at ``stop()``.
public final class ValidatingProxy: Sendable {
    public let configuration: ProxyConfiguration
    let client: UpstreamClient
    let validator: StatefulValidator
    let onExchange: @Sendable (ProxiedExchange) -> Void
    private let state = Mutex(State())
    private let server = BackgroundServer(label: "conformance.proxy")

    private struct State {
        var recording = HARWriter()
        var index = 0
        var lastWrite = ContinuousClock.now
        var dirty = false
    }

    public init(configuration: ProxyConfiguration, onExchange: @escaping @Sendable (ProxiedExchange) -> Void = { _ in }) {
        self.configuration = configuration
        self.onExchange = onExchange
        self.client = UpstreamClient()
        self.validator = StatefulValidator(validator: Validator(options: ValidatorOptions(service: configuration.service)), tracker: StateTracker(machines: Rules.stateMachines))
    }

    /// The Hummingbird application, for callers that run it in their own service group.
    public func application(onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "conformance.proxy")
        logger.logLevel = .warning
        return Application(
            responder: ProxyResponder(proxy: self),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "conformance-proxy"),
            onServerRunning: onServerRunning,
            logger: logger
        )
    }

    /// Binds and serves until ``stop()``; returns `http://host:port`.
    public func start() async throws -> URL {
        do {
            return try await server.start(host: configuration.host) { application(onServerRunning: $0) }
        } catch is BackgroundServer.NotListening {
            throw ProxyStartError(description: "cannot serve on \(configuration.host):\(configuration.port): the server stopped before it was listening")
        }
    }

    /// Serves in the foreground until SIGINT or SIGTERM (graceful: in-flight requests
    /// complete); `onRunning` gets the bound port. Call ``stop()`` afterwards to flush.
    public func runUntilSignalled(onRunning: @escaping @Sendable (Int) -> Void) async throws {
        try await server.runUntilSignalled(application(onServerRunning: { channel in onRunning(channel.localAddress?.port ?? 0) }))
    }

    /// Stops serving, closes upstream connections and writes the recording.
    public func stop() async {
        await server.stop()
        await client.shutdown()
        flushRecording()
    }

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
            response = try await client.send(request, timeout: configuration.timeout)
        } catch {
            let reason = "\(error)"
            onExchange(.upstreamFailed(request, reason: reason))
            let text = "conformance proxy: the upstream \(configuration.upstream.absoluteString) did not answer \(method) \(Redaction.url(target)): \(reason)\n"
            return Exchange.Response(status: 502, headers: [Exchange.Header(name: "Content-Type", value: "text/plain; charset=utf-8")], body: Array(text.utf8))
        }
        let duration = Date().timeIntervalSince(started)
        let index = state.withLock { state -> Int in
            defer { state.index += 1 }
            return state.index
        }
        // The recorded request is what went upstream; the client's own hop-by-hop headers are
        // no part of the contract.
        let exchange = Exchange(request: request, response: response, index: index, file: "proxy")
        let result = validator.validate(exchange)
        onExchange(.validated(exchange, result))
        if configuration.recordPath != nil {
            let due = state.withLock { state -> Bool in
                state.recording.append(exchange, started: started, duration: duration)
                state.dirty = true
                return ContinuousClock.now - state.lastWrite >= .seconds(1)
            }
            if due { flushRecording() }
        }
        return response
    }

    /// Writes the recording now (atomically), if anything changed.
    public func flushRecording() {
        guard let path = configuration.recordPath else { return }
        let writer = state.withLock { state -> HARWriter? in
            guard state.dirty || state.recording.count == 0 else { return nil }
            state.dirty = false
            state.lastWrite = ContinuousClock.now
            return state.recording
        }
        guard let writer else { return }
        do {
            try writer.write(to: path)
        } catch {
            FileHandle.standardError.write(Data("conformance proxy: cannot write \(path): \(error.localizedDescription)\n".utf8))
        }
    }
}

/// Why ``ValidatingProxy/start()`` could not bind.
public struct ProxyStartError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
