import ConformanceModel
import Foundation

/// How a service shapes its error answers, each following the service's documented envelope.
///
/// - Huawei EVS/ECS: `{"error": {"code", "message"}}` — EVS 6.1.1 响应参数 (状态码 400: `error`
///   Error object), "其中error是泛指的错误"; the API gateway's own answers (bad signature,
///   unknown API) use its flat `{"error_code", "error_msg", "request_id"}` (EVS 3.3 返回结果);
///   ECS, which does not document that shape, gets them in its own (`MockEngine.gatewayError`).
/// - Tencent gateway: the `scode` envelope of every answer (003 正常返回示例) with HTTP 200 and a
///   non-zero `scode` (the page documents no other HTTP status and an empty 异常返回示例; the
///   non-zero `scode` is the HTTP-like code: 400, 404, 409).
/// - Baidu BCC: `{"code", "message", "requestId"}` with the table's HTTP status (004 "Error
///   Code"; the JSON shape is BCE's general error response).
enum MockErrorStyle: Sendable {
    case huawei
    case tencent
    case baidu

    init(service: String) {
        switch service {
        case "tencent-cbs": self = .tencent
        case "baidu-bcc": self = .baidu
        default: self = .huawei
        }
    }

    /// The status and body for `code` under `spec`'s table.
    func response(code: String, status: Int?, message: String?, spec: ServiceSpec, requestID: String) -> (status: Int, body: JSONValue) {
        let row = spec.errorCode(code)
        let text = message ?? row?.message ?? code
        switch self {
        case .huawei:
            return (status ?? row?.status ?? 400, ["error": ["code": .string(code), "message": .string(text)]])
        case .tencent:
            let scode = Int(code) ?? status ?? 400
            return (200, ["scode": .integer(scode), "desc": .string(text), "message": .string(text), "message_cn": .string(text), "stack": .null, "data": [:]])
        case .baidu:
            return (status ?? row?.status ?? 400, ["code": .string(code), "message": .string(text), "requestId": .string(requestID)])
        }
    }

    /// The API gateway's flat error body (Huawei EVS 3.3 返回结果: `error_code`, `error_msg`).
    static func gateway(code: String, message: String, requestID: String) -> JSONValue {
        ["error_code": .string(code), "error_msg": .string(message), "request_id": .string(requestID)]
    }
}
