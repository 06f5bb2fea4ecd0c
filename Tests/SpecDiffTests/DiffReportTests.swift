import ConformanceModel
import SpecDiff
import Testing

/// The four report formats, on a hand-written pair whose changes are known.
@Suite("diff: reports")
struct DiffReportTests {
    static func report() -> DiffReport {
        let old = SyntheticSpecs.volumes()
        var new = old
        new.operations[0].requestBody!.properties[0].schema.properties[2].required = true   // breaking, CreateVolume
        new.operations[1].deprecated = true                                                    // warning, ShowVolume
        new.operations[3].title = "Extend a volume (os-extend)"                                // info, ExtendVolume
        new.errorCodes = []                                                                    // breaking, error codes
        let changes = SpecDiff.changes(from: old, to: new)
        return DiffReport(old: .init(label: "HEAD~1:specs/synthetic", origin: "spec.json at HEAD~1", service: "synthetic", documentPaths: ["api.md": "specs/synthetic/docs/api.md"]),
                          new: .init(label: "specs/synthetic", origin: "spec.json", service: "synthetic", documentPaths: ["api.md": "specs/synthetic/docs/api.md"]),
                          changes: changes)
    }

    @Test("groups with a breaking change come first, breaking changes first within a group")
    func order() {
        let report = Self.report()
        #expect(report.groups.map(\.operation) == ["CreateVolume", nil, "ShowVolume", "ExtendVolume"])
        #expect(report.changes.map(\.id) == ["request-property-became-required", "error-code-removed", "endpoint-deprecated", "api-description-changed"])
        #expect(report.summaryLine == "4 changes: 2 breaking, 1 warning, 1 info")
        #expect(report.highestLevel == .breaking)
    }

    @Test("text: each change with its place, message and both citations")
    func text() {
        let text = Self.report().text
        #expect(text.hasPrefix("OLD  HEAD~1:specs/synthetic (spec.json at HEAD~1)\nNEW  specs/synthetic (spec.json)\n4 changes: 2 breaking, 1 warning, 1 info\n"))
        #expect(text.contains("""
            CreateVolume  POST /v2/{project_id}/volumes
              breaking request-property-became-required  request /volume/name
                       the request field /volume/name became required
                       old: specs/synthetic/docs/api.md:23 §3.1 Volumes, Table 1
                       new: specs/synthetic/docs/api.md:23 §3.1 Volumes, Table 1
            """))
        // NEW has no error-code table at all: its citation is the document the table would be in.
        #expect(text.contains("old: specs/synthetic/docs/api.md:90 §3.1 Volumes, Error codes  “bad size”\n           new: (not there) specs/synthetic/docs/api.md\n"))
    }

    @Test("JSON: the issue's shape, sources with path, line and quote")
    func json() throws {
        let value = try JSONValue.parse(Self.report().json)
        #expect(value["summary"]?["breaking"] == .integer(2))
        #expect(value["summary"]?["total"] == .integer(4))
        let changes = try #require(value["changes"]?.arrayValue)
        let first = try #require(changes.first?.objectValue)
        for key in ["id", "level", "operation", "location", "pointer", "old", "new", "oldSource", "newSource", "message"] {
            #expect(first[key] != nil, "\(key)")
        }
        #expect(first["id"] == "request-property-became-required" && first["level"] == "breaking" && first["location"] == "request")
        #expect(first["pointer"] == "/volume/name" && first["old"] == .bool(false) && first["new"] == .bool(true))
        #expect(first["oldSource"]?["path"] == "specs/synthetic/docs/api.md" && first["oldSource"]?["line"] == .integer(23))
        #expect(first["newSource"]?["absent"] == .bool(false))
        let code = try #require(changes.first { $0["id"] == "error-code-removed" })
        #expect(code["operation"] == .null && code["pointer"] == "VOL.001" && code["newSource"]?["absent"] == .bool(true))
        #expect(code["oldSource"]?["quote"] == "bad size")
    }

    @Test("markdown: a table per level, info folded away, pipes escaped")
    func markdown() {
        let markdown = Self.report().markdown
        #expect(markdown.hasPrefix("### conformance diff: 2 breaking, 1 warning, 1 info\n"))
        #expect(markdown.contains("#### 2 breaking changes\n\n| change | operation | where | what | OLD | NEW |"))
        #expect(markdown.contains("| `request-property-became-required` | `CreateVolume` | request `/volume/name` | the request field /volume/name became required | specs/synthetic/docs/api.md:23 §3.1 Volumes, Table 1 | specs/synthetic/docs/api.md:23 §3.1 Volumes, Table 1 |"))
        #expect(markdown.contains("<details><summary>1 info change</summary>"))
        #expect(markdown.contains("#### 1 warning\n"))
    }

    @Test("SARIF 2.1.0: the catalog as rules, NEW as the location, OLD as a related location")
    func sarif() throws {
        let log = try JSONValue.parse(Self.report().sarif)
        #expect(log["version"] == "2.1.0")
        let run = try #require(log["runs"]?.arrayValue?.first)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        #expect(rules.compactMap { $0["id"]?.stringValue } == ChangeCheck.all.map(\.id))
        let results = try #require(run["results"]?.arrayValue)
        #expect(results.count == 4)
        let first = results[0]
        #expect(first["ruleId"] == "request-property-became-required" && first["level"] == "error")
        #expect(rules[Int(first["ruleIndex"]?.doubleValue ?? -1)]["id"] == "request-property-became-required")
        let location = try #require(first["locations"]?.arrayValue?.first?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"] == "specs/synthetic/docs/api.md" && location["region"]?["startLine"] == .integer(23))
        let related = try #require(first["relatedLocations"]?.arrayValue?.first)
        #expect(related["physicalLocation"]?["region"]?["startLine"] == .integer(23))
        #expect(related["message"]?["text"]?.stringValue?.hasPrefix("OLD (HEAD~1:specs/synthetic): ") == true)
        #expect(results.map { $0["level"]?.stringValue ?? "" } == ["error", "error", "warning", "note"])
    }
}
