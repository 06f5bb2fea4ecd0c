import ConformanceModel

/// One change between two versions of a vendor's documentation, classified by a `ChangeCheck`
/// and cited on both sides.
public struct SpecChange: Sendable, Hashable {
    public var check: ChangeCheck
    /// The part of the spec the change is in: the check's, except for examples, which are in
    /// the request or the response.
    public var location: ChangeCheck.Location
    /// The operation id (NEW's, or OLD's when NEW has none); `nil` for service-wide tables.
    public var operation: String?
    /// `METHOD /path (action)` of the operation, as NEW documents it (OLD for a removed one).
    public var route: String?
    /// The pointer into the location: an RFC 6901 pointer into a body (`/volume/size`, with `[]`
    /// for any array element and `{}` for any map value), `/<in>/<name>` for a parameter, an error
    /// code, `/<resource>/<state>` or `/<resource>/<from>/<to>` for states.
    public var pointer: String
    /// The response status a response change belongs to.
    public var status: Int?
    /// The value on each side (`false` → `true` for required; a removed enum value on the old side).
    public var old: JSONValue?
    public var new: JSONValue?
    public var oldSource: ChangeSource
    public var newSource: ChangeSource
    public var message: String

    public init(_ check: ChangeCheck, location: ChangeCheck.Location? = nil, operation: String? = nil, route: String? = nil, pointer: String, status: Int? = nil,
                old: JSONValue? = nil, new: JSONValue? = nil, oldSource: ChangeSource, newSource: ChangeSource, message: String) {
        self.check = check
        self.location = location ?? check.location
        self.operation = operation
        self.route = route
        self.pointer = pointer
        self.status = status
        self.old = old
        self.new = new
        self.oldSource = oldSource
        self.newSource = newSource
        self.message = message
    }

    public var id: String { check.id }
    public var level: ChangeCheck.Level { check.level }
}

/// Where a change is on one side: the place of the doc that states the thing, or, when the side
/// does not have it, the place it would be in (the table or operation that lacks it).
public struct ChangeSource: Sendable, Hashable {
    public var reference: DocReference?
    /// The doc's words for the fact on this side: the `Schema.evidence` phrase when the spec
    /// carries one, else the sentence of the description that holds the value, else `nil`.
    public var quote: String?
    /// `true` when this side does not have the thing and `reference` points at where it would be.
    public var absent: Bool

    public init(_ reference: DocReference?, quote: String? = nil, absent: Bool = false) {
        self.reference = reference
        self.quote = quote
        self.absent = absent
    }
}
