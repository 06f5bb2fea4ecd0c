import ConformanceTesting
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `ConformanceTesting` used as a dependent package uses it: only its public API and
/// Foundation's request types, the way the README's "Using it as a library" example does.
@Suite("ConformanceTesting as a dependent uses it")
struct ExpectConformingTests {
    static let base = "https://evs.cn-north-4.myhuaweicloud.com/v2/0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c"

    static func exchange(status: Int, body: String) throws -> (URLRequest, HTTPURLResponse, Data) {
        var request = URLRequest(url: try #require(URL(string: "\(base)/cloudvolumes/detail?limit=1")))
        request.setValue("token", forHTTPHeaderField: "X-Auth-Token")
        let response = try #require(HTTPURLResponse(url: request.url!, statusCode: status, httpVersion: "HTTP/1.1", headerFields: ["Content-Type": "application/json"]))
        return (request, response, Data(body.utf8))
    }

    @Test("a documented answer records no issue")
    func conforming() throws {
        let (request, response, data) = try Self.exchange(status: 200, body: #"{"count": 0, "volumes": []}"#)
        let result = expectConforming(request, response, data)
        #expect(result.operationID == "ListVolumes")
        #expect(result.findings.allSatisfy { $0.severity != .error })
    }

    @Test("a broken answer records one issue per error finding, naming the rule and the pointer")
    func broken() throws {
        let (request, response, data) = try Self.exchange(status: 200, body: #"{"count": "zero", "volumes": []}"#)
        withKnownIssue {
            _ = expectConforming(request, response, data)
        } matching: { issue in
            let text = String(describing: issue)
            return text.contains("response.body.type") && text.contains("/count")
        }
    }
}
