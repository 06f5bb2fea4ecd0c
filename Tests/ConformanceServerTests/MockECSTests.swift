import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The mock's refusals on ECS 变更云服务器规格 (issue 18), read from the page by hand: `resize` is
/// 是 (请求 参数说明), so a request without a body or without `resize` is refused; the page's
/// only error shape is `{"error": {"message", "code"}}` (响应样例, printed without a status,
/// read under 400); it shows no API-gateway `{error_code, error_msg}` body. `validate` finds no
/// error in those answers.
@Suite struct MockECSTests {
    let resize = "/v1.1/\(MockHarness.project)/cloudservers/\(MockHarness.project)/resize"

    @Test func refusalsComeWithTheDocumentedStatusAndShape() throws {
        let mock = MockHarness(MockConfiguration(token: "the-token", settleDelay: .milliseconds(30)))
        let auth = ["X-Auth-Token": "the-token"]
        for body in [nil, #"{"other": {}}"#] {
            let refused = mock.send("POST", resize, body: body, headers: auth)
            #expect(refused.status == 400)
            #expect(refused.json?["error"]?["code"]?.stringValue != nil && refused.json?["error"]?["message"]?.stringValue != nil)
            #expect(!refused.result.findings.contains { $0.severity == .error && $0.location.rawValue.hasPrefix("response") }, "\(refused.result.findings)")
        }
        // A token the mock did not issue: the gateway's code in ECS's own envelope.
        let wrongToken = mock.send("POST", resize, body: #"{"resize": {"flavorRef": "2"}}"#, headers: ["X-Auth-Token": "other"])
        #expect(wrongToken.status == 401)
        #expect(wrongToken.json?["error"]?["code"]?.stringValue == "APIGW.0301")
        #expect(wrongToken.json?["error_code"] == nil)
        #expect(!wrongToken.result.findings.contains { $0.rule == Rule.responseErrorEnvelope })
        // A body the page allows, with null for an optional field (read as absent).
        let accepted = mock.send("POST", resize, body: #"{"resize": {"flavorRef": "2", "dedicated_host_id": null}}"#, headers: auth)
        #expect(accepted.status == 200)
        #expect(accepted.json?["job_id"]?.stringValue != nil)
    }
}
