import ConformanceModel

extension DocumentExtraction {
    /// Adds what a service-wide table holds (error codes, statuses, a state table) and
    /// accounts for it. Returns `false`, adding nothing, when the table is none of them.
    mutating func addServiceTable(_ table: Table, title: String, source: DocReference) -> Bool {
        switch ServiceTableReader.read(table, sectionTitle: title, source: source) {
        case .errorCodes(let codes, let problems)?:
            errorCodes += codes
            diagnostics += problems
            tables.append(TableAccount(source: source, disposition: .placed("error codes (\(codes.count) codes, \(table.rows.count) rows)")))
        case .statusCodes(let statuses)?:
            statusCodes += statuses.filter { status in !statusCodes.contains { $0.status == status.status } }
            tables.append(TableAccount(source: source, disposition: .placed("service status codes")))
        case .stateTable(let states)?:
            if let index = stateTables.firstIndex(where: { $0.resource == states.resource }) {
                stateTables[index].states += states.states
            } else {
                stateTables.append(states)
            }
            tables.append(TableAccount(source: source, disposition: .placed("state table '\(states.title)' (\(states.resource))")))
        case nil:
            return false
        }
        return true
    }
}
