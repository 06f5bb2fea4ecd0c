import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The Tencent gateway's endpoints and Baidu's renewal answer conforming bodies.
@Suite struct MockGatewayTests {
    let common = #""TenantUuid": "system", "ClusterUuid": "72db4b34-1473-418f-ade4-de00b956f16b", "Region": "ap-guangzhou""#

    @Test func tencentDiskLifecycle() throws {
        let mock = MockHarness()
        let created = mock.send("POST", "/v1/tencent/disk/create", body: #"{"DiskType": "CLOUD_PREMIUM", "DiskChargeType": "POSTPAID_BY_HOUR", "Placement": {"Zone": "ap-guangzhou-3"}, "DiskSize": 20, "DiskName": "d1", \#(common)}"#, headers: [:])
        #expect(created.status == 200)
        #expect(created.json?["scode"]?.doubleValue == 0)
        let listed = mock.send("POST", "/v1/tencent/disk/list", body: "{\(common)}", headers: [:])
        // One data.List[] element per disk, as the list example (003 line 327) nests them.
        #expect(listed.json?["data"]?["TotalCount"]?.doubleValue == 1)
        #expect(listed.json?["data"]?["List"]?.arrayValue?.count == 1)
        let id = try #require(listed.json?["data"]?["List"]?.arrayValue?.first?["DiskId"]?.stringValue)
        #expect(listed.json?["data"]?["List"]?.arrayValue?.first?["DiskState"]?.stringValue == "UNATTACHED")
        let ids = #""DiskIds": ["\#(id)"]"#
        #expect(mock.send("POST", "/v1/tencent/disk/inspect", body: "{\(ids), \(common)}", headers: [:]).json?["data"]?["DiskSize"]?.doubleValue == 20)
        #expect(mock.send("POST", "/v1/tencent/disk/resize", body: #"{\#(ids), "DiskSize": 40, \#(common)}"#, headers: [:]).json?["scode"]?.doubleValue == 0)
        #expect(mock.send("POST", "/v1/tencent/disk/resize", body: #"{\#(ids), "DiskSize": 30, \#(common)}"#, headers: [:]).json?["scode"]?.doubleValue == 400)
        #expect(mock.send("POST", "/v1/tencent/disk/attach", body: #"{\#(ids), "InstanceId": "ins-1", \#(common)}"#, headers: [:]).json?["scode"]?.doubleValue == 0)
        #expect(mock.send("POST", "/v1/tencent/disk/inspect", body: "{\(ids), \(common)}", headers: [:]).json?["data"]?["DiskState"]?.stringValue == "ATTACHED")
        #expect(mock.send("POST", "/v1/tencent/disk/delete", body: "{\(ids), \(common)}", headers: [:]).json?["scode"]?.doubleValue == 400)
        #expect(mock.send("POST", "/v1/tencent/disk/detach", body: #"{\#(ids), "InstanceId": "ins-1", \#(common)}"#, headers: [:]).json?["scode"]?.doubleValue == 0)
        #expect(mock.send("POST", "/v1/tencent/disk/delete", body: "{\(ids), \(common)}", headers: [:]).json?["scode"]?.doubleValue == 0)
        #expect(mock.send("POST", "/v1/tencent/disk/inspect", body: "{\(ids), \(common)}", headers: [:]).json?["scode"]?.doubleValue == 404)
        mock.send("POST", "/v1/tencent/disk/logs/list", body: #"{"DiskId": "\#(id)", \#(common)}"#, headers: [:])
        mock.send("POST", "/v1/tencent/disk/distributed/inspect", body: #"{"TenantUuid": "system", "ClusterUuid": "c1"}"#, headers: [:])
        mock.send("POST", "/v1/tencent/disk/update", body: "{\(ids), \(common)}", headers: [:])
        #expect(mock.errors == [])
    }

    @Test func baiduRenewalSignedWithBceAuth() {
        let mock = MockHarness()
        let signer = BaiduBCESigner(accessKey: MockConfiguration.defaultAccessKey, secretKey: MockConfiguration.defaultSecretKey)
        let body = #"{"billing": {"reservation": {"reservationLength": 1, "reservationTimeUnit": "Month"}}}"#
        let request = SignableRequest(method: "PUT", url: "/v2/volume/v-3zmCcxbR?purchaseReserved&clientToken=be31b98c-5e41-4838-9830-9be700de5a20",
                                      headers: [.init(name: "Host", value: "bcc.bj.baidubce.com"), .init(name: "Content-Type", value: "application/json")], body: Array(body.utf8))
        let signed = signer.sign(request)
        let renewed = mock.send(Exchange.Request(method: "PUT", url: "/v2/volume/v-3zmCcxbR?purchaseReserved&clientToken=be31b98c-5e41-4838-9830-9be700de5a20", headers: signed.headers, body: Array(body.utf8)))
        #expect(renewed.status == 200)
        #expect(mock.errors == [])

        var forged = signed
        forged.setHeader("Authorization", (signed.header("Authorization") ?? "").dropLast(4) + "0000")
        let refused = mock.send(Exchange.Request(method: "PUT", url: "/v2/volume/v-3zmCcxbR?purchaseReserved&clientToken=be31b98c-5e41-4838-9830-9be700de5a20", headers: forged.headers, body: Array(body.utf8)))
        #expect(refused.status == 403)
        #expect(refused.json?["code"]?.stringValue == "AccessDenied")
        #expect(refused.json?["requestId"]?.stringValue != nil)
    }

    @Test func ecsResizeAnswersAJob() {
        let mock = MockHarness()
        let answer = mock.send("POST", "/v1.1/\(MockHarness.project)/cloudservers/6d6f636b-0000-4000-8000-0000000000aa/resize", body: #"{"resize": {"flavorRef": "c6.large.2"}}"#)
        #expect(answer.status == 200)
        #expect(answer.json?["job_id"]?.stringValue != nil)
        #expect(mock.errors == [])
    }
}
