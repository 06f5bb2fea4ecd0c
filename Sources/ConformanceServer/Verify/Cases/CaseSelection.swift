import ConformanceModel
import Foundation

/// Which generated cases a run keeps: `--seed`, `--max-cases-per-operation`, `--operations GLOB`
/// and `--include`/`--exclude` kinds. The same selection on the same spec gives the same cases.
public struct CaseSelection: Sendable, Hashable {
    /// Seeds the choice among an operation's cases when there are more than the budget.
    public var seed: UInt64
    /// At most this many cases per operation (nil: all). Each operation keeps its first
    /// positive case, its first negative case and the negatives that expect a code no earlier
    /// case expects, whatever the seed; the rest are drawn.
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
    /// the first negative, then each negative that expects a documented code no case chosen so
    /// far expects (`expected`, carried from operation to operation of a service, so that a
    /// code the docs give is tried once even when its operation's budget is small), then a
    /// seeded draw from the rest up to the budget. Among new codes, those fewest operations can
    /// reach (`rarity`) come first. `expected` gains the chosen cases' codes.
    func pick<Case>(_ cases: [Case], operation: String, kind: (Case) -> CaseKind, code: (Case) -> String? = { _ in nil },
                    rarity: (String) -> Int = { _ in 0 }, expected: inout Set<String>) -> [Case] {
        let wanted = cases.indices.filter { kinds.contains(kind(cases[$0])) }
        guard let budget = maxCasesPerOperation, wanted.count > budget else {
            for index in wanted { if let code = code(cases[index]) { expected.insert(code) } }
            return wanted.map { cases[$0] }
        }
        var chosen: [Int] = []
        func choose(_ index: Int) {
            chosen.append(index)
            if let code = code(cases[index]) { expected.insert(code) }
        }
        for first in [CaseKind.positive, .negative] {
            if let index = wanted.first(where: { kind(cases[$0]) == first }), chosen.count < budget { choose(index) }
        }
        let fresh = wanted.compactMap { index in code(cases[index]).map { (index: index, rarity: rarity($0)) } }
        for (index, _) in fresh.sorted(by: { ($0.rarity, $0.index) < ($1.rarity, $1.index) }) where chosen.count < budget && !chosen.contains(index) {
            if let code = code(cases[index]), !expected.contains(code) { choose(index) }
        }
        var rest = wanted.filter { !chosen.contains($0) }
        var random = SplitMix64(seed: seed ^ Self.hash(operation))
        rest.shuffle(using: &random)
        for index in rest.prefix(max(0, budget - chosen.count)) { choose(index) }
        return chosen.sorted().map { cases[$0] }
    }

    /// FNV-1a of `text`: mixes the operation into the seed, so that operations draw differently.
    static func hash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
