import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The mock and the proxy under slow and too many clients (``ServingLimits``), over real
/// sockets: half-sent heads and trickled bodies get 408, idle connections are closed, one
/// connection past the limit gets 503, broken chunked framing gets 400.
@Suite("Serving limits", .serialized)
struct ServingLimitsTests {
    static let limits = ServingLimits(idleTimeout: .milliseconds(600), headerTimeout: .milliseconds(500), bodyTimeout: .milliseconds(500), maximumConnections: 3)
    static let project = MockHarness.project

    /// A mock with short limits (or `limits`); `body` gets its port.
    func withMock(limits: ServingLimits = Self.limits, _ body: (Int) async throws -> Void) async throws {
        let mock = MockVendorEndpoint(configuration: MockConfiguration(limits: limits))
        let base = try await mock.start()
        do {
            try await body(base.port!)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }

    @Test func halfSentHeadGets408() async throws {
        try await withMock { port in
            let socket = try RawSocket(port: port)
            socket.send("GET /v2/\(Self.project)/cloudvolumes/detail HTTP/1.1\r\nHost: x\r\nX-Auth-Tok")
            let answer = await socket.answer()
            #expect(answer.text.hasPrefix("HTTP/1.1 408 Request Timeout"))
            #expect(answer.text.contains("the request head did not arrive within"))
            #expect(answer.closed)
        }
    }

    @Test func trickledBodyGets408() async throws {
        try await withMock { port in
            let socket = try RawSocket(port: port)
            socket.send("POST /v2.1/\(Self.project)/cloudvolumes HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"volume\":")
            var sent = true
            for _ in 0..<8 where sent {
                try await Task.sleep(for: .milliseconds(150))
                sent = socket.send(" ")
            }
            let answer = await socket.answer()
            #expect(answer.text.contains("HTTP/1.1 408 Request Timeout"), "\(answer.text)")
            #expect(answer.text.contains("the request body did not arrive within"))
            #expect(answer.closed)
        }
    }

    @Test func idleConnectionIsClosed() async throws {
        try await withMock { port in
            let socket = try RawSocket(port: port)
            // One request, then silence.
            socket.send("GET /v2/\(Self.project)/cloudvolumes/detail HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n")
            let answer = await socket.answer()
            #expect(answer.text.hasPrefix("HTTP/1.1 200"))
            #expect(answer.closed, "the idle keep-alive connection is closed by the server")
        }
    }

    @Test func connectionPastTheLimitGets503() async throws {
        try await withMock { port in
            let held = try (0..<3).map { _ in try RawSocket(port: port) }
            // The held connections are open (the server accepted them before the fourth).
            try await Task.sleep(for: .milliseconds(100))
            let extra = try RawSocket(port: port)
            extra.send("GET /v2/\(Self.project)/cloudvolumes/detail HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n")
            let answer = await extra.answer()
            #expect(answer.text.hasPrefix("HTTP/1.1 503 Service Unavailable"), "\(answer.text)")
            #expect(answer.text.contains("Retry-After: 1"))
            #expect(answer.closed)
            _ = held
        }
    }

    @Test func badChunkSizeGets400() async throws {
        try await withMock { port in
            let socket = try RawSocket(port: port)
            socket.send("POST /v2.1/\(Self.project)/cloudvolumes HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
            let answer = await socket.answer()
            #expect(answer.text.hasPrefix("HTTP/1.1 400"), "\(answer.text)")
        }
    }

    @Test func oversizedBodyStillGets413() async throws {
        // The default body deadline: 4 MiB must not race a half-second one.
        try await withMock(limits: ServingLimits()) { port in
            let socket = try RawSocket(port: port)
            socket.send("POST /v2.1/\(Self.project)/cloudvolumes HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nContent-Length: \(5 << 20)\r\n\r\n")
            socket.send(String(repeating: " ", count: (4 << 20) + 10))
            let answer = await socket.answer(until: "APIGW.0201")
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
        }
    }

    @Test func proxyAppliesTheSameLimits() async throws {
        let mock = MockVendorEndpoint()
        let upstream = try await mock.start()
        let proxy = ValidatingProxy(configuration: ProxyConfiguration(upstream: upstream, limits: Self.limits))
        let base = try await proxy.start()
        let socket = try RawSocket(port: base.port!)
        socket.send("GET /v2/\(Self.project)/cloudvolumes/detail HTTP/1.1\r\nHo")
        let answer = await socket.answer()
        await proxy.stop()
        await mock.stop()
        #expect(answer.text.hasPrefix("HTTP/1.1 408 Request Timeout"))
    }
}
