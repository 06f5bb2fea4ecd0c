import ConformanceModel
import Foundation

/// Reads the service-wide tables outside the operation sections: the error-code table, the
/// HTTP status table and the resource state tables (EVS appendix A.1–A.4).
///
/// Tables are recognised by their header words, not by section numbers, so that another
/// reference of the same family (ECS, VPC) with its appendix elsewhere is read the same way:
/// - error codes: a header with `错误码` and `错误信息` (A.1: 状态码 | 错误码 | 错误信息 | 描述 | 处理措施);
/// - statuses: a two-column header `状态码`/`错误码状态` | `描述` whose rows start with a 3-digit code (A.2);
/// - states: a header whose first column names a `状态` in a section titled `...状态` (A.3, A.4),
///   with an optional console-name column (`云硬盘状态 (console)`).
enum PDFAppendixReader {
    /// What a table turned out to be.
    enum Placement {
        case errorCodes([ErrorCode], [Diagnostic])
        case statusCodes([StatusCode])
        case stateTable(StateTable)
    }

    static func read(_ table: PDFTable, sectionTitle: String, source: DocReference) -> Placement? {
        let header = table.header.map(ColumnRole.normalize)
        if let codeColumn = header.firstIndex(where: { $0 == "错误码" || $0 == "errorcode" }),
           let messageColumn = header.firstIndex(where: { $0.hasPrefix("错误信息") || $0 == "errormessage" }) {
            let statusColumn = header.firstIndex { $0 == "状态码" || $0 == "http状态码" || $0 == "statuscode" }
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
        if sectionTitle.hasSuffix("状态"), let first = header.first, first.contains("状态"), table.width >= 2 {
            return .stateTable(stateTable(table, header: header, title: sectionTitle, source: source))
        }
        return nil
    }

    /// One `ErrorCode` per (code, status), with every message row in table order.
    /// A code cell broken by a line wrap (`Common.001 1`) is joined: codes have no spaces.
    private static func errorCodes(_ table: PDFTable, code: Int, message: Int, status: Int?, header: [String], source: DocReference) -> Placement {
        let description = header.firstIndex { $0 == "描述" || $0 == "说明" || $0 == "description" }
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
    ]

    private static func stateTable(_ table: PDFTable, header: [String], title: String, source: DocReference) -> StateTable {
        let console = header.firstIndex { $0.contains("console") || $0.contains("控制台") }
        let description = header.firstIndex { $0 == "说明" || $0 == "描述" || $0 == "description" }
        let resource = resources.first { title.contains($0.word) }?.resource ?? OperationNaming.pascal(title).lowercased()
        let states = table.rows.compactMap { row -> StateTable.State? in
            let value = String(row[0].filter { !$0.isWhitespace })
            guard !value.isEmpty else { return nil }
            return StateTable.State(value: value, consoleName: console.map { row[$0] }, description: description.map { row[$0] })
        }
        return StateTable(resource: resource, title: title, states: states, source: source)
    }
}

extension PDFTable {
    var width: Int { header.count }

    func line(ofRow index: Int) -> Int {
        index < rowLines.count ? rowLines[index] : line
    }
}
