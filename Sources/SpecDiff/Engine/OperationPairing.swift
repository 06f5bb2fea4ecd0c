import ConformanceModel

/// One operation on its two sides; either side may be missing.
struct OperationPair {
    var old: Operation?
    var new: Operation?
}

/// Pairs the operations of two sides (issue 20): by method and path template with placeholder
/// names left out, and action (`Operation.routeKey`: a renamed path parameter is the same path),
/// then by id.
///
/// Within one route, operations with the same id pair first, then the rest in document order
/// (the EVS reference documents `GET /` twice, in 5.1 and in a history chapter). Operations left
/// over pair by id across routes (the operation moved). Pairs come in NEW's order, then OLD's
/// removed operations in OLD's order.
enum OperationPairing {
    static func pair(old: [Operation], new: [Operation]) -> [OperationPair] {
        var partner: [Int: Int] = [:]  // new index → old index
        var taken: Set<Int> = []
        let oldByRoute = Dictionary(grouping: old.indices, by: { old[$0].routeKey })
        for (newIndex, operation) in new.enumerated() {
            let candidates = (oldByRoute[operation.routeKey] ?? []).filter { !taken.contains($0) }
            if let same = candidates.first(where: { old[$0].id == operation.id }) {
                partner[newIndex] = same
                taken.insert(same)
            }
        }
        for (newIndex, operation) in new.enumerated() where partner[newIndex] == nil {
            let candidates = (oldByRoute[operation.routeKey] ?? []).filter { !taken.contains($0) }
            if let first = candidates.first {
                partner[newIndex] = first
                taken.insert(first)
            }
        }
        let oldByID = Dictionary(grouping: old.indices, by: { old[$0].id })
        for (newIndex, operation) in new.enumerated() where partner[newIndex] == nil {
            if let same = (oldByID[operation.id] ?? []).first(where: { !taken.contains($0) }) {
                partner[newIndex] = same
                taken.insert(same)
            }
        }
        var pairs = new.indices.map { OperationPair(old: partner[$0].map { old[$0] }, new: new[$0]) }
        pairs += old.indices.filter { !taken.contains($0) }.map { OperationPair(old: old[$0], new: nil) }
        return pairs
    }
}
