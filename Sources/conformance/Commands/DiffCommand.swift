import ArgumentParser
import ConformanceModel
import ConformanceSpecs
import Foundation
import SpecDiff

/// `conformance diff OLD NEW`: what changed between two versions of a vendor's docs, and what it
/// breaks (issue 20). Parses, calls `SpecLoader` and `SpecDiff`, prints a `DiffReport`.
struct DiffCommand: ParsableCommand {
    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, sarif
    }

    /// The level from which changes fail the command.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case breaking, warning, any

        var level: ChangeCheck.Level {
            switch self {
            case .breaking: .breaking
            case .warning: .warning
            case .any: .info
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a vendor's docs or specs and classify every change.",
        discussion: """
            OLD and NEW are each a spec.json, a document (any format `extract --doc` reads), a \
            folder of documents, a service folder (its spec.json, or its docs/ with --extract), or \
            REV:path for a git revision of the repository around the working directory \
            (HEAD~3:specs/huawei-evs). Documents are extracted exactly as `extract --doc` does.

            Operations are matched by method and path template (a renamed path parameter is the \
            same path), then by id; fields by their JSON pointer. Every change has a stable id \
            (named as oasdiff names them where the meaning is the same), a level for a client of \
            the API (breaking, warning, info), and the place of the docs on both sides.

            Exit 0, or 1 with --fail-on when a change of that level or above is found; 2 for bad input.
            """
    )

    @Argument(help: ArgumentHelp("The old side: spec.json, document, folder, or REV:path.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new side: spec.json, document, folder, or REV:path.", valueName: "new"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("The service id of both sides (default: the folder after specs/ in the path, or the spec's own).", valueName: "id"))
    var service: String?

    @Option(name: .long, help: ArgumentHelp("Compare only NEW's operation with this id and its partner in OLD (OLD's when NEW has none); the service-wide tables are left out.", valueName: "id"))
    var operation: String?

    @Flag(name: .long, help: "Extract the documents even where a folder or revision has a spec.json.")
    var extract = false

    @Option(name: .long, help: "Output format: text, json, markdown or sarif.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a change of this level or above is found: breaking, warning or any (default: never).", valueName: "level"))
    var failOn: FailOn?

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?

    func run() throws {
        let loader = SpecLoader(service: service, extractDocuments: extract, notice: Console.progress)
        let oldSide: LoadedSpec
        let newSide: LoadedSpec
        do {
            oldSide = try loader.load(old)
            newSide = try loader.load(new)
        } catch {
            throw CommandFailure(error.description)
        }
        var oldSpec = oldSide.spec
        var newSpec = newSide.spec
        // One service id for both sides, so the state machines of that service apply to both.
        let id = service ?? [newSpec.service, oldSpec.service].first { $0 != "documents" } ?? newSpec.service
        oldSpec.service = id
        newSpec.service = id
        if let operation, !oldSpec.operations.contains(where: { $0.id == operation }), !newSpec.operations.contains(where: { $0.id == operation }) {
            throw CommandFailure("--operation \(operation): neither side has an operation with this id")
        }
        let changes = SpecDiff.changes(from: oldSpec, to: newSpec, options: SpecDiff.Options(operation: operation, stateMachines: Rules.stateMachines))
        var oldReport = oldSide.side
        var newReport = newSide.side
        oldReport.service = id
        newReport.service = id
        let report = DiffReport(old: oldReport, new: newReport, changes: changes)
        let text: String
        switch format {
        case .text: text = report.text
        case .json: text = report.json
        case .markdown: text = report.markdown
        case .sarif: text = report.sarif
        }
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                throw CommandFailure("--output \(output): cannot write (\(error.localizedDescription))")
            }
            Console.progress("wrote \(output): \(report.summaryLine)")
        } else {
            Console.write(text)
        }
        if let failOn, let highest = report.highestLevel, highest >= failOn.level {
            throw CommandFailure("\(report.summaryLine) (--fail-on \(failOn.rawValue))", exitCode: 1)
        }
    }
}
