import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The mock behind EVS's Cinder-compatible routes (issue 22) and the gaps of issue 18 item 6:
/// one store behind every route family, the version documents without a token, types a create
/// accepts, 405 with `Allow`, the documented 400 for an action body that selects no variant,
/// `--token`, and the header formats. Expected values are read from the docs by hand (cited at
/// each check); the OpenStack clients themselves drive the mock in `SDKInteropTests`.
@Suite struct MockCinderTests {
    let v3 = "/v3/\(MockHarness.project)"
    let v2 = "/v2/\(MockHarness.project)"

    @Test func oneVolumeBehindEveryRouteFamily() async throws {
        let mock = MockHarness()
        // cinderclient's create: nulls for the optional fields it does not set.
        let created = mock.send("POST", "\(v3)/volumes", body: #"{"volume": {"size": 12, "name": "c", "volume_type": "SAS", "snapshot_id": null, "imageRef": null, "metadata": {}}}"#)
        #expect(created.status == 202)
        let volume = try #require(created.json?["volume"])
        let id = try #require(volume["id"]?.stringValue)
        #expect(volume["status"]?.stringValue == "creating")
        #expect(volume["size"]?.doubleValue == 12)
        #expect(created.result.findings.contains { $0.rule == Rule.requestBodyNullOptional && $0.severity == .warning && $0.pointer == "/volume/imageRef" })

        let available = try await mock.poll("\(v3)/volumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "available" }
        #expect(available?["volume"]?["volume_type"]?.stringValue == "SAS")
        // The same volume through Huawei's cloudvolumes, Cinder v2 and the lists.
        #expect(mock.send("GET", "\(v2)/cloudvolumes/\(id)").json?["volume"]?["size"]?.doubleValue == 12)
        #expect(mock.send("GET", "\(v2)/volumes/\(id)").json?["volume"]?["status"]?.stringValue == "available")
        #expect(mock.send("GET", "\(v3)/volumes").json?["volumes"]?.arrayValue?.map { $0["id"]?.stringValue } == [id])
        #expect(mock.send("GET", "\(v3)/volumes/detail").json?["volumes"]?.arrayValue?.first?["size"]?.doubleValue == 12)

        #expect(mock.send("PUT", "\(v3)/volumes/\(id)", body: #"{"volume": {"name": "renamed"}}"#).status == 200)
        #expect(mock.send("GET", "\(v2)/cloudvolumes/\(id)").json?["volume"]?["name"]?.stringValue == "renamed")
        #expect(mock.send("POST", "\(v3)/volumes/\(id)/metadata", body: #"{"metadata": {"k": "v"}}"#).json?["metadata"]?["k"]?.stringValue == "v")
        #expect(mock.send("GET", "\(v3)/volumes/\(id)/metadata/k").json?["meta"]?["k"]?.stringValue == "v")
        #expect(mock.send("GET", "\(v3)/volumes/\(id)").json?["volume"]?["metadata"]?["k"]?.stringValue == "v")

        #expect(mock.send("POST", "\(v3)/volumes/\(id)/action", body: #"{"os-extend": {"new_size": 20}}"#).status == 202)
        let grown = try await mock.poll("\(v3)/volumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "available" && $0?["volume"]?["size"]?.doubleValue == 20 }
        #expect(grown != nil)

        // attach → in-use → detach → available (v2 os-attach/os-detach, A.3).
        let server = "4a1bb9d2-0c3e-4b1e-8f44-3f1a5e6f7a8b"
        #expect(mock.send("POST", "\(v2)/volumes/\(id)/action", body: #"{"os-attach": {"instance_uuid": "\#(server)", "mountpoint": "/dev/vdb"}}"#).status == 202)
        let attached = try await mock.poll("\(v3)/volumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "in-use" }
        #expect(attached?["volume"]?["attachments"]?.arrayValue?.first?["server_id"]?.stringValue == server)
        #expect(mock.send("DELETE", "\(v3)/volumes/\(id)").json?["error"]?["code"]?.stringValue == "EVS.1046", "in use: not deletable")
        #expect(mock.send("POST", "\(v2)/volumes/\(id)/action", body: #"{"os-detach": {}}"#).status == 202)
        #expect(try await mock.poll("\(v3)/volumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "available" } != nil)

        // Python's spelling of the Boolean: a warning, read as false.
        let deleted = mock.send("DELETE", "\(v3)/volumes/\(id)?cascade=False")
        #expect(deleted.status == 202)
        #expect(deleted.result.findings.contains { $0.rule == Rule.requestParameterBooleanSpelling && $0.severity == .warning })
        // Gone: 404 with A.1's EVS.5404 on every route family.
        let gone = try await mock.poll("\(v3)/volumes/\(id)") { $0?["error"]?["code"]?.stringValue == "EVS.5404" }
        #expect(gone != nil)
        #expect(mock.send("GET", "\(v2)/cloudvolumes/\(id)").status == 404)
        #expect(mock.errors == [], "every exchange validates clean")
    }

    @Test func snapshotsOnV3() async throws {
        let mock = MockHarness()
        let id = try #require(mock.send("POST", "\(v3)/volumes", body: #"{"volume": {"size": 8, "volume_type": "SSD"}}"#).json?["volume"]?["id"]?.stringValue)
        _ = try await mock.poll("\(v3)/volumes/\(id)") { $0?["volume"]?["status"]?.stringValue == "available" }
        let created = mock.send("POST", "\(v3)/snapshots", body: #"{"snapshot": {"volume_id": "\#(id)", "name": "s", "description": null, "force": false, "metadata": {}}}"#)
        #expect(created.status == 202)
        let snapshot = try #require(created.json?["snapshot"]?["id"]?.stringValue)
        let shown = try await mock.poll("\(v3)/snapshots/\(snapshot)") { $0?["snapshot"]?["status"]?.stringValue == "available" }
        // 8.2.3.x types the Cinder snapshot's size as String; 8 from the volume.
        #expect(shown?["snapshot"]?["size"] == .string("8"))
        #expect(mock.send("GET", "\(v3)/snapshots/detail").json?["snapshots"]?.arrayValue?.map { $0["id"]?.stringValue } == [snapshot])
        #expect(mock.send("GET", "\(v2)/cloudsnapshots/\(snapshot)").json?["snapshot"]?["volume_id"]?.stringValue == id)
        #expect(mock.send("DELETE", "\(v3)/snapshots/\(snapshot)").status == 202)
        let gone = try await mock.poll("\(v3)/snapshots/\(snapshot)") { $0?["error"]?["code"]?.stringValue == "EVS.5404" }
        #expect(gone != nil, "a deleted snapshot reads 404")
        #expect(mock.errors == [], "every exchange validates clean")
    }

    @Test func versionDocumentsAndTypes() throws {
        let mock = MockHarness()
        // 5.1/8.2.5.2: no credential header is listed; 300 with v1.0, v2.0 and v3.0 (CURRENT, "3.0").
        let root = mock.send("GET", "/", headers: ["Host": "mock.test:9"])
        #expect(root.status == 300)
        let versions = try #require(root.json?["versions"]?.arrayValue)
        #expect(versions.map { $0["id"]?.stringValue } == ["v1.0", "v2.0", "v3.0"])
        #expect(versions.last?["version"]?.stringValue == "3.0")
        #expect(versions.last?["min_version"]?.stringValue == "3.0")
        #expect(versions.last?["links"]?.arrayValue?.contains { $0["href"]?.stringValue == "http://mock.test:9/v3" } == true)
        let v3Document = mock.send("GET", "/v3", headers: [:])
        #expect(v3Document.status == 200)
        #expect(v3Document.json?["versions"]?.arrayValue?.map { $0["id"]?.stringValue } == ["v3.0"])

        // 8.2.6: the types are the documented volume_type values, and a create accepts each.
        let types = mock.send("GET", "\(v3)/types").json?["volume_types"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(types == ["SATA", "SAS", "GPSSD", "SSD", "ESSD", "GPSSD2", "ESSD2"])
        #expect(!types.contains { $0.hasPrefix("golden") })
        let typeID = try #require(mock.send("GET", "\(v3)/types").json?["volume_types"]?.arrayValue?.first?["id"]?.stringValue)
        #expect(mock.send("GET", "\(v3)/types/\(typeID)").json?["volume_type"]?["name"]?.stringValue == "SATA")
        #expect(mock.send("POST", "\(v3)/volumes", body: #"{"volume": {"size": 1, "volume_type": "\#(types[0])"}}"#).status == 202)
        #expect(mock.errors == [], "every exchange validates clean")
    }

    @Test func methodsActionsTokensAndHeaderFormats() throws {
        let mock = MockHarness(MockConfiguration(token: "the-token", settleDelay: .milliseconds(30)))
        let auth = ["X-Auth-Token": "the-token"]
        // RFC 9110 15.5.6: 405 lists the documented methods of the path.
        let patch = mock.send("PATCH", "\(v3)/volumes/x", headers: auth)
        #expect(patch.status == 405)
        #expect(mock.exchanges.last?.response?.headers.value(named: "Allow") == "DELETE, GET, PUT")
        // An action body that selects no documented action: A.1 EVS.5400, not 404.
        let noAction = mock.send("POST", "\(v3)/volumes/x/action", body: #"{"os-nothing": {}}"#, headers: auth)
        #expect(noAction.status == 400)
        #expect(noAction.json?["error"]?["code"]?.stringValue == "EVS.5400")
        // --token: another token is refused, the configured one accepted.
        #expect(mock.send("GET", "\(v3)/types", headers: ["X-Auth-Token": "other"]).status == 401)
        #expect(mock.send("GET", "\(v3)/types", headers: auth).status == 200)
        // 6.1.1 X-Client-Token: "取值为36位的UUID格式字符串" → A.1 EVS.2218 "invalid X-Client-Token in header".
        let body = #"{"volume": {"availability_zone": "az-1", "size": 10, "volume_type": "SSD"}}"#
        let badToken = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes", body: body, headers: auth.merging(["X-Client-Token": "not-a-uuid"]) { $1 })
        #expect(badToken.status == 400)
        #expect(badToken.json?["error"]?["code"]?.stringValue == "EVS.2218")
        let goodToken = mock.send("POST", "/v2.1/\(MockHarness.project)/cloudvolumes", body: body, headers: auth.merging(["X-Client-Token": "0f8fad5b-d9cb-469f-a165-70867728950e"]) { $1 })
        #expect(goodToken.status == 202)
    }

    @Test func quotasCountTheStore() async throws {
        let mock = MockHarness()
        let ssd = try #require(mock.send("POST", "\(v3)/volumes", body: #"{"volume": {"size": 10, "volume_type": "SSD"}}"#).json?["volume"]?["id"]?.stringValue)
        mock.send("POST", "\(v3)/volumes", body: #"{"volume": {"size": 5, "volume_type": "SAS"}}"#)
        _ = try await mock.poll("\(v3)/volumes/\(ssd)") { $0?["volume"]?["status"]?.stringValue == "available" }
        mock.send("POST", "\(v3)/snapshots", body: #"{"snapshot": {"volume_id": "\#(ssd)"}}"#)
        let quotas = try #require(mock.send("GET", "\(v2)/os-quota-sets/\(MockHarness.project)?usage=True").json?["quota_set"])
        func used(_ name: String) -> Double? { quotas[name]?["in_use"]?.doubleValue }
        #expect(used("volumes") == 2 && used("gigabytes") == 15 && used("snapshots") == 1)
        #expect(used("volumes_SSD") == 1 && used("gigabytes_SAS") == 5 && used("snapshots_SSD") == 1 && used("volumes_SATA") == 0)
        #expect(quotas["volumes"]?["limit"]?.doubleValue == -1)
        #expect(mock.errors == [], "every exchange validates clean")
    }

    @Test func nullForARequiredFieldStaysAnError() {
        let mock = MockHarness()
        let answer = mock.send("POST", "\(v3)/volumes", body: #"{"volume": {"size": 1, "volume_type": null}}"#)
        #expect(answer.status == 400)
        #expect(answer.result.findings.contains { $0.rule == Rule.requestBodyType && $0.severity == .error && $0.pointer == "/volume/volume_type" })
    }
}
