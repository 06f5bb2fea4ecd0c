import ConformanceModel
@testable import DocExtraction
import Foundation
import Testing

@Suite("Description phrasings: facts only where the words state them")
struct DescriptionPhrasingTests {
    @Test("every phrasing reads what its example sentence states", arguments: DescriptionPhrasing.all.map(\.id))
    func phrasingReadsItsExample(id: String) throws {
        let phrasing = try #require(DescriptionPhrasing.all.first { $0.id == id })
        #expect(phrasing.read(phrasing.example) == phrasing.expected, "\(id): \(phrasing.example)")
        // Read through the whole analysis, for a field of a kind the entry serves, each fact
        // carries a phrase that occurs in the sentence.
        let kind = try #require([Schema.Kind.string, .integer, .array, .boolean].first(where: phrasing.kinds.contains))
        let facts = DescriptionFacts.analyze(phrasing.example, kind: kind)
        for fact in phrasing.expected.keys {
            let evidence = try #require(facts.evidence[fact], "\(id): no evidence for \(fact)")
            #expect(evidence.basis == .sentence)
            #expect(phrasing.example.contains(evidence.phrase), "\(id): '\(evidence.phrase)' is not in the example")
        }
    }

    @Test("phrasing ids are unique")
    func uniqueIds() {
        let ids = DescriptionPhrasing.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("a character class is not a list of values; its length range is read")
    func characterClass() {
        let facts = DescriptionFacts.analyze("云硬盘导出镜像的名称。 名称的长度范围为1~128位。 名称只能包含以下字符：大写字母、小写字母、中文、数字、特殊字符包含“-”、“.”、“_”和空格。", kind: .string)
        #expect(facts.enumeration == nil)
        #expect(facts.minLength == 1)
        #expect(facts.maxLength == 128)
        #expect(facts.evidence[.maxLength]?.phrase == "长度范围为1~128位")
    }

    @Test("a value list is read from the sentence of its cue, not from later quoted words")
    func listStopsAtItsSentence() {
        let facts = DescriptionFacts.analyze("云硬盘导出镜像的系统类型。目前只支持“windows”和“linux”，默认值是“linux”。说明：只有云硬盘的volume_image_metadata信息中无“__os_type”字段且云硬盘状态为“available”时，设置的__os_type才会生效。", kind: .string)
        #expect(facts.enumeration == ["windows", "linux"])
        #expect(facts.defaultValue == "linux")
        #expect(facts.evidence[.enumeration]?.phrase == "目前只支持“windows”和“linux”")
    }

    @Test("an open list (等) gives no values", arguments: [
        "返回结果按该关键字排序，支持id, status, size, created_at等关键字，默认为“created_at”。",
        "云硬盘名称，例如：\"volume-1\"，\"volume-2\"。",
    ])
    func openLists(text: String) {
        #expect(DescriptionFacts.analyze(text, kind: .string).enumeration == nil)
    }

    @Test("a bound stated under a condition is kept as a note, never applied")
    func conditionalBound() throws {
        // The per-API page's name row: two list items, each with its own condition.
        let text = "云硬盘名称。\n• 如果为创建单个云硬盘，name为云硬盘名称。最大支持255个字节。\n• 创建的云硬盘数量（count字段对应的值）大于1时，为区分不同云硬盘，创建过程中系统会自动在名称后加“-0000”的类似标记。例如：volume-0001、volume-0002。最大支持250个字节。"
        let facts = DescriptionFacts.analyze(text, kind: .string)
        #expect(facts.maxLength == nil)
        #expect(facts.conditional.map(\.value.text).sorted() == ["250", "255"])
        #expect(facts.conditional.contains { $0.condition == "如果为创建单个云硬盘" && $0.value.text == "255" })
        #expect(facts.conditional.contains { $0.condition?.hasSuffix("大于1时") == true && $0.value.text == "250" })
        let notes = facts.conditionalNotes(field: "name", source: DocReference(document: "page.md", line: 9))
        #expect(notes.count == 2)
        #expect(notes.allSatisfy { $0.code == "fact.conditional" && $0.severity == .note })
    }

    @Test("conditions that restrict nothing: the field's own absence, an aside in parentheses")
    func notConditions() {
        let count = DescriptionFacts.analyze("约束限制 如果无该参数，表明只创建1个云硬盘，目前最多支持批量创建100个。", kind: .integer)
        #expect(count.maximum == 100)
        #expect(count.conditional.isEmpty)
        let displayName = DescriptionFacts.analyze("同name, name和display_name任意指定一个即可（若两个都指定, 则以name为主）。最大支持64个字符。", kind: .string)
        #expect(displayName.maxLength == 64)
    }

    @Test("ranges that hold for one value of another field are conditional")
    func rangesPerCase() {
        let facts = DescriptionFacts.analyze("参数解释 功能说明：订购周期数。 约束限制 chargingMode为prePaid时该参数会生效，并且该参数为必选。 取值范围 periodType为month时，为[1-9]periodType为year时，为[1-1] 默认取值 不涉及。", kind: .integer)
        #expect(facts.minimum == nil)
        #expect(facts.maximum == nil)
        #expect(facts.conditional.filter { $0.fact == .maximum }.map(\.value.text).sorted() == ["1", "9"])
    }

    @Test("a length in bytes bounds the characters from above only")
    func bytes() {
        let facts = DescriptionFacts.analyze("metadata中的加密cmkid字段，与__system__encrypted配合表示需要加密，cmkid长度固定为36个字节。", kind: .string)
        #expect(facts.maxLength == 36)
        #expect(facts.minLength == nil)
    }

    @Test("null only where a sentence allows it", arguments: [
        ("云硬盘快照描述，可以为null。 最大支持85个字符。", true),
        ("新的云硬盘的描述。 约束限制 name和description不能同时为null。最大支持85个字符。", false),
        ("metadata里面不能有value为null的键值对。", false),
        ("The description; can be null.", true),
    ])
    func nullability(text: String, nullable: Bool) {
        let facts = DescriptionFacts.analyze(text, kind: .string)
        #expect(facts.nullable == nullable)
        #expect((facts.evidence[.nullable] != nil) == nullable)
    }

    @Test("defaults: stated words, within the values, fitting the type")
    func defaults() {
        #expect(DescriptionFacts.analyze("参数解释 计费模式。 取值范围 • prePaid: 包年包月 • postPaid: 按需 默认取值 postPaid。", kind: .string).defaultValue == "postPaid")
        #expect(DescriptionFacts.analyze("删除云硬盘关联的所有快照，默认值为false。", kind: .boolean).defaultValue == "false")
        // What the absence of the field means, not one of its values (EVS hw:passthrough).
        #expect(DescriptionFacts.analyze("• true表示SCSI类型。 • false表示VBD类型。 • 该字段不存在时，云硬盘默认为VBD类型。", kind: .string).defaultValue == nil)
        #expect(DescriptionFacts.analyze("返回结果个数限制。 默认取值 不涉及。", kind: .integer).defaultValue == nil)
    }

    @Test("definition lists: a value at the start of a sentence before a full-width colon, whatever follows")
    func definitionStarts() {
        let facts = DescriptionFacts.analyze("接口版本的状态。存在以下状态：\n• CURRENT：EVS自定义API提供了多个版本。\n• SUPPORTED：表示为老版本。\n• DEPRECATED：表示为废弃版本。", kind: .string)
        #expect(facts.enumeration == ["CURRENT", "SUPPORTED", "DEPRECATED"])
        // A format is no definition.
        #expect(DescriptionFacts.analyze("创建时间，格式为：yyyy-MM-ddTHH:mm:ss", kind: .string).enumeration == nil)
    }
}

@Suite("Evidence in the committed specs")
struct SpecEvidenceTests {
    /// The facts of DESIGN.md's policy, as `spec.json` spells their keys.
    static let factKeys: [String] = ["enumeration", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "default", "format"]

