import ConformanceModel
import Foundation
import Testing

@Suite("conformance rules")
struct RulesCommandTests {
    @Test("text lists every catalogued id with its severity and emitter")
    func text() throws {
        let result = try CommandRunner.run(["rules"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        for rule in Rule.all {
            #expect(lines.contains { $0.hasPrefix(rule.id + " ") && $0.contains(rule.severity.rawValue) && $0.contains(rule.emitter.rawValue) }, "\(rule.id)")
        }
        #expect(result.standardOutput.contains("\(Rule.all.count) rules:"))
    }

    @Test("json is the catalog, id for id")
    func json() throws {
        let result = try CommandRunner.run(["rules", "--format", "json"])
        #expect(result.status == 0)
        let value = try JSONValue.parse(result.standardOutput)
        let listed = try #require(value["rules"]?.arrayValue)
        #expect(listed.compactMap { $0["id"]?.stringValue } == Rule.all.map(\.id))
        #expect(listed.first?["module"] == "Conformance/Validation")
    }

    @Test("a wrong format is a usage error")
    func wrongFormat() throws {
        let result = try CommandRunner.run(["rules", "--format", "yaml"])
        #expect(result.status == 2)
    }
}
