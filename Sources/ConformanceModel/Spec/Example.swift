/// A request or response example as the document prints it.
///
/// The text is kept as written (page breaks joined), and the parsed value alongside when it
/// is JSON. Examples that are not JSON, or that break the doc's own tables, are kept and
/// marked: the lint command reports them, and goldens list them as known-bad.
public struct Example: Codable, Sendable, Hashable {
    /// Whether an example shows a request or a response.
    public enum Kind: String, Codable, Sendable, Hashable {
        case request, response
    }

    public var kind: Kind
    /// The status a response example is given under, when the doc says.
    public var status: Int?
    /// The sentence that introduces the example, if any.
    public var title: String?
    /// The example's text, with page-break splits joined.
    public var text: String
    /// The parsed JSON, when the text is JSON.
    public var value: JSONValue?
    /// Why the text is not JSON (with line and column inside the example), if it is not.
    public var problem: String?
    public var source: DocReference

    public init(kind: Kind, status: Int? = nil, title: String? = nil, text: String, value: JSONValue? = nil, problem: String? = nil, source: DocReference) {
        self.kind = kind
        self.status = status
        self.title = title
        self.text = text
        self.value = value
        self.problem = problem
        self.source = source
    }

    /// Parses `text` and fills `value` or `problem`.
    public static func parsing(kind: Kind, status: Int? = nil, title: String? = nil, text: String, source: DocReference) -> Example {
        do {
            let value = try JSONValue.parse(text)
            return Example(kind: kind, status: status, title: title, text: text, value: value, source: source)
        } catch {
            return Example(kind: kind, status: status, title: title, text: text, problem: "\(error)", source: source)
        }
    }
}
