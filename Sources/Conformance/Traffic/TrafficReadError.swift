import ConformanceModel

/// Traffic that could not be read: a whole input (missing, truncated, not JSON) or one entry
/// of it (a HAR entry without a request, a JSONL line that is not an exchange).
///
/// Printed as one line that names the file, the position and the cause, e.g.
/// `traffic.jsonl:12: not JSON (line 1, column 40: unterminated string)`.
public struct TrafficReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the input the problem is.
    public enum Position: Sendable, Hashable {
        /// The input as a whole (it cannot be opened, or it is not a traffic file at all).
        case file
        /// A 0-based HAR entry (`log.entries[n]`).
        case entry(Int)
        /// A 1-based line of a JSONL input, or of a HAR file that is not valid JSON.
        case line(Int)
    }

    /// The input: a file path, or `-` for standard input.
    public var file: String
    public var position: Position
    public var reason: String

    public init(file: String, position: Position, reason: String) {
        self.file = file
        self.position = position
        self.reason = reason
    }

    public var description: String {
        let name = file == "-" ? "<stdin>" : file
        switch position {
        case .file: return "\(name): \(reason)"
        case .entry(let index): return "\(name): entry \(index): \(reason)"
        case .line(let line): return "\(name):\(line): \(reason)"
        }
    }
}

/// One item read from a traffic input: an exchange, or an entry that could not be read and was
/// skipped (reading goes on after it).
public enum TrafficRecord: Sendable, Hashable {
    case exchange(Exchange)
    case unreadable(TrafficReadError)
}
