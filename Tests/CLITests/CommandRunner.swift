import ConformanceModel
import Foundation
import Testing

/// Runs the built `conformance` executable the way a user does and captures what it prints.
struct CommandRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The checkout this test file belongs to.
    static let repositoryRoot = ProjectFolder.checkout(containing: #filePath).root

    /// The executable beside the test bundle (SwiftPM puts both in the same products folder).
    static func executable() throws -> URL {
        var candidates = [Bundle.main.bundleURL.appendingPathComponent("conformance")]
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("conformance"))
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/conformance"))
        return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "the conformance executable is built")
    }

    /// `environment`: the child's whole environment (nil: this process's).
    static func run(_ arguments: [String], in folder: URL = repositoryRoot, input: Data? = nil, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        if let environment { process.environment = environment }
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(input) }
        try inputPipe.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
