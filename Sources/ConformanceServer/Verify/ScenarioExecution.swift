import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// Runs the steps of one scenario for a ``VerifyRunner``: builds each request, checks it
/// against ``StepSafety``, sends it with retries, polls until a resource settles, captures
/// variables, registers created resources for cleanup, and finally deletes what is left.
struct ScenarioExecution {
    let runner: VerifyRunner
    let scenarioID: String
    let service: String
    let title: String
    let steps: [ScenarioStep]
    var variables: [String: String]
    /// The scenario, when it is a generated case or provides shared resources.
    var scenario: Scenario?
    /// The last exchange of a generated case's tested step, for the failed-case log.
    var tested: FailedCase.Exchange?

    init(runner: VerifyRunner, scenario: Scenario) {
        self.init(runner: runner, scenarioID: scenario.id, service: scenario.service, title: scenario.title, steps: scenario.steps)
        self.scenario = scenario
        variables.merge(runner.sharedVariables) { own, _ in own }
    }

    init(runner: VerifyRunner, scenarioID: String, service: String, title: String = "", steps: [ScenarioStep] = []) {
        self.runner = runner
        self.scenarioID = scenarioID
        self.service = service
        self.title = title
        self.steps = steps
        let configuration = runner.configuration
        variables = ["project_id": configuration.projectID, "run_id": configuration.runID, "name": configuration.namePrefix]
    }

    var configuration: VerifyConfiguration { runner.configuration }

