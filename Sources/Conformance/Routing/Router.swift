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
///
/// Templates are kept flat (segments in one array, literals as bytes in another), so that
/// matching a request compares bytes and copies no reference-counted values. A class, so that
/// calling it does not copy its arrays out of the service that holds it.
public final class Router: Sendable {
    /// One segment of a template.
    struct Segment: Sendable {
        enum Kind: UInt8, Sendable {
            case literal
            case parameter
            /// A parameter named `version` or `api_version`: only a version segment fits it.
            case version
        }

        var kind: Kind
        /// A literal's bytes in `literals`; a parameter's name in `parameterNames`.
        var start: Int32
        var count: Int32
    }

    /// One template, flat: no reference-counted fields, so routes copy for free.
    struct Route: Sendable {
        var operationIndex: Int
        var segmentStart: Int32
        var segmentCount: Int32
        /// The action in `actions`, or -1.
        var action: Int32
        var deprecated: Bool
        /// Literal positions as bits, leftmost segment highest: a larger value is more specific.
        var specificity: UInt64
        var literalCount: Int
    }

    /// A request matched to an operation.
    public struct Match: Sendable {
        /// The index of the operation in its service's `operations`.
        public var operationIndex: Int
        /// Path parameters by name, decoded (slices of the request path).
        public var pathParameters: [(name: String, value: Substring)]
        /// The number of literal segments the template matched with, for choosing between services.
        public var literalCount: Int

        /// The value of path parameter `name`.
        public func pathParameter(_ name: String) -> Substring? {
            pathParameters.first { $0.name == name }?.value
        }
    }

    /// The routes of one method and segment count, indexed by the literal at the position that
    /// tells most of them apart (EVS has 28 four-segment GET routes; a request is tried against
    /// the few with its literal there, plus those with a parameter there).
    final class Group: Sendable {
        let routes: [Route]
        /// The indexed position, or -1 when no position has literals that tell routes apart.
        let keyPosition: Int
        /// Routes (indices into `routes`) by the hash of their literal at `keyPosition`.
        let byLiteral: [UInt32: [Int]]
        /// Routes with a parameter at `keyPosition`, which fit any segment there; all routes when there is no index.
        let wildcards: [Int]

        init(routes: [Route], segments: [Segment], literals: [UInt8]) {
            self.routes = routes
            func literalHash(_ route: Route, _ position: Int) -> UInt32? {
                let segment = segments[Int(route.segmentStart) + position]
                guard segment.kind == .literal else { return nil }
                return literals.withUnsafeBufferPointer { CompiledSchema.hash($0.baseAddress! + Int(segment.start), Int(segment.count)) }
            }
            let count = Int(routes.first?.segmentCount ?? 0)
            var best = (position: -1, distinct: 1)
            for position in 0..<count {
                let distinct = Set(routes.compactMap { literalHash($0, position) }).count
                if distinct > best.distinct { best = (position, distinct) }
            }
            keyPosition = best.position
            var byLiteral: [UInt32: [Int]] = [:]
            var wildcards: [Int] = []
            for (index, route) in routes.enumerated() {
                if best.position >= 0, let hash = literalHash(route, best.position) {
                    byLiteral[hash, default: []].append(index)
                } else {
                    wildcards.append(index)
                }
            }
            self.byLiteral = byLiteral
            self.wildcards = wildcards
        }
    }

    private let segments: [Segment]
    private let literals: [UInt8]
    private let parameterNames: [String]
    private let actions: [(name: String, selector: ActionSelector?)]
    /// Route groups by method, then by segment count.
    private let groups: [(method: String, byCount: [Group?])]

