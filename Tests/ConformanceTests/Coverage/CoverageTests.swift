import Conformance
import ConformanceModel
import ConformanceSpecs
import Testing

@Suite("Coverage")
struct CoverageTests {
    /// A hand-made service: three operations documenting four statuses, and two error codes.
    static let spec = ServiceSpec(
        service: "demo",
        operations: [
            Operation(id: "ShowJob", title: "job", method: "GET", path: "/v1/{p}/jobs/{j}", responses: [Response(status: 200), Response(status: 400)], source: DocReference(document: "d")),
            Operation(id: "ExtendVolume", title: "extend", method: "POST", path: "/v3/{p}/volumes/{v}/action", responses: [Response(status: 202)], source: DocReference(document: "d")),
            Operation(id: "DeleteVolume", title: "delete", method: "DELETE", path: "/v3/{p}/volumes/{v}", responses: [Response(status: 202)], source: DocReference(document: "d")),
        ],
        errorCodes: [ErrorCode(code: "EVS.2024", status: 400, messages: []), ErrorCode(code: "EVS.5400", status: 400, messages: [])]
    )

    static func coverage(service: String? = nil) -> Coverage {
        var coverage = Coverage(specs: [spec, ServiceSpec(service: "other", operations: [])], service: service)
        coverage.record(service: "demo", operation: "ShowJob", status: 200, errorCode: nil)
        coverage.record(service: "demo", operation: "ShowJob", status: 200, errorCode: nil)
        coverage.record(service: "demo", operation: "ShowJob", status: 400, errorCode: "EVS.2024")
        coverage.record(service: "demo", operation: "ExtendVolume", status: 500, errorCode: "EVS.9999")
        coverage.record(service: nil, operation: nil, status: 404, errorCode: nil)
        return coverage
    }

    @Test("operations, documented statuses and error codes exercised, with percentages")
    func numbers() throws {
        let coverage = Self.coverage()
        #expect(coverage.exchanges == 5)
        #expect(coverage.unmatched == 1)
        let demo = try #require(coverage.services.first)
        #expect(coverage.services.map(\.service) == ["demo"], "only services the traffic reached")
        #expect(demo.exchanges == 4)
        #expect(demo.operations.covered == 2 && demo.operations.total == 3)
        #expect(demo.operations.percent == 66.7)
        #expect(demo.operations.missing == ["DeleteVolume"])
        #expect(demo.statusCodes.covered == 2 && demo.statusCodes.total == 4, "ExtendVolume 500 is not documented")
        #expect(demo.statusCodes.missing == ["ExtendVolume 202", "DeleteVolume 202"])
        #expect(demo.errorCodes.covered == 1 && demo.errorCodes.percent == 50)
    }

    @Test("--min-coverage applies to every reported service's operation coverage")
    func threshold() {
        #expect(Self.coverage().meets(minimum: 66))
        #expect(!Self.coverage().meets(minimum: 67))
        #expect(Self.coverage(service: "other").meets(minimum: 10), "a service with no operations counts as covered")
        #expect(!Coverage(specs: [Self.spec]).meets(minimum: 0), "nothing reached is below any threshold")
    }

    @Test("text table and JSON")
    func rendering() throws {
        let text = CoverageReport.text(Self.coverage())
        #expect(text.contains("2/3  66.7%"))
        #expect(text.contains("demo: not exercised: DeleteVolume"))
        let json = try JSONValue.parse(CoverageReport.json(Self.coverage()))
        #expect(json["services"]?.arrayValue?.first?["operations"]?["covered"] == 2)
        #expect(json["unmatched"] == 1)
    }

    @Test("the compiled specs: ShowJob traffic covers one EVS operation")
    func compiledSpecs() throws {
        var coverage = Coverage(specs: Specs.all, service: "huawei-evs")
        coverage.record(service: "huawei-evs", operation: "ShowJob", status: 200, errorCode: nil)
        let evs = try #require(coverage.services.first)
        #expect(evs.operations.covered == 1)
        #expect(evs.operations.total == Specs.service("huawei-evs")?.operations.count)
    }
}

@Suite("Error codes without a documented error body")
struct UndescribedEnvelopeCodeTests {
    /// Baidu 004 "Error Code" lists `NoSuchObject` (404) but the page describes no error body:
    /// a top-level `code` equal to a listed code is read as that code, with no finding.
    @Test("a Baidu error body's top-level code counts when it is a listed code, and only then")
    func baiduTopLevelCode() {
        let validator = Validator()
        func answer(_ body: String, status: Int) -> ExchangeResult {
            validator.validate(Exchange(request: .init(method: "PUT", url: "http://bcc.bj.baidubce.com/v2/volume/v-3zmCcxbR?purchaseReserved&clientToken=abc",
                                                       body: Array(#"{"billing": {"reservation": {"reservationLength": 1, "reservationTimeUnit": "Month"}}}"#.utf8)),
                                        response: .init(status: status, body: Array(body.utf8))))
        }
        let missing = answer(#"{"code": "NoSuchObject", "message": "The specified object is not found or resource do not exist.", "requestId": "r-1"}"#, status: 404)
        #expect(missing.errorCode == "NoSuchObject")
        let errorFindings = missing.findings.filter { (finding: Finding) in finding.rule.description.hasPrefix("response.error") }
        #expect(errorFindings.isEmpty)
        #expect(answer(#"{"code": "NoSuchThing", "message": "?"}"#, status: 404).errorCode == nil)
        #expect(answer(#"{"error": {"code": "NoSuchObject"}}"#, status: 404).errorCode == nil)
    }

    /// EVS describes `GET /` on two pages (5.1 `ListRoot`, 300; 8.2.5.2 `ListRoot2`, 300 and 400)
    /// and `GET /{version}` on two (5.2, 8.2.5.1); the router names one of each.
    @Test("a request to a route two pages describe exercises both descriptions; an action route's actions stay apart")
    func twinDescriptions() throws {
        let evs = try #require(Specs.service("huawei-evs"))
        var coverage = Coverage(specs: [evs])
        coverage.record(service: "huawei-evs", operation: "ListRoot", status: 300, errorCode: nil)
        coverage.record(service: "huawei-evs", operation: "AttachVolume", status: 202, errorCode: nil)
        let report = try #require(coverage.services.first)
        #expect(!report.operations.missing.contains("ListRoot") && !report.operations.missing.contains("ListRoot2"))
        #expect(!report.statusCodes.missing.contains("ListRoot2 300"))
        #expect(report.statusCodes.missing.contains("ListRoot2 400"), "only the status the exchange had")
        #expect(report.operations.missing.contains("ShowRoot") && report.operations.missing.contains("DetachVolume"))
        #expect(report.operations.covered == 3)
    }
}
