import ConformanceModel
import SpecDiff
import Testing

/// OLD/NEW pairs made from the Baidu renewal page (English plain text, `004_*`).
@Suite("diff: edits of the plain-text page")
struct PlainTextEditTests {
    @Test("a parameter made required, a type changed, an error code removed and one moved to another status")
    func edits() throws {
        let original = try SeedPage(service: "baidu-bcc", prefix: "004_")
        // Every parameter of the page is required; OLD is the page with clientToken optional.
        var old = original
        let clientToken = try original.line(startingWith: "          clientToken ")
        try old.replace(" Yes ", with: " No ", onLine: clientToken)
        var new = original
        let volumeId = try original.line(startingWith: "          volumeId ")
        try new.replace("volumeId String", with: "volumeId Integer", onLine: volumeId)
        let denied = try original.line(startingWith: "          OperationDenied ")
        try new.replace(" 409 ", with: " 403 ", onLine: denied)
        let noSuchObject = try original.line(startingWith: "          NoSuchObject ")
        new.removeLine(noSuchObject)

        let changes = SpecDiff.changes(from: try old.spec(), to: try new.spec())

        #expect(changes.keys(atLeast: .warning) == [
            "request-parameter-became-required /query/clientToken",
            "request-parameter-type-changed /path/volumeId",
            "error-code-removed NoSuchObject",
            "error-code-status-changed OperationDenied",
        ])
        let required = try changes.only("request-parameter-became-required", at: "/query/clientToken")
        #expect(required.level == .breaking && required.location == .parameters && required.operation == "PurchaseReservedVolume")
        #expect(required.oldSource.reference?.line == clientToken && required.newSource.reference?.line == clientToken)

        let retyped = try changes.only("request-parameter-type-changed", at: "/path/volumeId")
        #expect(retyped.old == .string("string") && retyped.new == .string("integer"))
        #expect(retyped.oldSource.reference?.line == volumeId && retyped.newSource.reference?.line == volumeId)

        let removed = try changes.only("error-code-removed", at: "NoSuchObject")
        #expect(removed.level == .breaking && removed.location == .errorCodes && removed.operation == nil)
        #expect(removed.old == .integer(404) && removed.new == nil)
        #expect(removed.oldSource.quote == "The specified object is not found or resource do not exist." && !removed.oldSource.absent)
        // NEW lacks the code: its citation is NEW's error-code table, marked absent.
        #expect(removed.newSource.absent && removed.newSource.reference?.document == new.name)
        let table = try original.line(containing: "Error Code Error Description")
        for source in [removed.oldSource, removed.newSource] {
            let line = try #require(source.reference?.line)
            #expect(line >= table - 2 && line <= noSuchObject, "the error-code table, not another place: \(line)")
        }

        let moved = try changes.only("error-code-status-changed", at: "OperationDenied")
        #expect(moved.level == .breaking && moved.old == .integer(409) && moved.new == .integer(403))
    }
}