    public init(spec: ServiceSpec) {
        var segments: [Segment] = []
        var literals: [UInt8] = []
        var parameterNames: [String] = []
        var actions: [(name: String, selector: ActionSelector?)] = []
        var routes: [(method: String, byCount: [[Route]])] = []
        for (index, operation) in spec.operations.enumerated() {
            let parts = operation.template.segments
            var route = Route(operationIndex: index, segmentStart: Int32(segments.count), segmentCount: Int32(parts.count), action: -1,
                              deprecated: operation.deprecated, specificity: 0, literalCount: 0)
            for (position, part) in parts.enumerated() {
                switch part {
                case .parameter(let name):
                    segments.append(Segment(kind: name.hasSuffix("version") ? .version : .parameter, start: Int32(parameterNames.count), count: 0))
                    parameterNames.append(name)
                case .literal(let text):
                    segments.append(Segment(kind: .literal, start: Int32(literals.count), count: Int32(text.utf8.count)))
                    literals.append(contentsOf: text.utf8)
                    route.literalCount += 1
                    if position < 63 { route.specificity |= 1 << UInt64(62 - position) }
                }
            }
            if let action = operation.action {
                route.action = Int32(actions.count)
                actions.append((action, operation.actionSelector))
            }
            let method = operation.method.uppercased()
            if !routes.contains(where: { $0.method == method }) { routes.append((method, [])) }
            let slot = routes.firstIndex { $0.method == method }!
            while routes[slot].byCount.count <= parts.count { routes[slot].byCount.append([]) }
            routes[slot].byCount[parts.count].append(route)
        }
        self.segments = segments
        self.literals = literals
        self.parameterNames = parameterNames
        self.actions = actions
        groups = routes.map { entry in
            (entry.method, entry.byCount.map { $0.isEmpty ? nil : Group(routes: $0, segments: segments, literals: literals) })
        }
    }

    /// The routes of `method` with `count` segments.
    private func group(method: String, count: Int) -> Group? {
        for entry in groups where entry.method == method {
            return count < entry.byCount.count ? entry.byCount[count] : nil
        }
        return nil
    }

    /// The routes of `group` that can fit `target`: those with its literal at the group's key
    /// position and those with a parameter there, in declaration order within each list.
    private func candidates(_ group: Group, _ target: RequestTarget, _ bytes: UnsafeBufferPointer<UInt8>) -> (indexed: [Int], wildcards: [Int]) {
        guard group.keyPosition >= 0 else { return ([], group.wildcards) }
        let range = target.segmentRanges[group.keyPosition]
        let hash = range.isEmpty ? 0 : CompiledSchema.hash(bytes.baseAddress! + range.lowerBound, range.count)
        return (group.byLiteral[hash] ?? [], group.wildcards)
    }

    /// The operation `method` and `target` (and, for action routes, `body`) address.
    public func match(method: String, target: RequestTarget, body: [UInt8]?) -> Match? {
        guard let group = group(method: method, count: target.segmentCount) else { return nil }
        return target.withSegmentBytes { bytes -> Match? in
            let (indexed, wildcards) = candidates(group, target, bytes)
            // The common case: one template fits and it has no action to tell apart.
            var only = -1
            var fitting = 0
            for index in indexed where fitting < 2 && fits(group.routes[index], target, bytes) {
                only = index
                fitting += 1
            }
            for index in wildcards where fitting < 2 && fits(group.routes[index], target, bytes) {
                only = index
                fitting += 1
            }
            if fitting == 0 { return nil }
            if fitting == 1, group.routes[only].action < 0 { return match(group.routes[only], target) }
            let all = (indexed + wildcards).map { group.routes[$0] }.filter { fits($0, target, bytes) }
            return choose(among: all, target: target, body: body).map { match($0, target) }
        }
    }

