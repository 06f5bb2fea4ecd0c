/// A documented usage scenario that `conformance verify` runs against an endpoint: a named
/// list of ``ScenarioStep`` values, run in order.
///
/// Scenarios are data (STYLE.md "Data as data"): adding one means adding a value to
/// ``ScenarioCatalog``, never a code path in the runner.
public struct Scenario: Sendable, Hashable {
    /// Where a scenario may run.
    public enum Reach: Sendable, Hashable {
        /// Against any endpoint (live or the embedded mock).
        case anyEndpoint
        /// Only against the embedded mock, which the run owns: the scenario changes a resource
        /// that the documented API gives the run no way to create (an ECS server, a Baidu disk),
        /// so on a live endpoint it would touch a resource the run did not create.
        case embeddedMockOnly(reason: String)
    }

    /// A stable id, `<service>.<name>`, used in reports and `--scenario`.
    public var id: String
    /// The service id whose operations the steps name.
    public var service: String
    /// One line for the progress output.
    public var title: String
    /// Where it may run.
    public var reach: Reach
    /// The steps, in order.
    public var steps: [ScenarioStep]
    /// For a generated case (``CaseGenerator``): what it tries; nil for a hand-written scenario.
    public var kind: CaseKind?
    /// The operation a generated case tests (its last step's), for `--operations`.
    public var operation: String?
    /// Whether the scenario sets up the shared resources of the generated cases: its captures
    /// become every later scenario's variables, and what it created is deleted at the end of the
    /// run rather than at the end of the scenario.
    public var sharesResources: Bool

    public init(id: String, service: String, title: String, reach: Reach = .anyEndpoint, steps: [ScenarioStep], kind: CaseKind? = nil, operation: String? = nil, sharesResources: Bool = false) {
        self.id = id
        self.service = service
        self.title = title
        self.reach = reach
        self.steps = steps
        self.kind = kind
        self.operation = operation
        self.sharesResources = sharesResources
    }

    /// Whether any step creates, changes or deletes something: such a scenario runs only with
    /// `--allow-mutations` (or against the embedded mock).
    public var mutates: Bool { steps.contains { $0.effect.mutates } }
}
