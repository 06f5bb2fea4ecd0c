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

    /// A runner; `progress` gets one line per scenario (and per cleanup problem), `recordPath`
    /// receives the traffic as redacted HAR (JSONL for `.jsonl`), streamed as it happens and
    /// written out after every scenario (``ExchangeRecorder``).
    public init(configuration: VerifyConfiguration, transport: any HTTPTransport, recordPath: String? = nil, keepsEveryExchange: Bool = true, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration
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
    }

    /// The scenarios of `catalog` this configuration selects (service and id filters), in order.
    public func selected(from catalog: [Scenario]) -> [Scenario] {
        catalog.filter { scenario in
            (configuration.service == nil || scenario.service == configuration.service)
                && (configuration.scenarios.isEmpty || configuration.scenarios.contains(scenario.id))
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
                outcomes.append(ScenarioOutcome(id: scenario.id, title: scenario.title, skipped: "interrupted"))
                continue
            }
            if let reason = skipReason(scenario) {
                progress("\(label): skipped (\(reason))")
                outcomes.append(ScenarioOutcome(id: scenario.id, title: scenario.title, skipped: reason))
                continue
            }
            progress("\(label): \(scenario.title)…")
            var execution = ScenarioExecution(runner: self, scenario: scenario)
            let outcome = await execution.run()
            outcomes.append(outcome)
            progress("\(label): \(Self.verdict(outcome)) (\(outcome.steps.count) steps, \(outcome.exchanges) exchanges, \(outcome.errors) errors, \(SummaryTable.seconds(outcome.duration)))")
            writeRecording()
            if Task.isCancelled { interrupted = true }
        }
        // Anything still pending (a scenario that could not clean up) is tried once more.
        let leftovers = await Task { await self.cleanUp(scenario: nil) }.value
        writeRecording()
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
    /// index counts the scenario's exchanges from 0).
    func observe(_ request: Exchange.Request, _ response: Exchange.Response?, scenario: String, started: Date, duration: TimeInterval) {
        let index = counts.withLock { counts -> Int in
            let index = counts[scenario, default: Counts()].exchanges
            counts[scenario, default: Counts()].exchanges += 1
            return index
        }
        let exchange = Exchange(request: request, response: response, index: index, file: scenario)
        let result = validator.validate(exchange)
        report.withLock { $0.add(result, of: exchange) }
        recorder?.record(exchange, started: started, duration: duration)
        let errors = result.findings.filter { $0.severity == .error }.count
        let warnings = result.findings.filter { $0.severity == .warning }.count
        counts.withLock {
            $0[scenario, default: Counts()].errors += errors
            $0[scenario, default: Counts()].warnings += warnings
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
