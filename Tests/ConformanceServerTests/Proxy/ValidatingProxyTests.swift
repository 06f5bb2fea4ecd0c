import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Synchronization
import Testing

/// The validating proxy in front of the embedded mock: forwards, validates each exchange,
/// records HAR without secrets, and answers 502 when the upstream is down.
@Suite("ValidatingProxy")
struct ValidatingProxyTests {
    static let token = "MIIZsecret-token-value-0123456789abcdef"

    /// "Validates clean" passes by construction here (the upstream is the mock, built from the
    /// same specs); what this test checks is the forwarding, the hop-by-hop headers and the
    /// redacted recording. `MisbehavingUpstreamTests` shows the proxy non-conforming answers.
    @Test("forwards to the upstream, validates every exchange and records HAR with no secret")
    func forwardsValidatesRecords() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let har = folder.appendingPathComponent("traffic.har").path
        let mock = MockVendorEndpoint(configuration: MockConfiguration(settleDelay: .milliseconds(20)))
        let upstream = try await mock.start()
        let events = Mutex<[ProxiedExchange]>([])
        let proxy = ValidatingProxy(configuration: ProxyConfiguration(upstream: upstream, recordPath: har)) { event in
            events.withLock { $0.append(event) }
        }
        let base = try await proxy.start()
        let client = UpstreamClient()
        let project = VerifyConfiguration.defaultProjectID
        let headers = [Exchange.Header(name: "X-Auth-Token", value: Self.token), Exchange.Header(name: "Content-Type", value: "application/json;charset=utf8"),
                       Exchange.Header(name: "Connection", value: "keep-alive, X-Drop-Me"), Exchange.Header(name: "X-Drop-Me", value: "1")]
        let create = try await client.send(Exchange.Request(method: "POST", url: base.absoluteString + "/v2.1/\(project)/cloudvolumes", headers: headers,
                                                            body: Array(#"{"volume":{"name":"via-proxy","availability_zone":"az-1","size":10,"volume_type":"SATA"}}"#.utf8)), timeout: .seconds(60))
        #expect(create.status == 202)
        let list = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/v2/\(project)/cloudvolumes/detail?limit=5", headers: headers), timeout: .seconds(60))
        #expect(list.status == 200)
        await client.shutdown()
        await proxy.stop()
        await mock.stop()

        let seen = events.withLock { $0 }
        #expect(seen.count == 2)
        for event in seen {
            guard case .validated(let exchange, let result) = event else {
                Issue.record("unexpected \(event)")
                continue
            }
            #expect(result.operation != nil)
            #expect(result.conforms, "\(result.findings.map(\.message))")
            #expect(exchange.request.url.hasPrefix(upstream.absoluteString))
            #expect(exchange.request.headers.value(named: "X-Drop-Me") == nil, "headers named in Connection are hop-by-hop")
        }
        let text = try String(contentsOfFile: har, encoding: .utf8)
        #expect(!text.contains(Self.token))
        #expect(text.contains(Redaction.placeholder))
        // The recording reads back and validates clean.
        var count = 0
        for record in try TrafficInput(path: har) {
            guard case .exchange(let exchange) = record else {
                Issue.record("unreadable entry in \(har)")
                continue
            }
            count += 1
            #expect(Validator().validate(exchange).conforms)
        }
        #expect(count == 2)
    }

    @Test("an unreachable upstream gets 502 with a clear body and no validation")
    func upstreamDown() async throws {
        // A port bound but not listening: refused, and no other test can take it meanwhile.
        let closed = ClosedPort()
        let gone = closed.url
        let events = Mutex<[ProxiedExchange]>([])
        let proxy = ValidatingProxy(configuration: ProxyConfiguration(upstream: gone, upstreamTimeouts: UpstreamClient.Timeouts(connect: .seconds(5)))) { event in
            events.withLock { $0.append(event) }
        }
        let base = try await proxy.start()
        let client = UpstreamClient()
        let response = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/v2/p/cloudvolumes/detail"), timeout: .seconds(60))
        await client.shutdown()
        await proxy.stop()
        #expect(response.status == 502)
        let body = String(decoding: response.body ?? [], as: UTF8.self)
        #expect(body.contains("GET /v2/p/cloudvolumes/detail got no answer from the upstream: 127.0.0.1:\(gone.port!) refused the connection"), "\(body)")
        let seen = events.withLock { $0 }
        #expect(seen.count == 1)
        if case .upstreamFailed = seen.first {} else { Issue.record("expected an upstream failure, got \(seen)") }
        _ = closed
    }

    @Test("hop-by-hop headers and those named in Connection are dropped")
    func hopByHop() {
        let headers = [Exchange.Header(name: "Connection", value: "close, X-Private"), Exchange.Header(name: "X-Private", value: "1"),
                       Exchange.Header(name: "Transfer-Encoding", value: "chunked"), Exchange.Header(name: "Host", value: "a"),
                       Exchange.Header(name: "Accept-Encoding", value: "gzip"), Exchange.Header(name: "X-Auth-Token", value: "t")]
        #expect(HopByHopHeaders.forwardable(headers, dropAcceptEncoding: true).map(\.name) == ["X-Auth-Token"])
        #expect(HopByHopHeaders.forwardable(headers).map(\.name) == ["Accept-Encoding", "X-Auth-Token"])
    }
}
