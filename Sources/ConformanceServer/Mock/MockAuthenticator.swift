import ConformanceModel
import Foundation

/// Checks a request's credentials the way the vendor documents them.
///
/// - Huawei (EVS 3.2 认证鉴权, ECS page 请求消息头): an `X-Auth-Token` (any non-empty token: the
///   mock has no IAM; only the configured one when a token is given), or an AK/SK `Authorization: SDK-HMAC-SHA256 ...` signature, verified
///   with ``HuaweiAKSKSigner`` against the configured keys.
/// - Baidu (004 "Request Structure": `Authorization: authorization string`): `bce-auth-v1`,
///   verified with ``BaiduBCESigner``.
/// - Tencent gateway: the page documents no authentication; every request passes.
struct MockAuthenticator: Sendable {
    /// Which credential check a service uses.
    enum Scheme: Sendable {
        case huawei, baidu, none
    }

    /// Why a request was refused.
    enum Refusal: Sendable, Equatable {
        /// No credential at all.
        case missing
        /// A credential that does not verify, with the reason.
        case invalid(String)
        /// An `X-Auth-Token` other than the configured one.
        case wrongToken
    }

    let huawei: HuaweiAKSKSigner
    let baidu: BaiduBCESigner
    let token: String?

    init(accessKey: String, secretKey: String, token: String? = nil) {
        self.token = token
        huawei = HuaweiAKSKSigner(accessKey: accessKey, secretKey: secretKey)
        baidu = BaiduBCESigner(accessKey: accessKey, secretKey: secretKey)
    }

    /// nil when the request may proceed.
    func check(_ request: Exchange.Request, scheme: Scheme, now: Date = Date()) -> Refusal? {
        switch scheme {
        case .none:
            return nil
        case .huawei:
            if let given = request.headers.value(named: "X-Auth-Token"), !given.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let token, given != token else { return nil }
                return .wrongToken
            }
            guard let authorization = request.headers.value(named: "Authorization"), !authorization.isEmpty else { return .missing }
            if case .rejected(let reason) = huawei.verify(SignableRequest(request), now: now) { return .invalid(reason) }
            return nil
        case .baidu:
            guard let authorization = request.headers.value(named: "Authorization"), !authorization.isEmpty else { return .missing }
            if case .rejected(let reason) = baidu.verify(SignableRequest(request), now: now) { return .invalid(reason) }
            return nil
        }
    }
}
