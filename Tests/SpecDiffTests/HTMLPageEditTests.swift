import ConformanceModel
import SpecDiff
import Testing

/// OLD/NEW pairs made from the Huawei ECS resize page (markdown with HTML tables, `001_*`).
@Suite("diff: edits of the markdown-HTML page")
struct HTMLPageEditTests {
    @Test("a field made required, an enum value dropped, a type changed: ids, levels and both citations")
    func edits() throws {
        let old = try SeedPage(service: "huawei-ecs", prefix: "001_")
        var new = old
        let isAutoPay = try old.line(containing: ">isAutoPay</p>")
        let isAutoPayRequired = try old.line(containing: ">否</p>", from: isAutoPay)
        try new.replace(">否</p>", with: ">是</p>", onLine: isAutoPayRequired)
        let falseValue = try old.line(containing: "<li>“false”：否（需要客户手动支付）</li>", from: isAutoPay)
        try new.replace("<li>“false”：否（需要客户手动支付）</li>", with: "", onLine: falseValue)
        let flavorRef = try old.line(containing: ">flavorRef</p>")
        let flavorRefType = try old.line(containing: ">String</p>", from: flavorRef)
        try new.replace(">String</p>", with: ">Integer</p>", onLine: flavorRefType)

        let changes = SpecDiff.changes(from: try old.spec(), to: try new.spec())

        #expect(changes.keys(atLeast: .warning) == [
            "request-property-became-required /resize/extendparam/isAutoPay",
            "request-property-enum-value-removed /resize/extendparam/isAutoPay",
            "request-property-type-changed /resize/flavorRef",
        ])
        let required = try changes.only("request-property-became-required", at: "/resize/extendparam/isAutoPay")
        #expect(required.level == .breaking && required.operation == "ResizeCloudserver")
        // The row starts on the line of its first cell, in both versions.
        #expect(required.oldSource.reference?.line == isAutoPay && required.newSource.reference?.line == isAutoPay)
        #expect(required.oldSource.reference?.document == old.name)

        let dropped = try changes.only("request-property-enum-value-removed", at: "/resize/extendparam/isAutoPay")
        #expect(dropped.level == .breaking && dropped.old == .string("false"))
        #expect(dropped.oldSource.quote?.contains("false") == true)

        let retyped = try changes.only("request-property-type-changed", at: "/resize/flavorRef")
        #expect(retyped.old == .string("string") && retyped.new == .string("integer"))
        #expect(retyped.oldSource.quote == "String" && retyped.newSource.quote == "Integer")
        #expect(retyped.oldSource.reference?.line == flavorRef && retyped.newSource.reference?.line == flavorRef)
        #expect(retyped.oldSource.reference?.section == retyped.newSource.reference?.section)
    }
}
