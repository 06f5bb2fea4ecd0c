import ConformanceModel
import ConformanceSpecs
import Crypto
import Foundation
import SpecExport

/// Tells when the specs compiled into this binary are not the project's `spec.json` files.
///
/// `codegen` writes into each generated service file the SHA-256 of the `spec.json` it was
/// generated from (`sourceDigest`, listed in `Specs.sourceDigests`). A command that validates
/// with the compiled specs hashes the project's `spec.json` files (when it runs inside a
/// project) and compares: a document edited and extracted but not yet compiled would otherwise
/// be checked against the old tables without a word. The generated Swift on the disk says which
/// fix applies: when it already carries the file's digest, only a rebuild is missing; otherwise
/// `generate` (or `codegen`) has not run since.
enum CompiledSpecsCheck {
    /// One service whose compiled spec differs from its `spec.json`.
    struct Difference: Equatable {
        var service: String
        /// The generated Swift on the disk matches the spec.json: only the build is behind.
        var needsOnlyRebuild: Bool
    }

    /// `sha256:<hex>` of `data`.
    static func digest(_ data: Data) -> String {
        "sha256:" + SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// The compiled services among `services` that differ from the project's spec.json; none
    /// outside a project or where the project has no spec.json for the service.
    static func differences(services: [String], in project: ProjectFolder, compiled: [String: String] = Specs.sourceDigests) -> [Difference] {
        var differences: [Difference] = []
        for service in services {
            guard let data = FileManager.default.contents(atPath: project.spec(service).path) else { continue }
            let current = digest(data)
            guard compiled[service] != current else { continue }
            let generated = project.generatedSwift.appendingPathComponent("\(SwiftSpecGenerator.typeName(for: service)).swift")
            let onDisk = (try? String(contentsOf: generated, encoding: .utf8)).flatMap(generatedDigest)
            differences.append(Difference(service: service, needsOnlyRebuild: onDisk == current))
        }
        return differences
    }

    /// The one line that says so and names the fix, or nil when nothing differs.
    static func note(_ differences: [Difference]) -> String? {
        guard let first = differences.first else { return nil }
        let fix = differences.allSatisfy(\.needsOnlyRebuild)
            ? "rebuild (`swift build`; `swift run` rebuilds by itself)"
            : "run `swift run conformance generate\(differences.count == 1 ? " --service \(first.service)" : "")` and rebuild"
        if differences.count == 1 {
            let file = "specs/\(first.service)/spec.json"
            return "conformance: note: the compiled spec of \(first.service) differs from \(file); \(fix), or pass --spec \(file) to use the file now"
        }
        let names = differences.map(\.service).joined(separator: ", ")
        return "conformance: note: the compiled specs of \(names) differ from their specs/<service>/spec.json; \(fix), or pass --spec specs/<service>/spec.json for each to use the files now"
    }

    /// Prints the note on standard error when the process runs inside a project and a compiled
    /// spec among `services` is stale.
    static func noteIfStale(services: [String]) {
        guard let project = ProjectFolder.find(), let line = note(differences(services: services, in: project)) else { return }
        Console.progress(line)
    }

    /// The `sourceDigest` a generated service file carries.
    static func generatedDigest(_ text: String) -> String? {
        guard let range = text.range(of: "static let sourceDigest: String = \"") else { return nil }
        let rest = text[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
