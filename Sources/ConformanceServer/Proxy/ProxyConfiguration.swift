import Foundation

/// What a ``ValidatingProxy`` forwards where, and what it does with the traffic.
public struct ProxyConfiguration: Sendable {
    /// The real endpoint (`https://evs.cn-north-4.myhuaweicloud.com`); a path in it is a prefix.
    public var upstream: URL
    /// Where to listen; the proxy is meant for loopback.
    public var host: String
    /// 0 picks an ephemeral port.
    public var port: Int
    /// Where to write the traffic as redacted HAR; nil: no recording.
    public var recordPath: String?
    /// Route every exchange to this service only (`--service`); nil: any.
    public var service: String?
    /// Timeout of one upstream request.
    public var timeout: Duration

    public init(upstream: URL, host: String = "127.0.0.1", port: Int = 0, recordPath: String? = nil, service: String? = nil, timeout: Duration = .seconds(60)) {
        self.upstream = upstream
        self.host = host
        self.port = port
        self.recordPath = recordPath
        self.service = service
        self.timeout = timeout
    }
}
