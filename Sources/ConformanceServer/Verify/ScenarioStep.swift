import ConformanceModel

/// One request of a ``Scenario``: which documented operation to call, with which parameters
/// and body, what status to expect, what to remember from the answer, and what the call does
/// to resources (which the safety rules of ``VerifyRunner`` check before sending it).
///
/// Strings may hold `{{name}}` placeholders, filled from the run's variables (``Template``):
/// `project_id`, `run_id`, `name` (`conformance-<run id>`) and every capture made so far.
public struct ScenarioStep: Sendable, Hashable {
    /// A short label for progress lines and reports (`create volume`).
    public var name: String
    /// The operation id in the service's spec (`CreateVolume`); gives the method and path.
    public var operation: String
    /// Values of the path's `{parameters}`; `project_id` is filled in when not given.
    public var path: [String: String]
    /// Query items in order (a bare key such as Baidu's `purchaseReserved` has an empty value).
    public var query: [QueryItem]
    /// The request body, if any.
    public var body: StepBody?
    /// The statuses that count as success; anything else fails the step.
    public var expect: Set<Int>
    /// Variables to remember from the response body: name → path (`volume_ids[0]`, `volume.id`);
    /// placeholders in the path are filled first. A missing value fails the step.
    public var captures: [String: String]
    /// Like ``captures``, but a missing value is no failure (the first listed volume of a
    /// project that has none).
    public var optionalCaptures: [String: String]
    /// What the call does to resources.
    public var effect: StepEffect
    /// Repeat the call until the response satisfies this (a resource settling), or fail the step.
    public var until: WaitCondition?
    /// Skip the step (not a failure) when one of these variables is not set, e.g. showing the
    /// first listed volume when the list was empty.
    public var requires: [String]
    /// For a negative case: the documented error the request must get. The step passes when the
    /// answer is that error, and an answer of success is a `verify.negative-accepted` finding.
    public var rejection: ExpectedRejection?
    /// Headers sent beside the ones the builder adds (`X-Client-Token`), placeholders filled.
    public var headers: [String: String] = [:]
    /// Sent without the run's credentials (a negative case: the docs require them).
    public var anonymous = false

    /// A query item; `value` empty for a bare key.
    public struct QueryItem: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String = "") {
            self.name = name
            self.value = value
        }
    }

    public init(_ name: String, operation: String, path: [String: String] = [:], query: [QueryItem] = [], body: StepBody? = nil, expect: Set<Int>, captures: [String: String] = [:], optionalCaptures: [String: String] = [:], effect: StepEffect = .read, until: WaitCondition? = nil, requires: [String] = [], rejection: ExpectedRejection? = nil) {
        self.name = name
        self.operation = operation
        self.path = path
        self.query = query
        self.body = body
        self.expect = expect
        self.captures = captures
        self.optionalCaptures = optionalCaptures
        self.effect = effect
        self.until = until
        self.requires = requires
        self.rejection = rejection
    }
}

/// What a step does to resources; the runner's safety rules are written against this.
public indirect enum StepEffect: Sendable, Hashable {
    /// Reads only (GET, and the documented read-only POSTs such as Tencent's `DiskList`).
    case read
    /// Creates a resource whose id the step captures into `variable`; `cleanup` is the step that
    /// deletes it again, registered as soon as the id is known and run at the end of the
    /// scenario unless a later ``delete(variable:)`` step already removed it.
    ///
    /// When the create answer names no id (Tencent's `DiskCreate` answers `data: {}`), `lookup`
    /// is a read step that finds it; its capture of `variable` must filter by the run's unique
    /// name (`[DiskName={{name}}-disk]`), so that only a resource the run named is adopted.
    case create(variable: String, cleanup: CleanupStep, lookup: ScenarioStep? = nil)
    /// Changes the resource whose id is in `variable`, which must have been created by this run.
    case mutate(variable: String)
    /// Deletes the resource whose id is in `variable`, which must have been created by this run.
    case delete(variable: String)
    /// Changes a resource the run cannot create; allowed only in scenarios that run against the
    /// embedded mock (``Scenario/Reach/embeddedMockOnly(reason:)``).
    case mutateMockFixture

    /// Whether the step changes anything.
    public var mutates: Bool { self != .read }
}

/// The step that removes a created resource, and how long to keep trying: a resource that is
/// still settling (`creating`, `extending`) refuses deletion for a while.
///
/// A resource a case left in a state that forbids deletion (an attached or reserved volume:
/// EVS.1046 "volume status must be available, error, ... when delete volume!") is first
/// brought back: after each refused delete, every `unblock` step is sent (its answer is
/// recorded and validated, whatever its status), then the delete is tried again.
public struct CleanupStep: Sendable, Hashable {
    public var step: ScenarioStep
    /// Statuses that mean "already gone" (404, a documented not-found error status).
    public var gone: Set<Int>
    /// Steps sent after each refused delete (detach, unreserve).
    public var unblock: [ScenarioStep]

    public init(_ step: ScenarioStep, gone: Set<Int> = [404], unblock: [ScenarioStep] = []) {
        self.step = step
        self.gone = gone
        self.unblock = unblock
    }
}

/// A request body: inline JSON, or a golden payload with some members replaced.
public enum StepBody: Sendable, Hashable {
    /// This JSON, placeholders filled.
    case json(JSONValue)
    /// The service's synthesized golden payload `file` (`request.min.json`) of the step's
    /// operation (computed in memory, as `conformance golden` writes it), with the members at
    /// the given paths (`volume.name`) set to the given values.
    case golden(file: String, set: [String: JSONValue])
}

/// When a polled resource has settled.
public enum WaitCondition: Sendable, Hashable {
    /// The value at `path` in the response body is one of `in`; one of `failing` (`error`)
    /// ends the wait at once as a failed step.
    case value(path: String, in: Set<String>, failing: Set<String> = [])
    /// The response status is one of these (a deleted resource answering 404).
    case status(Set<Int>)
}
