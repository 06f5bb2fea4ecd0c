import ArgumentParser
import Conformance
import ConformanceModel

/// `conformance rules`: every rule id the tool can emit, from the one catalog (`Rule.all`).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule id the tool can emit, with its default severity, emitter and summary.",
        discussion: """
            The ids are stable: findings of validate (request.*, response.*, route.*, operation.*), \
            of the state tracker (state.*) and of lint (example.*, table.*, type.*, document.*, ...). \
            A finding's severity is the rule's default unless the rule says when another applies: \
            an error becomes a warning where the docs read the value differently in two places.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(name: .long, help: "text, json, or markdown (the README's table).")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text: Console.write(RuleCatalogReport.text())
        case .json: Console.write(RuleCatalogReport.json())
        case .markdown: Console.write(RuleCatalogReport.markdown())
        }
    }
}
