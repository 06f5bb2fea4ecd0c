import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Watches one connection on its event loop and ends it when the client is too slow or one
/// too many (``ServingLimits``).
///
/// Two handlers share it: ``Bytes`` first in the pipeline (it sees the first byte of each
/// request, and writes the guard's own answers straight to the socket) and ``Parts`` after
/// the HTTP decoder (it sees where a request's head and body end, and where its response ends).
///
/// - The head deadline starts at a request's first byte and ends at its head.
/// - The body deadline starts at the head and ends at the request's end.
/// - A connection past the limit is answered 503 at its first byte.
///
/// Each answer is written, the sending side shut, further input dropped, and the connection
/// closed a second later (closing at once with unread input would reset it, and the client
/// might never see the answer). The request being read fails with ``Timeout``, so a responder
/// waiting for its body stops.
final class ConnectionGuard {
    /// Where the connection is in its request cycle.
    enum Phase {
        /// Between requests.
        case idle
        /// A request's first bytes came; its head is not complete.
        case head
        /// The head came; the body is being read.
        case body
        /// The request is read; its response is being written.
        case responding
        /// The guard answered and is closing the connection.
        case ending
    }

    /// The error the request being read fails with when a deadline passes.
    struct Timeout: Error {}

    let limits: ServingLimits
    let admitted: Bool
    var phase = Phase.idle
    /// Bytes of a next request came while the current one was being answered.
    var pipelined = false
    /// The responder answered before the request's body was read (a 413): the rest of the
    /// body is still read (and timed), but the guard must not answer it again.
    var answeredEarly = false
    private var deadline: Scheduled<Void>?
    private var bytesContext: ChannelHandlerContext?
    private var partsContext: ChannelHandlerContext?

    init(limits: ServingLimits, admitted: Bool) {
        self.limits = limits
        self.admitted = admitted
    }

    // MARK: Events

    func bytesArrived() {
        switch phase {
        case .ending:
            return
        case .idle:
            guard admitted else {
                end(status: 503, reason: "Service Unavailable", text: "the server is at its limit of \(limits.maximumConnections) connections; retry shortly\n", retryAfter: true)
                return
            }
            phase = .head
            schedule(limits.headerTimeout, text: "the request head did not arrive within \(limits.headerTimeout.secondsText)\n")
        case .responding:
            pipelined = true
        case .head, .body:
            break
        }
    }

    func headArrived() {
        guard phase != .ending else { return }
        phase = .body
        schedule(limits.bodyTimeout, text: "the request body did not arrive within \(limits.bodyTimeout.secondsText)\n")
    }

    func requestEnded() {
        guard phase != .ending else { return }
        cancelDeadline()
        phase = .responding
        if answeredEarly {
            answeredEarly = false
            responseEnded()
        }
    }

    func responseEnded() {
        if phase == .head || phase == .body {
            answeredEarly = true
            return
        }
        guard phase == .responding else { return }
        if pipelined {
            pipelined = false
            phase = .head
            schedule(limits.headerTimeout, text: "the request head did not arrive within \(limits.headerTimeout.secondsText)\n")
        } else {
            phase = .idle
        }
    }

    // MARK: Deadlines and answers

    private func schedule(_ delay: Duration, text: String) {
        cancelDeadline()
        guard let context = bytesContext else { return }
        deadline = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .init(delay)) { [self] in
            deadline = nil
            end(status: 408, reason: "Request Timeout", text: text, retryAfter: false)
        }
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    /// Answers `status` with a plain-text body, shuts output, drops further input, closes a
    /// second later.
    private func end(status: Int, reason: String, text: String, retryAfter: Bool) {
        guard phase != .ending, let context = bytesContext else { return }
        let answered = (phase == .idle || phase == .head || phase == .body) && !answeredEarly
        phase = .ending
        cancelDeadline()
        if answered {
            var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(text.utf8.count)\r\nConnection: close\r\n"
            if retryAfter { head += "Retry-After: 1\r\n" }
            context.writeAndFlush(NIOAny(ByteBuffer(string: head + "\r\n" + text)), promise: nil)
        }
        context.close(mode: .output, promise: nil)
        partsContext?.fireErrorCaught(Timeout())
        let channel = context.channel
        context.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
    }


    // MARK: Handlers

    /// First in the pipeline: raw bytes.
    final class Bytes: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer
        let guardian: ConnectionGuard

        init(_ guardian: ConnectionGuard) {
            self.guardian = guardian
        }

        func handlerAdded(context: ChannelHandlerContext) {
            guardian.bytesContext = context
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            guardian.cancelDeadline()
            guardian.bytesContext = nil
            guardian.partsContext = nil
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guardian.bytesArrived()
            guard guardian.phase != .ending else { return }
            context.fireChannelRead(data)
        }

        func channelInactive(context: ChannelHandlerContext) {
            guardian.cancelDeadline()
            context.fireChannelInactive()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            // Errors after the guard ended the connection (a reset by the client) are expected.
            guard guardian.phase != .ending else { return }
            context.fireErrorCaught(error)
        }
    }

    /// After the HTTP decoder: request and response parts.
    final class Parts: ChannelDuplexHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPRequestPart
        typealias InboundOut = HTTPRequestPart
        typealias OutboundIn = HTTPResponsePart
        typealias OutboundOut = HTTPResponsePart
        let guardian: ConnectionGuard

        init(_ guardian: ConnectionGuard) {
            self.guardian = guardian
        }

        func handlerAdded(context: ChannelHandlerContext) {
            guardian.partsContext = context
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head: guardian.headArrived()
            case .body: break
            case .end: guardian.requestEnded()
            }
            context.fireChannelRead(data)
        }

        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            if case .end = unwrapOutboundIn(data) { guardian.responseEnded() }
            context.write(data, promise: promise)
        }
    }
}
