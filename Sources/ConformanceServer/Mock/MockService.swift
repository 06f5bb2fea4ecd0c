import Conformance
import ConformanceModel

/// One served service, compiled once: its spec, its router, its synthesized bodies and how it
/// shapes errors.
struct MockService: Sendable {
    let spec: ServiceSpec
    let router: Router
    let payloads: MockPayloads
    let errors: MockErrorStyle

    init(spec: ServiceSpec) {
        self.spec = spec
        self.router = Router(spec: spec)
        self.payloads = MockPayloads.payloads(for: spec)
        self.errors = MockErrorStyle(service: spec.service)
    }

    var id: String { spec.service }

    /// How requests to this service authenticate (its `authentication` entries).
    var authentication: MockAuthenticator.Scheme {
        if spec.authentication.contains(where: { $0.scheme == BaiduBCESigner.version }) { return .baidu }
        if spec.authentication.contains(where: { $0.header.caseInsensitiveEquals("X-Auth-Token") || $0.scheme == HuaweiAKSKSigner.algorithm }) { return .huawei }
        return .none
    }
}
