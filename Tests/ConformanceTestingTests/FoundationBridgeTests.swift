import Conformance
import ConformanceModel
import ConformanceTesting
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("Validator with Foundation types")
struct FoundationBridgeTests {
    @Test("URLRequest + HTTPURLResponse + Data become an exchange and are validated")
    func validatesFoundationTypes() throws {
        let url = try #require(URL(string: "https://evs.example.com/v2/0a6fbea3a5b74ccba9e8f3a0a8b0fce5/volumes/6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11/action"))
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("MIIT-test-token", forHTTPHeaderField: "X-Auth-Token")
        request.httpBody = Data(#"{"os-extend": {"new_size": "big"}}"#.utf8)
        let response = try #require(HTTPURLResponse(url: url, statusCode: 202, httpVersion: "HTTP/1.1", headerFields: ["Content-Type": "application/json"]))

        let exchange = Exchange(request: request, response: response, data: Data())
        #expect(exchange.request.method == "POST")
        #expect(exchange.request.headers.value(named: "x-auth-token") == "MIIT-test-token")
        #expect(exchange.response?.status == 202)
        #expect(exchange.response?.body == nil)

        let result = Validator().validate(request, response: response, data: nil)
        #expect(result.operation?.id == "ExtendVolumeV2")
        #expect(result.findings.contains { $0.rule == Rule.requestBodyType && $0.pointer == "/os-extend/new_size" })
    }
}
