import ConformanceModel
import ConformanceSpecs
import Testing
@testable import Conformance

/// Tencent's gateway answers failures with HTTP 200 and a non-zero `scode`, so every answer's
/// envelope status field is read. The body scan captures it as it checks the body; the
/// top-level reader it replaced (`TopLevelFields`, still used for bodies the scan does not read)
/// is the second method here.
@Suite("Envelope status read in the body scan")
struct EnvelopeStatusTests {
    static let tencent = Specs.all.first { $0.service == "tencent-cbs" }!

    @Test("every documented status of an enveloped service captures the status field in its scan")
    func everyStatusCaptures() throws {
        let envelope = try #require(Self.tencent.responseEnvelope)
        #expect(envelope.statusField == "scode")
        let service = CompiledService(spec: Self.tencent, rules: Rules.body, machines: Rules.stateMachines)
        #expect(!service.operations.isEmpty)
        for operation in service.operations.map(\.compiled) {
            for status in operation.statuses {
                let captures = try #require(operation.responseCaptures[status], "\(operation.id) \(status)")
                let slot = try #require(captures.envelopeStatusSlot, "\(operation.id) \(status)")
                #expect(captures.trie.paths[slot] == "scode")
                // The state machines' paths keep their slots alongside.
                if let state = captures.state {
                    #expect(state.slots.map { captures.trie.paths[$0] } == state.captures.paths)
                }
            }
        }
    }

    @Test("the scan's reading of the status field says failure exactly when the top-level reading does", arguments: [
        #"{"scode": 0, "data": {}}"#, #"{"scode": 1, "data": {}}"#, #"{"scode": "0"}"#, #"{"scode": "1"}"#,
        #"{"scode": "\u0030"}"#, #"{"scode": 0.0}"#, #"{"scode": -0}"#, #"{"scode": null}"#, #"{"scode": true}"#,
        #"{"scode": {}}"#, #"{"scode": [1]}"#, #"{"data": {"scode": 1}}"#, #"{"message": "x"}"#,
        #"{"scode": 1, "scode": 0}"#, #"{"scode": 0, "scode": 1}"#, #"[{"scode": 1}]"#, #""scode""#, "7",
    ])
    func scanAgreesWithTopLevelReading(body: String) throws {
        let envelope = try #require(Self.tencent.responseEnvelope)
        let bytes = Array(body.utf8)
        let trie = CaptureTrie(paths: ["data.DiskId", "scode"])
        let slot = try #require(trie.slot(of: "scode"))
        let scanned = BodyScanner.scan(bytes, schema: nil, captures: trie) { issues, captured in
            #expect(!issues.contains { $0.kind == .malformed }, "a well-formed body")
            return ResponseChecks.isEnvelopeFailure(captured.value(of: captured.marks[slot]), envelope: envelope)
        }
        #expect(scanned == ResponseChecks.isEnvelopeFailure(bytes, envelope: envelope))
    }

    /// Tencent lists no error codes, so a failure's code is read but not checked: what the
    /// user sees is the code, which coverage and verify's negative cases count.
    @Test("a 200 answer whose envelope says failure gives its code, one that says success none")
    func failureUnderSuccessStatus() throws {
        let validator = Validator(specs: [Self.tencent], machines: Rules.stateMachines)
        let operation = try #require(Self.tencent.operations.first { $0.method == "POST" && $0.path.hasSuffix("/disk/create") })
        let url = "https://cbs.example.com" + operation.path
        func answer(_ body: String) -> ExchangeResult {
            validator.validate(Exchange(request: .init(method: "POST", url: url, headers: [], body: nil),
                                        response: .init(status: 200, headers: [], body: Array(body.utf8))))
        }
        let failure = answer(#"{"scode": 400, "desc": "bad", "message": "DiskSize is too small", "message_cn": "", "stack": "", "data": {}}"#)
        let success = answer(#"{"scode": 0, "desc": "", "message": "", "message_cn": "", "stack": "", "data": {}}"#)
        #expect(failure.operationID == success.operationID && failure.operationID != nil)
        #expect(failure.errorCode == "400")
        #expect(success.errorCode == nil)
    }
}