    /// Of several fitting routes: the most specific group (a literal beats a parameter, leftmost
    /// first) that has a route without an action or with the request's action; in the group,
    /// the action's route over the plain one, and a current route over a deprecated twin.
    private func choose(among fitting: [Route], target: RequestTarget, body: [UInt8]?) -> Route? {
        // Most specific first; among equals, in the order the documentation lists them.
        let ordered = fitting.sorted { ($0.specificity, -$0.operationIndex) > ($1.specificity, -$1.operationIndex) }
        var bodyFields: [(key: String, value: String?)]?
        var bodyRead = false
        var start = 0
        while start < ordered.count {
            var end = start + 1
            while end < ordered.count, ordered[end].specificity == ordered[start].specificity { end += 1 }
            let group = ordered[start..<end]
            start = end
            var chosen = group.filter { $0.action < 0 }
            if group.contains(where: { $0.action >= 0 }) {
                if !bodyRead, let body {
                    bodyFields = TopLevelFields.read(body)
                    bodyRead = true
                }
                let acting = group.filter { route in
                    guard route.action >= 0 else { return false }
                    let (action, selector) = actions[Int(route.action)]
                    switch selector {
                    case .bodyKey?, nil: return bodyFields?.contains { $0.key == action } ?? false
                    case .bodyField(let field)?: return bodyFields?.contains { $0.key == field && $0.value == action } ?? false
                    case .queryKey?: return target.query.contains { $0.name == action }
                    }
                }
                if !acting.isEmpty { chosen = acting }
            }
            if let route = chosen.first(where: { !$0.deprecated }) ?? chosen.first { return route }
        }
        return nil
    }

    private func match(_ route: Route, _ target: RequestTarget) -> Match {
        var parameters: [(name: String, value: Substring)] = []
        parameters.reserveCapacity(Int(route.segmentCount) - route.literalCount)
        for position in 0..<Int(route.segmentCount) {
            let segment = segments[Int(route.segmentStart) + position]
            if segment.kind != .literal { parameters.append((parameterNames[Int(segment.start)], target.segment(position))) }
        }
        return Match(operationIndex: route.operationIndex, pathParameters: parameters, literalCount: route.literalCount)
    }

    @inline(__always)
    private func fits(_ route: Route, _ target: RequestTarget, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ranges = target.segmentRanges
        for position in 0..<Int(route.segmentCount) {
            let segment = segments[Int(route.segmentStart) + position]
            let range = ranges[position]
            switch segment.kind {
            case .literal:
                guard range.count == Int(segment.count) else { return false }
                let equal = literals.withUnsafeBufferPointer { literal in
                    CompiledSchema.equal(literal.baseAddress! + Int(segment.start), bytes.baseAddress! + range.lowerBound, range.count)
                }
                if !equal { return false }
            case .parameter:
                if range.isEmpty { return false }
            case .version:
                if !Self.isVersion(UnsafeBufferPointer(rebasing: bytes[range])) { return false }
            }
        }
        return true
    }

    /// A parameter named `version` or `api_version` (EVS 5.2 `GET /{api_version}`) stands for a
    /// version segment (`v2`, `v2.1`), not for any word: otherwise every one-segment path
    /// would be that operation.
    static func isVersion(_ part: UnsafeBufferPointer<UInt8>) -> Bool {
        guard part.count > 1, part[0] | 0x20 == UInt8(ascii: "v") else { return false }
        return part.dropFirst().allSatisfy { $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: ".") }
    }

    /// The documented actions on the route of `method` and `target`, for a message when none fits.
    public func actions(method: String, target: RequestTarget) -> [String] {
        target.withSegmentBytes { bytes in
            (group(method: method, count: target.segmentCount)?.routes ?? []).filter { route in
                (0..<Int(route.segmentCount)).allSatisfy { position in
                    let segment = segments[Int(route.segmentStart) + position]
                    guard segment.kind == .literal else { return true }
                    let range = target.segmentRanges[position]
                    return range.count == Int(segment.count) && literals.withUnsafeBufferPointer { literal in
                        CompiledSchema.equal(literal.baseAddress! + Int(segment.start), bytes.baseAddress! + range.lowerBound, range.count)
                    }
                }
            }.compactMap { $0.action >= 0 ? actions[Int($0.action)].name : nil }
        }
    }

    /// The methods with a documented route that fits `target`'s path, whatever their action:
    /// the `Allow` of a 405 (RFC 9110 15.5.6), and how the mock tells an action body that
    /// selects no variant (a 400) from a path nobody documents (a 404).
    public func methods(fitting target: RequestTarget) -> [String] {
        target.withSegmentBytes { bytes in
            groups.compactMap { entry -> String? in
                guard target.segmentCount < entry.byCount.count, let group = entry.byCount[target.segmentCount] else { return nil }
                return group.routes.contains { fits($0, target, bytes) } ? entry.method : nil
            }
        }
    }
}
