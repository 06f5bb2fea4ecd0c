import ConformanceModel
import Foundation

/// Reads Huawei Cloud's per-API pages: markdown with HTML tables, one operation per page.
///
/// The page layout (EVS 扩容云硬盘, ECS 变更云服务器规格 v1.1): an H1 title, then H2
/// sections 功能介绍, 接口约束, URI (the request line and the path-parameter table),
/// 请求/请求消息 (the body table, then one table per nested structure, introduced by a
/// label such as `os-extend参数说明` or a footnote `[1] resize数据结构说明`, then 请求样例),
/// 响应/响应消息 (the same for the response, then 响应样例), 状态码 and 错误码. The reader
/// cuts the page into an `OperationDraft`, which builds the operation as it does for the
/// sections of the PDF reference.
public struct HuaweiPageReader: DocumentReader {
    public static let format = DocumentFormat.markdownHTML

    public init() {}

    public func read(_ document: SourceDocument) -> DocumentExtraction {
        var result = DocumentExtraction(format: Self.format)
        let page = PageCut(document)
        let output = page.draft.build()
        result.tables = output.tables
        result.diagnostics = output.diagnostics
        guard let operation = output.operation else { return result }
        result.operations.append(operation)
        let base = page.draft.base
        if output.errorSchema != nil || page.draft.envelopeSentence != nil || output.hasErrorExamples {
            result.errorEnvelopes.append(HuaweiConventions.errorEnvelope(sentence: page.draft.envelopeSentence, errorSchema: output.errorSchema, source: base))
        }
        if page.mentionsToken || !page.mentionsAKSK {
            result.authentication.append(Authentication(name: "token", header: "X-Auth-Token", source: base))
        }
        if page.mentionsAKSK {
            result.authentication.append(Authentication(name: "aksk", header: "Authorization", scheme: "SDK-HMAC-SHA256", source: base))
        }
        return result
    }
}

/// A per-API page cut into a draft: its blocks walked once, each put under the role of the
/// H2 section it sits in.
struct PageCut {
    var draft: OperationDraft
    var mentionsToken = false
    var mentionsAKSK = false

    init(_ document: SourceDocument) {
        var title: String?
        var titleLine = 1
        var role = HuaweiConventions.SectionRole.other
        var sectionTitle = ""
        var summary: [String] = []
        var constraints: [String] = []
        var requestLine: (method: String, path: String, line: Int)?
        var tables: [(table: Table, label: String, role: HuaweiConventions.SectionRole)] = []
        var code: [OperationDraft.DraftCode] = []
        var statuses: [Int] = []
        var groups: [Int: String] = [:]
        var statusGroupIsError = false
        var envelopeSentence: String?
        var lastLabel = ""
        var summaryBulletsAreNotes = false
        var diagnostics: [Diagnostic] = []
        var accounts: [TableAccount] = []

        for block in MarkdownBlock.blocks(of: document) {
            switch block {
            case .heading(let level, let text, let line):
                if level == 1, title == nil {
                    title = text
                    titleLine = line
                } else if level >= 2 {
                    role = HuaweiConventions.role(ofSection: text)
                    sectionTitle = text
                    statusGroupIsError = false
                }
                lastLabel = ""
            case .text(let text, let indent, let line):
                let plain = ListMarker.strip(text)
                if text.contains("token") || text.contains("Token") { mentionsToken = true }
                if text.contains("AK/SK") { mentionsAKSK = true }
                switch role {
                case .summary:
                    // Bullets under 功能介绍 state constraints (EVS extend: "扩容状态为in-use的云硬盘时，
                    // 有以下约束"), unless a "注意事项" line introduces them as usage notes (ECS resize).
                    if plain.hasPrefix("注意事项") || plain.hasPrefix("说明") { summaryBulletsAreNotes = true }
                    if text.hasPrefix(">") {
                        summary.append(plain.trimmingCharacters(in: CharacterSet(charactersIn: "> ")))
                    } else if (ListMarker.isListItem(text) || indent > 0 && !summary.isEmpty) && !summaryBulletsAreNotes {
                        constraints.append(plain)
                    } else {
                        summary.append(plain)
                    }
                case .constraints:
                    constraints.append(plain)
                case .uri:
                    if requestLine == nil, let parsed = HuaweiConventions.requestLine(plain) {
                        requestLine = (parsed.method, parsed.path, line)
                    }
                case .statusCodes:
                    if plain.hasPrefix("正常") { statusGroupIsError = false }
                    if plain.hasPrefix("异常") { statusGroupIsError = true }
                    for number in Self.statusNumbers(in: plain) where !statuses.contains(number) {
                        statuses.append(number)
                        groups[number] = statusGroupIsError ? "异常" : "正常"
                    }
                default:
                    break
                }
                if plain.contains("泛指") && plain.contains("错误") { envelopeSentence = plain }
                lastLabel = plain
            case .htmlTable(let html, let line):
                let found = HTMLTableReader.tables(inHTML: html, line: line)
                if found.isEmpty {
                    diagnostics.append(Diagnostic(.warning, code: "table.empty", message: "an HTML table with no rows", source: document.reference(line: line, title: sectionTitle)))
                    accounts.append(TableAccount(source: document.reference(line: line, title: sectionTitle, table: lastLabel), disposition: .skipped("no rows")))
                }
                for var table in found {
                    table.caption = lastLabel.isEmpty ? nil : lastLabel
                    tables.append((table, lastLabel, role))
                }
            case .code(let text, _, let line, let closed):
                if role == .request || role == .response {
                    code.append(OperationDraft.DraftCode(lines: text.components(separatedBy: "\n"), line: line, closed: closed, kind: role == .request ? .request : .response))
                }
            }
        }

        let pageTitle = title ?? document.name
        let base = document.reference(line: titleLine, title: pageTitle)
        draft = OperationDraft(unit: "page", base: base, title: pageTitle)
        draft.summary = summary
        draft.constraints = constraints
        draft.requestLine = requestLine
        draft.tables = tables.map { item in
            OperationDraft.DraftTable(table: item.table, label: item.label, role: item.role, source: base.table(item.label.isEmpty ? nil : item.label, line: item.table.line))
        }
        draft.code = code
        draft.statedStatuses = statuses
        draft.statusGroups = groups
        draft.envelopeSentence = envelopeSentence
        draft.diagnostics = diagnostics
        draft.accounts = accounts
    }

    static func statusNumbers(in text: String) -> [Int] {
        text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (100...599).contains($0) }
    }
}
