import Foundation
import Testing

@Suite("conformance states")
struct StatesCommandTests {
    @Test("prints the EVS volume machine as a table and a dot graph")
    func volumeMachine() throws {
        let result = try CommandRunner.run(["states", "--service", "huawei-evs"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("huawei-evs volume: 18 states"))
        #expect(result.standardOutput.contains("huawei-evs snapshot: 7 states"))
        #expect(result.standardOutput.contains("digraph \"huawei-evs volume\""))
        #expect(result.standardOutput.contains("\"deleting\" -> \"error_deleting\""))
        // Tolerated transitions are dashed and say why.
        #expect(result.standardOutput.contains("\"extending\" -> \"in-use\" [style=dashed"))
    }

    @Test("an unknown service is a usage error")
    func unknownService() throws {
        let result = try CommandRunner.run(["states", "--service", "nope"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no state machine"))
    }
}
