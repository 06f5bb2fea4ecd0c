/// An input of `conformance diff` that cannot be read: a missing path, a file that is neither a
/// spec nor a document, a revision git does not know, a document no reader handles.
///
/// Printed as one line, `file:line: reason`; the CLI exits 2.
public struct SpecInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or `REV:path`) the problem is in.
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
