import ConformanceModel

/// The changes of one diff, ordered for reading, with what each side was.
///
/// Order (the same in every format): changes are grouped by operation, then the service-wide
/// tables (response envelope, error codes, status codes, authentication, states); groups with a
/// breaking change come first, then groups with a warning, then the rest, each kept in spec
/// order; within a group, breaking changes first.
public struct DiffReport: Sendable {
    /// What one side was: the input, how it was read, where its documents are.
    public struct Side: Sendable {
        /// The input as the user wrote it (`HEAD~3:specs/huawei-evs`).
        public var label: String
        /// How the spec was obtained: `spec.json at HEAD~3`, or `2 documents extracted`.
        public var origin: String
        public var service: String
        /// Document file name → the path a reader opens it at, for reports and SARIF locations.
        public var documentPaths: [String: String]

        public init(label: String, origin: String, service: String, documentPaths: [String: String] = [:]) {
            self.label = label
            self.origin = origin
            self.service = service
            self.documentPaths = documentPaths
        }

        /// The path of a document of this side, or its bare name.
        public func path(of document: String) -> String {
            documentPaths[document] ?? document
        }
    }

    /// The changes of one operation, or of one service-wide table.
    public struct Group: Sendable {
        /// The operation id, or `nil` for a service-wide table.
        public var operation: String?
        /// `CreateVolume  POST /v2/{project_id}/cloudvolumes`, or `error codes`.
        public var title: String
        public var changes: [SpecChange]

        public var level: ChangeCheck.Level? { changes.map(\.level).max() }
    }

    public var old: Side
    public var new: Side
    public var groups: [Group]

    public init(old: Side, new: Side, changes: [SpecChange]) {
        self.old = old
        self.new = new
        var order: [String] = []
        var members: [String: [SpecChange]] = [:]
        var titles: [String: (String?, String)] = [:]
        for change in changes {
            let key: String
            let title: String
            if let operation = change.operation {
                key = "operation:" + operation
                title = operation + (change.route.map { "  " + $0 } ?? "")
            } else {
                key = "table:" + Self.tableTitle(change)
                title = Self.tableTitle(change)
            }
            if members[key] == nil {
                order.append(key)
                titles[key] = (change.operation, title)
            }
            members[key, default: []].append(change)
        }
        let unsorted = order.map { key in
            Group(operation: titles[key]!.0, title: titles[key]!.1,
                  changes: members[key]!.enumerated().sorted { ($0.element.level, -$0.offset) > ($1.element.level, -$1.offset) }.map(\.element))
        }
        groups = unsorted.enumerated().sorted { lhs, rhs in
            let left = lhs.element.level ?? .info
            let right = rhs.element.level ?? .info
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private static func tableTitle(_ change: SpecChange) -> String {
        switch change.location {
        case .errorCodes: "error codes"
        case .statusCodes: "status codes"
        case .states: "resource states"
        case .authentication: "authentication"
        case .response, .request: "response envelope"
        case .operation, .parameters: "service"
        }
    }

    /// Every change in report order.
    public var changes: [SpecChange] { groups.flatMap(\.changes) }

    /// How many changes of each level.
    public func count(_ level: ChangeCheck.Level) -> Int {
        groups.reduce(0) { $0 + $1.changes.filter { $0.level == level }.count }
    }

    /// `5 changes: 2 breaking, 1 warning, 2 info`, or `no changes`.
    public var summaryLine: String {
        let total = changes.count
        guard total > 0 else { return "no changes" }
        return "\(total) change\(total == 1 ? "" : "s"): \(count(.breaking)) breaking, \(count(.warning)) warning\(count(.warning) == 1 ? "" : "s"), \(count(.info)) info"
    }

    /// The highest level among the changes, `nil` when there are none.
    public var highestLevel: ChangeCheck.Level? { groups.compactMap(\.level).max() }

    /// `002_x.txt:966 §6.1.1 创建云硬盘, 表 6-5 CreateVolumeOption`, with the side's path for the document.
    func citation(_ source: ChangeSource, on side: Side) -> String {
        guard let reference = source.reference else { return "(no place)" }
        var copy = reference
        copy.document = side.path(of: reference.document)
        return copy.description
    }
}
