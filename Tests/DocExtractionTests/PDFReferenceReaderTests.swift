import ConformanceModel
@testable import DocExtraction
import Foundation
import Testing

/// Reads the real EVS API reference (specs/huawei-evs/docs/002_*.txt) once for the whole suite.
private enum EVSReference {
    static let documents: [SourceDocument] = {
        let folder = TestDocuments.project.documents("huawei-evs")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.compactMap { try? SourceDocument.load(path: folder.appendingPathComponent($0).path) }
    }()

    static let reference: SourceDocument? = documents.first { $0.name.hasPrefix("002_") }
    static let extraction: DocumentExtraction? = reference.map { PDFReferenceReader().read($0) }
    static let spec: ServiceSpec? = try? ServiceExtractor.extract(service: "huawei-evs", documents: documents).spec

    static func operation(section: String) throws -> ConformanceModel.Operation {
        try #require(extraction?.operations.first { $0.source.section == section }, "no operation for §\(section)")
    }
}

@Suite("PDF reference reader")
struct PDFReferenceReaderTests {
    @Test("the document is detected as PDF text and yields every operation its TOC lists")
    func everyOperation() throws {
        let document = try #require(EVSReference.reference)
        #expect(DocumentFormat.detect(document) == .pdfText)
        let extraction = try #require(EVSReference.extraction)
        #expect(extraction.operations.count == 122)
        #expect(!extraction.diagnostics.contains { $0.code == "operation.missing" })
        let sections = Set(extraction.operations.compactMap(\.source.section))
        #expect(sections.count == 122)
        #expect(sections.contains("5.1") && sections.contains("8.2.6.12"))
        // The merged spec keeps 5.1 and 8.2.5.2 (both `GET /`) and merges the extend page into 8.2.1.21.
        let spec = try #require(EVSReference.spec)
        #expect(spec.operations.count == 122)
        #expect(spec.operations.filter { $0.method == "GET" && $0.path == "/" }.count == 2)
        #expect(spec.diagnostics.contains { $0.code == "document.conflict" && $0.message.contains("§8.2.1.21") && $0.message.contains("deprecated") })
    }

