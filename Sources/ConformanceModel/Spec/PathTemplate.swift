/// A documented request path, `/v2/{project_id}/volumes/{volume_id}`, read once into its
/// segments: literal text and `{placeholder}`s. The router, the state tracker, the request
/// builder, the OpenAPI exporter and the extractor's naming all read paths through it.
///
/// Decision: a placeholder is a whole segment (`{volume_id}`). A segment with a placeholder
/// inside other text (`{disk_id}:attach`, which no document read so far has) is a literal for
/// routing, while ``parameterNames`` and ``filled(_:)`` still see its placeholder, so that its
/// parameter row is matched and a request can be built from it.
public struct PathTemplate: Sendable, Hashable, CustomStringConvertible {
    /// One `/`-separated part of the path.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        /// `{name}`, by its name.
        case parameter(String)

        /// The placeholder's name, nil for a literal.
        public var parameterName: String? {
            if case .parameter(let name) = self { return name }
            return nil
        }

        /// The segment as written: `volumes`, `{volume_id}`.
        public var text: String {
            switch self {
            case .literal(let text): text
            case .parameter(let name): "{\(name)}"
            }
        }
    }

    /// The path as documented.
    public let text: String
    /// The non-empty segments, in order.
    public let segments: [Segment]
    /// Every placeholder's name in order, whole segments and embedded ones alike.
    public let parameterNames: [String]

    public init(_ text: String) {
        self.text = text
        segments = text.split(separator: "/").map { part in
            part.count > 2 && part.first == "{" && part.last == "}" && !part.dropFirst().dropLast().contains(where: { $0 == "{" || $0 == "}" })
                ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
        var names: [String] = []
        var current: String?
        for character in text {
            switch character {
            case "{": current = ""
            case "}":
                if let name = current { names.append(name) }
                current = nil
            default: current?.append(character)
            }
        }
        parameterNames = names
    }

    public var description: String { text }

    /// The route without the placeholders' names: `/v2/{}/volumes/{}`. Two templates of one
    /// shape match the same requests.
    public var shape: String {
        "/" + segments.map { $0.parameterName == nil ? $0.text : "{}" }.joined(separator: "/")
    }

    /// The placeholders that fill a whole segment, with the segment's position: where a
    /// request path's value for each is.
    public var placeholders: [(index: Int, name: String)] {
        segments.enumerated().compactMap { index, segment in segment.parameterName.map { (index, $0) } }
    }

    /// The literal segments, in order.
    public var literals: [String] {
        segments.compactMap { if case .literal(let text) = $0 { text } else { nil } }
    }

    /// Whether the template is the service root or a version placeholder alone: `/`,
    /// `/{version}`, `/{api_version}` (the version documents).
    public var isVersionRoot: Bool {
        segments.isEmpty || (segments.count == 1 && segments[0].parameterName?.hasSuffix("version") == true)
    }

    /// The path with each placeholder replaced by `value(name)`, which also encodes it.
    public func filled<Failure: Error>(_ value: (String) throws(Failure) -> String) throws(Failure) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += try value(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

extension Operation {
    /// The operation's ``path`` as a template.
    public var template: PathTemplate { PathTemplate(path) }
}
