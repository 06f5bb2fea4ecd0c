import ArgumentParser
import ConformanceModel
import ConformanceSpecs
import Foundation
import SpecExport

/// `conformance openapi`: an OpenAPI 3.1 document of each extracted spec.
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Write an OpenAPI 3.1 document of a service's extracted spec (specs/<service>/openapi.json).",
        discussion: """
            Built with OpenAPIKit from specs/<service>/spec.json. Operations that share a route \
            (Cinder action routes, deprecated twins) become one operation with a oneOf request body \
            whose variants keep their ids in x-operation-id; error-code and state tables are in the \
            root extensions x-error-codes and x-state-tables.

            Without --output the document goes to specs/<service>/openapi.json for every service \
            (or the one given); --output - prints it. With --check nothing is written: the command \
            exits 1 and prints a diff when a committed openapi.json differs.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: ArgumentHelp("Only this service.", valueName: "id"))
    var service: String?

    @Option(name: .long, help: ArgumentHelp("Write the document here ('-' for standard output); needs --service.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Write nothing; exit 1 when a committed openapi.json differs from a fresh export.")
    var check = false

    func validate() throws {
        if output != nil && service == nil { throw ValidationError("--output needs --service") }
        if output != nil && check { throw ValidationError("--check compares the committed files; it does not go with --output") }
    }

    func run() throws {
        let root = try repository.repositoryRoot()
        let exporter = OpenAPIExporter(bodyRules: Rules.body, stateMachines: Rules.stateMachines)
        var differing: [String] = []
        for id in try repository.services(service, in: root) {
            let text = try exporter.text(for: try SpecFiles.load(id, root: root))
            if let output {
                if output == "-" {
                    Console.write(text)
                } else {
                    try AtomicFile.write(text, to: output)
                    Console.progress("wrote \(output)")
                }
                continue
            }
            let target = root.appendingPathComponent("specs/\(id)/openapi.json")
            let committed = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
            if committed == text {
                Console.write("\(id): openapi.json is up to date\n")
            } else if check {
                differing.append(id)
                Console.write(LineDiff.unified(old: committed, new: text, oldName: "specs/\(id)/openapi.json (committed)", newName: "specs/\(id)/openapi.json (exported)", maximumLines: 200))
            } else {
                try AtomicFile.write(text, to: target.path)
                Console.write("wrote specs/\(id)/openapi.json\n")
            }
        }
        if !differing.isEmpty {
            throw CommandFailure("openapi.json differs from a fresh export for \(differing.joined(separator: ", ")); run `swift run conformance openapi` and commit the result", exitCode: 1)
        }
    }
}
