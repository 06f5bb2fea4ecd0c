import ConformanceModel
import Foundation
import Testing
@testable import Conformance

/// One home per rule id: every id a code path can emit is in `Rule.all`, and the README's list
/// is the catalog's.
///
/// Findings and lint findings take a `RuleID`, whose initializer is internal to
/// `ConformanceModel`, so no other module can make up an id; these tests cover what the type
/// system cannot: that every constant of the catalog files is listed in `Rule.all`, that only
/// the catalog files mint ids, and that the mappings from issue kinds and extraction
/// diagnostics land on catalogued ids.
@Suite("Rule catalog")
struct RuleCatalogTests {
    static let root = ProjectFolder.checkout(containing: #filePath).root

    static func sources(under folder: String) throws -> [(path: String, text: String)] {
        let base = root.appendingPathComponent(folder)
        let enumerator = try #require(FileManager.default.enumerator(atPath: base.path))
        var files: [(String, String)] = []
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            files.append((folder + "/" + path, try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8)))
        }
        return files
    }

    @Test("ids are unique, lower-case and dotted")
    func wellFormed() {
        #expect(Set(Rule.all.map(\.id)).count == Rule.all.count)
        for rule in Rule.all {
            // The diff's checks are named as oasdiff names them (`request-property-became-required`).
            let pattern = rule.emitter == .diff ? #"^[a-z0-9]+(-[a-z0-9]+)+$"# : #"^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$"#
            #expect(rule.id.range(of: pattern, options: .regularExpression) != nil, "\(rule.id)")
            #expect(!rule.summary.isEmpty && !rule.summary.contains("\n"), "\(rule.id)")
            #expect(Rule.named(rule.id) == rule)
        }
    }

    @Test("every RuleID constant of the catalog files is in Rule.all, and no other file mints one")
    func everyConstantIsListed() throws {
        var declared: [String] = []
        for (path, text) in try Self.sources(under: "Sources") where !path.contains("/Generated/") {
            let isCatalog = path.hasPrefix("Sources/ConformanceModel/Rules/Rule+")
            let pattern = #"RuleID\(\s*"([^"]+)""#
            let regex = try NSRegularExpression(pattern: pattern)
            let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            if !isCatalog {
                #expect(matches.isEmpty, "\(path) makes a RuleID; ids belong in ConformanceModel/Rules/Rule+<emitter>.swift")
            }
            for match in matches {
                declared.append(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        let catalogued = Rule.all.filter { $0.emitter != .diff }.map(\.id)
        #expect(declared.sorted() == catalogued.sorted(), "declared but not in Rule.all: \(Set(declared).subtracting(catalogued).sorted())")
    }

    @Test("the spec diff's checks are the catalog's diff rules, made only in Rules/Diff")
    func diffChecks() throws {
        #expect(Rule.emitted(by: .diff).map(\.id) == ChangeCheck.all.map(\.id))
        #expect(Set(ChangeCheck.all.map(\.id)).count == ChangeCheck.all.count)
        let regex = try NSRegularExpression(pattern: #"ChangeCheck\(\s*""#)
        for (path, text) in try Self.sources(under: "Sources") where !path.hasPrefix("Sources/ConformanceModel/Rules/Diff/") {
            #expect(regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) == 0, "\(path) makes a ChangeCheck; checks belong in ConformanceModel/Rules/Diff")
        }
    }

    @Test("every body issue kind maps to a catalogued request and response rule of the validator")
    func bodyIssueKinds() {
        let kinds: [BodyIssue.Kind] = [.malformed, .type, .enum, .range, .missingField, .unknownField]
        var seen: Set<RuleID> = []
        for kind in kinds {
            for inRequest in [true, false] {
                let issue = BodyIssue(kind: kind, pointer: "", message: "")
                let rule = issue.rule(inRequest: inRequest)
                #expect(rule.emitter == .validator)
                #expect(rule.id.hasPrefix(inRequest ? "request.body." : "response.body."))
                #expect(rule.id.hasSuffix(kind.rawValue))
                seen.insert(rule)
            }
        }
        #expect(seen.count == kinds.count * 2)
    }

    @Test("the extraction diagnostics lint reports map to lint rules")
    func diagnosticMapping() {
        for (code, rule) in DiagnosticLint.mapping {
            #expect(rule.emitter == .lint, "\(code) → \(rule)")
        }
    }

    @Test("a report's rule decodes only when it is catalogued")
    func decoding() throws {
        let finding = Finding(rule: Rule.stateRelation, severity: .error, location: .requestBody, pointer: "/os-extend/new_size", message: "m")
        let text = try CanonicalJSON.text(finding)
        #expect(try CanonicalJSON.decode(Finding.self, from: text) == finding)
        let unknown = text.replacingOccurrences(of: "state.relation", with: "state.made-up")
        #expect(throws: DecodingError.self) { try CanonicalJSON.decode(Finding.self, from: unknown) }
    }

    @Test("the README's rule list is the catalog (regenerate with `conformance rules --format markdown --emitter validator --emitter state --emitter lint --emitter verify`)")
    func readmeListsTheCatalog() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- rules:begin (conformance rules --format markdown --emitter validator --emitter state --emitter lint --emitter verify) -->\n"
        let end = "<!-- rules:end -->"
        let start = try #require(readme.range(of: begin), "README.md has no rules block")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        // The diff's checks have their own list in the diff section (ChangeCheckCatalogTests).
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == RuleCatalogReport.markdown(Rule.all.filter { $0.emitter != .diff }))
    }
}
