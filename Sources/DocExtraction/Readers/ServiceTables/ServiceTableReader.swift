import ConformanceModel
import Foundation

/// Reads the service-wide tables that describe no operation: the error-code table, the HTTP
/// status table and the resource state tables, wherever a document holds them (the EVS
/// reference's appendix A.1–A.4, Huawei's standalone 错误码 and 云硬盘状态 pages, another
/// vendor's error-code page).
///
/// Tables are recognised by their header words, never by file, section number or position,
/// so that another document of the same shape is read the same way:
/// - error codes: a code column (`错误码`, `Error Code`) and a message column (`错误信息`,
///   `Error Message`, `Error Description`); the HTTP status (`状态码`, `HTTP Status Code`),
///   description (`描述`, `Explanation`) and handling (`处理措施`, `Solution`) columns are
///   read where present (A.1: 状态码 | 错误码 | 错误信息 | 描述 | 处理措施);
/// - statuses: a two-column header `状态码`/`错误码状态` | `描述` whose rows start with a
///   3-digit code (A.2);
/// - states: a first column that names a `状态` or `Status` under a title that ends in
///   `状态`/`Status` (A.3, A.4, the 云硬盘状态 page), with an optional console-name column
///   (`云硬盘状态 (console)`) and a description column.
enum ServiceTableReader {
    /// What a table turned out to be.
    enum Placement {
        case errorCodes([ErrorCode], [Diagnostic])
        case statusCodes([StatusCode])
        case stateTable(StateTable)
    }

    static let codeWords: Set<String> = ["错误码", "错误代码", "errorcode", "code"]
    static let messageWords = ["错误信息", "错误消息", "errormessage", "errordescription", "message"]
    static let statusWords: Set<String> = ["状态码", "http状态码", "statuscode", "httpstatuscode", "httpstatus", "httpcode", "返回码"]

    /// What `table`, found under a heading titled `sectionTitle`, holds; `nil` when it is
    /// none of the service-wide tables.
    static func read(_ table: Table, sectionTitle: String, source: DocReference) -> Placement? {
        let header = table.header.map(ColumnRole.normalize)
        if let codeColumn = header.firstIndex(where: codeWords.contains),
           let messageColumn = header.indices.first(where: { index in index != codeColumn && messageWords.contains { header[index].hasPrefix($0) } }) {
            let statusColumn = header.firstIndex(where: statusWords.contains)
            return errorCodes(table, code: codeColumn, message: messageColumn, status: statusColumn, header: header, source: source)
        }
        if header.count == 2, header[0] == "状态码" || header[0] == "错误码状态" || header[0] == "statuscode",
           !table.rows.isEmpty, table.rows.allSatisfy({ Int($0[0].trimmingCharacters(in: .whitespaces)).map { (100...599).contains($0) } ?? false }) {
            let statuses = table.rows.enumerated().compactMap { index, row -> StatusCode? in
                guard let status = Int(row[0].trimmingCharacters(in: .whitespaces)) else { return nil }
                return StatusCode(status: status, description: row[1], source: source.line(table.line(ofRow: index)))
            }
            return .statusCodes(statuses)
        }
        if isStateTitle(sectionTitle), let first = header.first, first.contains("状态") || first.contains("status") || first.contains("state"), table.width >= 2 {
            return .stateTable(stateTable(table, header: header, title: sectionTitle, source: source))
        }
        return nil
    }

    private static func isStateTitle(_ title: String) -> Bool {
        let text = title.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        return text.hasSuffix("状态") || lower.hasSuffix("status") || lower.hasSuffix("states") || lower.hasSuffix("statuses")
    }

    /// One `ErrorCode` per (code, status), with every message row in table order.
    /// A code cell broken by a line wrap (`Common.001 1`) is joined: codes have no spaces.
    private static func errorCodes(_ table: Table, code: Int, message: Int, status: Int?, header: [String], source: DocReference) -> Placement {
        let description = header.indices.first { $0 != message && ["描述", "说明", "description", "explanation", "explanations"].contains(header[$0]) }
        let remedy = header.firstIndex { $0.hasPrefix("处理措施") || $0 == "解决方案" || $0 == "solution" || $0 == "handling" }
        var codes: [ErrorCode] = []
        var diagnostics: [Diagnostic] = []
        for (index, row) in table.rows.enumerated() {
            let line = table.line(ofRow: index)
            let written = row[code]
            let value = String(written.filter { !$0.isWhitespace })
            guard !value.isEmpty else {
                diagnostics.append(Diagnostic(.warning, code: "error-code.blank", message: "an error-code row without a code; skipped", source: source.line(line)))
                continue
            }
            if value != written.trimmingCharacters(in: .whitespaces) {
                diagnostics.append(Diagnostic(.note, code: "error-code.rejoined", message: "error code '\(written)' is broken by a line wrap; read as '\(value)'", source: source.line(line)))
            }
            guard let statusText = status.map({ row[$0].trimmingCharacters(in: .whitespaces) }), let httpStatus = Int(statusText) else {
                diagnostics.append(Diagnostic(.warning, code: "error-code.no-status", message: "error code '\(value)' has no HTTP status in its row; skipped", source: source.line(line)))
                continue
            }
            let entry = ErrorCode.Message(
                message: row[message],
                description: description.flatMap { row[$0].isEmpty ? nil : row[$0] },
                remedy: remedy.flatMap { row[$0].isEmpty ? nil : row[$0] }
            )
            if let existing = codes.firstIndex(where: { $0.code == value && $0.status == httpStatus }) {
                codes[existing].messages.append(entry)
            } else {
                codes.append(ErrorCode(code: value, status: httpStatus, messages: [entry], source: source.line(line)))
            }
        }
        return .errorCodes(codes, diagnostics)
    }

    /// Resource words in state-table titles, the most specific first: `云硬盘快照状态` is about
    /// snapshots, `云硬盘状态` about volumes.
    static let resources: [(word: String, resource: String)] = [
        ("快照", "snapshot"), ("备份", "backup"), ("云服务器", "server"), ("镜像", "image"), ("过户", "transfer"), ("云硬盘", "volume"), ("磁盘", "volume"),
        ("snapshot", "snapshot"), ("backup", "backup"), ("server", "server"), ("instance", "server"), ("image", "image"), ("transfer", "transfer"), ("volume", "volume"), ("disk", "volume"),
    ]

    private static func stateTable(_ table: Table, header: [String], title: String, source: DocReference) -> StateTable {
        let console = header.firstIndex { $0.contains("console") || $0.contains("控制台") }
        let description = header.firstIndex { $0 == "说明" || $0 == "描述" || $0 == "description" }
        let lower = title.lowercased()
        let resource = resources.first { lower.contains($0.word) }?.resource ?? OperationNaming.pascal(title).lowercased()
        let states = table.rows.compactMap { row -> StateTable.State? in
            let value = String(row[0].filter { !$0.isWhitespace })
            guard !value.isEmpty else { return nil }
            return StateTable.State(value: value, consoleName: console.map { row[$0] }, description: description.map { row[$0] })
        }
        return StateTable(resource: resource, title: title, states: states, source: source)
    }
}
