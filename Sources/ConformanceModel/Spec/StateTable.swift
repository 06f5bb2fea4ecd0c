/// The documented states of one kind of resource (Huawei EVS A.3 volumes, A.4 snapshots).
public struct StateTable: Codable, Sendable, Hashable {
    /// One state a resource can be in.
    public struct State: Codable, Sendable, Hashable {
        /// The value the API returns in the resource's `status` field.
        public var value: String
        /// The name the console shows, which constraint sentences sometimes use (`可用`).
        public var consoleName: String?
        public var description: String?

        public init(value: String, consoleName: String? = nil, description: String? = nil) {
            self.value = value
            self.consoleName = consoleName
            self.description = description
        }
    }

    /// The resource, e.g. `volume`, `snapshot`.
    public var resource: String
    /// The table's own title, e.g. `云硬盘状态`.
    public var title: String
    public var states: [State]
    public var source: DocReference?

    public init(resource: String, title: String, states: [State], source: DocReference? = nil) {
        self.resource = resource
        self.title = title
        self.states = states
        self.source = source
    }

    /// The state whose API value or console name is `name`.
    public func state(named name: String) -> State? {
        states.first { $0.value == name || $0.consoleName == name }
    }
}
