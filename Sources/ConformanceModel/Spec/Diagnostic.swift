/// A problem met while reading a document that did not stop the work.
///
/// Readers never guess silently: a table they could not place, a type word they do not
/// know, an example that is not JSON, two documents that disagree, all become
/// diagnostics with the document and line, and end up in `spec.json` for review.
public struct Diagnostic: Codable, Sendable, Hashable {
    /// How much a diagnostic matters (the same scale as findings; `.note` is `.info`).
    public typealias Severity = ConformanceModel.Severity

    public var severity: Severity
    /// A stable identifier of the kind of problem, e.g. `table.unplaced`, `type.unknown`.
    public var code: String
    public var message: String
    public var source: DocReference

    public init(_ severity: Severity, code: String, message: String, source: DocReference) {
        self.severity = severity
        self.code = code
        self.message = message
        self.source = source
    }
}

extension Diagnostic: CustomStringConvertible {
    /// One line: `document:line: severity: message [code]`.
    public var description: String {
        var place = source.document
        if let line = source.line { place += ":\(line)" }
        var text = "\(place): \(severity.rawValue): \(message) [\(code)]"
        if let section = source.section { text += " (§\(section))" }
        return text
    }
}
