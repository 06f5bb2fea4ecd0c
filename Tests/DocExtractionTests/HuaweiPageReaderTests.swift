import ConformanceModel
import DocExtraction
import Testing

@Suite("Huawei per-API pages (markdown with HTML tables)")
struct HuaweiPageReaderTests {
    @Test("ECS resize v1.1: nested structures from footnotes, columns in 名称/是否必选/参数类型/说明 order")
    func ecsResize() throws {
        let extraction = HuaweiPageReader().read(try TestDocuments.vendor("huawei-ecs", "001_1fc498a6a1f050fa.txt"))
        let operation = try #require(extraction.operations.first)
        #expect(operation.method == "POST")
        #expect(operation.path == "/v1.1/{project_id}/cloudservers/{server_id}/resize")
        #expect(operation.action == nil)
        #expect(operation.parameters(in: .path).map(\.name) == ["project_id", "server_id"])
        #expect(operation.constraints == ["关机状态的弹性云服务器才能执行变更云服务器规格操作。"])

        let body = try #require(operation.requestBody)
        #expect(body.property(named: "resize")?.required == true)
        #expect(body.at("resize")?.kind == .object)
        #expect(body.at("resize")?.property(named: "flavorRef")?.required == true)
        #expect(body.at("resize.flavorRef")?.kind == .string)
        #expect(body.at("resize")?.property(named: "dedicated_host_id")?.required == false)
        #expect(body.at("resize")?.property(named: "extendparam")?.required == false)
        #expect(body.at("resize.extendparam")?.property(named: "isAutoPay")?.required == false)
        #expect(body.at("resize.extendparam.isAutoPay")?.kind == .string)
        #expect(body.at("resize.extendparam.isAutoPay")?.enumeration == ["true", "false"])

        let requestExamples = operation.examples.filter { $0.kind == .request }
        #expect(requestExamples.count == 1)
        #expect(requestExamples.first?.value?["resize"]?["flavorRef"] == .string("2"))

        // 要素说明 lists message/code beside job_id/order_id; they are the error envelope's fields.
        #expect(operation.responses.first?.body?.properties.map(\.name) == ["job_id", "order_id"])
        #expect(extraction.errorEnvelopes.first?.codeField == "code")
        #expect(extraction.diagnostics.contains { $0.code == "response.error-fields-flat" })
        #expect(extraction.diagnostics.contains { $0.code == "status.assumed" })
        #expect(extraction.tables.count == 5)
        #expect(extraction.tables.allSatisfy { $0.isPlaced })
    }

    @Test("EVS extend: the Cinder action route, os-extend required with new_size, the error wrapper")
    func evsExtend() throws {
        let extraction = HuaweiPageReader().read(try TestDocuments.vendor("huawei-evs", "000_5ca747a83796e059.txt"))
        let operation = try #require(extraction.operations.first)
        #expect(operation.path == "/v2/{project_id}/volumes/{volume_id}/action")
        #expect(operation.action == "os-extend")
        #expect(operation.actionSelector == .bodyKey)
        let body = try #require(operation.requestBody)
        #expect(body.property(named: "os-extend")?.required == true)
        #expect(body.property(named: "os-extend")?.schema.property(named: "new_size")?.required == true)
        #expect(body.at("os-extend.new_size")?.kind == .integer)
        #expect(operation.examples.first { $0.kind == .request }?.value == ["os-extend": ["new_size": 100]])
        #expect(operation.responses.map(\.status) == [202])
        #expect(operation.responses.first?.body == nil)
        // 功能介绍's bullets are constraints on state.
        #expect(operation.constraints.contains("扩容状态为in-use的云硬盘时，有以下约束："))
        // "其中error是泛指的错误，有badRequest、itemNotFound等"
        #expect(extraction.errorEnvelopes.first?.wrapper == .anyKey(examples: ["error", "badRequest", "itemNotFound"]))
        let errorExamples = operation.examples.filter { $0.kind == .response && $0.status == nil }
        #expect(errorExamples.count == 2)
    }

