import ArgumentParser
import ConformanceModel
import DocExtraction
import Foundation

/// `conformance extract`: vendor documents → `specs/<service>/spec.json`.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the spec of each service from its documents into specs/<service>/spec.json.",
        discussion: """
            Reads every document under specs/<service>/docs/ (the format is detected from the \
            content: markdown with HTML tables, PDF text, markdown pipe tables, plain text), prints \
            what became of every table and every diagnostic, and writes spec.json.

            With --check nothing is written: the command exits 1 and prints a diff when the \
            committed spec.json differs from a fresh extraction.

            With --doc, documents outside specs/ are extracted and the JSON is printed (or written \
            to --output), so a new vendor page can be tried before it joins a service.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @OptionGroup var service: ServiceOption

    @Flag(name: .long, help: "Write nothing; exit 1 when a committed spec.json differs from a fresh extraction.")
    var check = false

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Extract these documents instead of a service's (- reads standard input).", valueName: "file"))
    var doc: [String] = []

    @Option(name: .long, help: ArgumentHelp("With --doc: write the JSON here instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Print only the summary line of each document, not every table and diagnostic.")
    var quiet = false

    func validate() throws {
        if output != nil && doc.isEmpty { throw ValidationError("--output goes with --doc") }
        if check && !doc.isEmpty { throw ValidationError("--check compares committed spec.json files; it does not go with --doc") }
    }

    func run() throws {
        if !doc.isEmpty {
            try extractDocuments()
            return
        }
        let project = try repository.project()
        var specs: [GenerationSteps.SpecText] = []
        for id in try service.selected(from: project.serviceIDs()) {
            let extraction = try GenerationSteps.extract(id, try GenerationSteps.documents(of: id, in: project))
            if !check { report(extraction) }
            specs.append(GenerationSteps.SpecText(spec: extraction.spec, text: try CanonicalJSON.text(extraction.spec)))
        }
        let outcome = try GenerationSteps.specFiles(specs).apply(root: project.root, check: check)
        for entry in specs where !check {
            Console.write("specs/\(entry.spec.service)/spec.json: \(summary(entry.spec))\n")
        }
        try [outcome].finish(checking: check, fix: "swift run conformance generate")
    }

    private func extractDocuments() throws {
        var documents: [SourceDocument] = []
        for path in doc {
            documents.append(try Self.document(at: path))
        }
        let extraction = try GenerationSteps.extract(service.service ?? "documents", documents)
        if !quiet || output != nil { report(extraction, to: output == nil ? .standardError : .standardOutput) }
        let text = try CanonicalJSON.text(extraction.spec)
        if let output {
            try AtomicFile.write(text, to: output)
            Console.write("wrote \(output): \(summary(extraction.spec))\n")
        } else {
            Console.write(text)
        }
    }

    /// The document at `path`; `-` is standard input (named `stdin`), a folder is refused with
    /// a plain message rather than the system's error code.
    static func document(at path: String) throws -> SourceDocument {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("<stdin>: not UTF-8 text") }
            guard !text.contains("\u{0}") else { throw CommandFailure("<stdin>: holds NUL bytes; expected a text document") }
            return SourceDocument(name: "stdin", text: text)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw CommandFailure("\(path): no such file") }
        if isFolder.boolValue {
            throw CommandFailure("\(path): is a folder; --doc takes document files (or - for standard input), e.g. \(path)/*.txt")
        }
        do {
            return try SourceDocument.load(path: path)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    private enum Stream { case standardOutput, standardError }

    /// Prints the account of every table and every diagnostic.
    private func report(_ extraction: ServiceExtraction, to stream: Stream = .standardOutput) {
        var lines: [String] = []
        let spec = extraction.spec
        for document in extraction.documents {
            // An operation merged into its twin of another document still counts for this one.
            let operations = spec.operations.filter { operation in
                operation.source.document == document.name || operation.examples.contains { $0.source.document == document.name }
            }
            let examples = spec.operations.reduce(0) { $0 + $1.examples.filter { $0.source.document == document.name }.count }
            let placed = document.tables.filter(\.isPlaced).count
            let skipped = document.tables.count - placed
            lines.append("\(document.name) (\(document.format)): \(operations.count) operations, \(document.tables.count) tables (\(placed) placed, \(skipped) skipped), \(examples) examples")
            if quiet { continue }
            for account in document.tables {
                let place = "\(account.source.document):\(account.source.line ?? 0)"
                let caption = account.source.table.map { " \($0)" } ?? ""
                let section = account.source.section.map { " §\($0)" } ?? ""
                switch account.disposition {
                case .placed(let target): lines.append("  placed  \(place)\(section)\(caption) → \(target)")
                case .skipped(let reason): lines.append("  skipped \(place)\(section)\(caption): \(reason)")
                }
            }
        }
        let counts = Dictionary(grouping: spec.diagnostics, by: \.severity).mapValues(\.count)
        lines.append("\(spec.service): \(spec.diagnostics.count) diagnostics (\(counts[.error] ?? 0) errors, \(counts[.warning] ?? 0) warnings, \(counts[.info] ?? 0) infos)")
        if !quiet {
            lines += spec.diagnostics.map { "  \($0)" }
        }
        let text = lines.joined(separator: "\n") + "\n"
        switch stream {
        case .standardOutput: Console.write(text)
        case .standardError: FileHandle.standardError.write(Data(text.utf8))
        }
    }

    private func summary(_ spec: ServiceSpec) -> String {
        "\(spec.operations.count) operations, \(spec.errorCodes.count) error codes, \(spec.statusCodes.count) status codes, \(spec.stateTables.count) state tables, \(spec.diagnostics.count) diagnostics"
    }
}
