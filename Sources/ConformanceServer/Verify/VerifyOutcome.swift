import Conformance

/// What happened to one step: passed, failed with a reason, or skipped with a reason.
public struct StepOutcome: Sendable, Hashable {
    /// The verdict of a step.
    public enum Verdict: Sendable, Hashable {
        case passed
        case failed(String)
        case skipped(String)
    }

    public var name: String
    public var operation: String
    public var verdict: Verdict
    /// Requests sent for the step (retries and polls included).
    public var exchanges: Int

    public init(name: String, operation: String, verdict: Verdict, exchanges: Int) {
        self.name = name
        self.operation = operation
        self.verdict = verdict
        self.exchanges = exchanges
    }

    /// The reason the step was skipped, if it was.
    public var skipReason: String? {
        if case .skipped(let reason) = verdict { return reason }
        return nil
    }

    /// The failure reason, if the step failed.
    public var failure: String? {
        if case .failed(let reason) = verdict { return reason }
        return nil
    }
}

/// What happened to one scenario: its steps, its cleanup, the validation errors of its traffic.
public struct ScenarioOutcome: Sendable, Hashable {
    public var id: String
    public var title: String
    public var steps: [StepOutcome]
    /// The cleanup steps that ran (resources the scenario left behind, deleted again).
    public var cleanup: [StepOutcome]
    /// Requests sent, cleanup included.
    public var exchanges: Int
    /// Error findings in the scenario's traffic.
    public var errors: Int
    public var warnings: Int
    public var duration: Duration
    /// Why the scenario did not run at all, if it did not.
    public var skipped: String?
    /// For a generated case, what it tries.
    public var kind: CaseKind?
    /// The service whose operations it calls.
    public var service: String { Scenario.service(of: id) }

    public init(id: String, title: String, steps: [StepOutcome] = [], cleanup: [StepOutcome] = [], exchanges: Int = 0, errors: Int = 0, warnings: Int = 0, duration: Duration = .zero, skipped: String? = nil, kind: CaseKind? = nil) {
        self.id = id
        self.title = title
        self.steps = steps
        self.cleanup = cleanup
        self.exchanges = exchanges
        self.errors = errors
        self.warnings = warnings
        self.duration = duration
        self.skipped = skipped
        self.kind = kind
    }

    /// The first failed step (or cleanup step) and its reason.
    public var failure: String? {
        if let step = steps.first(where: { $0.failure != nil }) { return "\(step.name) (\(step.operation)): \(step.failure!)" }
        if let step = cleanup.first(where: { $0.failure != nil }) { return "cleanup \(step.name) (\(step.operation)): \(step.failure!)" }
        return nil
    }

    /// Ran, every step passed or was skipped, cleanup succeeded, no error finding.
    public var passed: Bool { skipped == nil && failure == nil && errors == 0 }
}

/// The result of a verify run: every scenario's outcome and the validation report of all the
/// traffic (each scenario is one "file" of the report, named by its id).
public struct VerifyOutcome: Sendable {
    public var runID: String
    public var scenarios: [ScenarioOutcome]
    public var report: ValidationReport
    /// Whether the run was interrupted (SIGINT); cleanup still ran.
    public var interrupted: Bool
    /// Resources that could not be deleted, as `scenario: variable id`; should be empty.
    public var leftBehind: [String]

    public init(runID: String, scenarios: [ScenarioOutcome], report: ValidationReport, interrupted: Bool, leftBehind: [String]) {
        self.runID = runID
        self.scenarios = scenarios
        self.report = report
        self.interrupted = interrupted
        self.leftBehind = leftBehind
    }

    /// Every scenario that ran passed, nothing is left behind, and the run was not interrupted.
    public var passed: Bool {
        !interrupted && leftBehind.isEmpty && scenarios.allSatisfy { $0.passed || $0.skipped != nil } && report.summary.errors == 0
    }
}
