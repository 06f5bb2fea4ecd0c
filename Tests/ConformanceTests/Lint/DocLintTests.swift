import ConformanceModel
import ConformanceSpecs
import Testing
@testable import Conformance

/// `DocLint` finds each documentation problem issue 8 names, in the real published docs.
@Suite("Doc lint")
struct DocLintTests {
    static let findings = Specs.all.flatMap { DocLint.run($0) }

    private func has(_ rule: String, service: String, _ words: [String]) -> Bool {
        Self.findings.contains { finding in
            finding.rule == rule && finding.service == service && words.allSatisfy { finding.message.contains($0) }
        }
    }

    @Test("the trailing comma in 6.1.1's create-volume example")
    func invalidJSON() throws {
        let finding = try #require(Self.findings.first { $0.rule == "example.invalid-json" && $0.operation == "CreateVolume" })
        #expect(finding.message.contains("trailing comma"))
        #expect(finding.source.section == "6.1.1")
        #expect(finding.documentPath == "specs/huawei-evs/docs/002_4af2597416b1ee7d.txt")
    }

    @Test("wrong types: multiattach 1 for a Boolean, isAutoPay true for a String")
    func types() {
        #expect(has("example.type", service: "huawei-evs", ["CreateVolume", "/volume/multiattach", "boolean"]))
        #expect(has("example.type", service: "huawei-evs", ["CreateVolume", "/bssParam/isAutoPay", "string"]))
    }

    @Test("the gateway's create example has no DiskChargeType; its examples send DiskId for DiskIds")
    func gateway() {
        #expect(has("example.missing-field", service: "tencent-cbs", ["DiskCreate", "/DiskChargeType"]))
        #expect(has("example.misspelled-key", service: "tencent-cbs", ["'DiskId'", "'DiskIds'"]))
    }

    @Test("scheduler_hints in the example vs schedule_r_hints in the table")
    func misspelledKey() {
        #expect(has("example.misspelled-key", service: "huawei-evs", ["OS-SCH-HNT:scheduler_hints", "OS-SCH-HNT:schedule_r_hints"]))
    }

    @Test("object types with no table, and the extend page's twin that differs")
    func extractionProblems() {
        #expect(has("type.no-table", service: "huawei-evs", ["volume_image_metadata"]))
        #expect(has("document.conflict", service: "huawei-evs", ["os-extend"]))
    }

    @Test("a finding inside an example points at the key's own line when the document is given")
    func lines() throws {
        let spec = try #require(Specs.service("huawei-evs"))
        let example = try #require(spec.operation(id: "CreateVolume")?.examples.first { $0.value == nil })
        let text = String(repeating: "\n", count: (example.source.line ?? 1)) + example.text
        let findings = DocLint.run(spec, documents: [example.source.document: text])
        let multiattach = try #require(findings.first { $0.rule == "example.type" && $0.message.contains("multiattach") })
        let offset = try #require(example.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"multiattach\"") })
        #expect(multiattach.source.line == (example.source.line ?? 0) + 1 + offset)
    }

    @Test("an error code listed with two statuses, and a status the summary leaves out")
    func tableConflicts() {
        let source = DocReference(document: "doc.txt", section: "A.1", line: 10)
        var operation = Operation(id: "Op", title: "op", method: "GET", path: "/x", source: DocReference(document: "doc.txt", section: "1", line: 3))
        operation.responses = [Response(status: 200, description: "OK"), Response(status: 404)]
        let spec = ServiceSpec(service: "test", documents: ["doc.txt"], operations: [operation], errorCodes: [
            ErrorCode(code: "E.1", status: 400, messages: [.init(message: "bad")], source: source),
            ErrorCode(code: "E.1", status: 409, messages: [.init(message: "bad")], source: source.line(12)),
            ErrorCode(code: "E.2", status: 400, messages: [.init(message: "fine")], source: source.line(13)),
        ], diagnostics: [Diagnostic(.warning, code: "table.caption-without-table", message: "详见表9, which does not exist", source: source.line(20))])
        let findings = DocLint.run(spec)
        #expect(findings.filter { $0.rule == "error-code.status-conflict" }.map(\.source.line) == [12])
        #expect(findings.contains { $0.rule == "status.summary-mismatch" && $0.message.contains("404") })
        #expect(findings.contains { $0.rule == "table.missing" })
    }

    @Test("near misses: one or two edits on a long key, never between short keys")
    func editDistance() {
        #expect(EditDistance.distance("kitten", "sitting") == 3)
        #expect(EditDistance.nearMiss(of: "DiskId", among: ["DiskIds", "Region"]) == "DiskIds")
        #expect(EditDistance.nearMiss(of: "id", among: ["ip"]) == nil)
        #expect(EditDistance.nearMiss(of: "volume_type", among: ["snapshot_id"]) == nil)
    }

    @Test("the SARIF log has the 2.1.0 shape code-scanning tools read")
    func sarif() throws {
        let log = LintSARIF.log(Self.findings)
        let parsed = try JSONValue.parse(log.canonicalText)
        #expect(parsed["version"] == "2.1.0")
        let run = try #require(parsed["runs"]?.arrayValue?.first)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        #expect(rules.compactMap { $0["id"]?.stringValue } == Rule.emitted(by: .lint).map(\.id))
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == Self.findings.count)
        for result in results {
            #expect(result["ruleId"]?.stringValue.flatMap(Rule.named)?.emitter == .lint)
            #expect(["error", "warning", "note"].contains(result["level"]?.stringValue ?? ""))
            #expect(result["message"]?["text"]?.stringValue?.isEmpty == false)
            let location = try #require(result["locations"]?.arrayValue?.first?["physicalLocation"])
            #expect(location["artifactLocation"]?["uri"]?.stringValue?.hasPrefix("specs/") == true)
            #expect((location["region"]?["startLine"]?.doubleValue ?? 0) >= 1)
        }
    }
}