    @Test("a caption referenced as 表3 and the same heading at two depths resolve to the right tables")
    func referencesAndRepeatedHeadings() throws {
        let extraction = HuaweiPageReader().read(try TestDocuments.fixture("job-page.md"))
        let operation = try #require(extraction.operations.first)
        #expect(operation.method == "GET")
        #expect(operation.path == "/v1/{project_id}/jobs/{job_id}")
        #expect(operation.parameters(in: .path).map(\.name) == ["project_id", "job_id"])
        let body = try #require(operation.response(for: 200)?.body)
        #expect(body.at("entities")?.properties.map(\.name) == ["sub_jobs", "volume_id"])
        #expect(body.at("entities.sub_jobs")?.kind == .array)
        #expect(body.at("entities.sub_jobs.[]")?.properties.map(\.name) == ["status", "entities"])
        #expect(body.at("entities.sub_jobs.[].entities")?.properties.map(\.name) == ["volume_type", "size"])
        #expect(body.at("entities.sub_jobs.[].entities.size")?.minimum == 1)
        #expect(body.at("entities.sub_jobs.[].entities.size")?.maximum == 32768)
        #expect(body.at("status")?.enumeration == ["SUCCESS", "RUNNING", "FAIL", "INIT"])
        #expect(Set(operation.responses.map(\.status)) == [200, 400, 404])
        #expect(extraction.tables.allSatisfy { $0.isPlaced })
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics)")
    }

    @Test("a truncated page without a URI section gives diagnostics and accounts for its table")
    func truncatedPage() throws {
        let extraction = HuaweiPageReader().read(try TestDocuments.fixture("truncated-page.md"))
        #expect(extraction.operations.isEmpty)
        #expect(extraction.diagnostics.contains { $0.code == "operation.no-request-line" && $0.severity == .error })
        #expect(extraction.tables.count == 1)
        #expect(extraction.tables.allSatisfy { !$0.isPlaced })
    }

    @Test("any prefix of a real page reads without crashing", arguments: [0.1, 0.25, 0.5, 0.75, 0.9])
    func prefixes(fraction: Double) throws {
        let document = try TestDocuments.vendor("huawei-evs", "000_5ca747a83796e059.txt")
        let cut = String(document.text.prefix(Int(Double(document.text.count) * fraction)))
        let extraction = HuaweiPageReader().read(SourceDocument(name: "cut.md", text: cut))
        // Every table the cut page still holds is accounted for.
        let tables = cut.components(separatedBy: "<table").count - 1
        #expect(extraction.tables.count >= tables - 1)
        // The URI sits in the first tenth: every cut still yields the extend operation, and once
        // the request table is in (half the page) its os-extend body.
        #expect(extraction.operations.map { "\($0.method) \($0.path)" } == ["POST /v2/{project_id}/volumes/{volume_id}/action"])
        if fraction >= 0.5 { #expect(extraction.operations.first?.requestBody?.property(named: "os-extend") != nil) }
    }
}

@Suite("Column roles and type words")
struct FieldVocabularyTests {
    @Test("columns are found by header words in any order", arguments: [
        (["参数", "参数类型", "是否必选", "描述"], [ColumnRole.name: 0, .type: 1, .required: 2, .description: 3]),
        (["名称", "是否必选", "参数类型", "说明"], [.name: 0, .required: 1, .type: 2, .description: 3]),
        (["名称", "参数类型", "是否必填", "默认值", "描述"], [.name: 0, .type: 1, .required: 2, .defaultValue: 3, .description: 4]),
        (["Parameter Name", "Type", "Required?", "Parameter Position", "Description"], [.name: 0, .type: 1, .required: 2, .location: 3, .description: 4]),
    ])
    func columnRoles(header: [String], expected: [ColumnRole: Int]) throws {
        let roles = try #require(ColumnRoles(header: header))
        #expect(roles.columns == expected)
    }

    @Test("type words", arguments: [
        ("String", TypeExpression.primitive(.string)),
        ("Integer", .primitive(.integer)),
        ("Float", .primitive(.number)),
        ("uint64", .unsignedInteger),
        ("Array of strings", .array(.primitive(.string))),
        ("Array of Link objects", .array(.object(name: "Link"))),
        ("Map<String,String>", .map(.primitive(.string))),
        ("Map<String, Object>", .map(.object(name: nil))),
        ("CreateVolumeOption object", .object(name: "CreateVolumeOption")),
        ("字典数据结构[1]", .footnote(1)),
        ("struct array", .array(.object(name: nil))),
        ("string array", .array(.primitive(.string))),
        ("List<String>", .array(.primitive(.string))),
        ("string struct", .unknown("string struct")),
    ])
    func typeWords(text: String, expected: TypeExpression) {
        #expect(TypeExpression.parse(text) == expected)
    }

    @Test("description facts are read only from phrasings the vendors use", arguments: [
        ("参数解释 计费模式。 约束限制 不涉及。 取值范围 • prePaid: 包年包月• postPaid: 按需 默认取值 postPaid。", Schema.Kind.string, ["prePaid", "postPaid"], "postPaid"),
        ("取值范围 目前支持\"SATA\"，\"SAS\"，\"GPSSD\"七种。", .string, ["SATA", "SAS", "GPSSD"], nil),
        ("磁盘介质类型 CLOUD_BASIC表示普通云硬盘，CLOUD_PREMIUM表示高性能云硬盘", .string, ["CLOUD_BASIC", "CLOUD_PREMIUM"], nil),
        ("创建时间，格式为：yyyy-MM-ddTHH:mm:ss", .string, nil, nil),
        ("云硬盘名称，例如：\"volume-1\"，\"volume-2\"。", .string, nil, nil),
        ("返回数量，默认为20，最大值为100", .integer, nil, "20"),
    ] as [(String, Schema.Kind, [String]?, String?)])
    func descriptionFacts(text: String, kind: Schema.Kind, values: [String]?, defaultValue: String?) {
        let facts = DescriptionFacts.analyze(text, kind: kind)
        #expect(facts.enumeration == values)
        #expect(facts.defaultValue == defaultValue)
    }

    @Test("bounds: several ranges give their envelope; lengths come from 字符 phrasings")
    func bounds() {
        let size = DescriptionFacts.analyze("参数解释 云硬盘大小。 约束限制 -系统盘：1GiB-1024GiB -数据盘：10GiB-32768GiB 取值范围 不涉及。", kind: .integer)
        #expect(size.minimum == 1)
        #expect(size.maximum == 32768)
        let count = DescriptionFacts.analyze("约束限制 如果无该参数，表明只创建1个云硬盘，目前最多支持批量创建100个。", kind: .integer)
        #expect(count.maximum == 100)
        let name = DescriptionFacts.analyze("约束限制 最大支持85个字符。", kind: .string)
        #expect(name.maxLength == 85)
        #expect(name.minimum == nil)
    }
}
