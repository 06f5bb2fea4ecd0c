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
            docs are silent, say why. --format dot prints one digraph with a cluster per machine; render it with: conformance states --format dot | dot -Tsvg > states.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, dot, both
    }

    @OptionGroup var service: ServiceOption

    @Option(name: .long, help: "table, dot, or both.")
    var format: Format = .both

    func run() throws {
        try service.check(in: Array(Set(Rules.stateMachines.map(\.service))).sorted(), what: "service with state machines")
        let machines = Rules.stateMachines.filter { service.includes($0.service) }
        if format != .dot {
            for machine in machines { Console.write(machine.tableText + "\n") }
        }
        // One digraph with a cluster per machine: `dot -Tsvg` reads it as one picture.
        if format != .table { Console.write(StateMachine.dot(machines)) }
    }
}
