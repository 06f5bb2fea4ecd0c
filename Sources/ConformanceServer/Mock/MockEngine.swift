import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation
import Synchronization

/// The mock's behaviour as a plain function from request to response, shared by every
/// connection (and usable without a socket).
///
/// For each request: route it to a documented operation (the `Router` the validator uses),
/// check its credentials (``MockAuthenticator``), validate it with the `Validator`'s request
/// checks (a request that breaks the spec gets the service's documented bad-request error),
/// refuse a body member that names no volume or snapshot of the project (``MockReferences``),
/// run the operation's handler against ``MockState`` (or answer the documented success with a
/// synthesized body), let ``FaultInjector`` spoil the answer when faults were asked for, and
/// record the exchange.
public final class MockEngine: Sendable {
    public let configuration: MockConfiguration
    let services: [MockService]
    let validator: Validator
    let authenticator: MockAuthenticator
    let handlers: [String: MockHandler]
    let faults: FaultInjector
    let recorder: ExchangeRecorder?
    /// Why the recording (`recordPath`) could not be created; the endpoint will not start.
    public let recordingError: RecordingError?
    private let state = Mutex(MockState())
    private let requestCounter = Atomic<UInt64>(0)

    public init(configuration: MockConfiguration) {
        self.configuration = configuration
        let available = configuration.specs ?? Specs.all
        let chosen = configuration.services.isEmpty ? available : available.filter { configuration.services.contains($0.service) }
        services = chosen.map(MockService.init(spec:))
        validator = Validator(specs: chosen)
        authenticator = MockAuthenticator(accessKey: configuration.accessKey, secretKey: configuration.secretKey, token: configuration.token)
        handlers = MockHandlers.all
        faults = FaultInjector(configuration.faults)
        let recording = ExchangeRecorder.open(configuration.recordPath)
        recorder = recording.recorder
        recordingError = recording.error
    }

    /// The served service ids.
    public var serviceIDs: [String] { services.map(\.id) }

    /// Writes the recording (if any) now.
    public func flushRecording() { recorder?.flush() }

    /// How many exchanges were recorded, the last error writing the recording, and how many
    /// times a request waited for the recording's writer (``ExchangeRecorder/waits``).
    public var recordingStatus: (count: Int, error: String?, waits: Int) { (recorder?.count ?? 0, recorder?.lastError, recorder?.waits ?? 0) }

    /// The answer to one request; never throws, never traps on malformed input.
    public func respond(to request: Exchange.Request) -> Exchange.Response {
        let started = Date()
        let requestID = nextRequestID()
        let response = answer(request, requestID: requestID)
        let exchange = Exchange(request: absolute(request), response: response)
        recorder?.record(exchange, started: started, duration: Date().timeIntervalSince(started))
        configuration.onExchange?(exchange)
        return response
    }

    /// The request with an absolute URL, as HAR 1.2 wants it (`request.url`: "absolute URL of
    /// the request"): `http://` and the Host the client sent (the bound host without one).
    func absolute(_ request: Exchange.Request) -> Exchange.Request {
        guard request.url.hasPrefix("/") else { return request }
        let host = request.headers.first { $0.name.caseInsensitiveEquals("Host") }?.value ?? BackgroundServer.urlHost(configuration.host)
        var copy = request
        copy.url = "http://\(host)\(request.url)"
        return copy
    }

