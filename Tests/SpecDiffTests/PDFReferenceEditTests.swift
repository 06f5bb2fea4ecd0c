import ConformanceModel
import ConformanceSpecs
import SpecDiff
import Testing

/// OLD/NEW pairs made from the Huawei EVS reference (PDF text, `002_*`): all the edits in one
/// re-published NEW, so that lines shift between the sides as they do when a vendor rewrites.
@Suite("diff: edits of the PDF reference")
struct PDFReferenceEditTests {
    static let old = Result { try SeedPage(service: "huawei-evs", prefix: "002_") }
    static let oldSpec = Result { try old.get().spec() }

    @Test("required, enum, type, error code, states and a transition: ids, levels and both citations")
    func edits() throws {
        let old = try Self.old.get()
        var new = old
        let create = try old.line(containing: "表 6-5 CreateVolumeOption")
        let count = try old.line(startingWith: "count\t否\tInteger", from: create)
        let description = try old.line(startingWith: "description\t否\tString", from: create)
        let chargingMode = try old.line(startingWith: "chargingMode\t", from: try old.line(containing: "表 6-4 BssParamForCreateVolume"))
        let periodic = try old.line(startingWith: "400\tEVS.2230\t")
        let extending = try old.line(startingWith: "extending\t正在扩容\t")
        let errorExtending = try old.line(startingWith: "error_extending\t")
        // Bottom up, so that the line numbers found above stay right while editing.
        new.removeLine(errorExtending)
        try new.replace("云硬盘处于正在扩容的过程中。", with: "云硬盘正在扩容。", onLine: extending)
        new.insert("retyping\t正在变更类型\t云硬盘处于正在变更类型的过程中。", after: extending)
        new.removeLine(periodic)
        try new.replace("description\t否\tString", with: "description\t否\tInteger", onLine: description)
        try new.replace("count\t否\tInteger", with: "count\t是\tInteger", onLine: count)
        try new.replace("• prePaid: 包年包月", with: "", onLine: chargingMode)

        let changes = SpecDiff.changes(from: try Self.oldSpec.get(), to: try new.spec(),
                                       options: SpecDiff.Options(stateMachines: Rules.stateMachines))

        #expect(changes.keys(atLeast: .warning) == [
            "request-property-became-required /volume/count",
            "request-property-type-changed /volume/description",
            "request-property-enum-value-removed /bssParam/chargingMode",
            "error-code-removed EVS.2230",
            "state-removed /volume/error_extending",
            "state-transition-removed /volume/available/extending",
        ])

        let required = try changes.only("request-property-became-required", at: "/volume/count")
        #expect(required.operation == "CreateVolume" && required.level == .breaking)
        #expect(required.oldSource.reference?.line == count && required.newSource.reference?.line == count)
        #expect(required.oldSource.reference?.section == "6.1.1" && required.oldSource.reference?.table == "表 6-5 CreateVolumeOption")

        let retyped = try changes.only("request-property-type-changed", at: "/volume/description")
        #expect(retyped.oldSource.quote == "String" && retyped.newSource.quote == "Integer")

        let dropped = try changes.only("request-property-enum-value-removed", at: "/bssParam/chargingMode")
        #expect(dropped.old == .string("prePaid") && dropped.oldSource.quote?.contains("prePaid") == true)
        #expect(dropped.newSource.quote?.contains("postPaid") == true)

        let code = try changes.only("error-code-removed", at: "EVS.2230")
        #expect(code.old == .integer(400) && code.oldSource.reference?.section == "A.1" && code.newSource.absent)
        #expect(code.oldSource.quote == "server is not periodic")

        // The state table is below the removed error-code row: NEW cites it one line higher.
        let heading = try old.line(startingWith: "A.3 ")
        let removed = try changes.only("state-removed", at: "/volume/error_extending")
        #expect(removed.level == .breaking && removed.location == .states)
        #expect(removed.message.contains("1 documented transition went with it"))
        let oldTableLine = try #require(removed.oldSource.reference?.line)
        let newTableLine = try #require(removed.newSource.reference?.line)
        let firstState = try old.line(startingWith: "creating\t", from: heading)
        #expect(oldTableLine >= heading && oldTableLine < firstState)
        #expect(newTableLine == oldTableLine - 1)

        let added = try changes.only("state-added", at: "/volume/retyping")
        #expect(added.level == .info && added.new == .string("retyping") && added.oldSource.absent)
        #expect(added.newSource.quote?.contains("云硬盘处于正在变更类型的过程中。") == true)

        // extending's A.3 sentence is what the machine cites for available → extending; in-use →
        // extending cites 6.1.7's constraint, which NEW still has.
        let transition = try changes.only("state-transition-removed", at: "/volume/available/extending")
        #expect(transition.level == .breaking && transition.oldSource.quote == "云硬盘处于正在扩容的过程中。")
        #expect(transition.oldSource.reference?.section == "A.3" && transition.newSource.absent)
        #expect(!changes.contains { $0.pointer == "/volume/in-use/extending" })
    }

    @Test("every transition the EVS machines cite is documented in the reference, so none is invisible to the diff")
    func citedTransitionsAreFound() throws {
        let spec = try Self.oldSpec.get()
        var withoutSentences = spec
        for index in withoutSentences.stateTables.indices {
            for state in withoutSentences.stateTables[index].states.indices {
                withoutSentences.stateTables[index].states[state].description = nil
            }
        }
        for index in withoutSentences.operations.indices {
            withoutSentences.operations[index].constraints = []
            withoutSentences.operations[index].summary = nil
        }
        // Taking every sentence away must remove every cited transition of the two EVS machines.
        let changes = SpecDiff.changes(from: spec, to: withoutSentences, options: SpecDiff.Options(stateMachines: Rules.stateMachines))
        let removed = Set(changes.filter { $0.id == "state-transition-removed" }.map(\.pointer))
        let cited = Rules.stateMachines.filter { $0.service == "huawei-evs" }.flatMap { machine in
            machine.transitions.filter { !$0.tolerated }.map { "/\(machine.resource)/\($0.from)/\($0.to)" }
        }
        #expect(Set(cited) == removed)
        #expect(!cited.isEmpty)
    }
}