    @Test("create volume v2.1: nested bssParam, volume and the scheduler hints with the table's spelling")
    func createVolume() throws {
        let operation = try EVSReference.operation(section: "6.1.1")
        #expect(operation.id == "CreateVolume")
        #expect(operation.method == "POST")
        #expect(operation.path == "/v2.1/{project_id}/cloudvolumes")
        #expect(operation.title == "创建云硬盘")
        #expect(!operation.deprecated)
        #expect(operation.parameters.map(\.name) == ["project_id", "X-Auth-Token", "X-Client-Token"])
        #expect(operation.parameters.first { $0.name == "X-Auth-Token" }?.location == .header)

        let body = try #require(operation.requestBody)
        #expect(body.properties.map(\.name) == ["bssParam", "volume", "server_id", "OS-SCH-HNT:schedule_r_hints"])
        #expect(body.requiredNames == ["volume"])

        let bss = try #require(body.property(named: "bssParam")?.schema)
        #expect(bss.name == "BssParamForCreateVolume")
        #expect(bss.property(named: "chargingMode")?.schema.enumeration == ["prePaid", "postPaid"])
        #expect(bss.property(named: "chargingMode")?.schema.defaultValue == "postPaid")
        // "periodType为month时，为[1-9]periodType为year时，为[1-1]": each range holds for one
        // value of periodType, so neither is applied; both are notes.
        #expect(bss.property(named: "periodNum")?.schema.minimum == nil)
        #expect(bss.property(named: "periodNum")?.schema.maximum == nil)
        #expect(EVSReference.extraction?.diagnostics.filter { $0.code == "fact.conditional" && $0.source.section == "6.1.1" && $0.message.contains("periodNum") }.count == 2)
        #expect(bss.property(named: "chargingMode")?.schema.evidence[.defaultValue]?.phrase == "默认取值 postPaid")
        #expect(bss.property(named: "periodType")?.schema.enumeration == ["month", "year"])

        let volume = try #require(body.property(named: "volume")?.schema)
        #expect(volume.name == "CreateVolumeOption")
        // 15 fields over six page-break parts of 表 6-5.
        #expect(volume.properties.count == 15)
        #expect(volume.requiredNames == ["availability_zone", "size", "volume_type"])
        #expect(volume.property(named: "volume_type")?.schema.enumeration == ["SATA", "SAS", "GPSSD", "SSD", "ESSD", "GPSSD2", "ESSD2"])
        #expect(volume.property(named: "count")?.schema.maximum == 100)
        #expect(volume.property(named: "description")?.schema.maxLength == 85)
        #expect(volume.property(named: "size")?.schema.minimum == 1)
        #expect(volume.property(named: "size")?.schema.maximum == 32768)
        #expect(volume.property(named: "metadata")?.schema.kind == .map)
        #expect(volume.property(named: "metadata")?.schema.values?.kind == .string)

        let hints = try #require(body.property(named: "OS-SCH-HNT:schedule_r_hints")?.schema)
        #expect(hints.name == "CreateVolumeSchedulerHints")
        #expect(hints.properties.map(\.name) == ["dedicated_storage_id"])

        #expect(operation.responses.map(\.status) == [202, 400])
        #expect(operation.response(for: 202)?.description == "Accepted")
        #expect(operation.response(for: 202)?.body?.properties.map(\.name) == ["job_id", "order_id", "volume_ids"])
        #expect(operation.response(for: 400)?.body?.property(named: "error")?.schema.properties.map(\.name) == ["code", "message"])

        // The example spells the key as the API does; the mismatch is reported, the table's name kept.
        let diagnostics = try #require(EVSReference.extraction).diagnostics.filter { $0.source.section == "6.1.1" }
        #expect(diagnostics.contains { $0.code == "example.undocumented-field" && $0.message.contains("OS-SCH-HNT:scheduler_hints") && $0.message.contains("OS-SCH-HNT:schedule_r_hints") })
        // The first request example is JSON; the second has a trailing comma and is kept, marked.
        let requests = operation.examples.filter { $0.kind == .request }
        #expect(requests.count == 2)
        #expect(requests[0].value != nil)
        #expect(requests[1].value == nil && requests[1].problem != nil)
        // The 400 example was split by a page break and is whole again.
        let error = try #require(operation.examples.first { $0.kind == .response && $0.status == 400 })
        #expect(error.value?.objectValue?["error"]?.objectValue?["code"] != nil)
    }

    @Test("Cinder os-extend: a body-key action on the shared action route")
    func osExtend() throws {
        let operation = try EVSReference.operation(section: "8.2.1.21")
        #expect(operation.method == "POST")
        #expect(operation.path == "/v2/{project_id}/volumes/{volume_id}/action")
        #expect(operation.action == "os-extend")
        #expect(operation.actionSelector == .bodyKey)
        #expect(operation.deprecated)
        let extend = try #require(operation.requestBody?.property(named: "os-extend"))
        #expect(extend.required)
        #expect(extend.schema.property(named: "new_size")?.schema.kind == .integer)
        #expect(extend.schema.property(named: "new_size")?.required == true)
        // The other actions on the same route are told apart by their body keys.
        let actions = try #require(EVSReference.extraction).operations
            .filter { $0.method == "POST" && $0.path == "/v2/{project_id}/volumes/{volume_id}/action" }
            .compactMap(\.action)
        #expect(Set(actions) == ["os-extend", "os-set_bootable", "os-update_readonly_flag", "os-volume_upload_image", "os-attach", "os-detach", "os-reserve", "os-unreserve"])
    }

