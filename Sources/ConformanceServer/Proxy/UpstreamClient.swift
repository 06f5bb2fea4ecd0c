import AsyncHTTPClient
import ConformanceModel
import Foundation
import NIOCore
import NIOHTTP1

/// Sends an `Exchange.Request` to a real endpoint (HTTP or HTTPS) with AsyncHTTPClient and
/// returns the whole response as an `Exchange.Response`; shared by the proxy and the verify
/// runner.
///
/// Redirects are not followed and bodies are not decompressed: the caller sees exactly what the
/// endpoint answered, which is what gets validated and recorded.
public final class UpstreamClient: HTTPTransport {
    /// Responses larger than this are cut off with an error; the documented bodies are a few
    /// kilobytes, list responses a few megabytes at most.
    public static let maximumResponseSize = 32 << 20

    private let client: HTTPClient

    /// A client with its own connection pool; call ``shutdown()`` when done.
    public init(connectTimeout: Duration = .seconds(10)) {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, decompression: .disabled)
        configuration.timeout.connect = .milliseconds(Int64(connectTimeout.components.seconds * 1000 + connectTimeout.components.attoseconds / 1_000_000_000_000_000))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Sends `request` (its `url` must be absolute) and collects the response within `timeout`.
    public func send(_ request: Exchange.Request, timeout: Duration) async throws -> Exchange.Response {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body, !body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let amount = TimeAmount.milliseconds(Int64(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
        let response = try await client.execute(outgoing, timeout: amount)
        let buffer = try await response.body.collect(upTo: Self.maximumResponseSize)
        return Exchange.Response(
            status: Int(response.status.code),
            headers: response.headers.map { Exchange.Header(name: $0.name, value: $0.value) },
            body: buffer.readableBytes > 0 ? Array(buffer.readableBytesView) : nil
        )
    }

    /// Closes every connection.
    public func shutdown() async {
        try? await client.shutdown()
    }
}
