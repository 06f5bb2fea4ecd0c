/// A document that cannot be read at all: missing, not text, or of no known format.
///
/// Problems inside a readable document are `Diagnostic`s instead; this error stops the work
/// and is printed as one line: `file:line: cause`.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