    @Test("objects are named after their tables' captions, as the SDK names them")
    func captionNames() throws {
        // "CreateSnaps hotOption object": a type word broken by a line wrap; the table is captioned
        // "表 6-128 CreateSnapshotOption", the class the SDK samples build.
        let create = try EVSReference.operation(section: "6.2.1")
        let snapshot = try #require(create.requestBody?.property(named: "snapshot")?.schema)
        #expect(snapshot.name == "CreateSnapshotOption")
        #expect(snapshot.docType == "CreateSnaps hotOption object")
        // "UpdateSnapshotsOption object" above the table captioned "UpdateSnapshotOption".
        let update = try EVSReference.operation(section: "6.2.3")
        #expect(update.requestBody?.property(named: "snapshot")?.schema.name == "UpdateSnapshotOption")
        #expect(EVSReference.extraction?.diagnostics.contains { $0.code == "schema.caption-name" && $0.message.contains("'UpdateSnapshotsOption'") && $0.source.section == "6.2.3" } == true)
        // A body read from the table captioned with the SDK's body type.
        #expect(try EVSReference.operation(section: "6.1.14").requestBody?.name == "RetypeVolumeRequestBody")
        // Each name is a class the reference's own SDK samples use.
        let reference = try #require(EVSReference.reference?.text)
        for name in ["CreateSnapshotOption", "UpdateSnapshotOption", "RetypeVolumeRequestBody"] {
            #expect(reference.contains("new \(name)()"), "\(name) is not an SDK class of the samples")
        }
    }

    @Test("tag actions are told apart by the value of the action field")
    func tagActions() throws {
        let create = try EVSReference.operation(section: "6.4.1")
        let delete = try EVSReference.operation(section: "6.4.2")
        #expect(create.action == "create" && create.actionSelector == .bodyField("action"))
        #expect(delete.action == "delete" && delete.actionSelector == .bodyField("action"))
        #expect(create.response(for: 204)?.body == nil)
        #expect(create.requestBody?.property(named: "tags")?.schema.items?.name == "Tag")
    }

    @Test("quota query: every QuotaDetail object is resolved within the operation")
    func quota() throws {
        let operation = try EVSReference.operation(section: "6.3.1")
        #expect(operation.path == "/v2/{project_id}/os-quota-sets/{target_project_id}")
        #expect(operation.parameters.contains { $0.name == "usage" && $0.location == .query && $0.required })
        let quotaSet = try #require(operation.response(for: 200)?.body?.property(named: "quota_set")?.schema)
        #expect(quotaSet.name == "QuotaList")
        #expect(quotaSet.properties.count == 28)
        let gigabytes = try #require(quotaSet.property(named: "backup_gigabytes")?.schema)
        #expect(gigabytes.name == "QuotaDetailBackupGigabytes")
        #expect(gigabytes.properties.map(\.name) == ["in_use", "limit", "reserved"])
        let objects = quotaSet.properties.filter { $0.schema.kind == .object }
        #expect(objects.allSatisfy { !$0.schema.properties.isEmpty })
    }

    @Test("job query: nested entities and sub-jobs with their enumerations")
    func job() throws {
        let operation = try EVSReference.operation(section: "6.5.1")
        #expect(operation.id == "ShowJob")
        #expect(operation.method == "GET")
        #expect(operation.path == "/v1/{project_id}/jobs/{job_id}")
        let body = try #require(operation.response(for: 200)?.body)
        // "... WAITING_EXECUTE：等待执行。 LISTENING：job监听中。": six states, the last one
        // defined like the others although its meaning starts with a Latin letter.
        #expect(body.property(named: "status")?.schema.enumeration == ["SUCCESS", "RUNNING", "FAIL", "INIT", "WAITING_EXECUTE", "LISTENING"])
        let entities = try #require(body.property(named: "entities")?.schema)
        #expect(entities.name == "JobEntities")
        let subJob = try #require(entities.property(named: "sub_jobs")?.schema.items)
        #expect(subJob.property(named: "entities")?.schema.name == "SubJobEntities")
        #expect(subJob.property(named: "job_id")?.schema.kind == .string)
    }

