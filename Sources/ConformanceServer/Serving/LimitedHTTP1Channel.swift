import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// Hummingbird's HTTP/1 child channel with ``ServingLimits`` applied: the idle timeout through
/// Hummingbird's configuration, and the header and body deadlines and the connection limit
/// through a ``ConnectionGuard`` in front of the HTTP decoder.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let responder: HTTPChannelHandler.Responder
    let limits: ServingLimits
    let connections: ConnectionCount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = connections.open(limit: limits.maximumConnections)
        channel.closeFuture.whenComplete { [connections] _ in connections.close() }
        let guardian = ConnectionGuard(limits: limits, admitted: admitted)
        do {
            try channel.pipeline.syncOperations.addHandler(ConnectionGuard.Bytes(guardian))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let parts = NIOLoopBound(ConnectionGuard.Parts(guardian), eventLoop: channel.eventLoop)
        let http = HTTP1Channel(responder: responder, configuration: .init(additionalChannelHandlers: [parts.value], idleTimeout: .init(limits.idleTimeout)))
        return http.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await HTTP1Channel(responder: responder).handle(value: value, logger: logger)
    }
}

/// The number of open connections of one server.
final class ConnectionCount: Sendable {
    private let open = Atomic<Int>(0)

    /// Counts a new connection; false when it is one too many.
    func open(limit: Int) -> Bool {
        open.wrappingAdd(1, ordering: .relaxed).newValue <= limit
    }

    func close() {
        open.wrappingSubtract(1, ordering: .relaxed)
    }

    var current: Int { open.load(ordering: .relaxed) }
}

extension HTTPServerBuilder {
    /// HTTP/1 with ``ServingLimits`` (one connection count per server built).
    static func http1(limits: ServingLimits) -> HTTPServerBuilder {
        let connections = ConnectionCount()
        return HTTPServerBuilder { responder in
            LimitedHTTP1Channel(responder: responder, limits: limits, connections: connections)
        }
    }
}