    private func answer(_ request: Exchange.Request, requestID: String) -> Exchange.Response {
        let target = RequestTarget(url: request.url)
        guard let (service, match) = route(request, target: target) else {
            return unrouted(request, target: target, requestID: requestID)
        }
        let operation = service.spec.operations[match.operationIndex]

        if !service.isOpen(operation), let refusal = authenticator.check(request, scheme: service.authentication) {
            return refuse(refusal, service: service, requestID: requestID)
        }

        var body: JSONValue?
        if let bytes = request.body, !bytes.isEmpty {
            body = try? JSONValue.parse(bytes: bytes)
        }
        let spoil = faults.decide()
        if configuration.validateRequests, let problem = requestProblem(request, service: service) {
            // The refusal is an answer like any other: faults spoil it too (an undocumented code).
            let code = problem.code ?? badRequestCode(service, finding: problem.finding, operation: operation.id)
            let refusal = faults.spoil(.error(code: code, message: problem.message), kinds: spoil, operation: operation, spec: service.spec)
            if case .error(let code, let status, let message) = refusal {
                return error(code, status: status, message: message, service: service, requestID: requestID)
            }
        }

        // An idempotency token seen before: the earlier answer, or the conflict refusal.
        var idempotency: (key: String, fingerprint: String)?
        if let header = operation.idempotencyHeader, let token = request.headers.value(named: header.name) {
            let key = "\(service.id) \(token)"
            let fingerprint = MockIdempotency.fingerprint(request, target: target, body: body)
            if let earlier = state.withLock({ $0.idempotent[key] }) {
                guard earlier.fingerprint == fingerprint else {
                    let code = FieldErrorCodes.conflictCodes(header: header.name, in: service.spec).first ?? badRequestCode(service, finding: nil)
                    return error(code, status: nil, message: nil, service: service, requestID: requestID)
                }
                return Self.withRequestID(earlier.response, requestID)
            }
            idempotency = (key, fingerprint)
        }

        let context = MockContext(
            service: service, operation: operation,
            parameters: Dictionary(match.pathParameters.map { ($0.name, SigningEncoding.decode(String($0.value))) }, uniquingKeysWith: { first, _ in first }),
            target: target, body: body, host: request.headers.value(named: "Host"), now: .now, settleDelay: configuration.settleDelay,
            illegalTransitions: spoil.contains(.illegalTransitions)
        )
        var reply: MockReply
        var computedAt: UInt64?
        let cacheable = faults.faults.isEmpty && Self.cacheableReads.contains(operation.id)
        if let handler = handlers["\(service.id)/\(operation.id)"] {
            let outcome: (reply: MockReply?, cached: Exchange.Response?, version: UInt64) = state.withLock { state in
                state.settle(now: context.now)
                if cacheable, state.cacheVersion == state.version, let cached = state.responseCache[request.url] {
                    return (nil, cached, state.version)
                }
                let reply = MockReferences.check(context, state) ?? handler(context, &state)
                // Reads leave the state alone; anything else may have changed it.
                if !Self.cacheableReads.contains(operation.id) && operation.method != "GET" { state.version &+= 1 }
                return (reply, nil, state.version)
            }
            if let cached = outcome.cached { return Self.withRequestID(cached, requestID) }
            reply = outcome.reply!.rendered
            computedAt = cacheable ? outcome.version : nil
        } else {
            let refused = body == nil ? nil : state.withLock { state in
                state.settle(now: context.now)
                return MockReferences.check(context, state)
            }
            reply = refused?.rendered ?? context.success()
        }
        reply = faults.spoil(reply, kinds: spoil, operation: operation, spec: service.spec)
        let response: Exchange.Response
        switch reply.rendered {
        case .success(let status, let body):
            response = encode(status: status, body: body, service: service, requestID: requestID)
        case .error(let code, let status, let message):
            response = error(code, status: status, message: message, service: service, requestID: requestID)
        case .later:
            preconditionFailure("rendered replies are never deferred")
        }
        if let idempotency, (200..<300).contains(response.status) {
            state.withLock { state in
                if state.idempotent.count >= MockIdempotency.capacity { state.idempotent.removeAll() }
                state.idempotent[idempotency.key] = MockIdempotency.Entry(fingerprint: idempotency.fingerprint, response: response)
            }
        }
        if let computedAt {
            state.withLock { state in
                // Only an answer computed at the current version may be reused.
                guard state.version == computedAt else { return }
                if state.cacheVersion != state.version {
                    state.responseCache.removeAll(keepingCapacity: true)
                    state.cacheVersion = state.version
                }
                if state.responseCache.count < 1024 { state.responseCache[request.url] = response }
            }
        }
        return response
    }

    /// Reads whose answer depends only on the state (not on the clock, as `ShowJob`'s does):
    /// their encoded answers are reused while the state is unchanged, which keeps listing cheap
    /// under load.
    static let cacheableReads: Set<String> = ["ListVolumes", "ShowVolume", "ShowVolumeTags", "ShowSnapshot"]

    /// `response` with this request's id header.
    private static func withRequestID(_ response: Exchange.Response, _ requestID: String) -> Exchange.Response {
        var response = response
        if let index = response.headers.firstIndex(where: { $0.name == "X-Request-Id" || $0.name == "x-bce-request-id" }) {
            response.headers[index].value = requestID
        }
        return response
    }

