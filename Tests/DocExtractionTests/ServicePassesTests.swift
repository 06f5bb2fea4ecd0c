import ConformanceModel
import Testing
@testable import DocExtraction

/// The service-wide passes on small specs written for the case (pages nobody has seen), then
/// on the EVS reference, where each expectation was read from the document by hand.
@Suite("Service passes: wrappers, open objects, nulls, readings")
struct ServicePassesTests {
    static let doc = "page.md"

    static func place(_ line: Int, table: String? = nil, section: String = "1.1") -> DocReference {
        DocReference(document: doc, section: section, title: "t", table: table, line: line)
    }

    static func field(_ name: String, _ kind: Schema.Kind, required: Bool = false, docType: String? = nil, description: String? = nil, line: Int = 10, table: String? = nil) -> Property {
        Property(name: name, required: required, schema: Schema(kind: kind, docType: docType, description: description, source: place(line, table: table)))
    }

    static func operation(_ id: String, _ path: String, request: Schema? = nil, response: Schema? = nil, examples: [Example] = []) -> Operation {
        Operation(id: id, title: id, method: request == nil ? "GET" : "POST", path: path, requestBody: request,
                  responses: [Response(status: 200, body: response)], examples: examples, source: place(1))
    }

    static func example(_ kind: Example.Kind, _ text: String, line: Int = 50, section: String = "1.1") -> Example {
        Example.parsing(kind: kind, status: kind == .response ? 200 : nil, text: text, source: place(line, section: section))
    }

    // MARK: - Wrappers

