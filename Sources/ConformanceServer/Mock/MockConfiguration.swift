import ConformanceModel
import Foundation

/// How an embedded ``MockVendorEndpoint`` behaves: which services it serves, where it listens,
/// which credentials it accepts, how slowly resources settle and which faults it injects.
///
/// Every property has a default, so `MockConfiguration()` is a clean, conforming mock of all four
/// services on an ephemeral port of 127.0.0.1.
public struct MockConfiguration: Sendable {
    /// The access key the defaults print at start-up; signatures made with it and
    /// ``defaultSecretKey`` are accepted.
    public static let defaultAccessKey = "MOCKACCESSKEY0000001"
    /// The secret key that goes with ``defaultAccessKey``.
    public static let defaultSecretKey = "mock-secret-key-do-not-use-in-production"

    /// Service ids to serve (`huawei-evs`, `huawei-ecs`, `tencent-cbs`, `baidu-bcc`); empty: all.
    public var services: [String]
    /// The host to bind; the mock is meant for loopback only.
    public var host: String
    /// The port to bind; 0 picks an ephemeral port (the bound one is returned by `start()`).
    public var port: Int
    /// Access key accepted for AK/SK (`SDK-HMAC-SHA256`) and `bce-auth-v1` signatures.
    public var accessKey: String
    /// Secret key that signatures are verified with.
    public var secretKey: String
    /// The only `X-Auth-Token` accepted; nil: any non-empty token (the mock has no IAM).
    public var token: String?
    /// How long a created resource stays in its transitional state (`creating`, `extending`,
    /// `attaching`, ...) before it settles.
    public var settleDelay: Duration
    /// Deliberate misbehaviour (see ``MockFaults``); `.none` serves only conforming exchanges.
    public var faults: MockFaults
    /// Where to write every exchange, redacted: HAR 1.2, or JSONL for a `.jsonl` path
    /// (``ExchangeRecorder``); nil: no recording.
    public var recordPath: String?
    /// Validate each incoming request with the `Validator` and answer the documented error when
    /// it breaks the spec.
    public var validateRequests: Bool
    /// Timeouts and the connection limit of the server.
    public var limits: ServingLimits
    /// Told why each signature the mock refuses failed (the client gets one text for every
    /// failure, so that it cannot tell a wrong key from a wrong signature; the operator can).
    public var onSignatureRejected: (@Sendable (String) -> Void)?
    /// The specs to serve in place of the compiled ones (`mock --spec`); nil: `Specs.all`.
    public var specs: [ServiceSpec]? = nil
    /// Told of every exchange as it is recorded (absolute URL, secrets not yet redacted), for a
    /// request log (`conformance mock` prints one line per request).
    public var onExchange: (@Sendable (Exchange) -> Void)? = nil

    /// A configuration; all arguments are optional.
    public init(
        services: [String] = [],
        host: String = "127.0.0.1",
        port: Int = 0,
        accessKey: String = MockConfiguration.defaultAccessKey,
        secretKey: String = MockConfiguration.defaultSecretKey,
        token: String? = nil,
        settleDelay: Duration = .milliseconds(200),
        faults: MockFaults = .none,
        recordPath: String? = nil,
        validateRequests: Bool = true,
        limits: ServingLimits = ServingLimits(),
        onSignatureRejected: (@Sendable (String) -> Void)? = nil
    ) {
        self.services = services
        self.host = host
        self.port = port
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.token = token
        self.settleDelay = settleDelay
        self.faults = faults
        self.recordPath = recordPath
        self.validateRequests = validateRequests
        self.limits = limits
        self.onSignatureRejected = onSignatureRejected
    }
}
