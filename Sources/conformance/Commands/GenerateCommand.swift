import ArgumentParser
import ConformanceModel
import Foundation

/// `conformance generate`: the whole chain from the vendor documents to every generated file,
/// in one command (issue 17): extract → codegen → openapi → golden.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Regenerate everything from the documents: spec.json, the Swift specs, openapi.json and the goldens.",
        discussion: """
            Extracts each service's documents (specs/<service>/docs/) into specs/<service>/spec.json, \
            compiles every spec.json into Swift (Sources/ConformanceSpecs/Generated/), exports \
            specs/<service>/openapi.json and writes golden/<service>/. Every step after the \
            extraction works from the fresh spec.json, so one run brings every file up to date; \
            each step prints how many files it changed. The Swift specs take effect after a \
            rebuild (`swift run` rebuilds by itself); until then commands that use them say so.

            With --check nothing is written: every step compares the committed files with a fresh \
            generation and prints a diff; exit 1 when any differs (CI runs this). --service limits \
            extract, openapi and golden to one service; codegen always covers every service, \
            since Specs.all lists them all.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var service: ServiceOption

    @Flag(name: .long, help: "Write nothing; exit 1 with a diff when any generated file differs.")
    var check = false

    func run() throws {
        let project = try repository.project()
        let all = project.serviceIDs()
        let chosen = try service.selected(from: all)

        var fresh: [String: GenerationSteps.SpecText] = [:]
        for id in chosen {
            let extraction = try GenerationSteps.extract(id, try GenerationSteps.documents(of: id, in: project))
            let text = try CanonicalJSON.text(extraction.spec)
            // The later steps take the spec as a later run reads it back from the file, so that
            // `generate` and the single-step commands cannot disagree.
            fresh[id] = GenerationSteps.SpecText(spec: try CanonicalJSON.decode(ServiceSpec.self, from: text), text: text)
        }
        let extracted = chosen.compactMap { fresh[$0] }
        var outcomes = [try GenerationSteps.specFiles(extracted).apply(root: project.root, check: check)]
        let everyService = try all.map { try fresh[$0] ?? GenerationSteps.committedSpec($0, in: project) }
        outcomes.append(try GenerationSteps.swift(everyService).apply(root: project.root, check: check))
        outcomes.append(try GenerationSteps.openAPI(extracted.map(\.spec)).apply(root: project.root, check: check))
        let (golden, reviews) = GenerationSteps.golden(extracted.map(\.spec), listings: project.golden)
        outcomes.append(try golden.apply(root: project.root, check: check))
        GenerationSteps.printReviews(reviews)
        try outcomes.finish(checking: check, fix: "swift run conformance generate")
        if !check, outcomes[1].differences > 0 {
            Console.write("the Swift specs changed: commands use them after a rebuild (`swift build`; `swift run` rebuilds by itself)\n")
        }
    }
}
