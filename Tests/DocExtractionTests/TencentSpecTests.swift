import ConformanceModel
import DocExtraction
import Testing

@Suite("tencent-cbs spec from 003")
struct TencentSpecTests {
    let spec: ServiceSpec

    init() throws {
        spec = try SpecDocuments.extract("tencent-cbs")
    }

    @Test("ten operations with ids from their paths, POST and titles from 功能")
    func operations() throws {
        #expect(spec.operations.map(\.id) == ["DiskCreate", "DiskDistributedInspect", "DiskList", "DiskInspect", "DiskUpdate", "DiskResize", "DiskLogsList", "DiskDelete", "DiskAttach", "DiskDetach"])
        #expect(spec.operations.allSatisfy { $0.method == "POST" })
        let logs = try #require(spec.operation(id: "DiskLogsList"))
        #expect(logs.path == "/v1/tencent/disk/logs/list")
        #expect(logs.title == "日志列表")
        #expect(spec.operation(id: "DiskInspect")?.path == "/v1/tencent/disk/inspect")
    }

    @Test("the create request: required fields, types, enums, defaults")
    func createRequest() throws {
        let body = try #require(spec.operation(id: "DiskCreate")?.requestBody)
        #expect(body.requiredNames == ["DiskType", "DiskChargeType", "Placement", "DiskSize", "TenantUuid", "ClusterUuid", "Region"])
        #expect(body.property(named: "DiskType")?.schema.enumeration == ["CLOUD_BASIC", "CLOUD_PREMIUM", "CLOUD_SSD"])
        #expect(body.property(named: "DiskChargeType")?.schema.enumeration == ["PREPAID", "POSTPAID_BY_HOUR", "CDCPAID"])
        #expect(body.property(named: "DiskCount")?.schema.kind == .integer)
        #expect(body.property(named: "DiskCount")?.schema.minimum == 0)
        #expect(body.property(named: "DiskCount")?.schema.defaultValue == "1")
        #expect(body.property(named: "Placement")?.schema.kind == .object)
        #expect(body.property(named: "Tags")?.schema.kind == .array)
        #expect(body.property(named: "Tags")?.schema.items?.kind == .object)
        #expect(body.property(named: "Shareable")?.schema.kind == .boolean)
        #expect(body.property(named: "Shareable")?.schema.defaultValue == "false")
    }

    @Test("bounds, placeholder defaults and --- in the required column")
    func listRequest() throws {
        let list = try #require(spec.operation(id: "DiskList")?.requestBody)
        #expect(list.property(named: "Limit")?.schema.maximum == 100)
        #expect(list.property(named: "Limit")?.schema.defaultValue == "20")
        #expect(list.property(named: "Filters")?.schema.defaultValue == nil)
        #expect(list.property(named: "DiskIds")?.schema.items?.kind == .string)
        let logs = try #require(spec.operation(id: "DiskLogsList")?.requestBody)
        #expect(logs.property(named: "BeginTime")?.required == false)
        #expect(logs.property(named: "DiskId")?.required == true)
        #expect(spec.diagnostics.contains { $0.code == "default.conflict" && $0.source.line == 254 })
    }

    @Test("`string struct` is read as a string array and reported")
    func stringStruct() throws {
        let field = try #require(spec.operation(id: "DiskDelete")?.requestBody?.property(named: "DiskIds"))
        #expect(field.schema.kind == .array)
        #expect(field.schema.items?.kind == .string)
        #expect(field.schema.docType == "string struct")
        #expect(spec.diagnostics.contains { $0.code == "type.corrected" && $0.source.line == 703 })
    }

