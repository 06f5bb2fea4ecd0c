/// Reading the `--faults` grammar (see ``MockFaults``).
extension MockFaults {
    /// Why a `--faults` value could not be read.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses `wrong-types,undocumented-codes,rate=0.2,seed=7` (also `all`, `none`, empty).
    public init(parsing text: String) throws(ParseError) {
        var kinds: Set<Kind> = []
        var rate = 1.0
        var seed: UInt64 = 1
        for rawItem in text.split(separator: ",") {
            let item = rawItem.trimmingCharacters(in: .whitespaces).lowercased()
            if item.isEmpty || item == "none" { continue }
            if item == "all" {
                kinds.formUnion(Kind.allCases)
            } else if item.hasPrefix("rate=") {
                guard let value = Double(item.dropFirst(5)), value >= 0, value <= 1 else {
                    throw ParseError(description: "--faults: rate must be a number from 0 to 1, got '\(item.dropFirst(5))'")
                }
                rate = value
            } else if item.hasPrefix("seed=") {
                guard let value = UInt64(item.dropFirst(5)) else {
                    throw ParseError(description: "--faults: seed must be a non-negative integer, got '\(item.dropFirst(5))'")
                }
                seed = value
            } else if let kind = Kind(rawValue: item) {
                kinds.insert(kind)
            } else {
                let known = (Kind.allCases.map(\.rawValue) + ["all", "rate=R", "seed=N"]).joined(separator: ", ")
                throw ParseError(description: "--faults: unknown fault '\(item)' (expected one of \(known))")
            }
        }
        self.init(kinds: kinds, rate: rate, seed: seed)
    }
}
