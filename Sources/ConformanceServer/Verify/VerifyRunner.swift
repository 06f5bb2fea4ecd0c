import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation
import Synchronization

/// Runs documented scenarios against an endpoint and validates every exchange on the way
/// (DESIGN.md "conformance verify").
///
/// ```swift
/// let runner = VerifyRunner(configuration: VerifyConfiguration(endpoint: url, ownsEndpoint: true), transport: client)
/// let outcome = await runner.run(ScenarioCatalog.all)
/// ```
///
/// Safety (``StepSafety``): nothing changes without `allowMutations` (or an owned endpoint);
/// a change or delete names only an id a create step of this run captured; everything a
/// scenario created is deleted at its end (``CleanupLedger``), also when a step fails or the
/// run is cancelled (SIGINT in the CLI): cleanup runs in a task of its own that the
/// cancellation does not reach.
public final class VerifyRunner: Sendable {
    public let configuration: VerifyConfiguration
    let transport: any HTTPTransport
    let validator: StatefulValidator
    let ledger = CleanupLedger()
    let progress: @Sendable (String) -> Void
    let recordPath: String?
    private let report: Mutex<ValidationReport>
    private let recorder: ExchangeRecorder?
    /// Variables every scenario starts from: the ids the user named, the mock's fixtures (when
    /// the run owns the mock) and what the resource scenarios captured.
    private let shared: Mutex<[String: String]>
    /// Failed generated cases, in the order they failed.
    private let failures = Mutex<[FailedCase]>([])
    /// Where failed cases are written (JSON Lines), or nil.
    let failuresPath: String?

    /// A runner; `progress` gets one line per scenario (and per cleanup problem), `recordPath`
    /// receives the traffic as redacted HAR (JSONL for `.jsonl`), streamed as it happens and
    /// written out after every scenario (``ExchangeRecorder``).
    ///
    /// `resources` are ids the user named (`--resource volume_id=ID`): generated cases use them
    /// instead of creating their own, may change them with `--allow-mutations`, and never delete
    /// them. `failuresPath` receives the failed generated cases (``FailedCase``).
    public init(configuration: VerifyConfiguration, transport: any HTTPTransport, recordPath: String? = nil, keepsEveryExchange: Bool = true, resources: [String: String] = [:], failuresPath: String? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.failuresPath = failuresPath
        var variables = resources
        for plan in ResourcePlan.all { variables.merge(plan.samples) { given, _ in given } }
        // An unshared recipe's steps run inside every case that needs it, right before the
        // case's own step, so its constants (`metadata_key`) hold whenever that step runs.
        for plan in ResourcePlan.all {
            for recipe in plan.recipes where !recipe.shared { variables.merge(recipe.provides) { given, _ in given } }
        }
        if configuration.ownsEndpoint {
            for plan in ResourcePlan.all { variables.merge(plan.mockFixtures) { given, _ in given } }
        }
        self.shared = Mutex(variables)
        self.transport = transport
        self.recordPath = recordPath
        self.progress = progress
        self.validator = StatefulValidator(validator: Validator(options: ValidatorOptions(service: configuration.service)), tracker: StateTracker(machines: Rules.stateMachines))
        self.report = Mutex(ValidationReport(keepsEveryExchange: keepsEveryExchange))
        var recorder: ExchangeRecorder?
        if let recordPath {
            do {
                recorder = try ExchangeRecorder(path: recordPath)
            } catch {
                progress("conformance: cannot record: \(error)")
            }
        }
        self.recorder = recorder
        for id in resources.values { ledger.adopt(id) }
    }

    /// The scenarios of `catalog` this configuration selects (service and id filters), in order.
    /// Generated cases and the resource scenarios they need are not named by `--scenario`; they
    /// are selected by ``CaseSelection`` when they are generated.
    public func selected(from catalog: [Scenario]) -> [Scenario] {
        catalog.filter { scenario in
            (configuration.service == nil || scenario.service == configuration.service)
                && (configuration.scenarios.isEmpty || configuration.scenarios.contains(scenario.id) || scenario.kind != nil || scenario.sharesResources)
        }
    }

