import ConformanceModel

extension PlainTextOperationBuilder {
    /// Reads the `Error Code` table (`Error Code Error Description HTTP Status Code
    /// Explanations`): the code is the one-word column, the status the number column, the
    /// first free-text column the message and the second its explanation.
    mutating func readErrorCodes() {
        guard let lines = page.lines(.errorCodes) else { return }
        guard let start = lines.firstIndex(where: { SpacedTableReader.header($0.text) != nil }),
              let read = SpacedTableReader.table(lines[start...].map(\.text), firstLine: lines[start].line) else {
            if lines.contains(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
                diagnose(.warning, "table.no-header", "the Error Code section has no table header with known column titles", line: lines.first?.line)
            }
            return
        }
        let source = reference(read.table.line, table: "Error Code")
        for irregularity in read.irregularities {
            diagnose(.warning, "table.irregular-row", irregularity.message, line: irregularity.line, table: "Error Code")
        }
        guard let codeColumn = read.kinds.firstIndex(of: .word), let statusColumn = read.kinds.firstIndex(of: .status) else {
            result.tables.append(TableAccount(source: source, disposition: .skipped("no code or HTTP status column")))
            diagnose(.warning, "table.unplaced", "an Error Code table without a code and an HTTP status column", line: read.table.line)
            return
        }
        let textColumns = read.kinds.indices.filter { read.kinds[$0] == .freeText }
        for (index, row) in read.table.rows.enumerated() {
            let line = read.table.line(ofRow: index)
            guard let status = Int(row[statusColumn]) else {
                diagnose(.warning, "error-code.status", "error code '\(row[codeColumn])' has no HTTP status; skipped", line: line)
                continue
            }
            let message = textColumns.first.map { row[$0] } ?? ""
            let explanation = textColumns.dropFirst().first.map { row[$0] }
            result.errorCodes.append(ErrorCode(code: row[codeColumn], status: status, messages: [.init(message: message, description: explanation)], source: reference(line, table: "Error Code")))
        }
        result.tables.append(TableAccount(source: source, disposition: .placed("error codes")))
        if !read.table.rows.isEmpty {
            diagnose(.note, "error-envelope.undocumented", "the page lists error codes but not the shape of the error body; no error envelope is recorded", line: read.table.line)
        }
    }
}
