import ArgumentParser
import ConformanceModel
import Foundation
import SpecExport

/// `conformance openapi`: an OpenAPI 3.1 document of each extracted spec.
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Write an OpenAPI 3.1 document of a service's extracted spec (specs/<service>/openapi.json).",
        discussion: """
            Built with OpenAPIKit from specs/<service>/spec.json as it is on the disk (not the \
            specs compiled into the binary). Operations that share a route \
            (Cinder action routes, deprecated twins) become one operation with a oneOf request body \
            whose variants keep their ids in x-operation-id; error-code and state tables are in the \
            root extensions x-error-codes and x-state-tables.

            Without --output the document goes to specs/<service>/openapi.json for every service \
            (or the one given); --output - prints it. With --check nothing is written: the command \
            exits 1 and prints a diff when a committed openapi.json differs.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var service: ServiceOption

    @Option(name: .long, help: ArgumentHelp("Write the document here ('-' for standard output); needs --service.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Write nothing; exit 1 when a committed openapi.json differs from a fresh export.")
    var check = false

    func validate() throws {
        if output != nil && service.service == nil { throw ValidationError("--output needs --service") }
        if output != nil && check { throw ValidationError("--check compares the committed files; it does not go with --output") }
    }

    func run() throws {
        let project = try repository.project()
        let specs = try service.selected(from: project.serviceIDs()).map { try SpecFiles.load($0, in: project) }
        if let output {
            let text = try GenerationSteps.openAPI(specs).files.map(\.text).joined()
            if output == "-" {
                Console.write(text)
            } else {
                do {
                    try AtomicFile.write(text, to: output)
                } catch {
                    throw CommandFailure("--output \(output): cannot write (\(error.localizedDescription))")
                }
                Console.progress("wrote \(output)")
            }
            return
        }
        let outcome = try GenerationSteps.openAPI(specs).apply(root: project.root, check: check)
        try [outcome].finish(checking: check, fix: "swift run conformance openapi")
    }
}
