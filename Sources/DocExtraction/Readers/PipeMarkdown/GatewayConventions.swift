import ConformanceModel
import Foundation

/// The conventions of Tencent's disk-gateway documents (`003_*.txt`) and pages written
/// like them: one `## /path` section per endpoint, `#### 功能：` and `#### 请求类型：`
/// lines, `###` sections 请求参数 / 返回参数 / 示例 / 状态码, and `####` example headings
/// 请求示例 / 正常返回示例 / 异常返回示例.
public enum GatewayConventions {
    /// What an endpoint's `###` section holds.
    public enum SectionRole: Sendable, Hashable {
        case request, response, examples, statusCodes, other
    }

    /// What an example heading (`####` under 示例) introduces.
    public enum ExampleRole: Sendable, Hashable {
        case request, success, failure
    }

    /// `### 请求参数` → request, `### 返回参数`/`响应参数` → response, `### 示例` → examples,
    /// `### 状态码` → status codes.
    public static func sectionRole(_ title: String) -> SectionRole {
        let text = title.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("请求参数") || text.hasPrefix("请求体") { return .request }
        if text.hasPrefix("返回参数") || text.hasPrefix("响应参数") || text.hasPrefix("返回值") { return .response }
        if text.hasSuffix("示例") || text.hasSuffix("样例") { return .examples }
        if text.hasPrefix("状态码") || text.hasPrefix("返回码") { return .statusCodes }
        return .other
    }

    /// `#### 请求示例` → request, `#### 正常返回示例` → success, `#### 异常返回示例` → failure.
    /// Checked in that order so that `异常返回示例` is not read as a plain `返回示例`.
    public static func exampleRole(_ title: String) -> ExampleRole? {
        let text = title.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("请求") { return .request }
        if text.hasPrefix("异常") || text.hasPrefix("错误") || text.hasPrefix("失败") { return .failure }
        if text.hasPrefix("正常") || text.hasPrefix("成功") || text.hasPrefix("返回") || text.hasPrefix("响应") { return .success }
        return nil
    }

    /// The endpoint path of a `## /v1/tencent/disk/create` heading (trailing spaces, as on
    /// the inspect heading at line 393, do not matter); `nil` for other headings.
    public static func endpointPath(_ heading: String) -> String? {
        let text = heading.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("/"), !text.contains(where: \.isWhitespace) else { return nil }
        return text
    }

    /// The value of a run-in label line: `功能：云硬盘创建` with label `功能` → `云硬盘创建`.
    /// Full-width and ASCII colons both occur.
    public static func labelled(_ text: String, _ label: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(label) else { return nil }
        let rest = trimmed.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        guard let first = rest.first, first == "：" || first == ":" else { return nil }
        return rest.dropFirst().trimmingCharacters(in: .whitespaces)
    }

    /// A table cell or line that says "nothing here": `无` under `返回参数` (line 537).
    public static func isNone(_ text: String) -> Bool {
        ["无", "none", "None", "-", "—"].contains(text.trimmingCharacters(in: .whitespaces))
    }

    /// A type cell that the doc gets wrong in a recognisable way, and the type meant.
    ///
    /// Line 703 (`/v1/tencent/disk/delete`): `DiskIds |string struct|是|- |需退还的云盘ID列表`.
    /// A list of IDs (the description says 列表), shown as `["disk-giys4n0i"]` in the
    /// request example and typed `string array` on every other endpoint. So a primitive
    /// word followed by `struct` is read as an array of that primitive; the caller reports
    /// a `type.corrected` diagnostic and keeps the doc's words in `docType`.
    public static func correctedType(_ typeText: String) -> String? {
        let words = typeText.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 2, words[1] == "struct" else { return nil }
        guard case .primitive(let kind) = TypeExpression.parse(words[0]), kind != .object, kind != .any else {
            if case .unsignedInteger = TypeExpression.parse(words[0]) { return "\(words[0]) array" }
            return nil
        }
        return "\(words[0]) array"
    }
}
