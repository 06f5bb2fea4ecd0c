import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// `conformance lint`: the vendor's documentation against itself (issue 8, "Doc lint").
///
/// Exit code: lint findings are reports about the vendor's documents, which the user cannot
/// fix, so the command exits 0 whatever it finds; `--strict` exits 1 when any finding of
/// level error is reported (for a team that tracks a doc set and wants to hear about new
/// contradictions). Bad usage exits 2.
struct LintCommand: ParsableCommand {
    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Report where the vendor's documentation contradicts itself.",
        discussion: """
            Checks every doc example against its own tables (invalid JSON, missing required \
            fields, undocumented or misspelled keys, wrong types), and reports what extraction \
            noticed: references to tables that do not exist, object types with no table, two \
            documents describing one operation differently, error codes listed with two \
            statuses, status summaries that disagree with the response sections. Findings carry \
            document, section and line; --format sarif writes SARIF 2.1.0 for code-scanning tools. \
            Reads specs/<service>/spec.json as it is on the disk (the compiled specs outside a project). \
            Exit 0 (findings are reports), or 1 with --strict when an error-level finding is reported.
            """
    )

    @OptionGroup var service: ServiceOption

    @Option(name: .long, help: "Output format: text, json or sarif.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Exit 1 when any error-level finding is reported.")
    var strict = false

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        // The project's spec.json files as they are on the disk, and their documents (which
        // sharpen line numbers); outside a project, the compiled specs alone.
        let project = try repository.optionalProject()
        let specs: [ServiceSpec]
        if let project {
            specs = try service.selected(from: project.serviceIDs()).map { try SpecFiles.load($0, in: project) }
        } else {
            try service.check(in: Specs.serviceIDs)
            specs = Specs.all.filter { service.includes($0.service) }
        }
        let findings = specs.flatMap { spec in
            var documents: [String: String] = [:]
            if let project {
                for name in spec.documents {
                    documents[name] = try? String(contentsOf: project.documents(spec.service).appendingPathComponent(name), encoding: .utf8)
                }
            }
            return DocLint.run(spec, documents: documents)
        }
        let text: String
        switch format {
        case .text: text = LintReport.text(findings)
        case .json: text = LintReport.json(findings)
        case .sarif: text = LintSARIF.log(findings).canonicalText + "\n"
        }
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                throw CommandFailure("--output \(output): cannot write (\(error.localizedDescription))")
            }
        } else {
            Console.write(text)
        }
        if strict, findings.contains(where: { $0.level == .error }) {
            throw CommandFailure("\(findings.filter { $0.level == .error }.count) error-level lint finding(s)", exitCode: 1)
        }
    }
}
