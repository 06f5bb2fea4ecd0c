import ConformanceModel
import Foundation
import SpecDiff
import Testing

@Suite("diff: the check catalog")
struct ChangeCatalogTests {
    @Test("ids are unique, kebab-case, and every check says what it is and why")
    func ids() {
        let ids = ChangeCheck.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for check in ChangeCheck.all {
            #expect(check.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(check.id)")
            #expect(!check.summary.isEmpty && check.summary.hasSuffix("."), "\(check.id)")
            #expect(!check.detail.isEmpty, "\(check.id)")
            #expect(ChangeCheck.check(check.id) == check)
        }
    }

    @Test("the ids said to be oasdiff's are all in the catalog")
    func oasdiffNames() {
        let ids = Set(ChangeCheck.all.map(\.id))
        #expect(ChangeCheck.oasdiffIDs.subtracting(ids).isEmpty, "\(ChangeCheck.oasdiffIDs.subtracting(ids).sorted())")
        // The ones the issue names, from both families.
        for id in ["request-property-became-required", "request-property-enum-value-removed", "response-optional-property-removed",
                   "api-removed-without-deprecation", "error-code-removed", "error-code-status-changed", "state-removed",
                   "state-transition-removed", "example-changed"] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    @Test("bound checks: narrowing a request is breaking, widening a response a warning")
    func bounds() {
        #expect(ChangeCheck.bound(.requestProperty, .maximum, .decreased).level == .breaking)
        #expect(ChangeCheck.bound(.requestProperty, .maximum, .decreased).id == "request-property-max-decreased")
        #expect(ChangeCheck.bound(.requestProperty, .minLength, .increased).level == .breaking)
        #expect(ChangeCheck.bound(.requestParameter, .maxItems, .set).level == .breaking)
        #expect(ChangeCheck.bound(.requestProperty, .minimum, .unset).level == .info)
        #expect(ChangeCheck.bound(.responseProperty, .maxLength, .unset).level == .warning)
        #expect(ChangeCheck.bound(.responseProperty, .maximum, .decreased).level == .info)
        #expect(ChangeCheck.boundChecks.count == 3 * 6 * 4)
        for check in ChangeCheck.boundChecks { #expect(ChangeCheck.check(check.id) == check) }
    }

    /// With `RECORD_README=1` in the environment the README's list is rewritten from the catalog
    /// (and the test still fails, so that a record never passes silently).
    @Test("the README's list of checks is the catalog")
    func readme() throws {
        let url = SeedPage.root.appendingPathComponent("README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- diff-checks: begin (generated from ChangeCheck.markdownCatalog; RECORD_README=1 swift test --filter ChangeCatalogTests rewrites it) -->\n"
        let end = "<!-- diff-checks: end -->"
        let start = try #require(text.range(of: begin), "the README has the generated list of diff checks")
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let listed = String(text[start.upperBound..<stop.lowerBound])
        guard listed != ChangeCheck.markdownCatalog else { return }
        if ProcessInfo.processInfo.environment["RECORD_README"] == "1" {
            try AtomicFile.write(text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: ChangeCheck.markdownCatalog), to: url.path)
            Issue.record("README.md: the list of diff checks was re-recorded from the catalog; run the tests again")
        } else {
            Issue.record("README.md: the list of diff checks differs from ChangeCheck.markdownCatalog; run RECORD_README=1 swift test --filter ChangeCatalogTests")
        }
    }
}
