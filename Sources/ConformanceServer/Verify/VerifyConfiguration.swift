import Foundation

/// What one `conformance verify` run does: where, which scenarios, with which credentials, and
/// how patiently.
public struct VerifyConfiguration: Sendable {
    /// The endpoint's base URL (`https://evs.cn-north-4.myhuaweicloud.com`); every scenario's
    /// paths are appended to it.
    public var endpoint: URL
    /// Whether the run owns the endpoint (the embedded mock it started): mutations are then
    /// allowed, and so are the scenarios that need a mock fixture.
    public var ownsEndpoint: Bool
    /// Only this service's scenarios; nil: all.
    public var service: String?
    /// Only these scenario ids; empty: all that may run.
    public var scenarios: [String]
    /// Whether scenarios that create, change or delete resources may run (`--allow-mutations`).
    public var allowMutations: Bool
    /// How to authenticate.
    public var credentials: Credentials
    /// The `{project_id}` of Huawei paths.
    public var projectID: String
    /// Names the run's resources (`conformance-<runID>`) and appears in the report.
    public var runID: String
    /// Timeout of one request.
    public var requestTimeout: Duration
    /// How often a settling resource is polled, and for how long at most.
    public var pollInterval: Duration
    public var waitTimeout: Duration
    /// Retries of connection errors and 5xx answers.
    public var retry: RetryPolicy

    public init(endpoint: URL, ownsEndpoint: Bool = false, service: String? = nil, scenarios: [String] = [], allowMutations: Bool = false, credentials: Credentials = .none, projectID: String = VerifyConfiguration.defaultProjectID, runID: String = VerifyConfiguration.makeRunID(), requestTimeout: Duration = .seconds(30), pollInterval: Duration = .seconds(2), waitTimeout: Duration = .seconds(300), retry: RetryPolicy = RetryPolicy()) {
        self.endpoint = endpoint
        self.ownsEndpoint = ownsEndpoint
        self.service = service
        self.scenarios = scenarios
        self.allowMutations = allowMutations
        self.credentials = credentials
        self.projectID = projectID
        self.runID = runID
        self.requestTimeout = requestTimeout
        self.pollInterval = pollInterval
        self.waitTimeout = waitTimeout
        self.retry = retry
    }

    /// The project id used against the embedded mock (32 hex digits, the shape of a Huawei
    /// project id).
    public static let defaultProjectID = "0123456789abcdef0123456789abcdef"

    /// A short random run id: 8 lower-case hex digits.
    public static func makeRunID() -> String {
        String(UInt32.random(in: 0...UInt32.max), radix: 16).leftPadded(to: 8)
    }

    /// The name prefix of everything the run creates.
    public var namePrefix: String { "conformance-\(runID)" }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
