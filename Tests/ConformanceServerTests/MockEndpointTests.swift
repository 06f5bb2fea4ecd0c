import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The mock over real sockets: `start()`/`stop()` on an ephemeral port with a recording, and
/// Hummingbird's router test client. That the recorded exchange validates clean holds by
/// construction (the mock answers from the same specs); the point is the socket and redaction.
@Suite struct MockEndpointTests {
    @Test func liveSocketAndRedactedRecording() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mock-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("traffic.har").path
        defer { try? FileManager.default.removeItem(at: folder) }
        let mock = MockVendorEndpoint(configuration: MockConfiguration(recordPath: path))
        let base = try await mock.start()
        #expect(base.host == "127.0.0.1")
        #expect((base.port ?? 0) > 0)
        var request = URLRequest(url: base.appendingPathComponent("v2/\(MockHarness.project)/cloudvolumes/detail"))
        request.setValue("secret-token-value", forHTTPHeaderField: "X-Auth-Token")
        let (data, response) = try await URLSession.shared.data(for: request)
        await mock.stop()
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains(#""count":0"#))

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("secret-token-value"))
        let records = Array(try HARReader(path: path))
        #expect(records.count == 1)
        if case .exchange(let exchange) = records.first {
            #expect(exchange.request.headers.value(named: "X-Auth-Token") == Redaction.placeholder)
            #expect(Validator().validate(exchange).conforms)
        } else {
            Issue.record("the recording's entry did not read back")
        }
    }

    @Test func routerTestClient() async throws {
        let mock = MockVendorEndpoint()
        try await mock.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/tencent/disk/list", method: .post, body: ByteBuffer(string: #"{"TenantUuid": "t", "ClusterUuid": "c", "Region": "r"}"#))
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains(#""scode":0"#))
        }
    }
}