    /// The answer to a request no documented operation takes. A path documented for other
    /// methods gets 405 with `Allow` (EVS A.2 lists 405 "Method Not Allowed"; RFC 9110 15.5.6
    /// requires the header; no error code is documented for it, so no body is invented); an
    /// action route whose body selects none of its documented actions gets the service's
    /// documented bad request (EVS A.1 EVS.5400, 400), after the credentials are checked; any
    /// other path gets the API gateway's answer for an API it does not publish (APIGW.0101, 404).
    private func unrouted(_ request: Exchange.Request, target: RequestTarget, requestID: String) -> Exchange.Response {
        for service in services {
            let methods = service.router.methods(fitting: target)
            guard !methods.isEmpty else { continue }
            guard methods.contains(request.method.uppercased()) else {
                var response = encode(status: 405, body: nil, service: service, requestID: requestID)
                response.headers.append(Exchange.Header(name: "Allow", value: methods.sorted().joined(separator: ", ")))
                return response
            }
            if let refusal = authenticator.check(request, scheme: service.authentication) {
                return refuse(refusal, service: service, requestID: requestID)
            }
            let actions = service.router.actions(method: request.method.uppercased(), target: target)
            let message = "The body selects none of the documented actions (\(actions.joined(separator: ", "))): its top-level key names the action."
            return error(badRequestCode(service, finding: nil), status: 400, message: message, service: service, requestID: requestID)
        }
        return encode(status: 404, body: MockErrorStyle.gateway(code: "APIGW.0101", message: "The API does not exist or has not been published in the environment", requestID: requestID), service: nil, requestID: requestID)
    }

    /// The best route across the served services: the one with the most literal segments.
    private func route(_ request: Exchange.Request, target: RequestTarget) -> (MockService, Router.Match)? {
        var best: (MockService, Router.Match)?
        for service in services {
            guard let match = service.router.match(method: request.method, target: target, body: request.body) else { continue }
            if best == nil || match.literalCount > best!.1.literalCount { best = (service, match) }
        }
        return best
    }

    /// The first error finding of the request checks, as a message, the finding itself, and
    /// the error code the table gives for an invalid header when it has one (EVS A.1 EVS.2218
    /// "invalid X-Client-Token in header"); nil when the request conforms. Authentication was
    /// checked already (a signature satisfies it).
    private func requestProblem(_ request: Exchange.Request, service: MockService) -> (message: String, finding: Finding, code: String?)? {
        let result = validator.validate(Exchange(request: request, response: nil))
        let errors = result.findings.filter { finding in
            finding.severity == .error && finding.location.rawValue.hasPrefix("request.")
                && !(finding.rule == Rule.requestParameterMissing && finding.location == .requestHeader)
        }
        guard let first = errors.first else { return nil }
        let pointer = first.pointer.isEmpty ? "" : "\(first.pointer): "
        var code: String?
        if first.location == .requestHeader, first.rule == Rule.requestParameterType {
            let phrase = "invalid \(first.pointer.lowercased()) in header"
            code = service.spec.errorCodes.first { $0.message.lowercased() == phrase }?.code
        }
        return ("\(pointer)\(first.message)", first, code)
    }

    /// The documented code for a request that breaks the spec: the code whose message names the
    /// broken field (EVS.1010 "invalid volume size!" for `/volume/size`; the bound it broke,
    /// EVS.2142 for a `limit` over 1000; the type-conversion EVS.1018; ``FieldErrorCodes``),
    /// else EVS.5400 "Malformed request body." (A.1), Baidu `BadRequest` (004 Error Code),
    /// Tencent `scode` 400; ECS documents no error code, so its answer carries the
    /// gateway-style `Ecs.0005` the ECS API uses.
    ///
    /// ECS (issue 18): Schemathesis sends 变更云服务器规格 no body, and a body without `resize`;
    /// the page forbids both (请求 参数说明: `resize` 是, a JSON body), and so does the export
    /// (`requestBody.required`, `required: [resize]`), so refusing them is right. The page
    /// prints its error answer, `{"error": {"message", "code"}}` (响应样例), without a status and
    /// leaves statuses to 通用请求返回值, a page not among the docs; the refusal comes with the
    /// status that example is read under, 400 (`Operation.assumedErrorStatuses`), which the
    /// export declares and `validate` counts as documented, and in that envelope.
    private func badRequestCode(_ service: MockService, finding: Finding?, operation: String? = nil) -> String {
        if let finding, let code = FieldErrorCodes.codes(for: finding, operation: operation, in: service.spec).first { return code }
        switch service.id {
        case "huawei-evs": return "EVS.5400"
        case "baidu-bcc": return "BadRequest"
        case "tencent-cbs": return "400"
        default: return "Ecs.0005"
        }
    }

