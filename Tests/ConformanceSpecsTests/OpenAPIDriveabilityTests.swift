import ConformanceModel
import Foundation
import Testing

/// What a generic client needs from the exports (issue 18), checked on the committed
/// `openapi.json` files against what the docs say, read by hand:
/// - Baidu 004 "Disk Renewal": `PUT /v2/volume/{volumeId}?purchaseReserved`, error table
///   BadRequest 400 … OperationDenied 409;
/// - EVS 3.3 状态码 and A.1 错误码: `EVS.5404` is 404, `EVS.5401` 401; the API gateway's flat
///   `{error_code, error_msg}` (3.3 返回结果);
/// - EVS 8.2.1 Cinder actions (`os-extend`, `os-reserve`, …) on one route, the tag actions
///   told apart by `"action": "create" | "delete"`;
/// - the rules and state machines in `ConformanceSpecs/Rules/`.
@Suite("OpenAPI export: what other tools need to drive it")
struct OpenAPIDriveabilityTests {
    static func document(_ service: String) throws -> JSONValue {
        try JSONValue.parse(try Repository.text("specs/\(service)/openapi.json"))
    }

    static func operation(_ document: JSONValue, _ method: String, _ path: String) throws -> JSONValue {
        try #require(document["paths"]?[path]?[method], "\(method) \(path)")
    }

    @Test("Baidu's ?purchaseReserved is a required query parameter that may be empty")
    func baiduRouteSelector() throws {
        let renewal = try Self.operation(Self.document("baidu-bcc"), "put", "/v2/volume/{volumeId}")
        let parameter = try #require(renewal["parameters"]?.arrayValue?.first { $0["name"] == "purchaseReserved" })
        #expect(parameter["in"] == "query")
        #expect(parameter["required"] == .bool(true))
        #expect(parameter["allowEmptyValue"] == .bool(true))
        // The documented error statuses, each listing its table code.
        let walker = OpenAPIWalker(document: try Self.document("baidu-bcc"))
        #expect(walker.response(of: renewal, status: 404)?["x-error-codes"] == .array(["NoSuchObject"]))
        #expect(walker.response(of: renewal, status: 409)?["x-error-codes"] == .array(["OperationDenied"]))
    }

    @Test("every EVS operation answers the service's error statuses with the envelopes and their codes")
    func serviceWideErrors() throws {
        let document = try Self.document("huawei-evs")
        let show = try Self.operation(document, "get", "/v2/{project_id}/cloudvolumes/{volume_id}")
        let walker = OpenAPIWalker(document: document)
        for status in [400, 401, 403, 404, 409, 413, 429, 500, 503] {
            #expect(walker.response(of: show, status: status) != nil, "ShowVolume lacks \(status)")
        }
        let notFound = try #require(walker.response(of: show, status: 404))
        #expect(notFound["x-error-codes"]?.arrayValue?.contains("EVS.5404") == true)
        #expect(walker.response(of: show, status: 401)?["x-error-codes"]?.arrayValue?.contains("EVS.5401") == true)
        // The body: the documented `{"<class>": {code, message}}` or the gateway's flat envelope.
        let options = walker.responseSchemas(of: show, status: 404)
        #expect(options.contains { $0["required"]?.arrayValue?.contains("error_code") == true })
        #expect(options.contains { $0["maxProperties"] == .number("1") && $0["additionalProperties"]?["required"]?.arrayValue?.contains("code") == true })
    }

