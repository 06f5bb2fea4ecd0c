import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// `conformance golden`: (re)writes `golden/<service>/` from the compiled specs.
///
/// DESIGN.md "Golden payloads" and "The command line": files of operations that no longer
/// exist are removed by a normal run and count as differences under `--check`, which writes
/// nothing, prints a unified diff and exits 1.
struct GoldenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "golden",
        abstract: "Write canonical golden payloads for every operation into golden/<service>/<operation>/.",
        discussion: """
            Each operation folder holds the doc's examples (example-request-N.json, \
            example-response-<status>-N.json, example-response-error-N.json; .txt when the doc's \
            example is not JSON) and payloads synthesized from the tables (request.min.json, \
            request.full.json, response-<status>.json); golden/<service>/examples.jsonl holds every JSON \
            doc example as an exchange, for `conformance validate`. golden/<service>/KNOWN-BAD.md, the \
            reviewed list of golden files the validator rejects and why, is written by hand: this \
            command never writes it, and prints what a review would have to look at. With --check \
            nothing is written: the command exits 1 and prints a diff when golden/ differs from a \
            fresh generation.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: ArgumentHelp("Only this service (huawei-evs, huawei-ecs, tencent-cbs, baidu-bcc).", valueName: "id"))
    var service: String?

    @Flag(name: .long, help: "Write nothing; exit 1 with a diff when golden/ differs.")
    var check = false

    func run() throws {
        let root = try repository.repositoryRoot()
        let known = Specs.all.map(\.service)
        if let service, !known.contains(service) {
            throw CommandFailure("--service \(service): no such service; known: \(known.joined(separator: ", "))")
        }
        let specs = Specs.all.filter { service == nil || $0.service == service }
        let golden = root.appendingPathComponent("golden")
        var differing: [String] = []
        var reviews: [KnownBadReview.Discrepancy] = []
        var written = 0
        for spec in specs {
            let set = GoldenSet(service: spec)
            written += set.files.count
            let expected = Dictionary(uniqueKeysWithValues: set.files.map { ($0.path, $0.text) })
            for file in set.files {
                let url = golden.appendingPathComponent(file.path)
                let committed = (try? String(contentsOf: url, encoding: .utf8))
                guard committed != file.text else { continue }
                differing.append(file.path)
                if check {
                    Console.write(LineDiff.unified(old: committed ?? "", new: file.text, oldName: "golden/\(file.path) (committed)", newName: "golden/\(file.path) (generated)", maximumLines: 80))
                } else {
                    try AtomicFile.write(file.text, to: url.path)
                }
            }
            let listingPath = "\(spec.service)/\(GoldenSet.knownBadName)"
            let listing = (try? String(contentsOf: golden.appendingPathComponent(listingPath), encoding: .utf8)) ?? ""
            for discrepancy in KnownBadReview.compare(service: spec.service, verdicts: KnownBadReview.verdicts(of: set), listing: listing) {
                reviews.append(discrepancy)
            }
            for stale in Self.existingFiles(in: golden.appendingPathComponent(spec.service), prefix: spec.service) where expected[stale] == nil && stale != listingPath {
                differing.append(stale)
                if check {
                    Console.write("--- golden/\(stale) (committed)\n+++ /dev/null (no longer generated)\n")
                } else {
                    try FileManager.default.removeItem(at: golden.appendingPathComponent(stale))
                }
            }
            if !check { Self.removeEmptyFolders(in: golden.appendingPathComponent(spec.service)) }
        }
        if !reviews.isEmpty {
            // KNOWN-BAD.md is a person's review; the command only says what needs one.
            Console.progress("\(reviews.count) golden file(s) need a review of KNOWN-BAD.md (the tests fail until it is done):")
            for review in reviews.prefix(20) { Console.progress("  " + review.description) }
            if reviews.count > 20 { Console.progress("  … and \(reviews.count - 20) more") }
        }
        if check {
            guard differing.isEmpty else {
                throw CommandFailure("golden files differ in \(differing.count) file(s) (\(differing.prefix(5).joined(separator: ", "))); run `swift run conformance golden` and commit the result", exitCode: 1)
            }
            Console.write("golden files are up to date (\(written) files, \(specs.count) services)\n")
        } else {
            Console.write("golden: \(written) files for \(specs.count) services, \(differing.count) changed or removed\n")
        }
    }

    /// Every regular file below `folder`, as paths relative to `golden/` (`<prefix>/...`), sorted.
    static func existingFiles(in folder: URL, prefix: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            paths.append(prefix + "/" + full.dropFirst(base.count + 1))
        }
        return paths.sorted()
    }

    /// Removes operation folders a normal run left empty.
    static func removeEmptyFolders(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            let child = folder.appendingPathComponent(name)
            if let contents = try? FileManager.default.contentsOfDirectory(atPath: child.path), contents.isEmpty {
                try? FileManager.default.removeItem(at: child)
            }
        }
    }
}
