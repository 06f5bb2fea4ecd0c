import ArgumentParser
import ConformanceModel
import Foundation
import SpecExport

/// `conformance codegen`: `specs/<service>/spec.json` → Swift in `Sources/ConformanceSpecs/Generated/`.
struct CodegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codegen",
        abstract: "Compile every specs/<service>/spec.json into Swift under Sources/ConformanceSpecs/Generated/.",
        discussion: """
            The generated module gives the validator and users' tests the specs as Swift values \
            (Specs.all, Specs.huaweiEVS, ...), so nothing reads files at run time. Files of services \
            that no longer exist are removed. With --check nothing is written: the command exits 1 \
            and prints a diff when the committed code differs from a fresh generation.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Flag(name: .long, help: "Write nothing; exit 1 when the committed generated code differs.")
    var check = false

    func run() throws {
        let root = try repository.repositoryRoot()
        var specs: [ServiceSpec] = []
        for id in try repository.serviceIDs(in: root) {
            specs.append(try SpecFiles.load(id, root: root))
        }
        let generator = SwiftSpecGenerator()
        var files = specs.flatMap { generator.files(for: $0) }
        files.append(("Specs+All.swift", SwiftSpecGenerator.allFile(for: specs)))

        let folder = root.appendingPathComponent("Sources/ConformanceSpecs/Generated")
        let existing = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".swift") })
        let stale = existing.subtracting(files.map(\.name)).sorted()
        var differing: [String] = []
        for (name, contents) in files {
            let path = folder.appendingPathComponent(name)
            let committed = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
            guard committed != contents else { continue }
            differing.append(name)
            if check {
                Console.write(LineDiff.unified(old: committed, new: contents, oldName: "Generated/\(name) (committed)", newName: "Generated/\(name) (generated)", maximumLines: 120))
            } else {
                try AtomicFile.write(contents, to: path.path)
            }
        }
        for name in stale {
            differing.append(name)
            if check {
                Console.write("--- Generated/\(name) (committed)\n+++ /dev/null (no longer generated)\n")
            } else {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
        if check {
            guard differing.isEmpty else {
                throw CommandFailure("generated code differs in \(differing.count) file(s) (\(differing.prefix(5).joined(separator: ", "))); run `swift run conformance codegen` and commit the result", exitCode: 1)
            }
            Console.write("generated code is up to date (\(files.count) files, \(specs.count) services)\n")
        } else {
            Console.write("codegen: \(files.count) files for \(specs.count) services, \(differing.count) changed\n")
        }
    }
}