    /// Why `scenario` may not run in this configuration, or nil.
    public func skipReason(_ scenario: Scenario) -> String? {
        if case .embeddedMockOnly(let reason) = scenario.reach, !configuration.ownsEndpoint {
            return "runs only against the embedded mock: \(reason)"
        }
        if scenario.mutates && !(configuration.allowMutations || configuration.ownsEndpoint) {
            return "changes resources; pass --allow-mutations to run it"
        }
        return nil
    }

    /// Runs the selected scenarios in order. When the calling task is cancelled, the current
    /// scenario stops, its resources are deleted, the rest is skipped, and the outcome says
    /// `interrupted`.
    public func run(_ catalog: [Scenario] = ScenarioCatalog.all) async -> VerifyOutcome {
        let chosen = selected(from: catalog)
        var outcomes: [ScenarioOutcome] = []
        var interrupted = false
        for (position, scenario) in chosen.enumerated() {
            let label = "[\(position + 1)/\(chosen.count)] \(scenario.id)"
            if Task.isCancelled {
                interrupted = true
                outcomes.append(ScenarioOutcome(id: scenario.id, title: scenario.title, skipped: "interrupted", kind: scenario.kind))
                continue
            }
            if let reason = skipReason(scenario) {
                if scenario.kind == nil { progress("\(label): skipped (\(reason))") }
                outcomes.append(ScenarioOutcome(id: scenario.id, title: scenario.title, skipped: reason, kind: scenario.kind))
                continue
            }
            // Generated cases are many: their progress is a line per failure and one per 100 cases.
            let quiet = scenario.kind != nil
            if !quiet { progress("\(label): \(scenario.title)…") }
            var execution = ScenarioExecution(runner: self, scenario: scenario)
            let outcome = await execution.run()
            outcomes.append(outcome)
            if !quiet || !outcome.passed {
                progress("\(label): \(Self.verdict(outcome)) (\(outcome.steps.count) steps, \(outcome.exchanges) exchanges, \(outcome.errors) errors, \(SummaryTable.seconds(outcome.duration)))")
            } else if (position + 1) % 100 == 0 {
                progress("[\(position + 1)/\(chosen.count)] generated cases…")
            }
            writeRecording()
            if Task.isCancelled { interrupted = true }
        }
        // Anything still pending (a scenario that could not clean up) is tried once more.
        let leftovers = await Task { await self.cleanUp(scenario: nil) }.value
        writeRecording()
        writeFailures()
        let left = outcomes.flatMap(\.cleanup).filter { $0.failure != nil }.map(\.name) + leftovers.filter { $0.failure != nil }.map(\.name)
        return VerifyOutcome(runID: configuration.runID, scenarios: outcomes, report: report.withLock { $0 }, interrupted: interrupted, leftBehind: left)
    }

    static func verdict(_ outcome: ScenarioOutcome) -> String {
        if let skipped = outcome.skipped { return "skipped (\(skipped))" }
        if let failure = outcome.failure { return "FAILED: \(failure)" }
        return outcome.errors > 0 ? "FAILED: \(outcome.errors) error findings" : "passed"
    }

    /// Requests sent, error and warning findings, per scenario id.
    struct Counts: Sendable {
        var exchanges = 0
        var errors = 0
        var warnings = 0
    }

    private let counts = Mutex<[String: Counts]>([:])

    /// What has been counted for `scenario` so far.
    func counted(_ scenario: String) -> Counts {
        counts.withLock { $0[scenario] ?? Counts() }
    }

    /// Validates, counts and records one exchange of `scenario` (the report's "file"; the
    /// index counts the scenario's exchanges from 0). For a negative case (`rejection`), the
    /// answer must refuse the request (``acceptance(of:result:rejection:)``), and the findings
    /// on the request are what the case meant to break, so they are left out; the answer is
    /// still checked.
    @discardableResult
    func observe(_ request: Exchange.Request, _ response: Exchange.Response?, scenario: String, started: Date, duration: TimeInterval, rejection: ExpectedRejection? = nil) -> ExchangeResult {
        let index = counts.withLock { counts -> Int in
            let index = counts[scenario, default: Counts()].exchanges
            counts[scenario, default: Counts()].exchanges += 1
            return index
        }
        let exchange = Exchange(request: request, response: response, index: index, file: scenario)
        var result = validator.validate(exchange)
        if let rejection {
            result.findings.removeAll { $0.location.rawValue.hasPrefix("request.") }
            if let response, let accepted = Self.acceptance(of: response, result: result, rejection: rejection) { result.findings.append(accepted) }
        }
        report.withLock { $0.add(result, of: exchange) }
        recorder?.record(exchange, started: started, duration: duration)
        let errors = result.findings.filter { $0.severity == .error }.count
        let warnings = result.findings.filter { $0.severity == .warning }.count
        counts.withLock {
            $0[scenario, default: Counts()].errors += errors
            $0[scenario, default: Counts()].warnings += warnings
        }
        return result
    }

