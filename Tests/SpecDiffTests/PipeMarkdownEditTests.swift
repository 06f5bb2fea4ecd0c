import ConformanceModel
import SpecDiff
import Testing

/// OLD/NEW pairs made from the Tencent gateway page (markdown pipe tables, `003_*`).
@Suite("diff: edits of the markdown pipe-table page")
struct PipeMarkdownEditTests {
    @Test("a field made required, an enum value dropped, a type changed: ids, levels and both citations")
    func edits() throws {
        let old = try SeedPage(service: "tencent-cbs", prefix: "003_")
        var new = old
        let create = try old.line(containing: "## /v1/tencent/disk/create")
        let diskName = try old.line(startingWith: "DiskName ", from: create)
        let diskType = try old.line(startingWith: "DiskType ", from: create)
        let diskSize = try old.line(startingWith: "DiskSize ", from: create)
        try new.replace("|否|", with: "|是|", onLine: diskName)
        try new.replace("，CLOUD_SSD表示SSD云硬盘", with: "", onLine: diskType)
        try new.replace("|uint64|", with: "|string|", onLine: diskSize)

        let changes = SpecDiff.changes(from: try old.spec(), to: try new.spec())

        #expect(changes.keys(atLeast: .warning) == [
            "request-property-became-required /DiskName",
            "request-property-enum-value-removed /DiskType",
            "request-property-type-changed /DiskSize",
        ])
        let required = try changes.only("request-property-became-required", at: "/DiskName")
        #expect(required.level == .breaking && required.location == .request && required.operation == "DiskCreate")
        #expect(required.old == .bool(false) && required.new == .bool(true))
        #expect(required.oldSource.reference?.document == old.name && required.oldSource.reference?.line == diskName)
        #expect(required.newSource.reference?.document == new.name && required.newSource.reference?.line == diskName)

        let dropped = try changes.only("request-property-enum-value-removed", at: "/DiskType")
        #expect(dropped.level == .breaking && dropped.old == .string("CLOUD_SSD") && dropped.new == nil)
        #expect(dropped.oldSource.reference?.line == diskType && dropped.newSource.reference?.line == diskType)
        // Each side quotes its own words: OLD the sentence that lists CLOUD_SSD, NEW one without it.
        #expect(dropped.oldSource.quote?.contains("CLOUD_SSD") == true)
        #expect(dropped.newSource.quote?.contains("CLOUD_PREMIUM") == true && dropped.newSource.quote?.contains("CLOUD_SSD") == false)

        let retyped = try changes.only("request-property-type-changed", at: "/DiskSize")
        #expect(retyped.level == .breaking && retyped.old == .string("integer") && retyped.new == .string("string"))
        #expect(retyped.oldSource.quote == "uint64" && retyped.newSource.quote == "string")
        #expect(retyped.oldSource.reference?.line == diskSize && retyped.newSource.reference?.line == diskSize)

        // The reworded description is reported too, as information.
        #expect(try changes.only("request-property-description-changed", at: "/DiskType").level == .info)
    }
}
