import ArgumentParser
import ConformanceModel
import Foundation

/// `conformance codegen`: `specs/<service>/spec.json` → Swift in `Sources/ConformanceSpecs/Generated/`.
struct CodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codegen",
        abstract: "Compile every specs/<service>/spec.json into Swift under Sources/ConformanceSpecs/Generated/.",
        discussion: """
            The generated module gives the validator and users' tests the specs as Swift values \
            (Specs.all, Specs.huaweiEVS, ...). Each service's file carries the SHA-256 of the \
            spec.json it came from, so that commands can say when the compiled specs are behind \
            the files (rebuild after codegen). Files of services that no longer exist are \
            removed. With --check nothing is written: the command exits 1 and prints a diff when \
            the committed code differs from a fresh generation. `conformance generate` runs this \
            step with the others.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Flag(name: .long, help: "Write nothing; exit 1 when the committed generated code differs.")
    var check = false

    func run() throws {
        let project = try repository.project()
        let specs = try project.serviceIDs().map { try GenerationSteps.committedSpec($0, in: project) }
        let outcome = try GenerationSteps.swift(specs).apply(root: project.root, check: check)
        try [outcome].finish(checking: check, fix: "swift run conformance codegen")
    }
}