    /// The variables every scenario starts from.
    var sharedVariables: [String: String] { shared.withLock { $0 } }

    /// Publishes what a resource scenario captured (and its recipe's constants) for the cases.
    func share(_ variables: [String: String], from scenario: Scenario) {
        var published = variables
        let plan = ResourcePlan.plan(for: scenario.service)
        if let variable = scenario.id.split(separator: ".").last.map(String.init), let recipe = plan.recipe(for: variable) {
            published.merge(recipe.provides) { _, constant in constant }
        }
        shared.withLock { $0.merge(published) { _, new in new } }
    }

    /// The `verify.negative-accepted` finding on a negative case's answer, or nil when the
    /// answer refused the request (an error status, or an error code in the envelope).
    static func acceptance(of response: Exchange.Response, result: ExchangeResult, rejection: ExpectedRejection) -> Finding? {
        guard response.status < 400 && result.errorCode == nil else { return nil }
        return Finding(exchange: result.exchange, file: result.file, operation: result.operationID, rule: Rule.verifyNegativeAccepted, severity: .error,
                       location: .responseStatus, pointer: "",
                       message: "the request breaks a documented constraint (\(rejection.constraint)) and was accepted with \(response.status)",
                       expected: "the documented error\(rejection.statuses.isEmpty ? "" : " " + rejection.statuses.map(String.init).joined(separator: " or "))\(rejection.preferredCodes.first.map { ", code \($0)" } ?? "")",
                       actual: "\(response.status)", source: rejection.citation)
    }

    /// Keeps a failed generated case for the failed-case log.
    func recordFailedCase(_ failed: FailedCase) {
        failures.withLock { $0.append(failed) }
    }

    /// The failed generated cases so far.
    public var failedCases: [FailedCase] { failures.withLock { $0 } }

    private func writeFailures() {
        guard let failuresPath else { return }
        let lines = failedCases.map(\.jsonLine)
        // No failure and no earlier log: nothing to write (an earlier log is emptied, so that it
        // never shows failures this run did not have).
        if lines.isEmpty && !FileManager.default.fileExists(atPath: failuresPath) { return }
        do {
            try AtomicFile.write(lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n", to: failuresPath)
            progress("wrote \(lines.count) failed case\(lines.count == 1 ? "" : "s") to \(failuresPath) (conformance verify --replay \(failuresPath) runs them again)")
        } catch {
            progress("conformance: cannot write \(failuresPath): \(error)")
        }
    }

    /// Deletes what `scenario` (every scenario when nil) left behind, newest first; one outcome
    /// per resource. Must be called from a task that is not cancelled.
    func cleanUp(scenario: String?) async -> [StepOutcome] {
        var outcomes: [StepOutcome] = []
        for entry in ledger.takePending(scenario: scenario) {
            let outcome = await ScenarioExecution(runner: self, scenarioID: entry.scenario, service: Scenario.service(of: entry.scenario)).cleanUp(entry)
            if let failure = outcome.failure {
                progress("  cleanup of \(entry.variable) \(entry.id) failed: \(failure)")
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    private func writeRecording() {
        guard let recorder else { return }
        recorder.flush()
        if let problem = recorder.lastError { progress("conformance: cannot write the recording: \(problem)") }
    }
}

extension Scenario {
    /// The service part of a scenario id (`huawei-evs.volume-lifecycle` → `huawei-evs`).
    static func service(of id: String) -> String {
        String(id.prefix { $0 != "." })
    }
}
