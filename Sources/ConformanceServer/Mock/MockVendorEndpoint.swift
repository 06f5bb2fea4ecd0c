import ConformanceModel
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

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
    private let running = Mutex<Running?>(nil)

    private struct Running: Sendable {
        let group: ServiceGroup
        let task: Task<Void, any Error>
        let url: URL
    }

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
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "conformance-mock"),
            onServerRunning: onServerRunning,
            logger: logger
        )
    }

    /// Binds the configured host and port and serves until ``stop()``; returns the bound base
    /// URL, `http://127.0.0.1:PORT`. Calling it while running returns the same URL.
    public func start() async throws -> URL {
        if let url = running.withLock({ $0?.url }) { return url }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = application(onServerRunning: { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        })
        var logger = Logger(label: "conformance.mock.lifecycle")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var port: Int?
        for await bound in ports { port = bound }
        guard let port, port > 0 else {
            // The server ended before it was running: report why.
            _ = try await task.value
            throw MockStartError(host: configuration.host, port: configuration.port, reason: "the server stopped before it was listening")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let url = URL(string: "http://\(host):\(port)")!
        running.withLock { $0 = Running(group: group, task: task, url: url) }
        return url
    }

    /// Serves in the foreground until SIGINT or SIGTERM (graceful shutdown by ServiceLifecycle:
    /// in-flight requests complete), then writes the recording. `onRunning` gets the bound URL.
    public func runUntilSignalled(onRunning: @escaping @Sendable (URL) -> Void = { _ in }) async throws {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let app = application(onServerRunning: { channel in
            onRunning(URL(string: "http://\(host):\(channel.localAddress?.port ?? 0)")!)
        })
        var logger = Logger(label: "conformance.mock.lifecycle")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        defer { engine.flushRecording() }
        try await group.run()
    }

    /// Stops serving (graceful: in-flight requests complete) and writes the recording.
    public func stop() async {
        guard let current = running.withLock({ state -> Running? in
            defer { state = nil }
            return state
        }) else {
            engine.flushRecording()
            return
        }
        await current.group.triggerGracefulShutdown()
        _ = try? await current.task.value
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
