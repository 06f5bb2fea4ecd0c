/// The bound checks: one per subject (request field, parameter, response field), bound
/// (maximum, minimum, lengths, item counts) and move (set, unset, raised, lowered), named as
/// oasdiff names them (`request-property-max-decreased`, `request-property-min-length-increased`).
///
/// A bound that tightens what a client may send (a maximum set or lowered, a minimum set or
/// raised) is breaking for requests and parameters, and widening one is info. For responses it is
/// the other way round, one level lower: a bound that widens what a client may receive is a
/// warning (a client rarely relies on a documented maximum of a response), one that narrows is
/// info. A missing bound counts as unbounded, so `unset` widens and `set` narrows.
extension ChangeCheck {
    /// What a bound is on.
    public enum BoundSubject: String, Sendable, Hashable, CaseIterable {
        case requestProperty = "request-property"
        case requestParameter = "request-parameter"
        case responseProperty = "response-property"

        var location: Location {
            switch self {
            case .requestProperty: .request
            case .requestParameter: .parameters
            case .responseProperty: .response
            }
        }

        public var phrase: String {
            switch self {
            case .requestProperty: "A request field"
            case .requestParameter: "A parameter"
            case .responseProperty: "A response field"
            }
        }
    }

    /// Which bound of a schema.
    public enum Bound: String, Sendable, Hashable, CaseIterable {
        case maximum = "max"
        case minimum = "min"
        case maxLength = "max-length"
        case minLength = "min-length"
        case maxItems = "max-items"
        case minItems = "min-items"

        /// `true` for upper bounds: lowering them narrows.
        var isUpper: Bool { self == .maximum || self == .maxLength || self == .maxItems }

        public var phrase: String {
            switch self {
            case .maximum: "maximum"
            case .minimum: "minimum"
            case .maxLength: "maximum length"
            case .minLength: "minimum length"
            case .maxItems: "maximum number of items"
            case .minItems: "minimum number of items"
            }
        }

        /// The bound's value in a schema.
        public func value(in schema: Schema) -> Double? {
            switch self {
            case .maximum: schema.maximum
            case .minimum: schema.minimum
            case .maxLength: schema.maxLength.map(Double.init)
            case .minLength: schema.minLength.map(Double.init)
            case .maxItems: schema.maxItems.map(Double.init)
            case .minItems: schema.minItems.map(Double.init)
            }
        }

        /// The schema fact whose evidence states the bound.
        public var fact: Schema.Fact {
            switch self {
            case .maximum: .maximum
            case .minimum: .minimum
            case .maxLength: .maxLength
            case .minLength: .minLength
            case .maxItems: .maxItems
            case .minItems: .minItems
            }
        }
    }

    /// How a bound moved.
    public enum BoundMove: String, Sendable, Hashable, CaseIterable {
        case set, unset, increased, decreased

        public var phrase: String {
            switch self {
            case .set: "set where OLD had none"
            case .unset: "removed"
            case .increased: "raised"
            case .decreased: "lowered"
            }
        }

        /// The move of a bound from `old` to `new`, `nil` when it did not move.
        public static func between(_ old: Double?, _ new: Double?) -> BoundMove? {
            switch (old, new) {
            case (nil, nil): nil
            case (nil, .some): .set
            case (.some, nil): .unset
            case let (.some(old), .some(new)): old == new ? nil : (new > old ? .increased : .decreased)
            }
        }
    }

    /// `true` when the move narrows the values the bound admits.
    static func narrows(_ bound: Bound, _ move: BoundMove) -> Bool {
        switch move {
        case .set: true
        case .unset: false
        case .increased: !bound.isUpper
        case .decreased: bound.isUpper
        }
    }

    /// The check for one subject, bound and move.
    public static func bound(_ subject: BoundSubject, _ bound: Bound, _ move: BoundMove) -> ChangeCheck {
        let narrows = narrows(bound, move)
        let level: Level
        let detail: String
        switch (subject, narrows) {
        case (.responseProperty, true):
            level = .info
            detail = "The server promises values within tighter bounds; breaks nothing."
        case (.responseProperty, false):
            level = .warning
            detail = "A client may receive values outside the bounds it was promised; a warning (oasdiff: error) because clients rarely rely on a response's documented bounds."
        case (_, true):
            level = .breaking
            detail = "Values a client sends may now be out of bounds."
        case (_, false):
            level = .info
            detail = "Everything a client sent still fits."
        }
        return ChangeCheck(
            "\(subject.rawValue)-\(bound.rawValue)-\(move.rawValue)", level, subject.location,
            "\(subject.phrase)'s \(bound.phrase) was \(move.phrase).",
            detail: detail)
    }

    /// Every bound check, subject by subject.
    public static let boundChecks: [ChangeCheck] = BoundSubject.allCases.flatMap { subject in
        Bound.allCases.flatMap { bound in BoundMove.allCases.map { move in ChangeCheck.bound(subject, bound, move) } }
    }
}
