/// A documented request parameter outside the body: in the path, the query or a header.
public struct Parameter: Codable, Sendable, Hashable {
    /// Where in the request a parameter travels.
    public enum Location: String, Codable, Sendable, Hashable, CaseIterable {
        case path, query, header
    }

    public var name: String
    public var location: Location
    public var required: Bool
    public var schema: Schema

    public init(name: String, location: Location, required: Bool, schema: Schema) {
        self.name = name
        self.location = location
        self.required = required
        self.schema = schema
    }
}