    @Test("a heading glued to the line before it starts its own operation")
    func gluedHeading() throws {
        let operation = try EVSReference.operation(section: "8.2.4.12")
        #expect(operation.title == "删除云硬盘快照的单个元数据（废弃）")
        #expect(operation.deprecated)
        #expect(operation.method == "DELETE")
        #expect(operation.path == "/v2/{project_id}/snapshots/{snapshot_id}/metadata/{key}")
        #expect(operation.parameters.filter { $0.location == .path }.map(\.name) == ["project_id", "snapshot_id", "key"])
        // §8.2.4.11, the section before, ends where the glued heading starts.
        let previous = try EVSReference.operation(section: "8.2.4.11")
        #expect(previous.method == "GET")
    }

    @Test("the error-code table: one entry per code and status, with every message")
    func errorCodes() throws {
        let extraction = try #require(EVSReference.extraction)
        #expect(extraction.errorCodes.count == 158)
        #expect(extraction.errorCodes.reduce(0) { $0 + $1.messages.count } == 168)
        let evs5400 = try #require(extraction.errorCodes.first { $0.code == "EVS.5400" })
        #expect(evs5400.status == 400)
        #expect(evs5400.messages.count == 8)
        // `Common.001 1` (a line wrap in the code cell) is the same code as `Common.0011`.
        let common = try #require(extraction.errorCodes.first { $0.code == "Common.0011" })
        #expect(common.messages.map(\.message) == ["query job fail.", "No jobs found.", "query job fail."])
        #expect(!extraction.errorCodes.contains { $0.code.contains(" ") })
        let first = try #require(extraction.errorCodes.first)
        #expect(first.code == "EVS.2088")
        #expect(first.messages[0].description == "云硬盘retype前置检查失败。")
        #expect(first.messages[0].remedy == "请检查retype的目标类型是否支持、售罄。")
        #expect(extraction.statusCodes.count == 20)
        #expect(extraction.statusCodes.first { $0.status == 413 }?.description == "overLimit")
    }

    @Test("the volume and snapshot state tables, and the fields that point to them")
    func stateTables() throws {
        let spec = try #require(EVSReference.spec)
        let volume = try #require(spec.stateTable(for: "volume"))
        #expect(volume.title == "云硬盘状态")
        #expect(volume.states.count == 18)
        #expect(volume.state(named: "available")?.consoleName == "可用")
        #expect(volume.state(named: "正在使用")?.value == "in-use")
        #expect(volume.states.last?.value == "awaiting-transfer")
        let snapshot = try #require(spec.stateTable(for: "snapshot"))
        #expect(snapshot.title == "云硬盘快照状态")
        #expect(snapshot.states.map(\.value) == ["creating", "available", "error", "deleting", "error_deleting", "rollbacking", "backing-up"])
        let show = try #require(spec.operations.first { $0.source.section == "6.1.5" })
        let status = show.response(for: 200)?.body?.property(named: "volume")?.schema.property(named: "status")?.schema
        #expect(status?.stateTable == "volume")
    }

    @Test("authentication and error envelopes from chapter 3 and the operation tables")
    func conventions() throws {
        let extraction = try #require(EVSReference.extraction)
        let token = try #require(extraction.authentication.first { $0.name == "token" })
        #expect(token.header == "X-Auth-Token")
        let aksk = try #require(extraction.authentication.first { $0.name == "aksk" })
        #expect(aksk.header == "Authorization")
        #expect(aksk.scheme == "SDK-HMAC-SHA256")
        let wrapped = try #require(extraction.errorEnvelopes.first)
        #expect(wrapped.wrapper == .anyKey(examples: ["error"]))
        #expect(wrapped.codeField == "code" && wrapped.messageField == "message")
    }

