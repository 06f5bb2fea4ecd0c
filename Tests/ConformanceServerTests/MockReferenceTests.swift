import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The mock's referential integrity, `marker` paging and idempotency tokens, checked against
/// what the EVS docs say (read by hand): A.1 `EVS.5404 "Resource(Volume, Snapshot, Backup .etc)
/// could not be found."` (404), 6.1.3 `marker` "通过云硬盘ID进行分页查询", 6.1.1 `X-Client-Token`
/// "携带相同幂等标识的多个请求 … 会返回相同的响应体。" and A.1 `EVS.2219 "url/project id/body
/// conflict with X-Client-Token"` (400).
@Suite struct MockReferenceTests {
    let v21 = "/v2.1/\(MockHarness.project)"
    let v2 = "/v2/\(MockHarness.project)"
    static let unknown = "6d6f636b-0000-4000-8000-0000deadbeef"

    func volume(_ mock: MockHarness, headers: [String: String] = [:], name: String = "data") throws -> (status: Int, json: JSONValue?) {
        let sent = mock.send("POST", "\(v21)/cloudvolumes", body: #"{"volume": {"availability_zone": "az-1", "size": 10, "volume_type": "SAS", "name": "\#(name)"}}"#,
                             headers: ["X-Auth-Token": "test-token"].merging(headers) { $1 })
        return (sent.status, sent.json)
    }

    @Test("an id in the body that names no volume or snapshot of the project is answered 404 EVS.5404, on modelled and synthesized routes")
    func unknownReferences() {
        let mock = MockHarness()
        for (path, body) in [("\(v2)/cloudsnapshots", #"{"snapshot": {"volume_id": "\#(Self.unknown)"}}"#),
                             ("\(v21)/cloudvolumes", #"{"volume": {"availability_zone": "az-1", "size": 10, "volume_type": "SAS", "snapshot_id": "\#(Self.unknown)"}}"#),
                             ("/v3/\(MockHarness.project)/os-volume-transfer", #"{"transfer": {"volume_id": "\#(Self.unknown)", "name": "t"}}"#)] {
            let answer = mock.send("POST", path, body: body)
            #expect(answer.status == 404, "\(path)")
            #expect(answer.json?["error"]?["code"]?.stringValue == "EVS.5404", "\(path)")
        }
        #expect(mock.errors == [], "every refusal is a documented answer")
    }

    @Test("marker starts the page after the volume it names; an unknown marker is answered 404")
    func markerPaging() async throws {
        let mock = MockHarness()
        var ids: [String] = []
        for index in 0..<3 {
            let created = try volume(mock, name: "v\(index)")
            ids.append(try #require(created.json?["volume_ids"]?.arrayValue?.first?.stringValue))
        }
        let all = mock.send("GET", "\(v2)/cloudvolumes/detail").json?["volumes"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(Set(all) == Set(ids))
        let after = mock.send("GET", "\(v2)/cloudvolumes/detail?marker=\(all[0])&limit=1")
        #expect(after.json?["volumes"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [all[1]])
        let unknown = mock.send("GET", "\(v2)/cloudvolumes/detail?marker=\(Self.unknown)")
        #expect(unknown.status == 404)
        #expect(unknown.json?["error"]?["code"]?.stringValue == "EVS.5404")
    }

    @Test("a repeated X-Client-Token gets the first answer and creates nothing; with another body it is refused with EVS.2219")
    func idempotencyToken() throws {
        let mock = MockHarness()
        let token = ["X-Client-Token": "636f6e66-6f72-4d00-8000-000012345678"]
        let first = try volume(mock, headers: token)
        let again = try volume(mock, headers: token)
        #expect(first.status == 202 && again.status == 202)
        #expect(again.json == first.json)
        #expect(mock.send("GET", "\(v2)/cloudvolumes/detail").json?["count"]?.doubleValue == 1)
        // The same request written with other spacing and member order is the same request.
        let respaced = mock.send("POST", "\(v21)/cloudvolumes", body: #"{ "volume" : { "name": "data", "volume_type": "SAS", "size": 10, "availability_zone": "az-1" } }"#,
                                 headers: ["X-Auth-Token": "test-token"].merging(token) { $1 })
        #expect(respaced.status == 202 && respaced.json == first.json)
        let other = try volume(mock, headers: token, name: "another")
        #expect(other.status == 400)
        #expect(other.json?["error"]?["code"]?.stringValue == "EVS.2219")
        #expect(mock.errors == [])
    }
}
