import ConformanceModel

/// A fact a field's description states, with the words it was read from.
public struct StatedFact: Sendable, Hashable {
    /// A fact's value as the description gives it.
    public enum Value: Sendable, Hashable {
        case number(Double)
        case values([String])
        case text(String)

        /// The value as `DescriptionPhrasing.expected` writes it: numbers without a
        /// fraction as integers, lists joined by `|`.
        public var text: String {
            switch self {
            case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
            case .values(let values): values.joined(separator: "|")
            case .text(let text): text
            }
        }

        var number: Double? {
            if case .number(let value) = self { return value }
            return nil
        }
    }

    public var fact: Schema.Fact
    public var value: Value
    /// The words of the description the fact was read from.
    public var phrase: String
    /// The `DescriptionPhrasing` entry that read it.
    public var phrasing: String
    /// The clause that makes the fact hold only sometimes (`如果为创建单个云硬盘`), if any.
    public var condition: String?

    public init(fact: Schema.Fact, value: Value, phrase: String, phrasing: String, condition: String? = nil) {
        self.fact = fact
        self.value = value
        self.phrase = phrase
        self.phrasing = phrasing
        self.condition = condition
    }
}