    @Test("Cinder action variants are disjoint; a status some actions answer without a body has no content")
    func cinderActions() throws {
        let document = try Self.document("huawei-evs")
        let action = try Self.operation(document, "post", "/v2/{project_id}/volumes/{volume_id}/action")
        let walker = OpenAPIWalker(document: document)
        let variants = try #require(action["requestBody"]?["content"]?["application/json"]?["schema"]?["oneOf"]?.arrayValue)
        #expect(variants.count == 8)
        for variant in variants {
            let key = try #require(variant["x-action"]?.stringValue)
            let body = walker.withoutRules(variant)
            #expect(body["required"]?.arrayValue?.contains(.string(key)) == true, "\(key) is not required in its own variant")
        }
        // os-reserve, os-unreserve, os-detach, ... document 202 without a body; only
        // os-volume_upload_image gives one.
        let accepted = try #require(action["responses"]?["202"])
        #expect(accepted["content"] == nil)
        #expect(accepted["x-content-by-operation"]?.objectValue?.keys.sorted() == ["VolumeUploadImageVolumeV2"])
        // The 400 bodies of the eight actions are one shape, so one option, not eight.
        let badRequest = try #require(walker.response(of: action, status: 400)?["content"]?["application/json"]?["schema"])
        #expect((badRequest["anyOf"]?.arrayValue?.count ?? 1) <= 3)
        #expect(badRequest["oneOf"] == nil)
    }

    @Test("the tag action field is a const per variant")
    func tagActions() throws {
        let document = try Self.document("huawei-evs")
        let walker = OpenAPIWalker(document: document)
        let tags = try Self.operation(document, "post", "/v2/{project_id}/cloudvolumes/{volume_id}/tags/action")
        let variants = try #require(tags["requestBody"]?["content"]?["application/json"]?["schema"]?["oneOf"]?.arrayValue)
        var constants: [String] = []
        for variant in variants {
            let body = walker.withoutRules(variant)
            constants += body["properties"]?["action"]?["const"]?.stringValue.map { [$0] } ?? []
            #expect(body["required"]?.arrayValue?.contains("action") == true)
        }
        #expect(constants.sorted() == ["create", "delete"])
    }

    @Test("the cross-field rules of CreateVolume are in its request schema, with their citations")
    func crossFieldRules() throws {
        let document = try Self.document("huawei-evs")
        let create = try Self.operation(document, "post", "/v2.1/{project_id}/cloudvolumes")
        let parts = try #require(create["requestBody"]?["content"]?["application/json"]?["schema"]?["allOf"]?.arrayValue)
        let rules = parts.compactMap { $0["x-rule"]?.stringValue }.sorted()
        #expect(rules == [
            "evs.create-volume.iops-forbidden", "evs.create-volume.iops-required", "evs.create-volume.period-num-prepaid",
            "evs.create-volume.period-type-prepaid", "evs.create-volume.single-source",
            "evs.create-volume.throughput-forbidden", "evs.create-volume.throughput-required",
        ])
        #expect(parts.allSatisfy { $0["x-rule"] == nil || $0["x-citation"]?["sentence"] != nil })
    }

    @Test("CreateVolume links its volume id to ShowVolume, ResizeVolume and DeleteVolume, and its job id to ShowJob")
    func links() throws {
        let document = try Self.document("huawei-evs")
        let create = try Self.operation(document, "post", "/v2.1/{project_id}/cloudvolumes")
        let links = try #require(create["responses"]?["202"]?["links"]?.objectValue)
        for target in ["ShowVolume", "ResizeVolume", "DeleteVolume"] {
            let link = try #require(links[target], "no link to \(target)")
            #expect(link["parameters"]?["volume_id"] == "$response.body#/volume_ids/0")
            #expect(link["parameters"]?["project_id"] == "$request.path.project_id")
        }
        #expect(links["ShowJob"]?["parameters"]?["job_id"] == "$response.body#/job_id")
        // Every link names an operation of the document.
        var ids: Set<String> = []
        for (_, item) in document["paths"]?.objectValue ?? [:] {
            for (_, operation) in item.objectValue ?? [:] { if let id = operation["operationId"]?.stringValue { ids.insert(id) } }
        }
        for (_, link) in links { #expect(ids.contains(link["operationId"]?.stringValue ?? ""), "\(link)") }
    }
}
