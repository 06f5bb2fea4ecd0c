import ConformanceModel

/// Small specs written by hand, for the matching and classification rules that the seed pages
/// do not exercise (moved operations, renamed placeholders, responses, examples).
enum SyntheticSpecs {
    static func reference(_ line: Int, table: String? = nil) -> DocReference {
        DocReference(document: "api.md", section: "3.1", title: "Volumes", table: table, line: line)
    }

    static func field(_ name: String, _ kind: Schema.Kind, required: Bool = false, line: Int, enumeration: [String]? = nil,
                      maximum: Double? = nil, description: String? = nil, nullable: Bool = false) -> Property {
        Property(name: name, required: required, schema: Schema(kind: kind, description: description, enumeration: enumeration, maximum: maximum,
                                                                 nullable: nullable, source: reference(line, table: "Table 1")))
    }

    /// A volume API: create, show, a deprecated list, and an extend action.
    static func volumes() -> ServiceSpec {
        let create = Operation(
            id: "CreateVolume", title: "Create a volume", method: "POST", path: "/v2/{project_id}/volumes",
            parameters: [
                Parameter(name: "project_id", location: .path, required: true, schema: Schema(kind: .string, source: reference(10))),
                Parameter(name: "X-Auth-Token", location: .header, required: true, schema: Schema(kind: .string, source: reference(11))),
            ],
            requestBody: Schema(kind: .object, properties: [
                Property(name: "volume", required: true, schema: Schema(kind: .object, properties: [
                    field("size", .integer, required: true, line: 21, maximum: 32768, description: "The size, 单位为GB."),
                    field("volume_type", .string, line: 22, enumeration: ["SATA", "SAS", "SSD"], description: "Type: SATA, SAS, SSD."),
                    field("name", .string, line: 23),
                ], source: reference(20, table: "Table 1"))),
            ], source: reference(19, table: "Table 1")),
            responses: [
                Response(status: 202, body: Schema(kind: .object, properties: [
                    field("job_id", .string, line: 31),
                    field("status", .string, line: 32, enumeration: ["creating", "available"]),
                ], source: reference(30, table: "Table 2")), source: reference(30)),
                Response(status: 400, source: reference(35)),
            ],
            examples: [Example(kind: .request, text: "{\"volume\": {\"size\": 10}}", value: .object(["volume": .object(["size": .integer(10)])]), source: reference(40))],
            source: reference(5))
        let show = Operation(id: "ShowVolume", title: "Show a volume", method: "GET", path: "/v2/{project_id}/volumes/{volume_id}",
                             parameters: [
                                Parameter(name: "project_id", location: .path, required: true, schema: Schema(kind: .string, source: reference(50))),
                                Parameter(name: "volume_id", location: .path, required: true, schema: Schema(kind: .string, source: reference(51))),
                             ],
                             responses: [Response(status: 200, source: reference(55))], source: reference(45))
        let list = Operation(id: "ListVolumes", title: "List volumes", method: "GET", path: "/v1/{project_id}/volumes", deprecated: true,
                             parameters: [Parameter(name: "limit", location: .query, required: false, schema: Schema(kind: .integer, source: reference(61)))],
                             responses: [Response(status: 200, source: reference(62))], source: reference(60))
        let extend = Operation(id: "ExtendVolume", title: "Extend a volume", method: "POST", path: "/v2/{project_id}/volumes/{volume_id}/action",
                               action: "os-extend", actionSelector: .bodyKey, responses: [Response(status: 202, source: reference(72))], source: reference(70))
        return ServiceSpec(service: "synthetic", documents: ["api.md"], operations: [create, show, list, extend],
                           errorCodes: [ErrorCode(code: "VOL.001", status: 400, messages: [.init(message: "bad size")], source: reference(90, table: "Error codes"))],
                           authentication: [Authentication(name: "token", header: "X-Auth-Token", source: reference(3))])
    }
}
