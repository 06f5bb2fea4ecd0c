import ConformanceModel
import SpecDiff
import Testing

/// Matching and classification on hand-written specs, each expectation read off the edit.
@Suite("diff: operations, parameters, responses, examples")
struct OperationMatchingTests {
    let old = SyntheticSpecs.volumes()

    @Test("a spec against itself is empty")
    func identity() {
        #expect(SpecDiff.changes(from: old, to: old).isEmpty)
    }

    @Test("a renamed path placeholder is the same route: a rename, not a removal")
    func renamedPlaceholder() throws {
        var new = old
        new.operations[1].path = "/v2/{project_id}/volumes/{id}"
        new.operations[1].parameters[1].name = "id"
        let changes = SpecDiff.changes(from: old, to: new)
        #expect(changes.map(\.id) == ["request-path-parameter-renamed"])
        let rename = try changes.only("request-path-parameter-renamed", at: "/path/id")
        #expect(rename.old == .string("volume_id") && rename.new == .string("id") && rename.level == .info)
        #expect(rename.oldSource.reference?.line == 51)
    }

    @Test("operations: removed with and without deprecation, added, moved (same id), id changed")
    func operations() throws {
        var new = old
        new.operations.removeAll { $0.id == "ListVolumes" || $0.id == "ShowVolume" }
        new.operations[0].path = "/v3/{project_id}/volumes"           // CreateVolume moved
        new.operations[1].id = "ResizeVolume"                         // ExtendVolume renamed, same route
        new.operations.append(Operation(id: "DeleteVolume", title: "Delete", method: "DELETE", path: "/v2/{project_id}/volumes/{volume_id}", source: SyntheticSpecs.reference(80)))
        let changes = SpecDiff.changes(from: old, to: new)
        #expect(try changes.only("api-path-changed", at: "").level == .breaking)
        #expect(try changes.only("api-path-changed", at: "").new == .string("POST /v3/{project_id}/volumes"))
        let renamed = try changes.only("api-operation-id-removed", at: "")
        #expect(renamed.old == .string("ExtendVolume") && renamed.new == .string("ResizeVolume") && renamed.level == .warning)
        #expect(try changes.only("endpoint-added", at: "").operation == "DeleteVolume")
        let removed = changes.filter { $0.id.hasPrefix("api-removed") }
        #expect(Set(removed.map { "\($0.id) \($0.operation!)" }) == ["api-removed-without-deprecation ShowVolume", "api-removed-with-deprecation ListVolumes"])
        #expect(removed.allSatisfy { $0.newSource.absent && $0.newSource.reference?.document == "api.md" })
    }