    @Test("a table without the wrapper key its example has gets the wrapper, the table kept as a reading")
    func wrapper() throws {
        let table = Schema(kind: .object, properties: [Self.field("id", .string), Self.field("name", .string), Self.field("status", .string)], source: Self.place(20, table: "表 1 响应 Body 参数"))
        var spec = ServiceSpec(service: "s", operations: [
            Self.operation("ShowThing", "/things/{id}", response: table, examples: [Self.example(.response, #"{"thing": {"id": "a", "name": null, "status": "ok", "size": 3}}"#)]),
            // One top-level key holding keys the table does not document: not a wrapper.
            Self.operation("ShowOther", "/others/{id}", response: table, examples: [Self.example(.response, #"{"other": {"a": 1, "b": 2}}"#)]),
        ])
        WrapperResolver.resolve(&spec)
        let wrapped = try #require(spec.operations[0].responses[0].body)
        #expect(wrapped.properties.map(\.name) == ["thing"])
        #expect(wrapped.properties[0].required)
        #expect(wrapped.properties[0].schema == table)
        #expect(wrapped.evidence[.wrapper]?.basis == .example)
        #expect(wrapped.evidence[.wrapper]?.phrase.contains("\"thing\"") == true)
        #expect(wrapped.readings.map(\.basis) == [.table])
        #expect(wrapped.readings.first?.schema == table)
        #expect(spec.operations[1].responses[0].body == table)
        let note = try #require(spec.diagnostics.first { $0.code == "schema.wrapper" })
        #expect(note.message.contains("表 1 响应 Body 参数") && note.message.contains("line 50"))
    }

    // MARK: - Open objects

    @Test("objects a sentence or another table calls open become maps; closed key-value objects stay objects")
    func openObjects() throws {
        let listed = Schema(kind: .object, description: "“metadata”字段信息中列举了部分字段，您还可以根据创建云硬盘的要求输入其他字段。",
                            properties: [Self.field("hw:passthrough", .string)], source: Self.place(30))
        let other = Schema(kind: .object, description: "元数据。", properties: [Self.field("__system__encrypted", .string)], source: Self.place(31))
        let quota = Schema(kind: .object, description: "备份容量，键值对，包含：reserved（预留）、limit（最大）和in_use（已使用）。",
                           properties: [Self.field("reserved", .integer), Self.field("limit", .integer), Self.field("in_use", .integer)], source: Self.place(32))
        let javaMap = Schema(kind: .map, docType: "Map<String,Object>", values: Schema(kind: .object, docType: "Object"), source: Self.place(33, table: "表 9 VolumeDetail"))
        let stringMap = Schema(kind: .map, docType: "Map<String,String>", values: Schema(kind: .string), source: Self.place(34, table: "表 8 CreateVolumeOption"))
        var spec = ServiceSpec(service: "s", operations: [
            Self.operation("Create", "/volumes", request: Schema(kind: .object, properties: [Property(name: "metadata", required: false, schema: listed)]),
                           response: Schema(kind: .object, properties: [Property(name: "metadata", required: false, schema: other), Property(name: "quota", required: false, schema: quota)])),
            Self.operation("Create2", "/volumes2", request: Schema(kind: .object, properties: [Property(name: "metadata", required: false, schema: stringMap)]),
                           response: Schema(kind: .object, properties: [Property(name: "metadata", required: false, schema: javaMap)])),
        ])
        MapResolver.resolve(&spec)
        let request = try #require(spec.operations[0].requestBody?.property(named: "metadata")?.schema)
        #expect(request.kind == .map)
        #expect(request.properties.map(\.name) == ["hw:passthrough"])
        #expect(request.evidence[.map]?.basis == .sentence)
        #expect(request.evidence[.map]?.phrase == "可以根据创建云硬盘的要求输入其他字段")
        // Its other keys' values: the same field's Map<String,String> in another request table.
        #expect(request.values?.kind == .string)
        let response = try #require(spec.operations[0].responses[0].body?.property(named: "metadata")?.schema)
        #expect(response.kind == .map)
        #expect(response.evidence[.map]?.basis == .table)
        #expect(response.evidence[.map]?.source?.table == "表 9 VolumeDetail")
        #expect(response.values?.kind == .any)
        #expect(spec.operations[0].responses[0].body?.property(named: "quota")?.schema.kind == .object)
        // Map<String,Object>: Java's Object, any value.
        #expect(spec.operations[1].responses[0].body?.property(named: "metadata")?.schema.values?.kind == .any)
        #expect(spec.diagnostics.filter { $0.code == "schema.open-object" }.count == 2)
    }

    // MARK: - Nulls

    /// Response bodies of `count` operations, each with an example giving null for `fields`.
    static func nullSpec(operations count: Int, fields: [String]) -> ServiceSpec {
        var operations: [Operation] = []
        for index in 0..<count {
            let body = Schema(kind: .object, properties: [Property(name: "item", required: false, schema: Schema(kind: .object, name: "Item",
                              properties: (fields + ["count", "flag", "kept"]).map { Self.field($0, $0 == "count" ? .integer : $0 == "flag" ? .boolean : .string) }))])
            let members = fields.map { "\"\($0)\": null" }.joined(separator: ", ")
            operations.append(Self.operation("Op\(index)", "/op\(index)", response: body, examples: [Self.example(.response, "{\"item\": {\(members)}}", line: 100 + index)]))
        }
        return ServiceSpec(service: "s", operations: operations)
    }

    @Test("null from an example of the same object; the convention only when the examples establish it")
    func nullsFromExamples() throws {
        var few = Self.nullSpec(operations: 2, fields: ["a", "b"])
        NullabilityResolver.resolve(&few)
        let item = try #require(few.operations[0].responses[0].body?.property(named: "item")?.schema)
        #expect(item.property(named: "a")?.schema.nullable == true)
        #expect(item.property(named: "a")?.schema.evidence[.nullable] == Evidence(.example, phrase: "\"a\": null", source: Self.place(100)))
        #expect(item.property(named: "kept")?.schema.nullable == false)
        #expect(few.notes.isEmpty)

        var many = Self.nullSpec(operations: 3, fields: ["a", "b", "c", "d", "e"])
        NullabilityResolver.resolve(&many)
        let kept = try #require(many.operations[0].responses[0].body?.property(named: "item")?.schema.property(named: "kept")?.schema)
        #expect(kept.nullable)
        #expect(kept.evidence[.nullable]?.basis == .convention)
        #expect(kept.evidence[.nullable]?.phrase == "15 null members for 5 fields in 3 response examples of 3 operations")
        // Only the JSON types the examples show as null: no integer or boolean was null.
        let count = try #require(many.operations[0].responses[0].body?.property(named: "item")?.schema.property(named: "count")?.schema)
        #expect(!count.nullable)
        #expect(many.notes.count == 1 && many.notes[0].hasPrefix("Null convention:"))
    }

    @Test("no null from examples for a required request field or where a sentence forbids it")
    func nullsRefused() throws {
        let metadata = Schema(kind: .map, description: "说明 metadata里面不能有value为null的键值对。", values: Schema(kind: .string), source: Self.place(40))
        let request = Schema(kind: .object, properties: [Self.field("type", .string, required: true), Self.field("snapshot", .string), Property(name: "metadata", required: false, schema: metadata)])
        var spec = ServiceSpec(service: "s", operations: [
            Self.operation("Create", "/c", request: request, examples: [Self.example(.request, #"{"type": null, "snapshot": null, "metadata": {"k": null}}"#)]),
        ])
        NullabilityResolver.resolve(&spec)
        let body = try #require(spec.operations[0].requestBody)
        #expect(body.property(named: "type")?.schema.nullable == false)
        #expect(body.property(named: "snapshot")?.schema.nullable == true)
        #expect(body.property(named: "metadata")?.schema.values?.nullable == false)
    }

    // MARK: - Readings

    @Test("two response tables of one value typed differently read each other; request tables do not")
    func tableReadings() throws {
        let stringSize = Self.field("size", .string, docType: "String", table: "表 2 SnapshotDetail")
        let integerSize = Self.field("size", .integer, docType: "Integer", table: "表 3 SnapshotSummary")
        var spec = ServiceSpec(service: "s", operations: [
            Self.operation("Show", "/snapshots/{id}", response: Schema(kind: .object, properties: [Property(name: "snapshot", required: false, schema: Schema(kind: .object, properties: [stringSize]))])),
            Self.operation("List", "/snapshots", response: Schema(kind: .object, properties: [Property(name: "snapshots", required: false, schema: Schema(kind: .array, items: Schema(kind: .object, properties: [integerSize])))])),
            Self.operation("Create", "/snapshots", request: Schema(kind: .object, properties: [Property(name: "snapshot", required: false, schema: Schema(kind: .object, properties: [stringSize]))])),
            Self.operation("Create2", "/snapshots2", request: Schema(kind: .object, properties: [Property(name: "snapshot", required: false, schema: Schema(kind: .object, properties: [integerSize]))])),
        ])
        ReadingCollector.collect(&spec)
        let shown = try #require(spec.operations[0].responses[0].body?.property(named: "snapshot")?.schema.property(named: "size")?.schema)
        #expect(shown.readings.map(\.schema.kind) == [.integer])
        #expect(shown.readings.first?.phrase == "size Integer")
        #expect(shown.readings.first?.source.table == "表 3 SnapshotSummary")
        let listed = try #require(spec.operations[1].responses[0].body?.property(named: "snapshots")?.schema.items?.property(named: "size")?.schema)
        #expect(listed.readings.map(\.schema.kind) == [.string])
        #expect(spec.operations[2].requestBody?.property(named: "snapshot")?.schema.property(named: "size")?.schema.readings.isEmpty == true)
    }

    @Test("an example reads a value of another type, a value outside the table's set, and an object with a near-miss key")
    func exampleReadings() throws {
        let request = Schema(kind: .object, properties: [
            Self.field("DiskIds", .array, required: true), Self.field("Region", .string, required: true),
            Property(name: "Kind", required: false, schema: Schema(kind: .string, enumeration: ["A", "B"])),
        ], source: Self.place(60))
        let response = Schema(kind: .object, properties: [Self.field("shareable", .string)])
        var spec = ServiceSpec(service: "s", operations: [
            Self.operation("Inspect", "/disk/inspect", request: request, response: response, examples: [
                Self.example(.request, #"{"DiskId": "disk-1", "Region": "r", "Kind": "C"}"#, line: 70),
                Self.example(.response, #"{"shareable": false}"#, line: 80),
            ]),
        ])
        ReadingCollector.collect(&spec)
        let body = try #require(spec.operations[0].requestBody)
        let object = try #require(body.readings.first)
        #expect(object.basis == .example)
        #expect(object.phrase == "the example sends \"DiskId\" for DiskIds")
        #expect(object.schema.properties.map(\.name) == ["DiskId", "Region", "Kind"])
        #expect(object.schema.property(named: "DiskId")?.schema.kind == .string)
        let kind = try #require(body.property(named: "Kind")?.schema.readings.first)
        // The example's value joins the table's list; the reading stays a list (no value goes through).
        #expect(kind.schema.enumeration == ["A", "B", "C"] && kind.phrase == "\"Kind\": \"C\"")
        #expect(kind.schema.evidence[.enumeration]?.basis == .example)
        let shareable = try #require(spec.operations[0].responses[0].body?.property(named: "shareable")?.schema.readings.first)
        #expect(shareable.schema.kind == .boolean && shareable.source.line == 80)
        #expect(spec.diagnostics.filter { $0.code == "schema.reading" }.count == 3)
    }

    @Test("a per-API page that types a field differently from the reference is another reading")
    func twinReadings() throws {
        let primary = Self.operation("Extend", "/v2/{p}/volumes/{id}/action", request: Schema(kind: .object, properties: [Self.field("new_size", .integer)]))
        var twin = Self.operation("Extend", "/v2/{p}/volumes/{id}/action", request: Schema(kind: .object, properties: [Self.field("new_size", .string, docType: "String", line: 99)]))
        twin.source = DocReference(document: "000_page.txt", line: 1)
        var spec = ServiceSpec(service: "s", operations: [primary])
        ReadingCollector.collect(&spec, twins: [(0, twin)])
        let reading = try #require(spec.operations[0].requestBody?.property(named: "new_size")?.schema.readings.first)
        #expect(reading.basis == .table && reading.phrase == "new_size String" && reading.source.line == 99)
    }

    // MARK: - The EVS reference, read by hand

    @Test("EVS: what the passes decided, against the document")
    func evs() throws {
        let spec = try SpecDocuments.extract("huawei-evs")
        // 7.1.2: 表 7-12 lists the snapshot's fields at the top level, the example wraps them.
        let update = try #require(spec.operation(id: "UpdateSnapshotV5")?.response(for: 200)?.body)
        #expect(update.properties.map(\.name) == ["snapshot"])
        #expect(update.readings.first?.source.table == "表 7-12 响应 Body 参数")
        // 8.2.6.2 表 8-527: size String; 6.2.1 表 6-130: size Integer.
        let size = try #require(spec.operation(id: "ShowSnapshotV3")?.response(for: 200)?.body?.property(named: "snapshot")?.schema.property(named: "size")?.schema)
        #expect(size.kind == .string)
        #expect(size.readings.contains { $0.schema.kind == .integer && $0.source.table == "表 6-130 SnapshotDetails" })
        // 8.2.1.2's create example sends "snapshot_id": null; 表 8-60 documents the same object for v3.
        let create = try #require(spec.operation(id: "CreateVolumeV3")?.requestBody?.property(named: "volume")?.schema)
        #expect(create.property(named: "snapshot_id")?.schema.evidence[.nullable] == Evidence(.example, phrase: "\"snapshot_id\": null", source: spec.operation(id: "CreateVolumeV2")?.examples.first { $0.kind == .request }?.source))
        #expect(create.property(named: "volume_type")?.schema.nullable == false)
        #expect(create.property(named: "metadata")?.schema.kind == .map)
        // The response examples' convention, counted.
        let note = try #require(spec.notes.first { $0.hasPrefix("Null convention:") })
        #expect(note.contains("response examples of"))
        let attached = try #require(spec.operation(id: "ShowVolumeV3")?.response(for: 200)?.body?.property(named: "volume")?.schema.property(named: "updated_at")?.schema)
        #expect(attached.nullable)
        // volume_image_metadata: Map<String,Object> in 表 6-24, values any.
        let image = try #require(spec.operation(id: "ListVolumes")?.response(for: 200)?.body?.property(named: "volumes")?.schema.items?.property(named: "volume_image_metadata")?.schema)
        #expect(image.kind == .map && image.values?.kind == .any)
    }
}
