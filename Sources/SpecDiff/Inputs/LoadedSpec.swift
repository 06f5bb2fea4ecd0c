import ConformanceModel

/// One side of a diff, read: the spec, how it was obtained, and where its documents are.
public struct LoadedSpec: Sendable {
    public var spec: ServiceSpec
    /// The input as the user wrote it (`HEAD~3:specs/huawei-evs`).
    public var label: String
    /// How the spec was obtained: `spec.json`, or `3 documents extracted`.
    public var origin: String
    /// Document file name → the path a reader opens it at (relative to the working directory,
    /// or to the repository's top for a revision), for reports and SARIF locations.
    public var documentPaths: [String: String]

    public init(spec: ServiceSpec, label: String, origin: String, documentPaths: [String: String]) {
        self.spec = spec
        self.label = label
        self.origin = origin
        self.documentPaths = documentPaths
    }

    /// The path of `document`, or its bare name when the side does not know where it is.
    public func path(of document: String) -> String {
        documentPaths[document] ?? document
    }
}
