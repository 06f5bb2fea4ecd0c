import ConformanceModel
import Foundation
import Testing

/// A package that depends on this checkout the way a user's does (a path dependency, the
/// README's "Using it as a library" lines), built from scratch by `swift build`, whose
/// executable loads a golden with no `root:` from a folder that is no checkout: the goldens
/// must come from the package's resources.
///
/// It builds the generated specs again in a fresh build folder (minutes on two cores), so it is
/// opt-in: `CONFORMANCE_DEPENDENT_PACKAGE=1 swift test --filter DependentPackageTests`.
/// `.ci/run` runs it that way, alone, after the main suite.
@Suite("A dependent package", .serialized)
struct DependentPackageTests {
    static let enabled = ProcessInfo.processInfo.environment["CONFORMANCE_DEPENDENT_PACKAGE"] == "1"

    /// The dependent's manifest: the README's dependency lines with this checkout's path. A path
    /// dependency's package name is its folder's name.
    static func manifest(checkout: URL) -> String {
        """
        // swift-tools-version: 6.1
        import PackageDescription

        let package = Package(
            name: "GoldenUser",
            platforms: [.macOS(.v14)],
            dependencies: [
                .package(path: "\(checkout.path)"),
            ],
            targets: [
                .executableTarget(name: "golden-user", dependencies: [
                    .product(name: "ConformanceTesting", package: "\(checkout.lastPathComponent)"),
                ]),
            ]
        )

        """
    }

    /// The README's library snippet: one import, one call, no `root:`.
    static let main = """
        import ConformanceTesting

        let body = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.full.json")
        print(body["volume"]?["volume_type"]?.stringValue ?? "no volume_type")

        """

    @Test("swift build of a dependent package, then its executable loads a golden with no root: from anywhere",
          .enabled(if: enabled, "opt-in (it builds the specs again, minutes): CONFORMANCE_DEPENDENT_PACKAGE=1 swift test --filter DependentPackageTests; .ci/run runs it"),
          .timeLimit(.minutes(40)))
    func goldensFromResources() throws {
        let project = ProjectFolder.checkout(containing: #filePath)
        let package = try CommandRunner.temporaryFolder().appendingPathComponent("golden-user")
        defer { try? FileManager.default.removeItem(at: package.deletingLastPathComponent()) }
        let sources = package.appendingPathComponent("Sources/golden-user")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try Self.manifest(checkout: project.root).write(to: package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try Self.main.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)

        let build = try Shell.run("/usr/bin/env", ["swift", "build", "--package-path", package.path], timeout: 35 * 60)
        try #require(build.status == 0, "swift build of the dependent package:\n\(build.output.split(separator: "\n").suffix(40).joined(separator: "\n"))")
        // The resource bundle sits beside the executable, a copy of the checkout's golden/.
        let products = package.appendingPathComponent(".build/debug")
        let bundles = try FileManager.default.contentsOfDirectory(atPath: products.path).filter { $0.hasSuffix("_ConformanceGoldens.resources") }
        #expect(bundles.count == 1, "\(bundles)")

        // Run from / (no checkout, no golden/ anywhere up): only the resources can answer.
        let run = try Shell.run(products.appendingPathComponent("golden-user").path, [], timeout: 60, in: URL(fileURLWithPath: "/"))
        #expect(run.status == 0, "\(run.output)")
        let committed = try Data(contentsOf: project.golden.appendingPathComponent("huawei-evs/CreateVolume/request.full.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: committed) as? [String: Any])
        let expected = try #require((object["volume"] as? [String: Any])?["volume_type"] as? String)
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }
}