    /// 401/403 for missing or bad credentials. Every signature failure (unknown key, wrong
    /// signature, expired, a required header unsigned) gets the same text, so that the answer
    /// does not tell which access keys exist; the reason goes to `onSignatureRejected`.
    ///
    /// Huawei: no credential → 401 `EVS.5401` "Authentication required." (A.1, 401); a
    /// signature that does not verify → 401 from the API gateway, `APIGW.0301` "Incorrect IAM
    /// authentication information" in the gateway's flat envelope where the service documents
    /// it (EVS 3.3 返回结果), else in the service's own (`gatewayError`). Baidu: 403
    /// `AccessDenied` with BCE's error JSON (BCE's general error table; the BCC page's own
    /// table lists only the operation's codes).
    private func refuse(_ refusal: MockAuthenticator.Refusal, service: MockService, requestID: String) -> Exchange.Response {
        switch (service.errors, refusal) {
        case (.baidu, .missing):
            return error("AccessDenied", status: 403, message: "Access denied: the Authorization header is missing.", service: service, requestID: requestID)
        case (.baidu, .invalid(let reason)):
            configuration.onSignatureRejected?("\(requestID): \(reason)")
            return error("AccessDenied", status: 403, message: "Access denied: the signature does not verify.", service: service, requestID: requestID)
        case (_, .wrongToken):
            // IAM's answer for a token it did not issue.
            return gatewayError("APIGW.0301", status: 401, message: "Incorrect IAM authentication information: decrypt token fail", service: service, requestID: requestID)
        case (_, .missing):
            let code = service.id == "huawei-evs" ? "EVS.5401" : "APIGW.0301"
            return error(code, status: 401, message: "Authentication required.", service: service, requestID: requestID)
        case (_, .invalid(let reason)):
            configuration.onSignatureRejected?("\(requestID): \(reason)")
            return gatewayError("APIGW.0301", status: 401, message: "Incorrect IAM authentication information: verify aksk signature fail", service: service, requestID: requestID)
        }
    }

    /// The API gateway's own refusal: in its flat `{error_code, error_msg, request_id}` where
    /// the service documents that envelope (EVS 3.3 返回结果); ECS documents only
    /// `{"error": {"message", "code"}}` (变更云服务器规格 响应样例), so there the same code and
    /// message come in that shape rather than in one the page never shows.
    private func gatewayError(_ code: String, status: Int, message: String, service: MockService, requestID: String) -> Exchange.Response {
        let flat = service.spec.errorEnvelopes.contains { $0.wrapper == .none && $0.codeField == "error_code" }
        guard flat else { return error(code, status: status, message: message, service: service, requestID: requestID) }
        return encode(status: status, body: MockErrorStyle.gateway(code: code, message: message, requestID: requestID), service: service, requestID: requestID)
    }

    private func error(_ code: String, status: Int?, message: String?, service: MockService, requestID: String) -> Exchange.Response {
        let (status, body) = service.errors.response(code: code, status: status, message: message, spec: service.spec, requestID: requestID)
        return encode(status: status, body: body, service: service, requestID: requestID)
    }

    private func encode(status: Int, body: JSONValue?, service: MockService?, requestID: String) -> Exchange.Response {
        var headers: [Exchange.Header] = []
        if body != nil { headers.append(Exchange.Header(name: "Content-Type", value: "application/json;charset=UTF-8")) }
        headers.append(Exchange.Header(name: service?.errors == .baidu ? "x-bce-request-id" : "X-Request-Id", value: requestID))
        return Exchange.Response(status: status, headers: headers, body: body.map { Array($0.compactText.utf8) })
    }

    private func nextRequestID() -> String {
        let number = requestCounter.wrappingAdd(1, ordering: .relaxed).newValue
        let hex = String(number, radix: 16)
        return "72657175-6573-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }
}

/// A handler: the answer to one operation, given the request and the mock's state.
typealias MockHandler = @Sendable (MockContext, inout MockState) -> MockReply
