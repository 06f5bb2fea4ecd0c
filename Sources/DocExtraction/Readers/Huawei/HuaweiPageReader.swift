import ConformanceModel
import Foundation

/// Reads Huawei Cloud's per-API pages: markdown with HTML tables, one operation per page, and
/// the pages of the same family that describe no operation (错误码, 云硬盘状态).
///
/// The page layouts: an H1 title, then H2 sections 功能介绍, 接口约束, URI (the request line and
/// the path-parameter table), 请求/请求消息/请求参数 (the body table, then one table per nested
/// structure, introduced by a label such as `os-extend参数说明`, a footnote `[1] resize数据结构说明`
/// or a caption `表 4 CreateVolumeOption`, then 请求样例), 响应/响应消息/响应参数 (the same for
/// the response, per `状态码： 202` in the newer pages, then 响应样例), 示例 or 请求示例/响应示例
/// (code blocks under `状态码： 202` lines and a sentence each), SDK代码示例, 状态码 and 错误码.
/// The reader cuts the page into an `OperationDraft`, which builds the operation as it does for
/// the sections of the PDF reference. A page without a request line is read for the
/// service-wide tables it holds (error codes, statuses, states), found by their header words.
public struct HuaweiPageReader: DocumentReader {
    public static let format = DocumentFormat.markdownHTML

    public init() {}

    public func read(_ document: SourceDocument) -> DocumentExtraction {
        var result = DocumentExtraction(format: Self.format)
        let page = PageCut(document)
        if page.draft.requestLine == nil, page.draft.tables.contains(where: { ServiceTableReader.read($0.table, sectionTitle: $0.sectionTitle, source: $0.source) != nil }) {
            readServicePage(page, into: &result)
            return result
        }
        // Error-code tables of an operation's own 错误码 section belong to the service.
        var draft = page.draft
        draft.tables.removeAll { item in
            item.role == .errorCodes && result.addServiceTable(item.table, title: item.sectionTitle, source: item.source)
        }
        let output = draft.build()
        result.tables += output.tables
        result.diagnostics += output.diagnostics
        guard let operation = output.operation else { return result }
        result.operations.append(operation)
        let base = draft.base
        if output.errorSchema != nil || draft.envelopeSentence != nil || output.hasErrorExamples {
            result.errorEnvelopes.append(HuaweiConventions.errorEnvelope(sentence: draft.envelopeSentence, errorSchema: output.errorSchema, source: base))
        }
        if page.mentionsToken || !page.mentionsAKSK {
            result.authentication.append(Authentication(name: "token", header: "X-Auth-Token", source: base))
        }
        if page.mentionsAKSK {
            result.authentication.append(Authentication(name: "aksk", header: "Authorization", scheme: "SDK-HMAC-SHA256", source: base))
        }
        return result
    }

