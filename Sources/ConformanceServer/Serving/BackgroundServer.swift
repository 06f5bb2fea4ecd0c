import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A Hummingbird application run in the background in its own service group: started once,
/// asked for the port it bound, and stopped gracefully (in-flight requests complete). The mock
/// endpoint and the validating proxy both serve this way.
final class BackgroundServer: Sendable {
    private struct Running: Sendable {
        let group: ServiceGroup
        let task: Task<Void, any Error>
        let url: URL
    }

    /// Why a server could not be started: it stopped before it was listening.
    struct NotListening: Error {}

    private let label: String
    private let running = Mutex<Running?>(nil)

    /// `label` names the lifecycle logger (`conformance.mock`).
    init(label: String) {
        self.label = label
    }

    /// Starts the application `make` builds (given the callback that learns the bound port)
    /// and returns `http://host:port`; while it runs, returns the same URL. Throws the
    /// server's own error, or `NotListening` when it ended before it was listening.
    func start<App: ApplicationProtocol>(host: String, _ make: (@escaping @Sendable (any Channel) async -> Void) -> App) async throws -> URL {
        if let url = running.withLock({ $0?.url }) { return url }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = make { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }
        var logger = Logger(label: "\(label).lifecycle")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var port: Int?
        for await bound in ports { port = bound }
        guard let port, port > 0 else {
            // The server ended before it was running: its error says why, if it has one.
            _ = try await task.value
            throw NotListening()
        }
        let url = URL(string: "http://\(Self.urlHost(host)):\(port)")!
        running.withLock { $0 = Running(group: group, task: task, url: url) }
        return url
    }

    /// Serves the application in the foreground until SIGINT or SIGTERM.
    func runUntilSignalled<App: ApplicationProtocol>(_ app: App) async throws {
        var logger = Logger(label: "\(label).lifecycle")
        logger.logLevel = .warning
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// Stops a started server, waiting for in-flight requests; nothing when none runs.
    func stop() async {
        guard let current = running.withLock({ state -> Running? in
            defer { state = nil }
            return state
        }) else { return }
        await current.group.triggerGracefulShutdown()
        _ = try? await current.task.value
    }

    /// `host` as a URL writes it: IPv6 addresses in brackets.
    static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
