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
            of the state tracker (state.*), of lint (example.*, table.*, type.*, document.*, ...) \
            and of diff (named as oasdiff names its checks: request-property-became-required, ...; \
            breaking is error). A finding's severity is the rule's default unless the rule says when another applies: \
            an error becomes a warning where the docs read the value differently in two places.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(name: .long, help: "text, json, or markdown (the README's table).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Only the rules of this part of the tool: validator, state, lint, diff, verify (repeatable).", valueName: "emitter"))
    var emitter: [RuleID.Emitter] = []

    func run() throws {
        let rules = emitter.isEmpty ? Rule.all : Rule.all.filter { emitter.contains($0.emitter) }
        switch format {
        case .text: Console.write(RuleCatalogReport.text(rules))
        case .json: Console.write(RuleCatalogReport.json(rules))
        case .markdown: Console.write(RuleCatalogReport.markdown(rules))
        }
    }
}

/// `--emitter validator`: the emitters by their catalog names.
extension RuleID.Emitter: ExpressibleByArgument {}
