import ConformanceModel
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The embedded stateful mock vendor endpoint: serves every configured service on one port,
/// routed by path (DESIGN.md "conformance mock").
///
/// ```swift
/// let mock = MockVendorEndpoint(configuration: MockConfiguration(settleDelay: .milliseconds(50)))
/// let base = try await mock.start()          // http://127.0.0.1:PORT
/// defer { Task { await mock.stop() } }
/// ```
///
/// The behaviour lives in ``MockEngine`` (a plain request → response function, testable
/// without a socket); this type only binds a Hummingbird server to it, and flushes the
/// recording (if any) when it stops.
public final class MockVendorEndpoint: Sendable {
    /// The configuration it was made with.
    public let configuration: MockConfiguration
    /// The request → response behaviour, shared by every connection.
    public let engine: MockEngine
    private let server = BackgroundServer(label: "conformance.mock")

    /// A mock that is not yet listening; call ``start()``.
    public init(configuration: MockConfiguration = MockConfiguration()) {
        self.configuration = configuration
        self.engine = MockEngine(configuration: configuration)
    }

    /// The Hummingbird application serving ``engine``, for `app.test(.router)` / `.live` and for
    /// callers that run it in their own service group (the CLI does, for SIGINT/SIGTERM).
    public func application(onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "conformance.mock")
        logger.logLevel = .warning
        return Application(
            responder: MockResponder(engine: engine),
            server: .http1(limits: configuration.limits),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "conformance-mock"),
            onServerRunning: onServerRunning,
            logger: logger
        )
    }

    /// Binds the configured host and port and serves until ``stop()``; returns the bound base
    /// URL, `http://127.0.0.1:PORT`. Calling it while running returns the same URL.
    public func start() async throws -> URL {
        if let problem = engine.recordingError {
            throw MockStartError(host: configuration.host, port: configuration.port, reason: "cannot record to \(problem)")
        }
        do {
            return try await server.start(host: configuration.host) { application(onServerRunning: $0) }
        } catch is BackgroundServer.NotListening {
            throw MockStartError(host: configuration.host, port: configuration.port, reason: "the server stopped before it was listening")
        }
    }

    /// Serves in the foreground until SIGINT or SIGTERM (graceful shutdown by ServiceLifecycle:
    /// in-flight requests complete), then writes the recording. `onRunning` gets the bound URL.
    public func runUntilSignalled(onRunning: @escaping @Sendable (URL) -> Void = { _ in }) async throws {
        if let problem = engine.recordingError {
            throw MockStartError(host: configuration.host, port: configuration.port, reason: "cannot record to \(problem)")
        }
        let host = BackgroundServer.urlHost(configuration.host)
        let app = application(onServerRunning: { channel in
            onRunning(URL(string: "http://\(host):\(channel.localAddress?.port ?? 0)")!)
        })
        defer { engine.flushRecording() }
        try await server.runUntilSignalled(app)
    }

    /// Stops serving (graceful: in-flight requests complete) and writes the recording.
    public func stop() async {
        await server.stop()
        engine.flushRecording()
    }
}

/// Why ``MockVendorEndpoint/start()`` could not bind.
public struct MockStartError: Error, CustomStringConvertible, Sendable {
    public var host: String
    public var port: Int
    public var reason: String
    public var description: String { "cannot serve on \(host):\(port): \(reason)" }
}
