import Conformance
import ConformanceModel

/// One routed request as a handler sees it: the service and operation it addresses, its path
/// parameters, query and parsed body, and the clock and settings that shape the answer.
struct MockContext: Sendable {
    let service: MockService
    let operation: Operation
    let parameters: [String: String]
    let target: RequestTarget
    let body: JSONValue?
    /// The request's `Host` header: the origin of the links the mock writes.
    var host: String? = nil
    let now: ContinuousClock.Instant
    let settleDelay: Duration
    /// `illegal-transitions` fault for this request: skip documented preconditions and settle
    /// into undocumented states.
    let illegalTransitions: Bool

    /// The origin a client reached the mock at (`http://127.0.0.1:8080`): version documents and
    /// resource links point there, as a real endpoint's point at itself.
    var origin: String { "http://" + (host ?? "127.0.0.1") }

    /// `project_id` of Huawei paths.
    var project: String { parameters["project_id"] ?? "" }
    /// When a transition started now completes.
    var settleAt: ContinuousClock.Instant { now + settleDelay }

    /// The operation's synthesized body for `status`.
    func synthesized(_ status: Int) -> JSONValue? { service.payloads.body(operation.id, status: status) }

    /// The operation's first documented success status (200 when none is documented).
    var successStatus: Int { operation.responses.first(where: \.isSuccess)?.status ?? 200 }

    /// The documented success with the synthesized body, the members of `overrides` set.
    func success(_ overrides: [String: JSONValue] = [:]) -> MockReply {
        let status = successStatus
        var body = synthesized(status)
        for (key, value) in overrides { body = (body ?? .object([:])).mockSetting([key], to: value) }
        return .success(status: status, body: body)
    }

    /// A string at `path` of the body (`["volume", "name"]`).
    func string(_ path: String...) -> String? { value(path)?.stringValue }
    /// An integer at `path` of the body.
    func integer(_ path: String...) -> Int? { value(path)?.doubleValue.flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil } }
    /// The value at `path` of the body.
    func value(_ path: [String]) -> JSONValue? {
        var current = body
        for key in path { current = current?[key] }
        return current
    }
}
