import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceSpecs

/// `conformance states`: the documented resource life cycles, as tables and Graphviz graphs.
struct StatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "states",
        abstract: "Print each resource state machine as a table and as a Graphviz dot graph.",
        discussion: """
            The machines validate follows across traffic (state.unknown-value, state.precondition, \
            state.transition). Documented transitions cite their sentence; tolerated ones, where the \
            docs are silent, say why. Render a graph with: conformance states --format dot | dot -Tsvg > states.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, dot, both
    }

    @Option(name: .long, help: ArgumentHelp("Only this service's machines.", valueName: "id"))
    var service: String?

    @Option(name: .long, help: "table, dot, or both.")
    var format: Format = .both

    func run() throws {
        let machines = Rules.stateMachines.filter { service == nil || $0.service == service }
        if let service, machines.isEmpty {
            throw CommandFailure("--service \(service): no state machine; services with machines: \(Set(Rules.stateMachines.map(\.service)).sorted().joined(separator: ", "))")
        }
        for machine in machines {
            if format != .dot { Console.write(machine.tableText + "\n") }
            if format != .table { Console.write(machine.dot + "\n") }
        }
    }
}
