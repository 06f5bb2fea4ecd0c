import ConformanceModel
import Foundation

/// How the verify runner authenticates, per service, following each service's documented
/// scheme (`ServiceSpec.authentication`):
/// - Huawei EVS/ECS: `X-Auth-Token` (token) or `SDK-HMAC-SHA256` (AK/SK, ``HuaweiAKSKSigner``);
/// - Baidu BCC: `bce-auth-v1` (AK/SK, ``BaiduBCESigner``);
/// - the Tencent disk gateway documents no authentication, so nothing is added.
public enum Credentials: Sendable, Hashable {
    /// Send requests as they are.
    case none
    /// An IAM token for Huawei's `X-Auth-Token`.
    case token(String)
    /// An access key pair for the signature schemes.
    case accessKey(id: String, secret: String)

    /// `request` with the service's authentication added; `host` is the `Host` header value
    /// (`name[:port]`) the signature covers.
    public func authorize(_ request: Exchange.Request, service: String, host: String, date: Date = Date()) -> Exchange.Request {
        switch (self, service) {
        case (.token(let token), "huawei-evs"), (.token(let token), "huawei-ecs"):
            var copy = request
            copy.headers.removeAll { $0.name.caseInsensitiveEquals("X-Auth-Token") }
            copy.headers.append(Exchange.Header(name: "X-Auth-Token", value: token))
            return copy
        case (.accessKey(let id, let secret), "huawei-evs"), (.accessKey(let id, let secret), "huawei-ecs"):
            let signed = HuaweiAKSKSigner(accessKey: id, secretKey: secret).sign(SignableRequest(request), date: date, host: host)
            return Exchange.Request(method: request.method, url: request.url, headers: signed.headers, body: request.body)
        case (.accessKey(let id, let secret), "baidu-bcc"):
            let signed = BaiduBCESigner(accessKey: id, secretKey: secret).sign(SignableRequest(request), date: date, host: host)
            return Exchange.Request(method: request.method, url: request.url, headers: signed.headers, body: request.body)
        default:
            return request
        }
    }
}
