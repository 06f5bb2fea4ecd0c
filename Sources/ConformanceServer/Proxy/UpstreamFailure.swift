import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Why an upstream request failed, in words a user can act on: refused, timed out (and which
/// deadline), reset, too large, TLS, name resolution. The proxy answers 502 with
/// ``description`` as plain text; it never shows a Swift error dump.
///
/// A struct around a private-ish kind (as AsyncHTTPClient's `HTTPClientError`), so that kinds
/// can be added without breaking callers that switch on ``kind``.
public struct UpstreamFailure: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// Nothing listens at the upstream's address.
        case refused
        /// No connection within the connect timeout.
        case connectTimeout
        /// No response head within the request timeout.
        case requestTimeout
        /// The response did not complete within the response deadline (a trickled body).
        case responseTimeout
        /// The connection was reset or closed before the response was complete.
        case reset
        /// The response body was larger than the proxy takes.
        case tooLarge
        /// The TLS handshake failed (certificate, protocol).
        case tls
        /// The upstream's host name does not resolve.
        case unresolvable
        /// Anything else (the text says what).
        case other
    }

    public var kind: Kind
    /// One sentence, without the upstream's name (the caller adds it).
    public var reason: String
    public var description: String { reason }

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// The failure an error of AsyncHTTPClient or SwiftNIO stands for.
    static func classify(_ error: any Error, host: String, timeouts: UpstreamClient.Timeouts) -> UpstreamFailure {
        if let failure = error as? UpstreamFailure { return failure }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout:
                return UpstreamFailure(.connectTimeout, "no connection to \(host) within \(timeouts.connect.secondsText)")
            case .getConnectionFromPoolTimeout:
                return UpstreamFailure(.connectTimeout, "no free connection to \(host) within \(timeouts.connect.secondsText) (all \(timeouts.maximumConnections) are busy)")
            case .deadlineExceeded, .readTimeout:
                return UpstreamFailure(.requestTimeout, "no response from \(host) within \(timeouts.request.secondsText)")
            case .remoteConnectionClosed:
                return UpstreamFailure(.reset, "\(host) closed the connection before the response was complete")
            case .cancelled:
                return UpstreamFailure(.responseTimeout, "the response from \(host) did not complete within \(timeouts.response.secondsText)")
            case .tlsHandshakeTimeout:
                return UpstreamFailure(.tls, "the TLS handshake with \(host) timed out")
            default:
                return UpstreamFailure(.other, "the request to \(host) failed (\(client.shortDescription))")
            }
        }
        if error is NIOTooManyBytesError {
            return UpstreamFailure(.tooLarge, "the response from \(host) is larger than \(UpstreamClient.maximumResponseSize >> 20) MiB")
        }
        if error is CancellationError {
            return UpstreamFailure(.responseTimeout, "the response from \(host) did not complete within \(timeouts.response.secondsText)")
        }
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil && connection.dnsAAAAError != nil && connection.connectionErrors.isEmpty {
                return UpstreamFailure(.unresolvable, "cannot resolve \(host)")
            }
            if let first = connection.connectionErrors.first?.error { return classify(first, host: host, timeouts: timeouts) }
            return UpstreamFailure(.unresolvable, "cannot resolve \(host)")
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return UpstreamFailure(.refused, "\(host) refused the connection (nothing listens there)")
            case ECONNRESET, EPIPE: return UpstreamFailure(.reset, "\(host) reset the connection")
            case ETIMEDOUT: return UpstreamFailure(.connectTimeout, "no connection to \(host) within \(timeouts.connect.secondsText)")
            case EHOSTUNREACH, ENETUNREACH: return UpstreamFailure(.refused, "\(host) is unreachable")
            default: return UpstreamFailure(.other, "the connection to \(host) failed (\(String(cString: strerror(io.errnoCode))))")
            }
        }
        if error is ChannelError {
            if case .connectTimeout = error as? ChannelError {
                return UpstreamFailure(.connectTimeout, "no connection to \(host) within \(timeouts.connect.secondsText)")
            }
            return UpstreamFailure(.reset, "the connection to \(host) failed (\(error))")
        }
        if error is NIOSSLError || error is BoringSSLError {
            return UpstreamFailure(.tls, "the TLS handshake with \(host) failed (\(error))")
        }
        if error is SocketAddressError {
            return UpstreamFailure(.unresolvable, "cannot resolve \(host)")
        }
        return UpstreamFailure(.other, "the request to \(host) failed (\(String(describing: type(of: error))))")
    }

}

extension HTTPClientError {
    /// The error's name (`remoteConnectionClosed`), without the type around it.
    var shortDescription: String {
        let text = String(describing: self)
        guard let open = text.firstIndex(of: "."), let close = text.lastIndex(of: ")") , open < close else { return text }
        return String(text[text.index(after: open)..<close])
    }
}
