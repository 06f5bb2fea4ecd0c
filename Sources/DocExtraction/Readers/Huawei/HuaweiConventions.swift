import ConformanceModel
import Foundation

/// Conventions shared by Huawei Cloud's API documents, whichever format they come in.
public enum HuaweiConventions {
    /// Section titles and what they hold. A page's H2 headings and the PDF reference's
    /// unnumbered headings use the same words.
    public enum SectionRole: Sendable, Hashable {
        case summary, constraints, uri, request, response, examples, statusCodes, errorCodes, sdk, other
    }

    public static func role(ofSection title: String) -> SectionRole {
        let text = title.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("功能介绍") || text.hasPrefix("接口说明") || text == "功能描述" { return .summary }
        if text.hasPrefix("接口约束") || text.hasPrefix("约束") || text.hasPrefix("使用限制") { return .constraints }
        if text.hasPrefix("URI") { return .uri }
        if text.hasPrefix("请求示例") || text.hasPrefix("响应示例") || text == "示例" || text == "样例" { return .examples }
        if text.hasPrefix("请求") { return .request }
        if text.hasPrefix("响应") { return .response }
        if text.hasPrefix("状态码") || text.hasPrefix("返回值") { return .statusCodes }
        if text.hasPrefix("错误码") { return .errorCodes }
        if text.hasPrefix("SDK") { return .sdk }
        return .other
    }

