import Conformance
import ConformanceModel
import ConformanceSpecs
import Synchronization

/// The synthesized golden payloads of a service, computed in memory from the compiled spec
/// (`GoldenSet`, what `conformance golden` writes), so that a scenario can start from
/// `request.min.json` without reading the repository's `golden/` folder at run time.
enum GoldenBodies {
    private static let cache = Mutex<[String: [String: JSONValue]]>([:])

    /// The payload `<service>/<operation>/<file>`, or nil when there is none.
    static func payload(service: String, operation: String, file: String) -> JSONValue? {
        let key = "\(service)/\(operation)/\(file)"
        if let files = cache.withLock({ $0[service] }) { return files[key] }
        guard let spec = Specs.service(service) else { return nil }
        var files: [String: JSONValue] = [:]
        for golden in GoldenSet(service: spec).files where golden.path.hasSuffix(".json") {
            if let value = try? JSONValue.parse(golden.text) { files[golden.path] = value }
        }
        cache.withLock { $0[service] = files }
        return files[key]
    }
}