    @Test("no enumeration, bound, default, format or nullable in spec.json lacks the phrase it was read from", arguments: ["huawei-evs", "huawei-ecs", "tencent-cbs", "baidu-bcc"])
    func everyFactHasEvidence(service: String) throws {
        let url = TestDocuments.repositoryRoot.appendingPathComponent("specs/\(service)/spec.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        var missing: [String] = []
        var facts = 0
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                if object["kind"] is String {
                    let evidence = object["evidence"] as? [String: Any] ?? [:]
                    var present = Self.factKeys.filter { object[$0] != nil }
                    if object["nullable"] as? Bool == true { present.append("nullable") }
                    for key in present {
                        facts += 1
                        let phrase = (evidence[key] as? [String: Any])?["phrase"] as? String
                        if phrase?.isEmpty ?? true { missing.append("\(path): \(key)") }
                    }
                }
                for (key, child) in object { walk(child, path + "/" + key) }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, path + "/\(index)") }
            }
        }
        walk(root, "")
        #expect(missing.isEmpty, "\(service): \(missing.count) of \(facts) facts without evidence, e.g. \(missing.prefix(5))")
    }

    @Test("a sentence's phrase occurs in the description it was read from")
    func phrasesAreTheDocsWords() throws {
        let spec = try TestDocuments.service("huawei-evs")
        var checked = 0
        func visit(_ schema: Schema) {
            for (_, evidence) in schema.evidence where evidence.basis == .sentence {
                checked += 1
                #expect(schema.description?.contains(evidence.phrase) == true, "'\(evidence.phrase)' not in '\(schema.description ?? "")'")
            }
            schema.properties.forEach { visit($0.schema) }
            schema.items.map(visit)
            schema.values.map(visit)
        }
        for operation in spec.operations {
            operation.requestBody.map(visit)
            operation.responses.forEach { $0.body.map(visit) }
            operation.parameters.forEach { visit($0.schema) }
        }
        #expect(checked > 200)
    }
}