    /// `状态码：202`, `状态码: 400`, `状态码： 200` (a bold line of a per-API page, markers
    /// removed) → the status.
    public static func statusLine(_ text: String) -> Int? {
        guard text.hasPrefix("状态码") else { return nil }
        let rest = text.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: "：: "))
        guard rest.count == 3, let status = Int(rest), (100...599).contains(status) else { return nil }
        return status
    }

    /// One line of a 状态码 section written as a list rather than a table (EVS 5.1 查询接口版本信息列表:
    /// `- 正常` then `300`; the HTML pages: `正常 200`, `异常 400, 404`): the group a
    /// `正常`/`异常` label opens (nil when the line opens none) and the statuses the line names.
    /// Only a line that starts with a group label or is nothing but status numbers counts, so
    /// a sentence with a number in it (`请参见表 5-200`) is not read as a status.
    public static func statusListLine(_ plain: String) -> (opensErrorGroup: Bool?, statuses: [Int]) {
        let text = plain.trimmingCharacters(in: .whitespaces)
        var opens: Bool?
        if text.hasPrefix("正常") { opens = false }
        if text.hasPrefix("异常") { opens = true }
        let isNumbersOnly = !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "," || $0 == "，" || $0 == "、" || $0 == " " }
        guard opens != nil || isNumbersOnly else { return (nil, []) }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (100...599).contains($0) }
        return (opens, numbers)
    }

    /// The example kind a label line names: `请求样例`, `- 响应示例:` (`nil` for other text).
    public static func exampleLabel(_ text: String) -> Example.Kind? {
        var key = ListMarker.strip(text).replacingOccurrences(of: " ", with: "")
        while let last = key.last, last == ":" || last == "：" { key.removeLast() }
        switch key {
        case "请求样例", "请求示例", "请求": return .request
        case "响应样例", "响应示例", "响应", "返回示例": return .response
        default: return nil
        }
    }

    /// `true` for labels that name the top-level body or parameter table rather than a
    /// nested structure: `请求参数`, `参数说明`, `响应参数`, `要素说明`, `请求 Body 参数`.
    public static func isGenericSubject(_ subject: String) -> Bool {
        var key = subject.lowercased()
        for word in ["请求", "响应", "消息", "body", "参数", "说明", "要素", "header", "query", "路径", "描述", "内容", "结构", "字段", " ", "-", "•"] {
            key = key.replacingOccurrences(of: word, with: "")
        }
        return key.isEmpty
    }

    /// Huawei describes error fields "出现错误时，返回的错误..." (when an error occurs); such a
    /// field documents the error body, not the success body.
    public static func isErrorField(_ property: Property) -> Bool {
        let text = property.schema.description ?? ""
        return text.hasPrefix("出现错误时") || text.contains("参数解释 出现错误时") || text.hasPrefix("错误时")
    }

    /// The error envelope a page states: "其中error是泛指的错误，有badRequest、itemNotFound等"
    /// (EVS extend page, 响应样例) means the wrapper key varies and names the error class.
    /// Without that sentence a page that shows `{"error": {...}}` gets the same shape: the
    /// Huawei reference (chapter 3.3 返回结果) uses the wrapper for every API.
    public static func errorEnvelope(sentence: String?, errorSchema: Schema?, source: DocReference) -> ErrorEnvelope {
        var keys: [String] = []
        if let sentence, let range = sentence.range(of: "有") {
            let tail = sentence[range.upperBound...].prefix { $0 != "等" && $0 != "。" }
            keys = tail.split(whereSeparator: { "、，, ".contains($0) }).map(String.init).filter { !$0.isEmpty }
        }
        let fields = errorSchema?.properties.map(\.name) ?? []
        let code = fields.first { $0 == "code" || $0 == "error_code" } ?? "code"
        let message = fields.first { $0 == "message" || $0 == "error_msg" } ?? "message"
        return ErrorEnvelope(wrapper: .anyKey(examples: ["error"] + keys), codeField: code, messageField: message, source: source)
    }

    /// `true` for an example that is an error body: one top-level key holding `code`/`message`,
    /// or a flat `error_code`.
    public static func isErrorExample(_ value: JSONValue?) -> Bool {
        guard let members = value?.objectValue else { return false }
        if members["error_code"] != nil { return true }
        guard members.count == 1, let inner = members.values.first?.objectValue else { return false }
        return inner["code"] != nil || inner["message"] != nil
    }

    /// Deprecated markers in titles: `(废弃)`, `（废弃）`, `(已废弃)`, `（已废弃）`, `deprecated`.
    public static func isDeprecated(title: String) -> Bool {
        title.contains("废弃") || title.lowercased().contains("deprecated")
    }

    /// The action an operation on a Cinder-style `.../action` route performs: its request
    /// body's single required top-level object key (`os-extend`). OpenStack's block-storage
    /// API defines action routes this way, and Huawei's pages follow it.
    public static func bodyKeyAction(path: String, body: Schema?) -> String? {
        guard path.hasSuffix("/action"), let body else { return nil }
        // `os-reserve` is typed `Map<String,String>` ("本字段值不需填写"): a map is a JSON object too.
        let candidates = body.properties.filter { $0.required && ($0.schema.kind == .object || $0.schema.kind == .map || $0.schema.kind == .any) }
        return candidates.count == 1 ? candidates[0].name : nil
    }

    /// The method and path of a request line (`POST /v2/{project_id}/volumes`,
    /// `GET https://{endpoint}/v2/...?limit={limit}`), with markdown escapes undone. The
    /// query string is returned apart.
    public static func requestLine(_ text: String) -> (method: String, path: String, query: String?)? {
        let cleaned = MarkdownText.unescape(text).trimmingCharacters(in: .whitespaces)
        let parts = cleaned.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(parts[0]) else { return nil }
        var target = parts[1].trimmingCharacters(in: .whitespaces)
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
        if let scheme = target.range(of: "://") {
            guard let slash = target[scheme.upperBound...].firstIndex(of: "/") else { return nil }
            target = String(target[slash...])
        }
        guard target.hasPrefix("/") else { return nil }
        var query: String?
        if let mark = target.firstIndex(of: "?") {
            query = String(target[target.index(after: mark)...])
            target = String(target[..<mark])
        }
        return (parts[0], target, query)
    }

    /// What became of a structure table: a body (`rootLabel`), a nested structure some field
    /// resolved to, or skipped because no field refers to it (with a diagnostic).
    public static func account(for structure: StructureTable, rootLabel: String?, used: Set<Int>, diagnostics: inout [Diagnostic]) -> TableAccount {
        let disposition: TableAccount.Disposition
        if let rootLabel {
            disposition = .placed(rootLabel)
        } else if used.contains(structure.order) {
            disposition = .placed("nested structure '\(structure.subject)'")
        } else {
            disposition = .skipped("no field refers to '\(structure.subject)'")
            diagnostics.append(Diagnostic(.warning, code: "table.unreferenced", message: "no field refers to the table '\(structure.subject)'", source: structure.source))
        }
        return TableAccount(source: structure.source, disposition: disposition)
    }

    /// Every placeholder of the path needs a parameter; a page's table may miss one. A missing
    /// one is added as a required string, with a diagnostic naming the table that lacks it.
    public static func addUndocumentedPathParameters(_ placeholders: [String], to parameters: inout [Parameter], table: String, source: DocReference, diagnostics: inout [Diagnostic]) {
        for name in placeholders where !parameters.contains(where: { $0.name == name && $0.location == .path }) {
            parameters.append(Parameter(name: name, location: .path, required: true, schema: Schema(kind: .string, source: source)))
            diagnostics.append(Diagnostic(.warning, code: "parameter.undocumented", message: "path placeholder '{\(name)}' has no row in the \(table); taken as a required string", source: source))
        }
    }

}
