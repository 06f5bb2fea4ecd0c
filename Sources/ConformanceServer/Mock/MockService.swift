import Conformance
import ConformanceModel

/// One served service, compiled once: its spec, its router, its synthesized bodies and how it
/// shapes errors.
struct MockService: Sendable {
    let spec: ServiceSpec
    let router: Router
    let payloads: MockPayloads
    let errors: MockErrorStyle
    /// Operations answered without credentials (see ``isOpen(_:)``).
    let openOperations: Set<String>

    init(spec: ServiceSpec) {
        self.spec = spec
        self.router = Router(spec: spec)
        self.payloads = MockPayloads.payloads(for: spec)
        self.errors = MockErrorStyle(service: spec.service)
        openOperations = Set(spec.operations.filter { !spec.needsCredential($0) }.map(\.id))
    }

    /// Whether `operation` is answered without credentials (the version documents at the
    /// root: `ServiceSpec.needsCredential(_:)`, which the validator applies too).
    func isOpen(_ operation: Operation) -> Bool {
        openOperations.contains(operation.id)
    }

    var id: String { spec.service }

    /// How requests to this service authenticate (its `authentication` entries).
    var authentication: MockAuthenticator.Scheme {
        if spec.authentication.contains(where: { $0.scheme == BaiduBCESigner.version }) { return .baidu }
        if spec.authentication.contains(where: { $0.header.caseInsensitiveEquals("X-Auth-Token") || $0.scheme == HuaweiAKSKSigner.algorithm }) { return .huawei }
        return .none
    }
}