    @Test("every table is placed or skipped with a reason")
    func tableAccounts() throws {
        let extraction = try #require(EVSReference.extraction)
        // Every numbered caption of the document (`表 6-5 CreateVolumeOption`, found here by a
        // plain line match) is accounted for, and no account names a caption the text lacks.
        let text = try String(contentsOf: TestDocuments.repositoryRoot.appendingPathComponent("specs/huawei-evs/docs/002_4af2597416b1ee7d.txt"), encoding: .utf8)
        // A caption starts a line or follows `**` where the export ran it into the line before
        // (`状态码：400**表 6-108 响应 Body 参数**`, line 4466).
        let number = /(?:^|\*\*)表 (\d+-\d+)/
        let captions = Set(text.split(separator: "\n").flatMap { line in line.matches(of: number).map { String($0.1) } })
        let accounted = Set(extraction.tables.compactMap { $0.source.table?.firstMatch(of: number).map { String($0.1) } })
        #expect(captions.count == 897)
        #expect(captions.subtracting(accounted).isEmpty, "captions without an account: \(captions.subtracting(accounted).sorted())")
        #expect(accounted.subtracting(captions).isEmpty, "accounts naming no caption: \(accounted.subtracting(captions).sorted())")
        let skipped = extraction.tables.filter { !$0.isPlaced }
        for account in skipped {
            guard case .skipped(let reason) = account.disposition else { continue }
            #expect(!reason.isEmpty)
        }
        #expect(extraction.tables.contains { $0.source.table == "表 6-5 CreateVolumeOption" && $0.disposition == .placed("nested structure 'CreateVolumeOption'") })
        #expect(skipped.contains { $0.source.section == "B" })
    }
}

@Suite("PDF reference reader on small documents")
struct PDFReferenceFixtureTests {
    private static let sample = """
        目录

        1 API\t1
        1.1 查询云硬盘\t1
        A 附录\t2
        A.1 云硬盘状态\t2

        1 API

        1.1 查询云硬盘

        功能介绍

        查询云硬盘。

        URI

        GET /v2/{project_id}/volumes/{volume_id}

        表 1-1 路径参数

        参数\t是否必选\t参数类型\t描述
        project_id\t是\tString\t项目ID。

        参数\t是否必选\t参数类型\t描述
        volume_id\t是\tString\t云硬盘ID。

        响应参数

        状态码：200

        表 1-2 响应 Body 参数

        参数\t参数类型\t描述
        volume\tVolumeDetail object\t云硬盘。

        表 1-3 VolumeDetail

        参数\t参数类型\t描述
        id\tString\t云硬盘ID。

        参数\t参数类型\t描述
        status\tString\t<p>参数解释 云硬盘状态，请参见 云硬盘状态 。</p> <p>取值范围 不涉及。</p>

        响应示例

        状态码：200

        ```
        {
          "volume": {
        ```

        ```
            "id": "a long
        id", "status": "available"
          }
        }
        ```

        状态码

        状态码\t描述
        200\tOK

        A 附录

        A.1 云硬盘状态

        云硬盘状态(API)\t云硬盘状态 (console)\t说明
        available\t可用\t可以挂载。
        """

    @Test("page-break parts of a table merge, and a split example is joined")
    func mergeAndJoin() throws {
        let extraction = PDFReferenceReader().read(SourceDocument(name: "sample.txt", text: Self.sample))
        let operation = try #require(extraction.operations.first)
        #expect(operation.source.section == "1.1")
        #expect(operation.parameters.map(\.name) == ["project_id", "volume_id"])
        let volume = try #require(operation.response(for: 200)?.body?.property(named: "volume")?.schema)
        #expect(volume.properties.map(\.name) == ["id", "status"])
        #expect(volume.property(named: "status")?.schema.description == "参数解释 云硬盘状态，请参见 云硬盘状态 。\n取值范围 不涉及。")
        let example = try #require(operation.examples.first)
        #expect(example.status == 200)
        #expect(example.value?.objectValue?["volume"]?.objectValue?["id"] == .string("a longid"))
        #expect(extraction.stateTables.first?.states.first?.consoleName == "可用")
        #expect(extraction.tables.filter { $0.source.table == "表 1-1 路径参数" }.count == 1)
    }

