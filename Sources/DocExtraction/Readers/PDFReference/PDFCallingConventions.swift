import ConformanceModel
import Foundation

/// Reads the service-wide calling rules of a reference's general chapters (EVS chapter 3 如何调用
/// API): how a request authenticates, which headers every request may carry, and the flat error
/// body the API gateway answers with.
///
/// - Token: the text tells the client to put the token in `X-Auth-Token` (3.2 Token 认证:
///   "在请求消息头中添加“X-Auth-Token”"), or the common-header table (表 3-3) lists it.
/// - AK/SK: a sample request line `Authorization: SDK-HMAC-SHA256 Access=...` (3.1, 3.2) gives the
///   header and its scheme.
/// - Error body: 3.3 返回结果 shows `{"error_msg": ..., "error_code": ...}` as the body of a failed
///   call; the per-operation tables use the `{"error": {"code", "message"}}` wrapper instead, so
///   both shapes are documented.
struct PDFCallingConventions {
    var authentication: [Authentication] = []
    var flatErrorEnvelope: ErrorEnvelope?

    mutating func readText(_ text: String, source: DocReference) {
        if text.contains("X-Auth-Token"), !authentication.contains(where: { $0.name == "token" }) {
            authentication.append(Authentication(name: "token", header: "X-Auth-Token", source: source))
        }
    }

    mutating func readCode(_ lines: [String], source: DocReference) {
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("Authorization:") else { continue }
            let value = trimmed.dropFirst("Authorization:".count).trimmingCharacters(in: .whitespaces)
            let scheme = value.prefix { !$0.isWhitespace }
            if !scheme.isEmpty, !authentication.contains(where: { $0.name == "aksk" }) {
                authentication.append(Authentication(name: "aksk", header: "Authorization", scheme: String(scheme), source: source))
            }
        }
        if flatErrorEnvelope == nil, let value = try? JSONValue.parse(lines.joined(separator: "\n")), let members = value.objectValue,
           members.count == 2, members["error_code"] != nil, members["error_msg"] != nil {
            flatErrorEnvelope = ErrorEnvelope(wrapper: .none, codeField: "error_code", messageField: "error_msg", source: source)
        }
    }

    /// The common request-header table (`名称 | 描述 | 是否必选 | 示例`): placed when it names an
    /// authentication header.
    mutating func readHeaderTable(_ table: PDFTable, source: DocReference) -> Bool {
        guard let rows = FieldRow.rows(of: table.table), rows.contains(where: { $0.name == "X-Auth-Token" || $0.name == "Authorization" }) else { return false }
        for row in rows where row.name == "X-Auth-Token" {
            readText(row.name, source: source.line(row.line))
        }
        return true
    }
}
