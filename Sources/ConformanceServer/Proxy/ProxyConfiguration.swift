import Foundation

/// What a ``ValidatingProxy`` forwards where, and what it does with the traffic.
public struct ProxyConfiguration: Sendable {
    /// The real endpoint (`https://evs.cn-north-4.myhuaweicloud.com`); a path in it is a prefix.
    public var upstream: URL
    /// Where to listen; the proxy is meant for loopback.
    public var host: String
    /// 0 picks an ephemeral port.
    public var port: Int
    /// Where to write the traffic, redacted: HAR, or JSONL for a `.jsonl` path; nil: no recording.
    public var recordPath: String?
    /// Route every exchange to this service only (`--service`); nil: any.
    public var service: String?
    /// The upstream deadlines (connect, response head, whole response) and connection pool size.
    public var upstreamTimeouts: UpstreamClient.Timeouts
    /// Timeouts and the connection limit toward the proxy's own clients.
    public var limits: ServingLimits

    public init(upstream: URL, host: String = "127.0.0.1", port: Int = 0, recordPath: String? = nil, service: String? = nil,
                upstreamTimeouts: UpstreamClient.Timeouts = UpstreamClient.Timeouts(), limits: ServingLimits = ServingLimits()) {
        self.upstream = upstream
        self.host = host
        self.port = port
        self.recordPath = recordPath
        self.service = service
        self.upstreamTimeouts = upstreamTimeouts
        self.limits = limits
    }
}
