import ConformanceModel
import Foundation

/// Which generated cases a run keeps: `--seed`, `--max-cases-per-operation`, `--operations GLOB`
/// and `--include`/`--exclude` kinds. The same selection on the same spec gives the same cases.
public struct CaseSelection: Sendable, Hashable {
    /// Seeds the choice among an operation's cases when there are more than the budget.
    public var seed: UInt64
    /// At most this many cases per operation (nil: all). Each operation keeps its first
    /// positive case and its first negative case whatever the seed; the rest are drawn.
    public var maxCasesPerOperation: Int?
    /// Shell globs on `OperationId` or `service/OperationId`; empty: every operation.
    public var operations: [String]
    /// The kinds to generate.
    public var kinds: Set<CaseKind>

    /// The default budget: keeps the embedded-mock run of every operation of every service
    /// well under a minute (README "conformance verify").
    public static let defaultMaxCasesPerOperation = 6

    public init(seed: UInt64 = 1, maxCasesPerOperation: Int? = CaseSelection.defaultMaxCasesPerOperation, operations: [String] = [], kinds: Set<CaseKind> = Set(CaseKind.allCases)) {
        self.seed = seed
        self.maxCasesPerOperation = maxCasesPerOperation
        self.operations = operations
        self.kinds = kinds
    }

    /// Whether `operation` of `service` is selected by ``operations``.
    public func selects(service: String, operation: String) -> Bool {
        operations.isEmpty || operations.contains { glob in
            fnmatch(glob, operation, 0) == 0 || fnmatch(glob, "\(service)/\(operation)", 0) == 0
        }
    }

    /// The cases of one operation to run, in their generated order: the first positive and
    /// the first negative, then a seeded draw from the rest up to the budget.
    func pick<Case>(_ cases: [Case], operation: String, kind: (Case) -> CaseKind) -> [Case] {
        let wanted = cases.indices.filter { kinds.contains(kind(cases[$0])) }
        guard let budget = maxCasesPerOperation, wanted.count > budget else { return wanted.map { cases[$0] } }
        var chosen: [Int] = []
        for first in [CaseKind.positive, .negative] {
            if let index = wanted.first(where: { kind(cases[$0]) == first }), chosen.count < budget { chosen.append(index) }
        }
        var rest = wanted.filter { !chosen.contains($0) }
        var random = SplitMix64(seed: seed ^ Self.hash(operation))
        rest.shuffle(using: &random)
        chosen += rest.prefix(max(0, budget - chosen.count))
        return chosen.sorted().map { cases[$0] }
    }

    /// FNV-1a of `text`: mixes the operation into the seed, so that operations draw differently.
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
