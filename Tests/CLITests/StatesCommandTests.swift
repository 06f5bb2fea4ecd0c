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
        #expect(result.standardOutput.contains("label=\"huawei-evs volume\""))
        #expect(result.standardOutput.contains("\"huawei-evs volume: deleting\" -> \"huawei-evs volume: error_deleting\""))
        // Tolerated transitions are dashed and say why.
        #expect(result.standardOutput.contains("\"huawei-evs volume: extending\" -> \"huawei-evs volume: in-use\" [style=dashed"))
    }

    @Test("an unknown service is a usage error")
    func unknownService() throws {
        let result = try CommandRunner.run(["states", "--service", "nope"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("no such service with state machines"))
    }

    @Test("--format dot is one digraph with a cluster per machine; Graphviz draws it as one SVG document")
    func oneGraph() throws {
        let result = try CommandRunner.run(["states", "--format", "dot"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.components(separatedBy: "digraph ").count - 1 == 1)
        #expect(result.standardOutput.contains("subgraph \"cluster_0\""))
        #expect(result.standardOutput.contains("\"huawei-evs volume: deleting\" -> \"huawei-evs volume: error_deleting\""))
        guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("Graphviz (dot) is not installed; the rendering check is skipped")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(result.standardOutput.utf8))
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(svg.components(separatedBy: "<svg ").count - 1 == 1, "one SVG document")
        // Graphviz writes the cluster label with the hyphen as a character reference.
        #expect(svg.contains(">huawei&#45;evs volume</text>"))
        #expect(svg.contains(">error_deleting</text>"))
    }
}
