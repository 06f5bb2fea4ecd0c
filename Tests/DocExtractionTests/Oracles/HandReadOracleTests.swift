import ConformanceModel
import DocExtraction
import Foundation
import Testing

/// The extraction against expectations a person read from the documents
/// (`Fixtures/extraction/<service>/*.fields`, one file per operation): method, path, the
/// documented statuses and every parameter and body field with its type and required mark.
///
/// Where the extraction disagrees with the document, the expectation keeps what the document
/// says and the difference is listed in `KnownExtractionIssues`, where `withKnownIssue` keeps the
/// suite green until the reader is fixed; a listed difference that no longer occurs fails, so the
/// list shrinks with every fix. Any other difference fails.
@Suite("Extraction against hand-read expectations")
struct HandReadOracleTests {
    static let services = ["huawei-evs", "tencent-cbs", "baidu-bcc"]

    @Test("every hand-read operation matches the extraction", arguments: services)
    func handRead(service: String) throws {
        let spec = try ExtractedServices.spec(service)
        let expectations = try FieldExpectation.all(service: service)
        #expect(expectations.count >= Self.minimumCounts[service, default: 1], "\(service): \(expectations.count) expectation files")
        for expectation in expectations {
            let differences = try Self.differences(expectation, spec: spec)
            for difference in differences {
                if let reason = KnownExtractionIssues.reason(file: expectation.file, difference: difference) {
                    withKnownIssue("\(reason)") { Issue.record("\(expectation.file): \(difference)") }
                } else {
                    Issue.record("\(expectation.file): \(difference)")
                }
            }
            // A listed difference that no longer occurs: the reader was fixed, shorten the list.
            for entry in KnownExtractionIssues.stale(file: expectation.file, differences: differences) {
                Issue.record("\(expectation.file): the known issue \(entry.matching) no longer occurs; remove it from KnownExtractionIssues")
            }
        }
    }

    /// Chapters 5–8 of the EVS reference: at least 30 operations; every Tencent endpoint; Baidu's one.
    static let minimumCounts = ["huawei-evs": 30, "tencent-cbs": 10, "baidu-bcc": 1]

    @Test("the expectations cover chapters 5 to 8 of the EVS reference and every gateway endpoint")
    func coverage() throws {
        let evs = try FieldExpectation.all(service: "huawei-evs")
        let chapters = Set(evs.compactMap { $0.section?.split(separator: ".").first.map(String.init) })
        #expect(chapters == ["5", "6", "7", "8"])
        let tencent = try ExtractedServices.spec("tencent-cbs")
        #expect(Set(try FieldExpectation.all(service: "tencent-cbs").map(\.path)) == Set(tencent.operations.map(\.path)))
    }

    /// The differences between an expectation and the operation it names, one readable line each.
    static func differences(_ expectation: FieldExpectation, spec: ServiceSpec) throws -> [String] {
        let candidates = spec.operations.filter { operation in
            operation.source.document == expectation.document
                && (expectation.section.map { operation.source.section == $0 } ?? (operation.method == expectation.method && operation.path == expectation.path))
        }
        guard candidates.count == 1, let operation = candidates.first else {
            return ["\(candidates.count) operations match (document \(expectation.document), section \(expectation.section ?? "-"), \(expectation.method) \(expectation.path))"]
        }
        var differences: [String] = []
        if operation.method != expectation.method { differences.append("method: the document says \(expectation.method), the extraction \(operation.method)") }
        if operation.path != expectation.path { differences.append("path: the document says \(expectation.path), the extraction \(operation.path)") }
        if let action = expectation.action {
            let selector = operation.actionSelector.map { selector -> String in
                switch selector {
                case .bodyKey: "bodyKey"
                case .queryKey: "queryKey"
                case .bodyField(let field): "bodyField:\(field)"
                }
            }
            if selector != action.selector || operation.action != action.value {
                differences.append("action: the document says \(action.selector) \(action.value), the extraction \(selector ?? "none") \(operation.action ?? "none")")
            }
        }
        let statuses = operation.responses.map(\.status)
        if let expected = expectation.statuses, Set(expected) != Set(statuses) {
            differences.append("statuses: the document gives \(expected.map(String.init).joined(separator: " ")), the extraction \(statuses.map(String.init).joined(separator: " "))")
        }
        // `response:*`: the document names no status; the extraction's only success status.
        let success = statuses.filter { (200..<400).contains($0) }
        let expected = expectation.fields.map { field -> FieldExpectation.Field in
            var field = field
            if field.place == "response:*", success.count == 1 { field.place = "response:\(success[0])" }
            return field
        }
        let actual = FlattenedOperation.fields(operation, envelope: spec.responseEnvelope)
        let expectedByKey = Dictionary(expected.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let actualByKey = Dictionary(actual.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for field in expected.sorted() {
            guard let found = actualByKey[field.key] else {
                differences.append("missing: the document has `\(field)`, the extraction has no \(field.key)")
                continue
            }
            if found != field { differences.append("differs: the document has `\(field)`, the extraction `\(found)`") }
        }
        for field in actual.sorted() where expectedByKey[field.key] == nil {
            differences.append("extra: the extraction has `\(field)`, the document does not")
        }
        return differences
    }
}

/// Each service extracted once from its documents, shared by the oracle tests.
enum ExtractedServices {
    private static let cache: [String: Result<ServiceSpec, any Error>] = Dictionary(uniqueKeysWithValues: HandReadOracleTests.services.map { id in
        (id, Result { try SpecDocuments.extract(id) })
    })

    static func spec(_ id: String) throws -> ServiceSpec {
        guard let result = cache[id] else { return try SpecDocuments.extract(id) }
        return try result.get()
    }
}
