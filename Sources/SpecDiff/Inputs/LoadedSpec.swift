import ConformanceModel

/// One side of a diff, read: the spec, and what the side was (`DiffReport.Side`: the input as
/// written, how it was read, where its documents are).
public struct LoadedSpec: Sendable {
    public var spec: ServiceSpec
    public var side: DiffReport.Side

    public init(spec: ServiceSpec, label: String, origin: String, documentPaths: [String: String]) {
        self.spec = spec
        side = DiffReport.Side(label: label, origin: origin, service: spec.service, documentPaths: documentPaths)
    }

    /// The input as the user wrote it (`HEAD~3:specs/huawei-evs`).
    public var label: String { side.label }
    /// How the spec was obtained: `spec.json at HEAD~3`, or `2 documents extracted`.
    public var origin: String { side.origin }

    /// The path of `document` (relative to the working directory, or to the repository's top
    /// for a revision), or its bare name when the side does not know where it is.
    public func path(of document: String) -> String {
        side.path(of: document)
    }
}
