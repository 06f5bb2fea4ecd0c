import ConformanceModel
import ConformanceSpecs
import Testing
@testable import Conformance

/// Each rule of DESIGN.md, triggered by an exchange that otherwise conforms.
@Suite("Validator: one finding per rule")
struct ValidatorRuleTests {
    static let validator = Validator()
    typealias B = ExchangeBuilder

    /// The rules of the findings, errors and warnings alike.
    private func rules(_ exchange: Exchange) -> [RuleID] {
        Self.validator.validate(exchange).findings.map(\.rule)
    }

    @Test("conforming exchanges give no findings")
    func conforming() {
        let show = B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody())
        #expect(Self.validator.validate(show).findings == [])
        #expect(Self.validator.validate(show).operation?.id == "ShowJob")
        let create = B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: B.createVolumeBody(), status: 202, response: #"{"job_id": "\#(B.job)"}"#)
        #expect(Self.validator.validate(create).findings == [])
        #expect(Self.validator.validate(create).operation?.id == "CreateVolume")
        let extend = B.exchange("POST", "/v3/\(B.project)/volumes/\(B.volume)/action", body: #"{"os-extend": {"new_size": 100}}"#, status: 202)
        #expect(Self.validator.validate(extend).operation?.id == "ExtendVolume")
        #expect(Self.validator.validate(extend).findings == [])
    }

