import ConformanceModel
import ConformanceServer
import Foundation
import Synchronization

/// A transport that forwards to a real one and remembers every request, so a test can assert
/// on what the runner sent (and react to it, e.g. cancel the run after a create).
final class RecordingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let sent = Mutex<[Exchange.Request]>([])
    let onResponse: @Sendable (Exchange.Request, Exchange.Response) -> Void

    init(_ inner: any HTTPTransport, onResponse: @escaping @Sendable (Exchange.Request, Exchange.Response) -> Void = { _, _ in }) {
        self.inner = inner
        self.onResponse = onResponse
    }

    func send(_ request: Exchange.Request, timeout: Duration) async throws -> Exchange.Response {
        sent.withLock { $0.append(request) }
        let response = try await inner.send(request, timeout: timeout)
        onResponse(request, response)
        return response
    }

    var requests: [Exchange.Request] { sent.withLock { $0 } }
}

/// Starts an embedded mock with quick settling, runs `body` against it, and stops it.
func withMock<T>(faults: MockFaults = .none, record: String? = nil, _ body: (URL, UpstreamClient) async throws -> T) async throws -> T {
    let mock = MockVendorEndpoint(configuration: MockConfiguration(settleDelay: .milliseconds(30), faults: faults, recordPath: record))
    let url = try await mock.start()
    let client = UpstreamClient()
    do {
        let result = try await body(url, client)
        await client.shutdown()
        await mock.stop()
        return result
    } catch {
        await client.shutdown()
        await mock.stop()
        throw error
    }
}

/// A verify configuration for the embedded mock at `url`, owned by the test. Requests may take
/// up to 60 s: the tests assert outcomes, not latency, and in the full suite the CPU-bound
/// suites beside them can hold the in-process mock's threads past 10 s (a cleanup DELETE once
/// got no answer within 10 s there).
func mockConfiguration(_ url: URL, scenarios: [String] = [], owns: Bool = true, allowMutations: Bool = true) -> VerifyConfiguration {
    VerifyConfiguration(endpoint: url, ownsEndpoint: owns, scenarios: scenarios, allowMutations: allowMutations,
                        credentials: .accessKey(id: MockConfiguration.defaultAccessKey, secret: MockConfiguration.defaultSecretKey),
                        requestTimeout: .seconds(60), pollInterval: .milliseconds(20), waitTimeout: .seconds(5),
                        retry: RetryPolicy(attempts: 2, initialDelay: .milliseconds(10)))
}

/// Sends one signed EVS request to the mock outside any verify run (a resource "someone else"
/// owns), and returns the parsed JSON answer.
/// Its own requests wait as long as the runner's (see ``mockConfiguration(_:scenarios:owns:allowMutations:)``).
func evsRequest(_ client: UpstreamClient, _ base: URL, _ method: String, _ path: String, body: JSONValue? = nil) async throws -> (Int, JSONValue?) {
    var url = base.absoluteString
    while url.hasSuffix("/") { url.removeLast() }
    var headers = [Exchange.Header(name: "Accept", value: "application/json")]
    if body != nil { headers.append(Exchange.Header(name: "Content-Type", value: "application/json;charset=utf8")) }
    let request = Exchange.Request(method: method, url: url + path, headers: headers, body: body.map { Array($0.canonicalText.utf8) })
    let host = "\(base.host ?? "127.0.0.1"):\(base.port ?? 80)"
    let signed = Credentials.accessKey(id: MockConfiguration.defaultAccessKey, secret: MockConfiguration.defaultSecretKey).authorize(request, service: "huawei-evs", host: host)
    let response = try await client.send(signed, timeout: .seconds(60))
    return (response.status, response.body.flatMap { try? JSONValue.parse(bytes: $0) })
}