    @Test("the scode envelope, derived from the examples, and the error envelope")
    func envelope() throws {
        let envelope = try #require(spec.responseEnvelope)
        #expect(envelope.schema.properties.map(\.name) == ["scode", "desc", "message", "message_cn", "stack", "data"])
        #expect(envelope.payloadField == "data")
        #expect(envelope.statusField == "scode")
        #expect(envelope.successValue == "0")
        #expect(envelope.note.contains("Derived from"))
        // The notes say what was computed: where the examples nest the return tables' fields,
        // and that DiskLogsList's fields stay flat because no example places them.
        #expect(spec.notes.contains { $0.contains("DiskList: data.List[] (33 fields), data.Properties[] (4 fields)") })
        #expect(spec.notes.contains { $0.contains("DiskDistributedInspect: data.List[] (4 fields)") })
        #expect(spec.notes.contains { $0.contains("No success example places the return-table fields of DiskLogsList") })
        #expect(spec.notes.contains { $0.contains("no 异常返回示例 of the document holds an example") })
        #expect(spec.errorEnvelopes == [ErrorEnvelope(wrapper: .none, codeField: "scode", messageField: "message", source: envelope.source)])
        // The logs/list example has Tencent Cloud's own shape, not the envelope.
        #expect(spec.diagnostics.contains { $0.code == "example.envelope-mismatch" && $0.source.line == 673 })
    }

    @Test("return-table fields nested as the success examples show; 200 is assumed")
    func responses() throws {
        let list = try #require(spec.operation(id: "DiskList"))
        #expect(list.responses.map(\.status) == [200])
        let payload = try #require(list.response(for: 200)?.body)
        // Table line 268 lists TotalCount … IsDelete flat; the example (line 327) nests them.
        #expect(!payload.fieldsAtAnyDepth)
        #expect(payload.properties.map(\.name) == ["TotalCount", "List", "Properties"])
        #expect(payload.property(named: "TotalCount")?.schema.kind == .integer)
        let disk = try #require(payload.at("List.[]"))
        #expect(disk.properties.first?.name == "DiskId")
        #expect(disk.properties.count == 33)
        // Not in the example: placed with the table rows around them.
        #expect(disk.property(named: "InstanceIdList")?.schema.items?.kind == .string)
        #expect(disk.property(named: "DifferDaysOfDeadline")?.schema.kind == .integer)
        #expect(payload.at("Properties.[].IsDelete")?.kind == .boolean)
        // The containers carry the example line they were read from.
        let wrapper = try #require(payload.property(named: "List")?.schema.evidence[.wrapper])
        #expect(wrapper.basis == .example)
        #expect(wrapper.source?.line == 336)
        #expect(payload.property(named: "List")?.required == false)
        // The logs/list example is not in the envelope: its fields keep the flat reading.
        let logs = try #require(spec.operation(id: "DiskLogsList")?.response(for: 200)?.body)
        #expect(logs.fieldsAtAnyDepth)
        #expect(spec.diagnostics.contains { $0.code == "payload.nesting-unknown" && $0.message.hasPrefix("DiskLogsList") })
        // Inspect's example shows the table's fields right under data.
        let inspect = try #require(spec.operation(id: "DiskInspect")?.response(for: 200)?.body)
        #expect(!inspect.fieldsAtAnyDepth && inspect.property(named: "DiskId") != nil)
        #expect(spec.operation(id: "DiskUpdate")?.response(for: 200)?.body?.properties.isEmpty == true)
        #expect(spec.diagnostics.filter { $0.code == "status.assumed" }.count == 10)
    }

    @Test("request and success examples; empty 异常返回示例 sections yield none")
    func examples() throws {
        let create = try #require(spec.operation(id: "DiskCreate"))
        #expect(create.examples.map(\.kind) == [.request, .response])
        #expect(create.examples[0].value?["DiskType"] == .string("CLOUD_PREMIUM"))
        #expect(create.examples[0].title?.contains("http://10.30.12.97:8080/v1/tencent/disk/create") == true)
        #expect(create.examples[1].status == 200)
        #expect(spec.operations.allSatisfy { $0.examples.count == 2 && $0.examples.allSatisfy { $0.problem == nil } })
    }
}
