import Conformance
import ConformanceGoldens
import ConformanceModel
import Foundation
import Hummingbird
import Synchronization
import Testing
@testable import ConformanceServer

/// The validating proxy in front of an upstream that is not built from the specs: a small
/// Hummingbird app that answers scripted bodies (a wrong type, an undocumented error code, an
/// undocumented status, a volume that goes back to `creating`, an extend accepted while
/// `creating`). Each exchange's findings are asserted exactly, as (rule, severity, pointer),
/// from what the EVS reference documents.
@Suite("ValidatingProxy against a misbehaving upstream")
struct MisbehavingUpstreamTests {
    static let project = "0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c"
    static let volume = "5a6c1b3e-1111-4c2d-9e8f-0123456789ab"
    static let other = "5a6c1b3e-2222-4c2d-9e8f-0123456789ab"
    static let job = "70a599e0-31e7-49b7-b260-868f441e862b"

    struct Expected: Hashable, CustomStringConvertible {
        var rule: String
        var severity: Finding.Severity
        var pointer: String
        var description: String { "\(rule) \(severity.rawValue) \(pointer)" }
    }

    /// A show-volume body: the golden response with the given id, status and size value.
    static func volumeBody(id: String, status: String, size: JSONValue) throws -> String {
        let golden = try Goldens.load(service: "huawei-evs", operation: "ShowVolume", file: "response-200.json", root: Repository.golden)
        var outer = try #require(golden.objectValue, "golden/huawei-evs/ShowVolume/response-200.json is an object")
        var volume = try #require(outer["volume"]?.objectValue, "the golden show-volume body has a volume object")
        volume["id"] = .string(id)
        volume["status"] = .string(status)
        volume["size"] = size
        outer["volume"] = .object(volume)
        return JSONValue.object(outer).canonicalText
    }

    /// The upstream: each route answers the next of its scripted replies.
    static func upstream(_ replies: [String: [(status: Int, body: String?)]]) -> Hummingbird.Router<BasicRequestContext> {
        let queues = Mutex(replies)
        let router = Hummingbird.Router()
        let answer: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let key = "\(request.method.rawValue) \(request.uri.path)"
            guard let reply = queues.withLock({ $0[key]?.isEmpty == false ? $0[key]!.removeFirst() : nil }) else {
                return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "unscripted \(key)")))
            }
            var headers = HTTPFields()
            if reply.body != nil { headers[.contentType] = "application/json" }
            return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: reply.body ?? "")))
        }
        for method in [HTTPRequest.Method.get, .post, .delete] {
            router.on("**", method: method, use: answer)
        }
        return router
    }

    @Test("wrong types, undocumented codes and statuses, illegal transitions: the exact findings")
    func misbehavingUpstream() async throws {
        let show = "/v2/\(Self.project)/cloudvolumes/\(Self.volume)"
        let showOther = "/v2/\(Self.project)/cloudvolumes/\(Self.other)"
        let extend = "/v2.1/\(Self.project)/cloudvolumes/\(Self.volume)/action"
        let job = "/v1/\(Self.project)/jobs/\(Self.job)"
        let router = Self.upstream([
            "GET \(show)": [(200, try Self.volumeBody(id: Self.volume, status: "available", size: 10)),
                            (200, try Self.volumeBody(id: Self.volume, status: "creating", size: 10))],
            "POST \(extend)": [(202, #"{"job_id": "\#(Self.job)"}"#)],
            "GET \(showOther)": [(200, try Self.volumeBody(id: Self.other, status: "available", size: "10"))],
            "GET \(job)": [(400, #"{"error": {"code": "EVS.9999", "message": "no such job"}}"#)],
            "DELETE \(showOther)": [(418, nil)],
        ])
        let server = BackgroundServer(label: "test.upstream")
        let upstream = try await server.start(host: "127.0.0.1") { running in
            Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: running)
        }
        let events = Mutex<[ProxiedExchange]>([])
        let proxy = ValidatingProxy(configuration: ProxyConfiguration(upstream: upstream, service: "huawei-evs")) { event in
            events.withLock { $0.append(event) }
        }
        let base = try await proxy.start()
        let client = UpstreamClient()
        let headers = [Exchange.Header(name: "X-Auth-Token", value: "token"), Exchange.Header(name: "Content-Type", value: "application/json")]
        let requests: [(String, String, String?)] = [
            ("GET", show, nil), ("GET", show, nil), ("POST", extend, #"{"os-extend": {"new_size": 20}}"#),
            ("GET", showOther, nil), ("GET", job, nil), ("DELETE", showOther, nil),
        ]
        // A generous deadline: this test asserts findings, not latency, and in the full suite it
        // runs beside CLI tests that hold this 2-core machine's few concurrency threads while
        // their child processes run (a 10 s deadline timed out there twice).
        for (method, path, body) in requests {
            _ = try await client.send(Exchange.Request(method: method, url: base.absoluteString + path, headers: headers, body: body.map { Array($0.utf8) }), timeout: .seconds(120))
        }
        await client.shutdown()
        await proxy.stop()
        await server.stop()

        let results = events.withLock { $0 }.compactMap { event -> ExchangeResult? in
            if case .validated(_, let result) = event { return result }
            Issue.record("not validated: \(event)")
            return nil
        }
        try #require(results.count == requests.count)
        let expected: [(operation: String, findings: Set<Expected>)] = [
            // Conforming: a volume seen available.
            ("ShowVolume", []),
            // A.3 leads nowhere back to creating: available → creating is no documented path.
            ("ShowVolume", [Expected(rule: "state.transition", severity: .error, pointer: "/volume/status")]),
            // 6.1.7 接口约束: extend only when available or in-use; the volume was last seen creating.
            ("ResizeVolume", [Expected(rule: "state.precondition", severity: .error, pointer: extend)]),
            // 6.1.5 查询单个云硬盘详情 types size as Integer; "10" is a string.
            ("ShowVolume", [Expected(rule: "response.body.type", severity: .error, pointer: "/volume/size")]),
            // 400 is documented for ShowJob; EVS.9999 is in no row of A.1's error-code table.
            ("ShowJob", [Expected(rule: "response.error.code-undocumented", severity: .error, pointer: "/error/code")]),
            // 418 is neither DeleteVolume's status nor in the service's status table, and an error
            // answer without a body is no documented error shape.
            ("DeleteVolume", [Expected(rule: "response.status.undocumented", severity: .error, pointer: "418"),
                              Expected(rule: "response.error.envelope", severity: .error, pointer: "")]),
        ]
        for (index, (result, want)) in zip(results, expected).enumerated() {
            #expect(result.operation?.id == want.operation, "exchange \(index)")
            let got = Set(result.findings.map { Expected(rule: $0.rule.id, severity: $0.severity, pointer: $0.pointer) })
            #expect(got == want.findings, "exchange \(index) \(want.operation): \(result.findings.map { "\($0.rule) \($0.severity) \($0.pointer): \($0.message)" })")
        }
    }
}

/// Folders of this checkout the server tests read.
enum Repository {
    static let golden = ProjectFolder.checkout(containing: #filePath).golden
}
