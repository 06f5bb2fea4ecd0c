import ArgumentParser
import Conformance
import ConformanceModel
import Foundation

/// `conformance golden`: (re)writes `golden/<service>/` from the project's `spec.json` files.
///
/// DESIGN.md "Golden payloads" and "The command line": files of operations that no longer
/// exist are removed by a normal run and count as differences under `--check`, which writes
/// nothing, prints a unified diff and exits 1.
struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Write canonical golden payloads for every operation into golden/<service>/<operation>/.",
        discussion: """
            Works from specs/<service>/spec.json as it is on the disk (not the specs compiled into \
            the binary), so a document edit reaches the goldens after `extract` without a rebuild; \
            `conformance generate` runs extract, codegen, openapi and golden in one go.

            Each operation folder holds the doc's examples (example-request-N.json, \
            example-response-<status>-N.json, example-response-error-N.json; .txt when the doc's \
            example is not JSON) and payloads synthesized from the tables (request.min.json, \
            request.full.json, response-<status>.json); golden/<service>/examples.jsonl holds every JSON \
            doc example as an exchange, for `conformance validate`. golden/<service>/KNOWN-BAD.md, the \
            reviewed list of golden files the validator rejects and why, is written by hand: this \
            command never writes it, and prints what a review would have to look at. With --check \
            nothing is written: the command exits 1 and prints a diff when golden/ differs from a \
            fresh generation.

            --spec PATH writes the goldens of that spec.json (for example one from `extract --doc \
            --output`) instead: into golden/<its service>/ of the project, or under --output DIR.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var service: ServiceOption

    @OptionGroup var specFiles: SpecOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the goldens into, in place of the project's golden/ (needed outside a project).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Write nothing; exit 1 with a diff when golden/ differs.")
    var check = false

    func run() throws {
        let specs: [ServiceSpec]
        let project = try repository.optionalProject()
        if specFiles.paths.isEmpty {
            guard let project else {
                let missing = ProjectFolder.NotFound(start: FileManager.default.currentDirectoryPath)
                throw CommandFailure("\(missing); run from the project folder, pass --root, or give --spec PATH with --output DIR")
            }
            specs = try service.selected(from: project.serviceIDs()).map { try SpecFiles.load($0, in: project) }
        } else {
            let loaded = try specFiles.loaded()
            try service.check(in: loaded.map(\.service))
            specs = loaded.filter { service.includes($0.service) }
        }
        let root: URL
        let folder: String
        if let output {
            let url = URL(fileURLWithPath: output).standardizedFileURL
            root = url.deletingLastPathComponent()
            folder = url.lastPathComponent
        } else if let project {
            root = project.root
            folder = project.relativePath(project.golden)
        } else {
            throw CommandFailure("no project folder to write golden/ into; pass --output DIR")
        }
        let (files, reviews) = GenerationSteps.golden(specs, folder: folder, listings: root.appendingPathComponent(folder))
        let outcome = try files.apply(root: root, check: check)
        GenerationSteps.printReviews(reviews)
        try [outcome].finish(checking: check, fix: "swift run conformance golden")
    }
}