    @Test("route.unmatched")
    func routeUnmatched() {
        #expect(rules(B.exchange("GET", "/v2/\(B.project)/no-such-thing", status: 200)) == [Rule.routeUnmatched])
        // An action route with an undocumented action names the documented ones.
        let result = Self.validator.validate(B.exchange("POST", "/v3/\(B.project)/volumes/\(B.volume)/action", body: #"{"os-frobnicate": {}}"#))
        #expect(result.findings.map(\.rule) == [Rule.routeUnmatched])
        #expect(result.findings.first?.message.contains("os-extend") == true)
    }

    @Test("request.parameter.missing: no credential")
    func parameterMissing() {
        let exchange = B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", headers: [], status: 200, response: B.jobBody())
        let findings = Self.validator.validate(exchange).findings
        #expect(findings.map(\.rule) == [Rule.requestParameterMissing])
        #expect(findings.first?.location == .requestHeader)
        // An AK/SK signature satisfies the service's authentication as well as a token.
        let signed = B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", headers: [.init(name: "Authorization", value: "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc")], status: 200, response: B.jobBody())
        #expect(rules(signed) == [])
    }

    @Test("request.parameter.type")
    func parameterType() {
        let exchange = B.exchange("GET", "/v2/\(B.project)/cloudvolumes/detail?limit=ten", status: 200, response: #"{"volumes": []}"#)
        let findings = Self.validator.validate(exchange).findings
        #expect(findings.map(\.rule) == [Rule.requestParameterType])
        #expect(findings.first?.pointer == "limit")
        #expect(findings.first?.actual == "ten")
        // An integer wider than 64 bits is still an integer: JSON Schema's has no width.
        let wide = B.exchange("GET", "/v2/\(B.project)/cloudvolumes/detail?limit=-20195722410440359108363345967164948480", status: 200, response: #"{"volumes": []}"#)
        #expect(rules(wide) == [])
        let fraction = B.exchange("GET", "/v2/\(B.project)/cloudvolumes/detail?limit=1.5", status: 200, response: #"{"volumes": []}"#)
        #expect(rules(fraction) == [Rule.requestParameterType])
    }

    @Test("request.body.malformed")
    func bodyMalformed() {
        let findings = Self.validator.validate(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: #"{"volume": {"size": 10,}}"#, status: 202, response: #"{"job_id": "x"}"#)).findings
        #expect(findings.map(\.rule) == [Rule.requestBodyMalformed])
        #expect(findings.first?.message.contains("line 1, column 24") == true)
    }

    @Test("request.body.missing-field")
    func bodyMissingField() {
        let findings = Self.validator.validate(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "volume_type": "SSD""#), status: 202, response: "{}")).findings
        #expect(findings.map(\.rule) == [Rule.requestBodyMissingField])
        #expect(findings.first?.pointer == "/volume/size")
        #expect(findings.first?.source?.table?.contains("CreateVolumeOption") == true)
    }

    @Test("request.body.type")
    func bodyType() {
        let findings = Self.validator.validate(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "size": 10, "volume_type": "SSD", "multiattach": 1"#), status: 202, response: "{}")).findings
        #expect(findings.map(\.rule) == [Rule.requestBodyType])
        #expect(findings.first?.pointer == "/volume/multiattach")
        #expect(findings.first?.expected == "boolean")
        #expect(findings.first?.actual == "number 1")
    }

    @Test("request.body.enum")
    func bodyEnum() {
        let findings = Self.validator.validate(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "size": 10, "volume_type": "HDD""#), status: 202, response: "{}")).findings
        #expect(findings.map(\.rule) == [Rule.requestBodyEnum])
        #expect(findings.first?.pointer == "/volume/volume_type")
        #expect(findings.first?.expected?.contains("GPSSD2") == true)
    }

    @Test("request.body.range")
    func bodyRange() {
        let findings = Self.validator.validate(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "size": 40000, "volume_type": "SSD""#), status: 202, response: "{}")).findings
        #expect(findings.map(\.rule) == [Rule.requestBodyRange])
        #expect(findings.first?.expected == "at most 32768")
    }

    @Test("request.body.unknown-field is a warning, an error with --strict")
    func bodyUnknownField() {
        let exchange = B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: B.createVolumeBody(#""availability_zone": "az1", "size": 10, "volume_type": "SSD", "colour": "blue""#), status: 202, response: "{}")
        let findings = Self.validator.validate(exchange).findings
        #expect(findings.map(\.rule) == [Rule.requestBodyUnknownField])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.pointer == "/volume/colour")
        #expect(Validator(options: .init(strict: true)).validate(exchange).findings.first?.severity == .error)
    }

    @Test("request.body.constraint cites the rule's sentence")
    func bodyConstraint() {
        let body = B.createVolumeBody(#""availability_zone": "az1", "size": 10, "volume_type": "SSD", "imageRef": "i-1", "snapshot_id": "s-1""#)
        let findings = Self.validator.validate(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: body, status: 202, response: "{}")).findings
        #expect(findings.map(\.rule) == [Rule.requestBodyConstraint])
        #expect(findings.first?.source?.section?.contains("EVS.1016") == true)
        // iops is required for GPSSD2 and forbidden for SSD.
        let gpssd2 = B.createVolumeBody(#""availability_zone": "az1", "size": 10, "volume_type": "GPSSD2", "throughput": 150"#)
        #expect(rules(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: gpssd2, status: 202, response: "{}")) == [Rule.requestBodyConstraint])
        let ssd = B.createVolumeBody(#""availability_zone": "az1", "size": 10, "volume_type": "SSD", "iops": 3000"#)
        #expect(rules(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: ssd, status: 202, response: "{}")) == [Rule.requestBodyConstraint])
        let prepaid = B.createVolumeBody(extra: #", "bssParam": {"chargingMode": "prePaid", "periodType": "month"}"#)
        let prepaidFindings = Self.validator.validate(B.exchange("POST", "/v2.1/\(B.project)/cloudvolumes", body: prepaid, status: 202, response: "{}")).findings
        #expect(prepaidFindings.map(\.pointer) == ["/bssParam/periodNum"])
    }

    @Test("response.status.undocumented: an error when the status table lacks it, a warning when it lists it")
    func statusUndocumented() {
        let teapot = Self.validator.validate(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 299, response: B.jobBody())).findings
        #expect(teapot.map(\.rule) == [Rule.responseStatusUndocumented])
        #expect(teapot.first?.severity == .error)
        let created = Self.validator.validate(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 201, response: "")).findings
        #expect(created.map(\.rule) == [Rule.responseStatusUndocumented])
        #expect(created.first?.severity == .warning)
        // ECS documents its token but no status table: a 401 is HTTP's answer to a refused
        // credential, a warning, not an error.
        let refused = Self.validator.validate(B.exchange("POST", "/v1.1/\(B.project)/cloudservers/\(B.job)/resize", headers: [], body: #"{"resize": {"flavorRef": "s3.large.2"}}"#, status: 401, response: #"{"error": {"code": "APIGW.0301", "message": "refused"}}"#)).findings
        #expect(refused.filter { $0.rule == Rule.responseStatusUndocumented }.map(\.severity) == [.warning])
        // ECS prints its error answer without a status (响应样例 `{"error": {"message", "code"}}`;
        // 返回值 refers to a page not among the docs): it is read under 400, documented; 404 is not.
        let resize = "/v1.1/\(B.project)/cloudservers/\(B.job)/resize"
        let badRequest = Self.validator.validate(B.exchange("POST", resize, body: "{}", status: 400, response: #"{"error": {"code": "Ecs.0005", "message": "m"}}"#)).findings
        #expect(!badRequest.contains { $0.rule == Rule.responseStatusUndocumented || $0.rule == Rule.responseErrorEnvelope })
        let notFound = Self.validator.validate(B.exchange("POST", resize, body: #"{"resize": {"flavorRef": "2"}}"#, status: 404, response: #"{"error": {"code": "Ecs.0114", "message": "m"}}"#)).findings
        #expect(notFound.filter { $0.rule == Rule.responseStatusUndocumented }.map(\.severity) == [.error])
    }

    @Test("response.body.malformed")
    func responseMalformed() {
        #expect(rules(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: #"{"status": "SUCCESS""#)) == [Rule.responseBodyMalformed])
    }

    @Test("response.body.type")
    func responseType() {
        let findings = Self.validator.validate(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody(jobID: "42"))).findings
        #expect(findings.map(\.rule) == [Rule.responseBodyType])
        #expect(findings.first?.pointer == "/job_id")
    }

    @Test("response.body.enum")
    func responseEnum() {
        #expect(rules(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody(status: "DONE"))) == [Rule.responseBodyEnum])
    }

    @Test("response.body.missing-field: the gateway envelope's fields are required")
    func responseMissingField() {
        let request = #"{"DiskIds": ["disk-1"], "TenantUuid": "system", "ClusterUuid": "c-1", "Region": "ap-guangzhou"}"#
        let exchange = Exchange(
            request: .init(method: "POST", url: "http://10.0.0.1:8080/v1/tencent/disk/inspect", body: Array(request.utf8)),
            response: .init(status: 200, body: Array(#"{"scode": 0, "desc": "", "message": "success", "message_cn": "成功", "data": {}}"#.utf8))
        )
        let findings = Self.validator.validate(exchange).findings
        #expect(findings.map(\.rule) == [Rule.responseBodyMissingField])
        #expect(findings.first?.pointer == "/stack")
    }

    @Test("response.body.unknown-field")
    func responseUnknownField() {
        let findings = Self.validator.validate(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 200, response: B.jobBody(extra: #", "progress": 50"#))).findings
        #expect(findings.map(\.rule) == [Rule.responseBodyUnknownField])
        #expect(findings.first?.severity == .warning)
    }

    @Test("response.error.envelope")
    func errorEnvelope() {
        let findings = Self.validator.validate(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 400, response: #"{"message": "bad", "status": 400}"#)).findings
        #expect(findings.map(\.rule) == [Rule.responseErrorEnvelope])
    }

    @Test("documented error codes with their own status conform, whatever the wrapper key")
    func documentedError() {
        let body = #"{"badRequest": {"code": "EVS.1015", "message": "new volume Size must be greater than old Size!"}}"#
        let result = Self.validator.validate(B.exchange("POST", "/v3/\(B.project)/volumes/\(B.volume)/action", body: #"{"os-extend": {"new_size": 1}}"#, status: 400, response: body))
        #expect(result.findings.filter { $0.severity == .error } == [])
        #expect(result.errorCode == "EVS.1015")
    }

    @Test("response.error.code-undocumented")
    func codeUndocumented() {
        let body = #"{"error": {"code": "EVS.9999", "message": "?"}}"#
        #expect(rules(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 400, response: body)) == [Rule.responseErrorCodeUndocumented])
        // API gateway codes are documented in the gateway's own table (EVS A.1).
        let gateway = Self.validator.validate(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 400, response: #"{"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information"}"#)).findings
        #expect(gateway.map(\.severity) == [.info])
    }

    @Test("response.error.status-mismatch")
    func statusMismatch() {
        let body = #"{"error": {"code": "EVS.5500", "message": "Internal server error."}}"#
        let findings = Self.validator.validate(B.exchange("GET", "/v1/\(B.project)/jobs/\(B.job)", status: 400, response: body)).findings
        #expect(findings.map(\.rule) == [Rule.responseErrorStatusMismatch])
        #expect(findings.first?.expected == "500")
    }

    @Test("operation.deprecated when only a deprecated operation fits")
    func deprecated() {
        let exchange = B.exchange("POST", "/v2/\(B.project)/cloudvolumes/\(B.volume)/action", body: #"{"os-extend": {"new_size": 100}}"#, status: 200, response: #"{"job_id": "\#(B.job)"}"#)
        let result = Self.validator.validate(exchange)
        #expect(result.operation?.id == "ExtendCloudvolume")
        #expect(result.findings.map(\.rule) == [Rule.operationDeprecated])
        #expect(result.findings.first?.severity == .warning)
    }

    @Test("literal segments win over parameters; tag actions by their action value")
    func routing() {
        let detail = Self.validator.validate(B.exchange("GET", "/v2/\(B.project)/cloudvolumes/detail"))
        #expect(detail.operation?.id == "ListVolumes")
        let one = Self.validator.validate(B.exchange("GET", "/v2/\(B.project)/cloudvolumes/\(B.volume)"))
        #expect(one.operation?.id == "ShowVolume")
        let tags = Self.validator.validate(B.exchange("POST", "/v2/\(B.project)/cloudvolumes/\(B.volume)/tags/action", body: #"{"action": "delete", "tags": [{"key": "k"}]}"#))
        #expect(tags.operation?.id == "BatchDeleteVolumeTags")
        let renew = Self.validator.validate(Exchange(request: .init(method: "PUT", url: "http://bcc.bj.baidubce.com/v2/volume/v-3zmCcxbR?purchaseReserved&clientToken=abc"), response: nil))
        #expect(renew.operation?.id == "PurchaseReservedVolume")
        #expect(renew.service == "baidu-bcc")
    }
}
