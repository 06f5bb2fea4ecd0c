import ConformanceModel
@testable import DocExtraction
import Foundation
import Testing

/// Pages of the doc families beyond the seeds: standalone error-code and state pages, the
/// newer per-API layout with example headings, pages that disagree with the reference.
/// The fixtures are written in each family's format (Fixtures/README.md says from what).
@Suite("Doc families: pages beyond the seeds")
struct PageFamilyTests {
    // MARK: - Pages that describe no operation

    @Test("the 错误码 page gives every code with its status, messages, description and handling")
    func errorCodePage() throws {
        let extraction = try DocumentReaders.read(try TestDocuments.fixture("evs-error-codes-page.md"))
        #expect(extraction.format == .markdownHTML)
        #expect(extraction.operations.isEmpty)
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics)")
        #expect(extraction.errorCodes.count == 10)
        let malformed = try #require(extraction.errorCodes.first { $0.code == "EVS.5400" })
        #expect(malformed.status == 400)
        #expect(malformed.messages.map(\.message) == ["Malformed request body.", "Malformed request url."])
        #expect(malformed.messages.first?.description == "请求错误, 请求体参数和格式错误。")
        #expect(malformed.messages.first?.remedy == "请检查请求体参数和格式是否正确。")
        #expect(extraction.errorCodes.first { $0.code == "EVS.5404" }?.status == 404)
        // The first row's <tr> is line 19 of the page.
        #expect(extraction.errorCodes.first?.source?.line == 19)
        #expect(extraction.tables.count == 1 && extraction.tables.allSatisfy { $0.isPlaced })
    }

    @Test("the 云硬盘状态 page gives the volume state table")
    func statePage() throws {
        let extraction = try DocumentReaders.read(try TestDocuments.fixture("evs-volume-states-page.md"))
        #expect(extraction.operations.isEmpty)
        #expect(extraction.diagnostics.isEmpty, "\(extraction.diagnostics)")
        let table = try #require(extraction.stateTables.first)
        #expect(table.resource == "volume")
        #expect(table.title == "云硬盘状态")
        #expect(table.states.count == 18)
        #expect(table.states.first?.value == "creating")
        #expect(table.states.first?.description == "云硬盘处于正在创建的过程中。")
        #expect(table.states.contains { $0.value == "awaiting-transfer" })
    }

    @Test("another vendor's code table in the same shape is read by its header words", arguments: [
        ("vbs-error-codes-page.md", DocumentFormat.markdownHTML, ["VBS.0001": 400, "VBS.0003": 403, "VBS.0004": 404]),
        ("gateway-error-codes.md", .markdownPipe, ["400": 200, "404": 200, "409": 200, "500": 200]),
        ("bcc-error-codes.txt", .plainText, ["BadRequest": 400, "MalformedJSON": 400, "AccessDenied": 403, "NoSuchObject": 404, "OperationDenied": 409, "InternalError": 500]),
    ])
    func otherVendors(fixture: String, format: DocumentFormat, codes: [String: Int]) throws {
        let extraction = try DocumentReaders.read(try TestDocuments.fixture(fixture))
        #expect(extraction.format == format)
        #expect(extraction.operations.isEmpty)
        #expect(!extraction.diagnostics.contains { $0.severity == .error }, "\(extraction.diagnostics)")
        #expect(Dictionary(uniqueKeysWithValues: extraction.errorCodes.map { ($0.code, $0.status) }) == codes)
        #expect(extraction.errorCodes.allSatisfy { !$0.message.isEmpty })
    }

    @Test("English headers: the description and the solution columns")
    func englishColumns() throws {
        let extraction = try DocumentReaders.read(try TestDocuments.fixture("vbs-error-codes-page.md"))
        let code = try #require(extraction.errorCodes.first { $0.code == "VBS.0004" })
        #expect(code.message == "The backup does not exist.")
        #expect(code.messages.first?.description == "The backup could not be found.")
        #expect(code.messages.first?.remedy == "Check the backup ID.")
    }

    @Test("pages and the reference merge as the reference and its appendices do")
    func pagesMergeWithTheReference() throws {
        let documents = [
            try TestDocuments.vendor("huawei-evs", "002_4af2597416b1ee7d.txt"),
            try TestDocuments.fixture("evs-error-codes-page.md"),
            try TestDocuments.fixture("evs-volume-states-page.md"),
        ]
        let spec = try ServiceExtractor.extract(service: "huawei-evs", documents: documents).spec
        // The page's codes are the appendix's: no code twice, EVS.5400 keeps its eight messages.
        #expect(Set(spec.errorCodes.map { "\($0.code) \($0.status)" }).count == spec.errorCodes.count)
        #expect(spec.errorCodes.first { $0.code == "EVS.5400" }?.messages.count == 8)
        // One volume table: the appendix's console names stay, the page adds no state.
        let volume = try #require(spec.stateTables.first { $0.resource == "volume" })
        #expect(volume.states.count == 18)
        #expect(volume.state(named: "可用")?.value == "available")
        #expect(!spec.diagnostics.contains { $0.code == "document.conflict" && $0.message.contains("state table") })
    }

    @Test("a state page that lists a state the reference lacks: one table with every state, and a conflict")
    func stateTablesDisagree() throws {
        let page = try TestDocuments.fixture("evs-volume-states-page.md")
        // The same page with one more row, as a newer page might have it (made up for the test).
        let extra = "<tr><td><p>retyping</p></td><td><p>云硬盘处于正在变更类型的过程中。</p></td></tr>\n</tbody>"
        let newer = SourceDocument(name: "newer-states.md", text: page.text.replacingOccurrences(of: "</tbody>", with: extra))
        let spec = try ServiceExtractor.extract(service: "evs", documents: [page, newer]).spec
        let volume = try #require(spec.stateTables.first)
        #expect(spec.stateTables.count == 1)
        #expect(volume.states.count == 19)
        #expect(volume.states.last?.value == "retyping")
        let conflict = try #require(spec.diagnostics.first { $0.code == "document.conflict" })
        #expect(conflict.severity == .warning)
        #expect(conflict.message.contains("retyping"))
        #expect(conflict.source.document == "newer-states.md")
    }

    // MARK: - The newer per-API layout

    @Test("the newer ECS layout: 表 captions, 状态码 lines, SDK name, examples under 请求示例/响应示例")
    func newerLayout() throws {
        let extraction = try DocumentReaders.read(try TestDocuments.fixture("ecs-attach-volume-page.md"))
        let operation = try #require(extraction.operations.first)
        #expect(operation.id == "AttachServerVolume")
        #expect(operation.method == "POST")
        #expect(operation.path == "/v1/{project_id}/cloudservers/{server_id}/attachvolume")
        #expect(operation.parameters(in: .path).map(\.name) == ["project_id", "server_id"])
        #expect(operation.constraints == ["云服务器的状态为运行中或关机时才能挂载磁盘。"])

        let body = try #require(operation.requestBody)
        #expect(body.at("volumeAttachment")?.name == "AttachServerVolumeOption")
        #expect(body.property(named: "volumeAttachment")?.required == true)
        #expect(body.at("volumeAttachment.volumeId")?.format == "uuid")
        #expect(body.at("volumeAttachment.device")?.minLength == 1)
        #expect(body.at("volumeAttachment.device")?.maxLength == 64)
        #expect(body.at("dry_run")?.defaultValue == "false")
        #expect(body.at("dry_run")?.evidence[.defaultValue]?.phrase == "默认值：false")

        #expect(operation.responses.map(\.status) == [200])
        #expect(operation.response(for: 200)?.description == "正常返回")
        #expect(operation.response(for: 200)?.body?.properties.map(\.name) == ["job_id"])

        let requests = operation.examples.filter { $0.kind == .request }
        #expect(requests.count == 2)
        // The request line in the block is split off; the body parses.
        #expect(requests[0].value?["volumeAttachment"]?["device"] == .string("/dev/sda"))
        #expect(requests[0].title == "挂载ID为a26887c6-c47b-4654-abb5-dfadf7d3f803的磁盘到云服务器的/dev/sda挂载点。")
        // A curl command is kept as text, with a note, not reported as broken JSON.
        #expect(requests[1].value == nil)
        #expect(requests[1].text.hasPrefix("curl -X POST"))
        #expect(extraction.diagnostics.contains { $0.code == "example.not-json" && $0.severity == .note })
        #expect(!extraction.diagnostics.contains { $0.code == "example.invalid-json" })
        let response = try #require(operation.examples.first { $0.kind == .response })
        #expect(response.status == 200)
        #expect(response.title == "正常返回")
        #expect(response.value?["job_id"] == .string("ff80808288d41e1b018990260955686a"))
        #expect(extraction.tables.count == 5 && extraction.tables.allSatisfy { $0.isPlaced })
    }

    @Test("the older layout's examples under a 示例 heading, told apart by their labels")
    func examplesSection() throws {
        let text = """
        # 关闭云服务器

        ## URI

        POST /v2/\\{project\\_id\\}/servers/\\{server\\_id\\}/action

        ## 示例

        -   请求样例

            ```
            {
                "os-stop": {}
            }
            ```

        -   响应样例

            ```
            {
                "job_id": "70a599e0-31e7-49b7-b260-868f441e862b"
            }
            ```

        ## 返回值

        请参考[通用请求返回值](通用请求返回值.md)。
        """
        let extraction = HuaweiPageReader().read(SourceDocument(name: "stop.md", text: text))
        let operation = try #require(extraction.operations.first)
        #expect(operation.examples.map(\.kind) == [.request, .response])
        #expect(operation.examples[0].value == ["os-stop": [:]])
        #expect(operation.examples[1].status == 200)
    }

    // MARK: - Pages that disagree with the reference

    @Test("the page's narrower volume_type list is a reading of the reference's field, and a conflict")
    func narrowPageAgainstReference() throws {
        let documents = [try TestDocuments.vendor("huawei-evs", "002_4af2597416b1ee7d.txt"), try TestDocuments.fixture("evs-create-volume-page.md")]
        let spec = try ServiceExtractor.extract(service: "huawei-evs", documents: documents).spec
        let operation = try #require(spec.operations.first { $0.id == "CreateVolume" })
        let volumeType = try #require(operation.requestBody?.at("volume.volume_type"))
        #expect(volumeType.enumeration == ["SATA", "SAS", "GPSSD", "SSD", "ESSD", "GPSSD2", "ESSD2"])
        let reading = try #require(volumeType.readings.first)
        #expect(reading.schema.enumeration == ["SATA", "SAS", "SSD"])
        #expect(reading.basis == .sentence)
        #expect(reading.phrase == "目前支持“SATA”，“SAS”和“SSD”三种")
        #expect(reading.source.document == "evs-create-volume-page.md")
        #expect(spec.diagnostics.contains { $0.code == "document.conflict" && $0.message.contains("volume.volume_type: values") })
        // The page's example (volume_type GPSSD) is kept with the merged operation.
        #expect(operation.examples.contains { $0.source.document == "evs-create-volume-page.md" && $0.value?["volume"]?["volume_type"] == .string("GPSSD") })
    }

    @Test("two pages that disagree: the first page's field keeps the second's wider list reachable")
    func twoPagesDisagree() throws {
        let page = try TestDocuments.fixture("evs-create-volume-page.md")
        let wider = SourceDocument(name: "zz-create-volume-newer.md", text: page.text.replacingOccurrences(of: "目前支持“SATA”，“SAS”和“SSD”三种。", with: "目前支持“SATA”，“SAS”，“GPSSD”，“SSD”，“ESSD”，“GPSSD2”和“ESSD2”七种。"))
        let spec = try ServiceExtractor.extract(service: "evs", documents: [page, wider]).spec
        #expect(spec.operations.count == 1)
        let volumeType = try #require(spec.operations.first?.requestBody?.at("volume.volume_type"))
        #expect(volumeType.enumeration == ["SATA", "SAS", "SSD"])
        // The newer page's seven types, and the example's GPSSD as one more value of the first
        // page's list (the example reads the value differently too: ReadingCollector).
        #expect(volumeType.readings.map(\.schema.enumeration) == [["SATA", "SAS", "GPSSD", "SSD", "ESSD", "GPSSD2", "ESSD2"], ["SATA", "SAS", "SSD", "GPSSD"]])
        #expect(volumeType.readings.first?.source.document == "zz-create-volume-newer.md")
        #expect(volumeType.readings.last?.basis == .example)
    }

    @Test("facts the create page states: defaults, bounds, conditional name lengths as notes")
    func createPageFacts() throws {
        let extraction = try DocumentReaders.read(try TestDocuments.fixture("evs-create-volume-page.md"))
        let body = try #require(extraction.operations.first?.requestBody)
        #expect(body.at("bssParam.chargingMode")?.defaultValue == "postPaid")
        #expect(body.at("bssParam.chargingMode")?.enumeration == ["prePaid", "postPaid"])
        #expect(body.at("bssParam.isAutoPay")?.defaultValue == "false")
        #expect(body.at("volume.size")?.minimum == 1)
        #expect(body.at("volume.size")?.maximum == 32768)
        #expect(body.at("volume.count")?.maximum == 100)
        // 255 bytes for one volume, 250 for a batch: neither is applied to every request.
        #expect(body.at("volume.name")?.maxLength == nil)
        let notes = extraction.diagnostics.filter { $0.code == "fact.conditional" }
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.message.hasPrefix("field 'name'") && $0.source.line == 96 })
    }

    // MARK: - Links and names

    @Test("a field's link to its table's anchor wins over names that do not match (resource_tag vs tag)")
    func anchorLinks() throws {
        let page = try TestDocuments.fixture("evs-batch-tags-page.md")
        let extraction = HuaweiPageReader().read(page)
        let operation = try #require(extraction.operations.first)
        #expect(operation.action == "create")
        let item = try #require(operation.requestBody?.at("tags.[]"))
        #expect(item.properties.map(\.name) == ["key", "value"])
        #expect(item.at("key")?.maxLength == 36)
        #expect(item.at("value")?.maxLength == 43)
        #expect(!extraction.diagnostics.contains { $0.code == "type.unresolved" })
        #expect(extraction.tables.allSatisfy { $0.isPlaced })

        // Without the link's target the names alone do not resolve it.
        let unlinked = SourceDocument(name: "unlinked.md", text: page.text.replacingOccurrences(of: "href=\"#li4495404118563\"", with: "href=\"#elsewhere\""))
        let without = HuaweiPageReader().read(unlinked)
        #expect(without.operations.first?.requestBody?.at("tags.[]")?.properties.isEmpty == true)
        #expect(without.diagnostics.contains { $0.code == "table.unreferenced" })
    }
}