    @Test("malformed input gives diagnostics, not a crash")
    func malformed() {
        let truncated = String(Self.sample.prefix(Self.sample.count / 2))
        let cases = [
            truncated,
            "",
            "表 1-1 孤立的标题\n\n正文。\n",
            "1.1 无表\n\nURI\n\n表 1-1 路径参数\n\n参数\t是否必选\t参数类型\t描述\n\n```\n{ \"a\": \n",
            "URI\n\nGET /x\n\n表 1-1 空表\n\n参数\t参数类型\t描述\n",
        ]
        for text in cases {
            let extraction = PDFReferenceReader().read(SourceDocument(name: "bad.txt", text: text))
            #expect(extraction.tables.allSatisfy { !$0.source.document.isEmpty })
        }
        let orphan = PDFReferenceReader().read(SourceDocument(name: "bad.txt", text: cases[2]))
        #expect(orphan.diagnostics.contains { $0.code == "table.caption-without-table" })
        let empty = PDFReferenceReader().read(SourceDocument(name: "bad.txt", text: cases[4]))
        #expect(empty.tables.contains { $0.disposition == .skipped("no rows") })
    }

    @Test("a heading glued in bold markers is split off its line")
    func lexerSplitsGluedHeading() {
        let outline = PDFOutline.read(["目录", "8.2.4.12 删除元数据（废弃）\t569"])
        let pieces = PDFLineLexer.splitGlued("错误码请参见[错误码](#)。**8.2.4.12 删除元数据（废弃）****功能介绍**", outline: outline)
        #expect(pieces == ["错误码请参见[错误码](#)。", "8.2.4.12 删除元数据（废弃）", "功能介绍"])
        #expect(PDFLineLexer.splitGlued("状态码：400**表 8-400** 响应 Body 参数", outline: outline) == ["状态码：400", "表 8-400 响应 Body 参数"])
        #expect(PDFLineLexer.splitGlued("- **accountid**为IAM用户所属的账号ID。", outline: outline) == nil)
    }
}

@Suite("A 状态码 section written as a list")
struct StatusListTests {
    @Test("group labels, bare status lines and comma lists count; a sentence with a number does not")
    func lines() {
        #expect(HuaweiConventions.statusListLine("正常").opensErrorGroup == false)
        #expect(HuaweiConventions.statusListLine("300").statuses == [300])
        #expect(HuaweiConventions.statusListLine("异常 400, 404").opensErrorGroup == true)
        #expect(HuaweiConventions.statusListLine("异常 400, 404").statuses == [400, 404])
        #expect(HuaweiConventions.statusListLine("400、401、500").statuses == [400, 401, 500])
        #expect(HuaweiConventions.statusListLine("请参见表 5-200 状态码").statuses.isEmpty)
        #expect(HuaweiConventions.statusListLine("1200").statuses.isEmpty)
    }

    /// A page written for this test in the reference's layout (not a seed page): a status list
    /// with both groups, and the body table under no status line.
    @Test("an unseen section's status list gives its responses, the body table under the first success")
    func unseenSection() throws {
        let text = """
        1 API

        1.1 查询示例资源

        功能介绍

        查询示例资源。

        URI

        GET /v9/{project_id}/examples

        响应消息

        表 1-1 响应参数说明

        参数\t参数类型\t描述
        examples\tArray of strings\t示例列表。

        状态码

        - 正常
        202

        - 异常
        400, 404

        """
        let extraction = PDFReferenceReader().read(SourceDocument(name: "999_example.txt", text: text))
        let operation = try #require(extraction.operations.first)
        #expect(operation.responses.map(\.status) == [202, 400, 404])
        #expect(operation.responses.first?.body?.properties.map(\.name) == ["examples"])
    }
}
