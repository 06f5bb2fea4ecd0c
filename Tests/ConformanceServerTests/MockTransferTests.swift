import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// Volume transfers on the mock, against EVS 8.2.2 and A.3 read by hand: offering a volume puts
/// it in `awaiting-transfer` ("云硬盘处于等待过户的过程中。"), only an `available` one may be
/// offered (8.2.2.4 接口约束; A.1 EVS.1031 "invalid resources status!"), withdrawing the offer
/// frees it, and accepting it with the offer's `auth_key` hands it over.
@Suite struct MockTransferTests {
    let v2 = "/v2/\(MockHarness.project)"
    let v3 = "/v3/\(MockHarness.project)"

    func availableVolume(_ mock: MockHarness) async throws -> String {
        let created = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes", body: #"{"volume": {"availability_zone": "az-1", "size": 10, "volume_type": "SAS"}}"#)
        let id = try #require(created.json?["volume_ids"]?.arrayValue?.first?.stringValue)
        _ = try await mock.poll("\(v2)/cloudvolumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "available" }
        return id
    }

    func status(_ mock: MockHarness, _ volume: String) -> String? {
        mock.send("GET", "\(v2)/cloudvolumes/\(volume)").json?["volume"]?["status"]?.stringValue
    }

    @Test("offer, refuse to extend or offer again, withdraw, offer and accept")
    func lifecycle() async throws {
        let mock = MockHarness()
        let volume = try await availableVolume(mock)
        let offer = #"{"transfer": {"name": "t", "volume_id": "\#(volume)"}}"#
        let created = mock.send("POST", "\(v3)/os-volume-transfer", body: offer)
        #expect(created.status == 202)
        let transfer = try #require(created.json?["transfer"]?["id"]?.stringValue)
        let key = try #require(created.json?["transfer"]?["auth_key"]?.stringValue)
        #expect(status(mock, volume) == "awaiting-transfer")
        #expect(mock.send("GET", "\(v3)/os-volume-transfer/\(transfer)").json?["transfer"]?["auth_key"] == nil, "the key is shown once")

        let extend = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes/\(volume)/action", body: #"{"os-extend": {"new_size": 20}}"#)
        #expect(extend.status == 400 && extend.json?["error"]?["code"]?.stringValue == "EVS.1064")
        let again = mock.send("POST", "\(v2)/os-volume-transfer", body: offer)
        #expect(again.status == 400 && again.json?["error"]?["code"]?.stringValue == "EVS.1031")

        #expect(mock.send("DELETE", "\(v3)/os-volume-transfer/\(transfer)").status == 202)
        #expect(status(mock, volume) == "available")

        let second = try #require(mock.send("POST", "\(v3)/os-volume-transfer", body: offer).json?["transfer"])
        let secondID = try #require(second["id"]?.stringValue)
        let wrong = mock.send("POST", "\(v3)/os-volume-transfer/\(secondID)/accept", body: #"{"accept": {"auth_key": "0000000000000000"}}"#)
        #expect(wrong.status == 400)
        let accepted = mock.send("POST", "\(v3)/os-volume-transfer/\(secondID)/accept", body: #"{"accept": {"auth_key": "\#(second["auth_key"]?.stringValue ?? key)"}}"#)
        #expect(accepted.status == 202)
        #expect(status(mock, volume) == "available")
        #expect(mock.send("GET", "\(v3)/os-volume-transfer").json?["transfers"]?.arrayValue?.isEmpty == true)
        #expect(mock.errors == [], "every exchange validates clean")
    }
}