    @Test("request fields: required, enum, bound, nullable, default, unit; one change each")
    func requestFields() throws {
        var new = old
        var volume = new.operations[0].requestBody!.properties[0].schema
        volume.properties[2].required = true                                  // name
        volume.properties[1].schema.enumeration = ["SAS", "SSD", "GPSSD"]      // SATA out, GPSSD in
        volume.properties[0].schema.maximum = 65536                            // raised
        volume.properties[0].schema.description = "The size, 单位为GiB."
        volume.properties[2].schema.nullable = true
        volume.properties[2].schema.defaultValue = "volume-1"
        new.operations[0].requestBody!.properties[0].schema = volume
        let changes = SpecDiff.changes(from: old, to: new)
        #expect(Set(changes.map { "\($0.id) \($0.pointer) \($0.level.rawValue)" }) == [
            "request-property-became-required /volume/name breaking",
            "request-property-enum-value-removed /volume/volume_type breaking",
            "request-property-enum-value-added /volume/volume_type info",
            "request-property-max-increased /volume/size info",
            "request-property-unit-changed /volume/size warning",
            "request-property-description-changed /volume/size info",
            "request-property-became-nullable /volume/name info",
            "request-property-default-value-added /volume/name info",
        ])
        let unit = try changes.only("request-property-unit-changed", at: "/volume/size")
        #expect(unit.old == .string("GB") && unit.new == .string("GiB") && unit.newSource.quote == "The size, 单位为GiB.")
        let bound = try changes.only("request-property-max-increased", at: "/volume/size")
        #expect(bound.old == .number("32768") && bound.new == .number("65536"))
    }

    @Test("each side quotes the evidence the spec carries for a fact, at the evidence's place")
    func evidence() throws {
        var new = old
        let phrase = Evidence(.sentence, phrase: "取值范围：SAS、SSD", source: SyntheticSpecs.reference(222, table: "Table 9"))
        new.operations[0].requestBody!.properties[0].schema.properties[1].schema.enumeration = ["SAS", "SSD"]
        new.operations[0].requestBody!.properties[0].schema.properties[1].schema.evidence[.enumeration] = phrase
        let changes = SpecDiff.changes(from: old, to: new)
        let removed = try changes.only("request-property-enum-value-removed", at: "/volume/volume_type")
        #expect(removed.newSource.quote == "取值范围：SAS、SSD" && removed.newSource.reference?.line == 222)
        // OLD has no evidence: its quote is the sentence of the description that names the value.
        #expect(removed.oldSource.quote == "Type: SATA, SAS, SSD." && removed.oldSource.reference?.line == 22)
    }

    @Test("responses: success status changed, error status gone, field removed and retyped, enum grown")
    func responses() throws {
        var new = old
        new.operations[3].responses[0].body = Schema(kind: .object, properties: [SyntheticSpecs.field("job_id", .string, line: 74)], source: SyntheticSpecs.reference(73))
        var create = old.operations[0]
        create.responses[0].body!.properties.remove(at: 0)                           // job_id gone
        create.responses[0].body!.properties[0].schema.enumeration = ["creating", "available", "error"]
        create.responses.remove(at: 1)
        new.operations[0] = create
        let changes = SpecDiff.changes(from: old, to: new)
        #expect(Set(changes.map { "\($0.id) \($0.status.map(String.init) ?? "-") \($0.pointer)" }) == [
            "response-optional-property-removed 202 /job_id",
            "response-property-enum-value-added 202 /status",
            "response-non-success-status-removed 400 ",
            "response-body-added 202 ",
        ])
        let removed = try changes.only("response-optional-property-removed", at: "/job_id")
        #expect(removed.level == .breaking && removed.oldSource.reference?.line == 31 && removed.newSource.absent)
        #expect(removed.newSource.reference?.line == 30, "NEW cites its response table, where the field is missing")
    }

    @Test("a changed success status is breaking and says what NEW documents")
    func successStatus() throws {
        var new = old
        new.operations[0].responses[0].status = 200
        let changes = SpecDiff.changes(from: old, to: new)
        let removed = try changes.only("response-success-status-removed", at: "")
        #expect(removed.level == .breaking && removed.status == 202 && removed.message.contains("NEW documents 200"))
        #expect(try changes.only("response-success-status-added", at: "").status == 200)
    }

    @Test("examples are compared as JSON values and name the place that differs")
    func examples() throws {
        var new = old
        new.operations[0].examples[0] = Example(kind: .request, text: "{\"volume\":{\"size\":20}}", value: .object(["volume": .object(["size": .integer(20)])]), source: SyntheticSpecs.reference(41))
        new.operations[0].examples.append(Example(kind: .response, status: 202, text: "{}", value: .object([:]), source: SyntheticSpecs.reference(42)))
        let changes = SpecDiff.changes(from: old, to: new)
        let changed = try changes.only("example-changed", at: "/examples/request/1/volume/size")
        #expect(changed.old == .number("10") && changed.new == .number("20") && changed.location == .request)
        #expect(changed.oldSource.reference?.line == 40 && changed.newSource.reference?.line == 41)
        #expect(try changes.only("example-added", at: "/examples/response-202/1").location == .response)
        // Reformatting an example changes nothing.
        var reformatted = old
        reformatted.operations[0].examples[0].text = "{\n  \"volume\": { \"size\": 10 }\n}"
        #expect(SpecDiff.changes(from: old, to: reformatted).isEmpty)
    }

    @Test("--operation keeps one operation and leaves the service-wide tables out")
    func onlyOneOperation() {
        var new = old
        new.errorCodes = []
        new.operations[0].deprecated = true
        new.operations[1].deprecated = true
        let changes = SpecDiff.changes(from: old, to: new, options: SpecDiff.Options(operation: "ShowVolume"))
        #expect(changes.map(\.id) == ["endpoint-deprecated"])
        #expect(changes.first?.operation == "ShowVolume")
    }

    @Test("authentication schemes and error codes")
    func serviceTables() throws {
        var new = old
        new.authentication = [Authentication(name: "aksk", header: "Authorization", scheme: "SDK-HMAC-SHA256", source: SyntheticSpecs.reference(4))]
        new.errorCodes = [ErrorCode(code: "VOL.001", status: 400, messages: [.init(message: "the size is out of range")], source: SyntheticSpecs.reference(91)),
                          ErrorCode(code: "VOL.002", status: 409, messages: [.init(message: "busy")], source: SyntheticSpecs.reference(92))]
        let changes = SpecDiff.changes(from: old, to: new)
        #expect(Set(changes.map { "\($0.id) \($0.pointer)" }) == [
            "api-global-security-removed token", "api-global-security-added aksk",
            "error-code-message-changed VOL.001", "error-code-added VOL.002",
        ])
        #expect(try changes.only("api-global-security-removed", at: "token").level == .breaking)
    }
}
