import ConformanceModel
import ConformanceServer
import Foundation
import Synchronization
import Testing

/// The proxy against upstreams that misbehave (``ScriptedUpstream``): each failure gets the
/// client a 502 with its own plain-text reason, a refused connection fails at once, a slow
/// request does not hold up a fast one, and a trickled body is cut off by the response
/// deadline.
@Suite("Upstream failures", .serialized)
struct UpstreamFailureTests {
    static let okay = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"

    /// A proxy in front of `upstream`; `body` gets its base URL and a client.
    func withProxy(_ upstream: URL, timeouts: UpstreamClient.Timeouts = UpstreamClient.Timeouts(), _ body: (URL, UpstreamClient) async throws -> Void) async throws {
        let proxy = ValidatingProxy(configuration: ProxyConfiguration(upstream: upstream, upstreamTimeouts: timeouts))
        let base = try await proxy.start()
        let client = UpstreamClient()
        do {
            try await body(base, client)
        } catch {
            await client.shutdown()
            await proxy.stop()
            throw error
        }
        await client.shutdown()
        await proxy.stop()
    }

    func text(_ response: Exchange.Response) -> String { String(decoding: response.body ?? [], as: UTF8.self) }

    @Test func refusedConnectionFailsAtOnceAndSaysSo() async throws {
        let gone = ClosedPort()
        try await withProxy(gone.url, timeouts: UpstreamClient.Timeouts(connect: .seconds(10))) { base, client in
            let response = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/v2/p/cloudvolumes/detail"), timeout: .seconds(60))
            #expect(response.status == 502)
            // Retried until the connect timeout, it would be reported as "no connection within 10 s".
            #expect(text(response).contains("refused the connection"), "\(text(response))")
            #expect(response.headers.value(named: "Content-Type")?.hasPrefix("text/plain") == true)
        }
        _ = gone
    }

    @Test func resetConnectionIsReported() async throws {
        let upstream = try ScriptedUpstream { _ in [.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"par"), .reset] }
        defer { upstream.stop() }
        try await withProxy(upstream.url) { base, client in
            let response = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/v2/p/cloudvolumes/detail"), timeout: .seconds(30))
            #expect(response.status == 502)
            #expect(text(response).contains("reset the connection") || text(response).contains("closed the connection"), "\(text(response))")
        }
    }

    @Test func noResponseHeadWithinTheRequestTimeout() async throws {
        let upstream = try ScriptedUpstream { _ in [.sleep(3), .send(Self.okay)] }
        defer { upstream.stop() }
        try await withProxy(upstream.url, timeouts: UpstreamClient.Timeouts(request: .milliseconds(500), response: .seconds(5))) { base, client in
            let response = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/slow"), timeout: .seconds(30))
            #expect(response.status == 502)
            #expect(text(response).contains("no response from 127.0.0.1:\(upstream.port) within 0.5 s"), "\(text(response))")
        }
    }

    @Test func trickledBodyIsCutOffByTheResponseDeadline() async throws {
        let upstream = try ScriptedUpstream { _ in
            [.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n")] + Array(repeating: [.send(" "), .sleep(0.25)], count: 40).flatMap { $0 }
        }
        defer { upstream.stop() }
        try await withProxy(upstream.url, timeouts: UpstreamClient.Timeouts(request: .seconds(1), response: .seconds(2))) { base, client in
            let response = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/trickle"), timeout: .seconds(60))
            #expect(response.status == 502)
            #expect(text(response).contains("did not complete within 2 s"), "\(text(response))")
        }
    }

    @Test func tooLargeResponseIsReported() async throws {
        let size = UpstreamClient.maximumResponseSize + 1024
        let upstream = try ScriptedUpstream { _ in [.send("HTTP/1.1 200 OK\r\nContent-Length: \(size)\r\n\r\n" + String(repeating: "x", count: size))] }
        defer { upstream.stop() }
        try await withProxy(upstream.url) { base, client in
            let response = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/big"), timeout: .seconds(60))
            #expect(response.status == 502)
            #expect(text(response).contains("larger than 32 MiB"), "\(text(response))")
        }
    }

    /// Twenty requests the upstream answers after 3 s are in flight; a fast one still gets
    /// through at once, before any of them (the old pool of 8 made it wait for a connection).
    @Test func slowRequestsDoNotHoldUpAFastOne() async throws {
        let upstream = try ScriptedUpstream { path in path == "/slow" ? [.sleep(3), .send(Self.okay)] : [.send(Self.okay)] }
        defer { upstream.stop() }
        try await withProxy(upstream.url) { base, client in
            let finishedSlow = Reasons()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let response = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/slow"), timeout: .seconds(30))
                        #expect(response.status == 200)
                        finishedSlow.add("slow")
                    }
                }
                try await Task.sleep(for: .milliseconds(500))
                let fast = try await client.send(Exchange.Request(method: "GET", url: base.absoluteString + "/fast"), timeout: .seconds(30))
                #expect(fast.status == 200)
                #expect(finishedSlow.count == 0, "the fast request finished while the slow ones were still in flight")
                try await group.waitForAll()
            }
        }
    }
}
