import ConformanceModel

/// Finds the documented operation a request targets, within one service.
///
/// A route is the method and the path template. Among the templates that fit a path, the
/// one with a literal where the others have a parameter wins, leftmost first
/// (`/cloudvolumes/detail` before `/cloudvolumes/{volume_id}`). Operations sharing a route
/// are told apart by their action: the body's top-level key (Cinder `os-extend`), the value
/// of a body field (tag `action: create`), or a query key (Baidu `?purchaseReserved`). Of a
/// current operation and its deprecated twin, the current one is chosen; a deprecated
/// operation is chosen only when nothing current fits, and the match says so.
public struct Router: Sendable {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    struct Route: Sendable {
        let operationIndex: Int
        let segments: [Segment]
        let action: String?
        let selector: ActionSelector?
        let deprecated: Bool
        /// Literal positions as bits, leftmost segment highest: a larger value is more specific.
        let specificity: UInt64
    }

    /// Routes are looked up by method and segment count, without building a string per request.
    struct Shape: Hashable, Sendable {
        let method: String
        let count: Int
    }

    /// A request matched to an operation.
    public struct Match: Sendable {
        /// The index of the operation in its service's `operations`.
        public var operationIndex: Int
        /// Path parameters by name, decoded (slices of the request path).
        public var pathParameters: [(name: String, value: Substring)]
        /// The number of literal segments the template matched with, for choosing between services.
        public var literalCount: Int
    }

    /// Routes by method and segment count.
    private let routes: [Shape: [Route]]

    public init(spec: ServiceSpec) {
        var routes: [Shape: [Route]] = [:]
        for (index, operation) in spec.operations.enumerated() {
            let segments: [Segment] = operation.path.split(separator: "/").map { part in
                part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
            }
            var specificity: UInt64 = 0
            for (position, segment) in segments.prefix(63).enumerated() {
                if case .literal = segment { specificity |= 1 << UInt64(62 - position) }
            }
            let route = Route(operationIndex: index, segments: segments, action: operation.action, selector: operation.actionSelector, deprecated: operation.deprecated, specificity: specificity)
            routes[Shape(method: operation.method.uppercased(), count: segments.count), default: []].append(route)
        }
        self.routes = routes
    }

    /// The operation `method` and `target` (and, for action routes, `body`) address.
    public func match(method: String, target: RequestTarget, body: [UInt8]?) -> Match? {
        guard let candidates = routes[Shape(method: method, count: target.segments.count)] else { return nil }
        // The common case: one template fits and it has no action to tell apart.
        var only: Route?
        var count = 0
        for route in candidates where fits(route, target) {
            only = route
            count += 1
            if count > 1 { break }
        }
        if count == 1, let route = only, route.action == nil { return match(route, target) }
        var fitting: [Route] = []
        for route in candidates where fits(route, target) { fitting.append(route) }
        guard !fitting.isEmpty else { return nil }
        // Groups of equal shape, most specific first (a literal beats a parameter, leftmost first).
        fitting.sort { $0.specificity > $1.specificity }
        var groups: [ArraySlice<Route>] = []
        var start = 0
        for index in 1...fitting.count where index == fitting.count || fitting[index].specificity != fitting[start].specificity {
            groups.append(fitting[start..<index])
            start = index
        }
        var bodyFields: [(key: String, value: String?)]?
        var bodyRead = false
        for group in groups {
            var chosen = group.filter { $0.action == nil }
            if group.contains(where: { $0.action != nil }) {
                if !bodyRead, let body {
                    bodyFields = TopLevelFields.read(body)
                    bodyRead = true
                }
                let acting = group.filter { route in
                    guard let action = route.action else { return false }
                    switch route.selector {
                    case .bodyKey?, nil: return bodyFields?.contains { $0.key == action } ?? false
                    case .bodyField(let field)?: return bodyFields?.contains { $0.key == field && $0.value == action } ?? false
                    case .queryKey?: return target.query.contains { $0.name == action }
                    }
                }
                if !acting.isEmpty { chosen = acting }
            }
            guard let route = chosen.first(where: { !$0.deprecated }) ?? chosen.first else { continue }
            return match(route, target)
        }
        return nil
    }

    private func match(_ route: Route, _ target: RequestTarget) -> Match {
        var parameters: [(name: String, value: Substring)] = []
        var literals = 0
        for (segment, part) in zip(route.segments, target.segments) {
            switch segment {
            case .parameter(let name): parameters.append((name, part))
            case .literal: literals += 1
            }
        }
        return Match(operationIndex: route.operationIndex, pathParameters: parameters, literalCount: literals)
    }

    private func fits(_ route: Route, _ target: RequestTarget) -> Bool {
        for (segment, part) in zip(route.segments, target.segments) {
            switch segment {
            case .literal(let literal):
                if literal != part { return false }
            case .parameter(let name):
                if part.isEmpty || (name.hasSuffix("version") && !Self.isVersion(part)) { return false }
            }
        }
        return true
    }

    /// A parameter named `version` or `api_version` (EVS 5.2 `GET /{api_version}`) stands for a
    /// version segment (`v2`, `v2.1`), not for any word: otherwise every one-segment path
    /// would be that operation.
    static func isVersion(_ part: Substring) -> Bool {
        guard part.first == "v" || part.first == "V" else { return false }
        let rest = part.dropFirst()
        return !rest.isEmpty && rest.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// The documented actions on the route of `method` and `target`, for a message when none fits.
    func actions(method: String, target: RequestTarget) -> [String] {
        (routes[Shape(method: method, count: target.segments.count)] ?? []).filter { route in
            zip(route.segments, target.segments).allSatisfy { segment, part in
                if case .literal(let literal) = segment { return literal == part }
                return true
            }
        }.compactMap(\.action)
    }
}
