import Conformance
import ConformanceModel
import Foundation

/// The traffic fixtures (Fixtures/README.md says where each came from) and small helpers.
enum TrafficFixtures {
    static let token = "MIIT-har-secret-token-4f1c9a"

    static func path(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return url.path
    }

    /// Calls `body` with the path of a file holding `bytes`, in a fresh temporary folder that is
    /// removed afterwards (test runs left hundreds of them behind).
    static func withTemporaryFile<T>(_ name: String, _ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traffic-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try body(url.path)
    }

    static func exchanges(_ records: some Sequence<TrafficRecord>) -> [Exchange] {
        records.compactMap { if case .exchange(let exchange) = $0 { exchange } else { nil } }
    }

    static func errors(_ records: some Sequence<TrafficRecord>) -> [TrafficReadError] {
        records.compactMap { if case .unreadable(let error) = $0 { error } else { nil } }
    }
}
