import Conformance
import ConformanceSpecs
import ConformanceModel
import DocExtraction
import Foundation
import SpecExport

/// The steps from the vendor documents to every generated file, each as a ``GeneratedFiles``
/// value: `extract` (specs/<service>/spec.json), `codegen` (the Swift specs), `openapi`
/// (specs/<service>/openapi.json), `golden` (golden/<service>/). The single-step commands and
/// `generate` build them here, so that they produce the same bytes.
///
/// Every step after `extract` works from `spec.json` text (fresh from the documents in
/// `generate`, read from the disk otherwise), through the `ServiceSpec` value, never from the
/// specs compiled into the binary: a document edit reaches every file without a rebuild.
enum GenerationSteps {
    /// A spec with the exact `spec.json` text it was read from (or will be written as).
    struct SpecText {
        var spec: ServiceSpec
        var text: String

        var digest: String { CompiledSpecsCheck.digest(Data(text.utf8)) }
    }

    // MARK: extract

    /// The documents of `specs/<id>/docs/`, in name order.
    static func documents(of id: String, in project: ProjectFolder) throws -> [SourceDocument] {
        let folder = project.documents(id)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted()
        guard !names.isEmpty else { throw CommandFailure("specs/\(id)/docs: no documents") }
        return try names.map { name in
            do {
                return try SourceDocument.load(path: folder.appendingPathComponent(name).path)
            } catch {
                throw CommandFailure("\(error)")
            }
        }
    }

    /// Extracts one service (or a set of documents) with a progress line.
    static func extract(_ id: String, _ documents: [SourceDocument]) throws -> ServiceExtraction {
        Console.progress("extracting \(id) from \(documents.count) document\(documents.count == 1 ? "" : "s")…")
        do {
            return try ServiceExtractor.extract(service: id, documents: documents)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// `specs/<id>/spec.json` of every spec.
    static func specFiles(_ specs: [SpecText]) -> GeneratedFiles {
        GeneratedFiles(step: "extract", files: specs.map { GeneratedFiles.File(path: "specs/\($0.spec.service)/spec.json", text: $0.text) }, diffLines: 400)
    }

    // MARK: codegen

    /// The committed `specs/<id>/spec.json` with its text.
    static func committedSpec(_ id: String, in project: ProjectFolder) throws -> SpecText {
        let spec = try SpecFiles.load(id, in: project)
        let text = (try? String(contentsOf: project.spec(id), encoding: .utf8)) ?? ""
        return SpecText(spec: spec, text: text)
    }

    /// The Swift of every service (all of them: `Specs.all` lists every one), owning the
    /// generated folder's `.swift` files.
    static func swift(_ specs: [SpecText]) -> GeneratedFiles {
        let generator = SwiftSpecGenerator()
        let folder = ProjectFolder.generatedSwiftPath
        var files = specs.flatMap { entry in
            generator.files(for: entry.spec, sourceDigest: entry.digest).map { GeneratedFiles.File(path: "\(folder)/\($0.name)", text: $0.contents) }
        }
        files.append(GeneratedFiles.File(path: "\(folder)/Specs+All.swift", text: SwiftSpecGenerator.allFile(for: specs.map(\.spec))))
        return GeneratedFiles(step: "codegen", files: files, owned: [GeneratedFiles.OwnedFolder(path: folder, suffix: ".swift", recursive: false)])
    }

    // MARK: openapi

    /// `specs/<id>/openapi.json` of every spec.
    static func openAPI(_ specs: [ServiceSpec]) throws -> GeneratedFiles {
        let exporter = OpenAPIExporter(bodyRules: Rules.body, stateMachines: Rules.stateMachines)
        var files: [GeneratedFiles.File] = []
        for spec in specs {
            do {
                files.append(GeneratedFiles.File(path: "specs/\(spec.service)/openapi.json", text: try exporter.text(for: spec)))
            } catch {
                throw CommandFailure("specs/\(spec.service)/openapi.json: cannot export (\(error))")
            }
        }
        return GeneratedFiles(step: "openapi", files: files, diffLines: 200)
    }

    // MARK: golden

    /// `golden/<id>/…` of every spec (`folder`: where golden/ is, relative to the root), owning
    /// each service's folder except its hand-written `KNOWN-BAD.md`; and what the listing's
    /// review would have to look at.
    static func golden(_ specs: [ServiceSpec], folder: String = "golden", listings: URL) -> (files: GeneratedFiles, reviews: [KnownBadReview.Discrepancy]) {
        var files: [GeneratedFiles.File] = []
        var owned: [GeneratedFiles.OwnedFolder] = []
        var reviews: [KnownBadReview.Discrepancy] = []
        for spec in specs {
            let set = GoldenSet(service: spec)
            files += set.files.map { GeneratedFiles.File(path: "\(folder)/\($0.path)", text: $0.text) }
            owned.append(GeneratedFiles.OwnedFolder(path: "\(folder)/\(spec.service)", suffix: nil, recursive: true, kept: [GoldenSet.knownBadName]))
            let listing = (try? String(contentsOf: listings.appendingPathComponent("\(spec.service)/\(GoldenSet.knownBadName)"), encoding: .utf8)) ?? ""
            reviews += KnownBadReview.compare(service: spec.service, verdicts: KnownBadReview.verdicts(of: set), listing: listing)
        }
        return (GeneratedFiles(step: "golden", files: files, owned: owned, diffLines: 80), reviews)
    }

    /// Prints what the KNOWN-BAD.md review has to look at (the command never writes the listing).
    static func printReviews(_ reviews: [KnownBadReview.Discrepancy]) {
        guard !reviews.isEmpty else { return }
        Console.progress("\(reviews.count) golden file(s) need a review of KNOWN-BAD.md (the tests fail until it is done):")
        for review in reviews.prefix(20) { Console.progress("  " + review.description) }
        if reviews.count > 20 { Console.progress("  … and \(reviews.count - 20) more") }
    }
}
