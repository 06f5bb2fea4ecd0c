import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The EVS volume life cycle against the mock, every exchange validated by `StatefulValidator`.
///
/// The "no error finding" checks here pass partly by construction (the mock answers goldens
/// synthesized from the same specs and refuses requests with the same `Validator`); what these
/// tests add is the mock's behaviour: states, errors, sizes. The mock is checked against
/// something else by `SDKInteropTests` (the vendors' SDKs).
@Suite struct MockVolumeLifecycleTests {
    let base = "/v2/\(MockHarness.project)"

    @Test func createPollExtendShrinkDelete() async throws {
        let mock = MockHarness()
        let created = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes",
                                body: #"{"volume": {"availability_zone": "az-1", "size": 10, "volume_type": "SSD", "name": "data"}}"#)
        #expect(created.status == 202)
        let id = try #require(created.json?["volume_ids"]?.arrayValue?.first?.stringValue)
        let job = try #require(created.json?["job_id"]?.stringValue)

        let first = mock.send("GET", "\(base)/cloudvolumes/\(id)")
        #expect(first.json?["volume"]?["status"]?.stringValue == "creating")
        let available = try await mock.poll("\(base)/cloudvolumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "available" }
        #expect(available?["volume"]?["size"]?.doubleValue == 10)
        #expect(mock.send("GET", "/v1/\(MockHarness.project)/jobs/\(job)").json?["status"]?.stringValue == "SUCCESS")

        let listed = mock.send("GET", "\(base)/cloudvolumes/detail")
        #expect(listed.json?["count"]?.doubleValue == 1)
        #expect(listed.json?["volumes"]?.arrayValue?.first?["id"]?.stringValue == id)

        let extended = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes/\(id)/action", body: #"{"os-extend": {"new_size": 20}}"#)
        #expect(extended.status == 202)
        let grown = try await mock.poll("\(base)/cloudvolumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "available" }
        #expect(grown?["volume"]?["size"]?.doubleValue == 20)

        let smaller = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes/\(id)/action", body: #"{"os-extend": {"new_size": 15}}"#)
        #expect(smaller.status == 400)
        #expect(smaller.json?["error"]?["code"]?.stringValue == "EVS.1015")
        #expect(smaller.result.errorCode == "EVS.1015")

        let deleted = mock.send("DELETE", "\(base)/cloudvolumes/\(id)")
        #expect(deleted.status == 200)
        #expect(deleted.json?["job_id"]?.stringValue != nil)
        let gone = try await mock.poll("\(base)/cloudvolumes/\(id)") { $0?["error"]?["code"]?.stringValue == "EVS.5404" }
        #expect(gone != nil)

        #expect(mock.errors == [], "every exchange validates clean")
    }

    @Test func extendWhileCreatingAnswersTheDocumentedError() throws {
        let mock = MockHarness(MockConfiguration(settleDelay: .seconds(60)))
        let created = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes",
                                body: #"{"volume": {"availability_zone": "az-1", "size": 10, "volume_type": "SAS"}}"#)
        let id = try #require(created.json?["volume_ids"]?.arrayValue?.first?.stringValue)
        mock.send("GET", "\(base)/cloudvolumes/\(id)")
        let extend = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes/\(id)/action", body: #"{"os-extend": {"new_size": 20}}"#)
        #expect(extend.status == 400)
        #expect(extend.json?["error"]?["code"]?.stringValue == "EVS.1064")
        let delete = mock.send("DELETE", "\(base)/cloudvolumes/\(id)")
        #expect(delete.json?["error"]?["code"]?.stringValue == "EVS.1046")
        #expect(mock.errors == [])
    }

    /// A.1: a broken `size` gets EVS.1010 "invalid volume size!", a body that is not JSON EVS.5400.
    @Test func requestsThatBreakTheSpecGetTheDocumentedCode() {
        let mock = MockHarness()
        let wrongType = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes",
                                  body: #"{"volume": {"availability_zone": "az-1", "size": "ten", "volume_type": "SSD"}}"#)
        #expect(wrongType.status == 400)
        #expect(wrongType.json?["error"]?["code"]?.stringValue == "EVS.1010")
        #expect(wrongType.json?["error"]?["message"]?.stringValue?.contains("/volume/size") == true)
        let garbage = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes", body: "{not json")
        #expect(garbage.status == 400)
        #expect(garbage.json?["error"]?["code"]?.stringValue == "EVS.5400")
        let unknown = mock.send("GET", "/v9/nowhere")
        #expect(unknown.status == 404)
        #expect(unknown.json?["error_code"]?.stringValue == "APIGW.0101")
        let noToken = mock.send("GET", "\(base)/cloudvolumes/detail", headers: [:])
        #expect(noToken.status == 401)
        #expect(noToken.json?["error"]?["code"]?.stringValue == "EVS.5401")
        // The responses themselves conform; only the requests carry findings.
        let responseErrors = mock.results.flatMap(\.findings).filter { $0.severity == .error && $0.location.rawValue.hasPrefix("response.") }
        #expect(responseErrors.isEmpty, "\(responseErrors.map(\.message))")
    }

    @Test func undescribedOperationsAnswerSynthesizedConformingBodies() {
        let mock = MockHarness()
        mock.send("GET", "\(base)/os-quota-sets/\(MockHarness.project)?usage=true")
        mock.send("GET", "\(base)/cloudvolumes/tags")
        mock.send("GET", "/v2/\(MockHarness.project)/cloudsnapshots/detail")
        #expect(mock.results.allSatisfy { ($0.status ?? 0) < 300 })
        #expect(mock.errors == [])
    }
}
