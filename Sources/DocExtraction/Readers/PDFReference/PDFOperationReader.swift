import ConformanceModel
import Foundation

/// Cuts one numbered section of the PDF reference into an `OperationDraft`.
///
/// The section layout (EVS 6.1.1 创建云硬盘 and every other operation): unnumbered headings
/// 功能介绍, 接口约束, 调用方法, URI (the request line, 表 路径参数, 表 Query 参数), 请求参数
/// (表 请求 Header 参数, 表 请求 Body 参数, then one table per object type, captioned with the
/// type's name), 响应参数 (`状态码：202` then 表 响应 Body 参数 and its object tables, per
/// status), 请求示例, 响应示例 (`状态码：202`, a reason phrase, a code block), SDK 代码示例, 状态码
/// (the summary table) and 错误码. Older sections (5.1, 8.2.5) say 请求消息/响应消息 and label
/// tables `- versions参数说明`; both are read the same way.
struct PDFOperationReader {
    let document: SourceDocument
    let base: DocReference

    func read(_ blocks: [PDFBlock]) -> OperationDraft.Output {
        draft(blocks).build()
    }

    func draft(_ blocks: [PDFBlock]) -> OperationDraft {
        var draft = OperationDraft(unit: "section", base: base, title: base.title ?? "")
        var role = HuaweiConventions.SectionRole.other
        var exampleKind = Example.Kind.request
        var responseStatus: Int?
        var exampleStatus: Int?
        var lastText: String?
        var previousWasCode = false
        var statusGroupIsError = false

        for block in blocks {
            let wasCode = previousWasCode
            previousWasCode = false
            switch block {
            case .heading:
                break
            case .orphanCaption(let caption, let line):
                draft.diagnostics.append(Diagnostic(.warning, code: "table.caption-without-table", message: "caption '\(caption)' has no table under it", source: base.table(caption, line: line)))
            case .text(let text, let line):
                if let heading = Self.subheading(text) {
                    role = heading.role
                    if let kind = heading.exampleKind { exampleKind = kind; exampleStatus = nil }
                    lastText = nil
                    continue
                }
                if let status = HuaweiConventions.statusLine(text) {
                    if role == .examples { exampleStatus = status } else {
                        role = .response
                        responseStatus = status
                        if !draft.statedStatuses.contains(status) { draft.statedStatuses.append(status) }
                    }
                    lastText = nil
                    continue
                }
                switch role {
                case .summary:
                    if ListMarker.isListItem(text) { draft.constraints.append(ListMarker.strip(text)) } else { draft.summary.append(text) }
                case .constraints:
                    draft.constraints.append(ListMarker.strip(text))
                case .uri:
                    if draft.requestLine == nil, let parsed = HuaweiConventions.requestLine(ListMarker.strip(text)) {
                        draft.requestLine = (parsed.method, parsed.path, line)
                    }
                case .examples:
                    if HuaweiConventions.requestLine(text) == nil { lastText = text }
                case .statusCodes:
                    // A status list instead of the summary table (5.1: `- 正常` then `300`).
                    let line = HuaweiConventions.statusListLine(ListMarker.strip(text))
                    if let opens = line.opensErrorGroup { statusGroupIsError = opens }
                    for status in line.statuses where !draft.statedStatuses.contains(status) {
                        draft.statedStatuses.append(status)
                        draft.statusGroups[status] = statusGroupIsError ? "异常" : "正常"
                    }
                default:
                    break
                }
            case .table(let table):
                let source = base.table(table.caption, line: table.line)
                draft.tables.append(OperationDraft.DraftTable(table: table.table, label: table.subjectText, role: role, status: role == .response ? responseStatus : nil, source: source))
            case .code(let lines, let line, let closed):
                previousWasCode = true
                switch role {
                case .sdk:
                    draft.sdkLines += lines
                case .examples, .request, .response:
                    // A block right after another one, that the page break split off, is the rest of it.
                    if wasCode, let last = draft.code.last, last.kind == exampleKind, PDFExampleText.continues(last.lines, with: lines) {
                        draft.code[draft.code.count - 1].lines += lines
                        draft.code[draft.code.count - 1].closed = closed
                        draft.diagnostics.append(Diagnostic(.note, code: "example.page-break-joined", message: "a code block split by a page break is joined with the block before it", source: base.line(line)))
                    } else {
                        let kind: Example.Kind = role == .response ? .response : role == .request ? .request : exampleKind
                        draft.code.append(OperationDraft.DraftCode(lines: lines, line: line, closed: closed, kind: kind, status: exampleStatus, title: lastText))
                    }
                    lastText = nil
                default:
                    break
                }
            }
        }
        return draft
    }

    /// An unnumbered sub-heading line (`响应参数`, `SDK 代码示例`, `- 请求样例:`), with its role.
    private static func subheading(_ text: String) -> (role: HuaweiConventions.SectionRole, exampleKind: Example.Kind?)? {
        var key = ListMarker.strip(text).replacingOccurrences(of: " ", with: "")
        while let last = key.last, last == ":" || last == "：" { key.removeLast() }
        guard PDFLineLexer.sectionWords.contains(key) else { return nil }
        if key == "调用方法" { return (.other, nil) }
        switch HuaweiConventions.role(ofSection: key) {
        case .examples: return (.examples, key.hasPrefix("请求") ? .request : .response)
        case .errorCodes: return (.other, nil)
        case let role: return (role, nil)
        }
    }
}