    /// Runs every step (stopping at the first failure), then the scenario's cleanup.
    mutating func run() async -> ScenarioOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcomes: [StepOutcome] = []
        var stopped: String?
        for step in steps {
            if let stopped {
                outcomes.append(StepOutcome(name: step.name, operation: step.operation, verdict: .skipped(stopped), exchanges: 0))
                continue
            }
            if Task.isCancelled {
                stopped = "interrupted"
                outcomes.append(StepOutcome(name: step.name, operation: step.operation, verdict: .skipped("interrupted"), exchanges: 0))
                continue
            }
            let missing = step.requires.filter { variables[$0] == nil }
            if !missing.isEmpty {
                outcomes.append(StepOutcome(name: step.name, operation: step.operation, verdict: .skipped("no \(missing.joined(separator: ", ")) (nothing to show)"), exchanges: 0))
                continue
            }
            let outcome = await perform(step)
            outcomes.append(outcome)
            if outcome.failure != nil { stopped = "an earlier step failed" }
        }
        // Cleanup runs in a task of its own: when the run is cancelled (SIGINT), the requests
        // that delete what the scenario created must still go out. A scenario that provides
        // shared resources keeps them for the cases; the run deletes them at its end.
        let runner = self.runner
        let id = scenarioID
        var cleanup: [StepOutcome] = []
        if scenario?.sharesResources == true {
            if stopped == nil, outcomes.allSatisfy({ $0.failure == nil }) { runner.share(variables, from: scenario!) }
        } else {
            cleanup = await Task { await runner.cleanUp(scenario: id) }.value
        }
        let counts = runner.counted(scenarioID)
        var outcome = ScenarioOutcome(id: scenarioID, title: title, steps: outcomes, cleanup: cleanup, exchanges: counts.exchanges, errors: counts.errors, warnings: counts.warnings, duration: clock.now - start, kind: scenario?.kind)
        // A generated case whose tested step could not run (a resource it needs is missing)
        // did not test anything: it is skipped, not passed.
        if scenario?.kind != nil, outcome.failure == nil, case .skipped(let reason)? = outcomes.last?.verdict {
            outcome.skipped = reason
        }
        if let scenario, scenario.kind != nil, outcome.skipped == nil, !outcome.passed, let step = scenario.steps.last {
            runner.recordFailedCase(FailedCase(scenario: scenario, step: step, outcome: outcome, exchange: tested, variables: variables))
        }
        return outcome
    }

    /// Sends one step (polling when it waits for a state) and applies its captures and effect.
    mutating func perform(_ step: ScenarioStep) async -> StepOutcome {
        var sent = 0
        func done(_ verdict: StepOutcome.Verdict) -> StepOutcome {
            StepOutcome(name: step.name, operation: step.operation, verdict: verdict, exchanges: sent)
        }
        guard let operation = Specs.operation(service: service, id: step.operation) else {
            return done(.failed("\(service) documents no operation \(step.operation)"))
        }
        let builder = RequestBuilder(endpoint: configuration.endpoint, service: service)
        let built: RequestBuilder.Built
        do {
            built = try builder.build(step, operation: operation, variables: variables)
        } catch {
            return done(.failed("\(error)"))
        }
        let safety = StepSafety(configuration: configuration, ledger: runner.ledger)
        if let refusal = safety.refusal(step, service: service, operation: operation, path: built.path, body: built.body, variables: variables) {
            return done(.failed(refusal))
        }

        let clock = ContinuousClock()
        let deadline = clock.now + configuration.waitTimeout
        var response: Exchange.Response
        var result: ExchangeResult?
        let isTested = scenario?.kind != nil && step == steps.last
        while true {
            let answer = await send(built.request, host: builder.hostHeader, mutating: step.effect.mutates, sent: &sent, rejection: step.rejection, result: &result, anonymous: step.anonymous)
            switch answer {
            case .failure(let reason):
                return done(.failed(reason.description))
            case .success(let received):
                response = received
            }
            guard let condition = step.until else { break }
            let body = response.body.flatMap { try? JSONValue.parse(bytes: $0) }
            if Self.satisfies(condition, response: response, body: body, variables: variables) { break }
            // A resource that left its documented life cycle will not reach the awaited state
            // by any documented path: stop waiting.
            if let strayed = result?.findings.first(where: { $0.rule == Rule.stateTransition }) {
                return done(.failed("stopped waiting: \(strayed.message)"))
            }
            if case .value(let location, _, let failing) = condition,
               let value = body.flatMap({ ValuePath(Template.fill(location, variables))?.text(in: $0) }), failing.contains(value) {
                return done(.failed("\(location) became \(value)"))
            }
            if !step.expect.contains(response.status) {
                return done(.failed("expected \(Self.list(step.expect)) while waiting, got \(Self.describe(response))"))
            }
            if clock.now >= deadline {
                return done(.failed("did not settle within \(SummaryTable.seconds(configuration.waitTimeout)) (\(Self.describe(condition)))"))
            }
            do {
                try await Task.sleep(for: configuration.pollInterval)
            } catch {
                return done(.failed("interrupted"))
            }
        }
        if isTested {
            tested = FailedCase.Exchange(request: built.request, response: response, findings: result?.findings ?? [])
        }
        if let rejection = step.rejection {
            return done(judge(response, result: result, against: rejection))
        }
        if step.until == nil && !step.expect.contains(response.status) {
            return done(.failed("expected \(Self.list(step.expect)), got \(Self.describe(response))"))
        }

        let body = response.body.flatMap { try? JSONValue.parse(bytes: $0) }
        // The created resource's id first: once it is known, the resource is cleaned up.
        var created: String?
        if case .create(let variable, _, _) = step.effect { created = variable }
        let captures = step.captures.sorted { ($0.key == created ? 0 : 1, $0.key) < ($1.key == created ? 0 : 1, $1.key) }
        for (name, location) in captures {
            guard let path = ValuePath(Template.fill(location, variables)), let body, let value = path.text(in: body) else {
                return done(.failed("no \(location) in the response (for \(name))"))
            }
            variables[name] = value
            if name == created { register(step, id: value) }
        }
        for (name, location) in step.optionalCaptures.sorted(by: { $0.key < $1.key }) {
            if let path = ValuePath(Template.fill(location, variables)), let body, let value = path.text(in: body) {
                variables[name] = value
            }
        }
        if case .create(let variable, _, let lookup) = step.effect, variables[variable] == nil {
            guard let lookup else {
                return done(.failed("created, but the response names no \(variable); look for a resource named \(configuration.namePrefix)… and delete it"))
            }
            let found = await find(variable, with: lookup)
            sent += found.exchanges
            if let failure = found.failure {
                return done(.failed("created, but could not find its \(variable) (\(failure)); look for a resource named \(configuration.namePrefix)… and delete it"))
            }
            register(step, id: variables[variable] ?? "")
        }
        if case .delete(let variable) = step.effect, let id = variables[variable] {
            runner.ledger.released(id)
        }
        return done(.passed)
    }

    /// Registers the resource `step` created for cleanup, the moment its id is known, before
    /// anything else can fail: from here on it is deleted at the end whatever happens.
    func register(_ step: ScenarioStep, id: String) {
        guard case .create(let variable, let cleanup, _) = step.effect else { return }
        runner.ledger.register(CleanupLedger.Entry(scenario: scenarioID, variable: variable, id: id, cleanup: cleanup, variables: variables))
    }

    /// Runs `lookup` (polling: a new resource may take a moment to be listed) until it
    /// captures `variable`. Its capture path must filter by the run's name, or it is refused.
    mutating func find(_ variable: String, with lookup: ScenarioStep) async -> StepOutcome {
        guard let location = lookup.captures[variable], location.contains("{{name}}") else {
            return StepOutcome(name: lookup.name, operation: lookup.operation, verdict: .failed("refused: the lookup of \(variable) must select by the run's name ({{name}})"), exchanges: 0)
        }
        var step = lookup
        step.effect = .read
        var total = 0
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.waitTimeout
        step.until = nil
        while true {
            let outcome = await perform(step)
            total += outcome.exchanges
            if outcome.failure == nil, variables[variable] != nil {
                return StepOutcome(name: lookup.name, operation: lookup.operation, verdict: .passed, exchanges: total)
            }
            if clock.now >= deadline || Task.isCancelled {
                return StepOutcome(name: lookup.name, operation: lookup.operation, verdict: .failed(outcome.failure ?? "not found"), exchanges: total)
            }
            try? await Task.sleep(for: configuration.pollInterval)
        }
    }

    /// Deletes one created resource: repeats the delete while the resource refuses it (still
    /// settling), until it answers success or "gone", or the wait time is over.
    func cleanUp(_ entry: CleanupLedger.Entry) async -> StepOutcome {
        var sent = 0
        let step = entry.cleanup.step
        let name = "delete \(entry.variable) \(entry.id)"
        func done(_ verdict: StepOutcome.Verdict) -> StepOutcome {
            StepOutcome(name: name, operation: step.operation, verdict: verdict, exchanges: sent)
        }
        guard let operation = Specs.operation(service: service, id: step.operation) else {
            return done(.failed("\(service) documents no operation \(step.operation)"))
        }
        var variables = entry.variables
        variables[entry.variable] = entry.id
        let builder = RequestBuilder(endpoint: configuration.endpoint, service: service)
        let built: RequestBuilder.Built
        do {
            built = try builder.build(step, operation: operation, variables: variables)
        } catch {
            return done(.failed("\(error)"))
        }
        if let refusal = StepSafety(configuration: configuration, ledger: runner.ledger).refusal(step, service: service, operation: operation, path: built.path, body: built.body, variables: variables) {
            return done(.failed(refusal))
        }
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.waitTimeout
        while true {
            switch await send(built.request, host: builder.hostHeader, mutating: true, sent: &sent) {
            case .success(let response):
                if step.expect.contains(response.status) || entry.cleanup.gone.contains(response.status) {
                    return done(.passed)
                }
                await unblock(entry, variables: variables, sent: &sent)
                if clock.now >= deadline {
                    return done(.failed("still refused after \(SummaryTable.seconds(configuration.waitTimeout)): \(Self.describe(response))"))
                }
            case .failure(let reason):
                if clock.now >= deadline { return done(.failed(reason.description)) }
            }
            try? await Task.sleep(for: configuration.pollInterval)
        }
    }

    /// Sends each of the cleanup's `unblock` steps, under the same safety rules as the delete;
    /// their answers are recorded whatever they are (a detach of a volume that is not attached
    /// is refused, and that is fine). Sent after every refused delete: a volume still
    /// `attaching` refuses the detach too, and only a later one frees it.
    func unblock(_ entry: CleanupLedger.Entry, variables: [String: String], sent: inout Int) async {
        let builder = RequestBuilder(endpoint: configuration.endpoint, service: service)
        for step in entry.cleanup.unblock {
            guard let operation = Specs.operation(service: service, id: step.operation),
                  let built = try? builder.build(step, operation: operation, variables: variables),
                  StepSafety(configuration: configuration, ledger: runner.ledger).refusal(step, service: service, operation: operation, path: built.path, body: built.body, variables: variables) == nil
            else { continue }
            _ = await send(built.request, host: builder.hostHeader, mutating: true, sent: &sent)
        }
    }

    /// Sends `request` with authentication and retries; every attempt that got an answer is
    /// validated and recorded.
    func send(_ request: Exchange.Request, host: String, mutating: Bool, sent: inout Int) async -> Result<Exchange.Response, SendFailure> {
        var result: ExchangeResult?
        return await send(request, host: host, mutating: mutating, sent: &sent, rejection: nil, result: &result)
    }

    /// ``send(_:host:mutating:sent:)`` for a step that may expect its request to be refused
    /// (`rejection`, a negative case: its request findings are the point, not findings);
    /// `result` gets what the validator made of the last answer.
    /// `anonymous`: sent without the run's credentials (a negative case).
    func send(_ request: Exchange.Request, host: String, mutating: Bool, sent: inout Int, rejection: ExpectedRejection?, result: inout ExchangeResult?, anonymous: Bool = false) async -> Result<Exchange.Response, SendFailure> {
        let policy = configuration.retry
        var lastError = ""
        for attempt in 1...policy.attempts {
            let signed = anonymous ? request : configuration.credentials.authorize(request, service: service, host: host)
            let started = Date()
            sent += 1
            do {
                let response = try await runner.transport.send(signed, timeout: configuration.requestTimeout)
                result = runner.observe(signed, response, scenario: scenarioID, started: started, duration: Date().timeIntervalSince(started), rejection: rejection)
                if attempt < policy.attempts && policy.retries(status: response.status, mutating: mutating) {
                    lastError = Self.describe(response)
                } else {
                    return .success(response)
                }
            } catch is CancellationError {
                return .failure(SendFailure("interrupted"))
            } catch {
                if Task.isCancelled { return .failure(SendFailure("interrupted")) }
                lastError = "\(request.method) \(request.url): \(error)"
                // A mutation is repeated only when it certainly never arrived (RetryPolicy).
                if mutating && !Self.isConnectFailure(error) { return .failure(SendFailure(lastError)) }
            }
            if attempt < policy.attempts {
                do {
                    try await Task.sleep(for: policy.delay(after: attempt))
                } catch {
                    return .failure(SendFailure("interrupted"))
                }
            }
        }
        return .failure(SendFailure("gave up after \(policy.attempts) attempts: \(lastError)"))
    }

    /// The verdict on a negative case's answer: the documented error passes; success fails the
    /// case (and is a `verify.negative-accepted` finding, which ``VerifyRunner`` adds when it
    /// observes the exchange); another error status fails it. A code other than the preferred one is no failure: the tables never say
    /// which code a broken field gets (``FieldErrorCodes``), and the validator already holds the
    /// code to the documented table.
    func judge(_ response: Exchange.Response, result: ExchangeResult?, against rejection: ExpectedRejection) -> StepOutcome.Verdict {
        let refused = response.status >= 400 || result?.errorCode != nil
        if !refused {
            return .failed("accepted a request that breaks a documented constraint (\(rejection.constraint)): \(Self.describe(response))")
        }
        if !rejection.statuses.isEmpty && !rejection.statuses.contains(response.status) {
            return .failed("expected the documented error \(rejection.statuses.map(String.init).joined(separator: " or ")) for \(rejection.constraint), got \(Self.describe(response))")
        }
        return .passed
    }

    /// Whether a polled response shows the awaited state.
    static func satisfies(_ condition: WaitCondition, response: Exchange.Response, body: JSONValue?, variables: [String: String]) -> Bool {
        switch condition {
        case .status(let statuses):
            return statuses.contains(response.status)
        case .value(let location, let wanted, _):
            guard let body, let value = ValuePath(Template.fill(location, variables))?.text(in: body) else { return false }
            return wanted.contains(value)
        }
    }

    /// Whether `error` says the connection was never made (the request did not leave).
    static func isConnectFailure(_ error: any Error) -> Bool {
        let text = String(describing: error).lowercased()
        return text.contains("connection refused") || text.contains("connectionrefused") || text.contains("connect timeout") || text.contains("connecttimeout") || text.contains("nioconnectionerror")
    }

    static func list(_ statuses: Set<Int>) -> String {
        statuses.sorted().map(String.init).joined(separator: " or ")
    }

    static func describe(_ response: Exchange.Response) -> String {
        var text = "\(response.status)"
        if let body = response.body, !body.isEmpty {
            let snippet = String(decoding: body.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            text += " \(snippet)"
        }
        return text
    }

    static func describe(_ condition: WaitCondition) -> String {
        switch condition {
        case .status(let statuses): "waiting for status \(list(statuses))"
        case .value(let path, let values, _): "waiting for \(path) to be \(values.sorted().joined(separator: " or "))"
        }
    }
}

/// Why a request got no usable answer (connection error, timeout, interruption).
struct SendFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
