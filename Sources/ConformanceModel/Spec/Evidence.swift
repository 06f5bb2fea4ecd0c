/// The words of the documentation that a fact of a schema was read from.
///
/// DESIGN.md: "A fact (enum, bound, default, nullability) enters the spec only with the phrase
/// it was read from." Every fact a reader or a service-wide pass sets on a `Schema` carries one
/// in `Schema.evidence`, keyed by the fact (`Schema.Fact`), so that a reviewer of `spec.json`
/// and every finding can see why the spec holds it.
public struct Evidence: Codable, Sendable, Hashable {
    /// What kind of documentation text states a fact.
    public enum Basis: String, Codable, Sendable, Hashable, CaseIterable {
        /// A sentence of the field's description: `长度范围为1~128`, `可以为null`, `默认为postPaid`.
        case sentence
        /// A table: the type column (`Map<String,String>`), a second table of the same object, a
        /// state or error-code table.
        case table
        /// One of the doc's own examples of the same object: `"snapshot_id": null`.
        case example
        /// A convention the service's examples establish as a whole (absent optional values are
        /// `null`), counted; the phrase says how many examples show it.
        case convention
    }

    public var basis: Basis
    /// The doc's words, or for an example the member as printed (`"snapshot_id": null`).
    public var phrase: String
    /// Where the phrase is; `nil` means the schema's own source.
    public var source: DocReference?

    public init(_ basis: Basis, phrase: String, source: DocReference? = nil) {
        self.basis = basis
        self.phrase = phrase
        self.source = source
    }
}

extension Schema {
    /// A fact of a schema that needs evidence; the raw value is its key in `spec.json`.
    public enum Fact: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
        case enumeration, minimum, maximum, minLength, maxLength, minItems, maxItems
        case defaultValue = "default"
        case format, nullable
        /// That an object is open (a map): any key, values of one documented type.
        case map
        /// That a body's fields sit under a wrapper key the table leaves out (`{"volume": {...}}`).
        case wrapper

        public static func < (lhs: Fact, rhs: Fact) -> Bool { lhs.rawValue < rhs.rawValue }
    }
}

/// Another reading of a value that a different place of the documentation gives.
///
/// DESIGN.md's severity policy: where the documents contradict each other about one value (two
/// tables of one object, a table and an example, a table and a sentence, the PDF reference and a
/// per-API page), a value that follows any reading is a `warning` whose message cites both
/// places, never an `error`. A `Schema` is the primary reading (the table the value is
/// documented in); each `Reading` is another one, as a whole schema, with the words that state it.
/// `lint` ignores readings: it reports the contradiction itself.
public struct Reading: Codable, Sendable, Hashable {
    /// The value as the other place documents it.
    public var schema: Schema
    public var basis: Evidence.Basis
    /// What the other place says, e.g. `size Integer` or the example's member as printed.
    public var phrase: String
    public var source: DocReference

    public init(schema: Schema, basis: Evidence.Basis, phrase: String, source: DocReference) {
        self.schema = schema
        self.basis = basis
        self.phrase = phrase
        self.source = source
    }
}