    /// A page that describes no operation: its error-code, status and state tables, each
    /// table under the title of its section (the page's H1 when it has no H2).
    private func readServicePage(_ page: PageCut, into result: inout DocumentExtraction) {
        result.diagnostics += page.draft.diagnostics
        result.tables += page.draft.accounts
        for item in page.draft.tables where !result.addServiceTable(item.table, title: item.sectionTitle, source: item.source) {
            result.tables.append(TableAccount(source: item.source, disposition: .skipped("the page describes no operation, and the table is no error-code, status or state table")))
            result.diagnostics.append(Diagnostic(.note, code: "table.unplaced", message: "a table on a page without a request line that is no error-code, status or state table (\(item.table.header.joined(separator: " | ")))", source: item.source))
        }
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
        var sectionTitle: String?
        var summary: [String] = []
        var constraints: [String] = []
        var requestLine: (method: String, path: String, line: Int)?
        var tables: [(table: Table, label: String, role: HuaweiConventions.SectionRole, status: Int?, anchors: [String], section: String?)] = []
        var code: [OperationDraft.DraftCode] = []
        var sdkLines: [String] = []
        var statuses: [Int] = []
        var groups: [Int: String] = [:]
        var statusGroupIsError = false
        var responseStatus: Int?
        var exampleKind = Example.Kind.request
        var exampleStatus: Int?
        var exampleTitle: String?
        var envelopeSentence: String?
        var lastLabel = ""
        var anchors: (names: [String], line: Int) = ([], 0)
        var summaryBulletsAreNotes = false
        var diagnostics: [Diagnostic] = []
        var accounts: [TableAccount] = []

        func state(_ number: Int, group: String) {
            guard !statuses.contains(number) else { return }
            statuses.append(number)
            groups[number] = group
        }

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
                    responseStatus = nil
                    exampleStatus = nil
                    exampleTitle = nil
                    exampleKind = text.hasPrefix("响应") ? .response : .request
                }
                lastLabel = ""
                anchors = ([], 0)
            case .anchors(let names, let line):
                anchors = (anchors.names + names, line)
            case .text(let text, let indent, let line):
                // Anchors stay pending only across their own line (a label) up to the table.
                if anchors.line != line { anchors = ([], 0) }
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
                case .response:
                    // `**状态码： 202**` above the body tables of that status (the newer pages).
                    if let status = HuaweiConventions.statusLine(plain) {
                        responseStatus = status
                        state(status, group: (200..<400).contains(status) ? "正常" : "异常")
                    }
                case .examples:
                    if let status = HuaweiConventions.statusLine(plain) {
                        exampleStatus = status
                        exampleKind = .response
                    } else if let kind = HuaweiConventions.exampleLabel(plain) {
                        exampleKind = kind
                        exampleStatus = nil
                    } else if HuaweiConventions.requestLine(plain) == nil {
                        exampleTitle = plain
                    }
                case .statusCodes:
                    let line = HuaweiConventions.statusListLine(plain)
                    if let opens = line.opensErrorGroup { statusGroupIsError = opens }
                    for number in line.statuses {
                        state(number, group: statusGroupIsError ? "异常" : "正常")
                    }
                default:
                    break
                }
                if plain.contains("泛指") && plain.contains("错误") { envelopeSentence = plain }
                // A label names the table under it (`os-extend参数说明`, `表 2 请求Body参数`); a
                // sentence (`…请参见API网关错误码进行处理。`) does not.
                lastLabel = plain.hasSuffix("。") || plain.hasSuffix(".") ? "" : plain
            case .htmlTable(let html, let line):
                let found = HTMLTableReader.tables(inHTML: html, line: line)
                if found.isEmpty {
                    diagnostics.append(Diagnostic(.warning, code: "table.empty", message: "an HTML table with no rows", source: document.reference(line: line, title: sectionTitle)))
                    accounts.append(TableAccount(source: document.reference(line: line, title: sectionTitle, table: lastLabel), disposition: .skipped("no rows")))
                }
                for var table in found {
                    table.caption = lastLabel.isEmpty ? nil : lastLabel
                    tables.append((table, lastLabel, role, role == .response ? responseStatus : nil, anchors.names, sectionTitle))
                }
                anchors = ([], 0)
            case .code(let text, _, let line, let closed):
                anchors = ([], 0)
                let lines = text.components(separatedBy: "\n")
                switch role {
                case .request, .response:
                    code.append(OperationDraft.DraftCode(lines: lines, line: line, closed: closed, kind: role == .request ? .request : .response))
                case .examples:
                    code.append(OperationDraft.DraftCode(lines: lines, line: line, closed: closed, kind: exampleKind, status: exampleKind == .response ? exampleStatus : nil, title: exampleTitle))
                    exampleTitle = nil
                case .sdk:
                    sdkLines += lines
                default:
                    break
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
            OperationDraft.DraftTable(table: item.table, label: item.label, role: item.role, status: item.status, anchors: item.anchors, sectionTitle: item.section ?? pageTitle, source: base.table(item.label.isEmpty ? nil : item.label, line: item.table.line))
        }
        draft.code = code
        draft.sdkLines = sdkLines
        draft.statedStatuses = statuses
        draft.statusGroups = groups
        draft.envelopeSentence = envelopeSentence
        draft.diagnostics = diagnostics
        draft.accounts = accounts
    }
}
