import ConformanceModel
import DocExtraction
import Testing

@Suite("baidu-bcc spec from 004")
struct BaiduSpecTests {
    let spec: ServiceSpec

    init() throws {
        spec = try SpecDocuments.extract("baidu-bcc")
    }

    @Test("the renewal: route, action by query key, summary and state constraint")
    func operation() throws {
        let operation = try #require(spec.operations.first)
        #expect(spec.operations.count == 1)
        #expect(operation.id == "PurchaseReservedVolume")
        #expect(operation.method == "PUT")
        #expect(operation.path == "/v2/volume/{volumeId}")
        #expect(operation.action == "purchaseReserved")
        #expect(operation.actionSelector == .queryKey)
        #expect(operation.title == "Disk Renewal")
        #expect(operation.constraints.contains("The renew operation can not be performed during the disk scaling."))
    }

    @Test("path and query parameters; version is the literal v2, not a parameter")
    func parameters() throws {
        let operation = try #require(spec.operations.first)
        #expect(operation.parameters(in: .path).map(\.name) == ["volumeId"])
        #expect(operation.parameters(in: .query).map(\.name) == ["clientToken"])
        #expect(operation.parameters(in: .query).first?.required == true)
        #expect(operation.parameters(in: .query).first?.schema.maxLength == 64)
        #expect(!operation.parameters.contains { $0.name == "version" || $0.name == "action" })
        #expect(spec.diagnostics.contains { $0.code == "parameter.literal-in-path" && $0.source.line == 36 })
    }

    @Test("the billing body from the request structure, typed by the instance")
    func body() throws {
        let billing = try #require(spec.operations.first?.requestBody?.property(named: "billing"))
        #expect(billing.required)
        #expect(billing.schema.name == "Billing")
        let reservation = try #require(billing.schema.property(named: "reservation")?.schema)
        #expect(reservation.property(named: "reservationLength")?.schema.kind == .integer)
        #expect(reservation.property(named: "reservationTimeUnit")?.schema.kind == .string)
        #expect(reservation.property(named: "reservationLength")?.schema.description?.contains("Request Instance") == true)
        #expect(spec.diagnostics.contains { $0.code == "type.external" })
    }

    @Test("four error codes with their statuses")
    func errorCodes() {
        #expect(spec.errorCodes.map(\.code) == ["BadRequest", "SnapshotOperationForbidden", "NoSuchObject", "OperationDenied"])
        #expect(spec.errorCodes.map(\.status) == [400, 403, 404, 409])
        #expect(spec.errorCode("NoSuchObject")?.messages.first?.description == "The resource does not exist.")
    }

    @Test("bce-auth-v1 authentication, a 200 without body, the error table's statuses, the request example")
    func restOfThePage() throws {
        #expect(spec.authentication.map(\.scheme) == ["bce-auth-v1"])
        #expect(spec.authentication.first?.header == "Authorization")
        let operation = try #require(spec.operations.first)
        // 200 from the Return Instance; 400, 403, 404 and 409 from the page's Error Code table.
        #expect(operation.responses.map(\.status) == [200, 400, 403, 404, 409])
        #expect(operation.responses.allSatisfy { $0.body == nil })
        #expect(operation.response(for: 404)?.description == "NoSuchObject")
        let example = try #require(operation.examples.first)
        #expect(example.kind == .request)
        #expect(example.problem == nil)
        #expect(example.value?["billing"]?["reservation"]?["reservationLength"] == .number("1"))
    }
}
