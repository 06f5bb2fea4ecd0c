import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// Generates `verify`'s cases for every documented operation of a service (issue 19): the
/// docs' request examples and the synthesized `request.min`/`request.full` (positive), each
/// documented bound, length, item count and enumeration at its edge (boundary), and one
/// documented constraint broken per request (negative), each expecting the documented error.
///
/// Every candidate is checked by the validator before it becomes a case: a positive or
/// boundary request must raise no request finding, a negative one must raise one, whose
/// message and citation become the case's broken constraint. So a case never claims a
/// constraint the spec does not hold, and a spec reading that changes changes the cases.
///
/// The cases are chained by the ``ResourcePlan``: the shared resources are made first (one
/// scenario per recipe, `<service>.resource.<variable>`), a case that deletes or changes the
/// state of a resource (a DELETE, or an operation with a documented state effect) makes a
/// fresh one of its own first, and everything is deleted at the end.
public struct CaseGenerator {
    public let spec: ServiceSpec
    public let plan: ResourcePlan
    public let selection: CaseSelection
    /// Ids the user named (`--resource volume_id=…`): used instead of the recipes.
    public let resources: [String: String]
    private let validator: Validator

    public init(spec: ServiceSpec, selection: CaseSelection = CaseSelection(), resources: [String: String] = [:]) {
        self.spec = spec
        self.plan = ResourcePlan.plan(for: spec.service)
        self.selection = selection
        self.resources = resources
        self.validator = Validator(options: ValidatorOptions(service: spec.service))
    }

    /// The generated scenarios of every service, in spec order.
    public static func all(selection: CaseSelection = CaseSelection(), resources: [String: String] = [:], service: String? = nil) -> [Scenario] {
        Specs.all.filter { service == nil || $0.service == service }.flatMap { CaseGenerator(spec: $0, selection: selection, resources: resources).scenarios() }
    }

    /// The resource scenarios the selected cases need, then the cases: per operation in
    /// document order, deletes last (so that a delete never takes a resource from a later case).
    public func scenarios() -> [Scenario] {
        let operations = spec.operations.filter { selection.selects(service: spec.service, operation: $0.id) }
        let ordered = operations.filter { $0.method != "DELETE" } + operations.filter { $0.method == "DELETE" }
        let generated = ordered.map { (operation: $0, cases: candidateCases(of: $0)) }
        // How many operations can reach each code: a code few can reach is picked first.
        var reach: [String: Int] = [:]
        for (_, cases) in generated {
            for code in Set(cases.compactMap { Self.expectedCode(of: $0.1) }) { reach[code, default: 0] += 1 }
        }
        var expected = Set<String>()
        var cases: [Scenario] = []
        for (operation, candidates) in generated {
            cases += selection.pick(candidates, operation: operation.id, kind: { $0.0 }, code: { Self.expectedCode(of: $0.1) },
                                    rarity: { reach[$0] ?? 0 }, expected: &expected).map { $0.1 }
        }
        let needed = Set(cases.flatMap { $0.steps.flatMap(\.requires) })
        return resourceScenarios(needed: needed) + cases
    }

    // MARK: Resources

    /// One scenario per shared recipe that a case needs (with what it needs), in plan order.
    func resourceScenarios(needed: Set<String>) -> [Scenario] {
        var wanted = Set<String>()
        func want(_ variable: String) {
            guard resources[variable] == nil, let recipe = plan.recipe(for: variable), !wanted.contains(variable) else { return }
            wanted.insert(variable)
            recipe.needs.forEach(want)
        }
        needed.forEach(want)
        return plan.recipes.filter { wanted.contains($0.variable) && $0.shared }.map { recipe in
            Scenario(id: "\(spec.service).resource.\(recipe.variable)", service: spec.service, title: "provide \(recipe.variable) for the generated cases",
                     steps: recipe.steps, sharesResources: true)
        }
    }

    /// The variables `step` fills from the run (placeholders in its path, query and body).
    static func placeholders(of step: ScenarioStep) -> [String] {
        var texts = Array(step.path.values) + step.query.map(\.value)
        if case .json(let body) = step.body { texts += Template.strings(in: body) }
        return Template.missing(in: texts, variables: ["project_id": "", "run_id": "", "name": ""])
    }

    /// The variables a case of `operation` must have a fresh resource for: what it deletes, and
    /// what a documented effect (StateMachine) changes the state of.
    func freshVariables(of operation: ConformanceModel.Operation, uses: [String]) -> [String] {
        var fresh: [String] = []
        // A DELETE removes what its path names last (`/volumes/{volume_id}/metadata/{key}`
        // removes the key, not the volume); without a recipe for it, the last variable that has one.
        if operation.method == "DELETE" {
            let named = Self.pathParameters(of: operation).last.map(plan.variable(forParameter:))
            if let named, uses.contains(named), plan.recipe(for: named) != nil {
                fresh.append(named)
            } else if let last = uses.last(where: { plan.recipe(for: $0) != nil }) {
                fresh.append(last)
            }
        }
        for machine in Rules.stateMachines where machine.service == spec.service {
            for effect in machine.effects where effect.operations.contains(operation.id) {
                for target in effect.target {
                    switch target {
                    case .path(let name): fresh.append(plan.variable(forParameter: name))
                    case .requestBody(let path): if let member = path.split(separator: ".").last.map(String.init), let variable = plan.bodyMembers[member] { fresh.append(variable) }
                    case .responseBody: break
                    }
                }
            }
        }
        fresh += plan.fresh[operation.id] ?? []
        for variable in uses where plan.recipe(for: variable)?.shared == false { fresh.append(variable) }
        var seen = Set<String>()
        // Even a resource the user named gets a fresh one here: the run never deletes, nor
        // changes the state of, what it did not create.
        return fresh.filter { uses.contains($0) && plan.recipe(for: $0) != nil && seen.insert($0).inserted }
    }

    // MARK: Cases

    /// The documented code a case's tested request expects first, if it is a negative case.
    static func expectedCode(of scenario: Scenario) -> String? {
        scenario.steps.last?.rejection?.preferredCodes.first
    }

    /// Every case of one operation, with its kind, before the selection.
    func candidateCases(of operation: ConformanceModel.Operation) -> [(CaseKind, Scenario)] {
        let candidates = CaseCandidates(spec: spec, operation: operation, plan: plan).all()
        var cases: [(CaseKind, Scenario)] = []
        var labels: [String: Int] = [:]
        for candidate in candidates {
            guard let scenario = scenario(for: candidate, of: operation) else { continue }
            var named = scenario
            let slug = Self.slug(candidate.label)
            labels[slug, default: 0] += 1
            named.id = "\(spec.service).\(operation.id).\(candidate.kind.rawValue).\(slug)\(labels[slug]! > 1 ? "-\(labels[slug]!)" : "")"
            cases.append((candidate.kind, named))
        }
        return cases
    }

    /// The case scenario of one candidate, or nil when the validator disagrees with what the
    /// candidate claims (a "valid" request with a request finding, a "broken" one without).
    func scenario(for candidate: CaseCandidate, of operation: ConformanceModel.Operation) -> Scenario? {
        var path: [String: String] = [:]
        for name in Self.pathParameters(of: operation) where name != "project_id" {
            path[name] = "{{\(candidate.pathVariables[name] ?? plan.variable(forParameter: name))}}"
        }
        var step = ScenarioStep("\(candidate.kind.rawValue): \(candidate.label)", operation: operation.id, path: path, query: candidate.query,
                                body: candidate.body.map(StepBody.json), expect: Self.successStatuses(of: operation))
        step.headers = candidate.headers
        step.anonymous = candidate.anonymous
        let uses = Self.placeholders(of: step)
        // A stateful break is well-formed in its headers too; its verdict is the body's and the query's.
        guard let verdict = check(step, operation: operation, headers: candidate.isAboutHeaders && candidate.stateful == nil) else { return nil }
        switch candidate.kind {
        case .positive, .boundary:
            guard verdict.isEmpty else { return nil }
        case .negative where candidate.stateful != nil:
            // Well-formed, so the validator must see nothing; the endpoint's resources refuse it.
            let broken = candidate.stateful!
            var statuses = operation.responses.map(\.status).filter { (400..<500).contains($0) }
            // Decision: an id that names nothing may be answered with the service's documented
            // not-found (EVS A.2 状态码 404, A.1 EVS.5404), which the docs give once for every
            // operation, not on each page (``FieldErrorCodes/danglingCodes(for:resource:in:)``).
            if let code = broken.codes.first, let status = spec.errorCodes.first(where: { $0.code == code })?.status, !statuses.contains(status) {
                statuses.append(status)
            }
            guard verdict.isEmpty, !statuses.isEmpty || spec.responseEnvelope != nil else { return nil }
            step.rejection = ExpectedRejection(statuses: statuses, preferredCodes: broken.codes, constraint: broken.constraint, citation: broken.citation)
            step.expect = Set(statuses)
        case .negative:
            var statuses = operation.responses.map(\.status).filter { (400..<500).contains($0) }
            // Decision: a request without credentials gets the service's documented
            // authentication refusal, which the docs give once for every operation (EVS A.2
            // 状态码 401/403, A.1 EVS.5401 "Authentication required."; Baidu 403 AccessDenied),
            // not on each operation's page.
            if candidate.anonymous {
                let refusals = Set((spec.statusCodes.map(\.status) + spec.errorCodes.map(\.status)).filter { $0 == 401 || $0 == 403 })
                if !refusals.isEmpty { statuses = refusals.sorted() }
            }
            // Decision: a negative case needs a documented way to refuse. ECS's resize page
            // documents only 200 and no error table, so no answer to a broken request could
            // be the documented one; its negative cases are not generated.
            guard let first = verdict.first, !statuses.isEmpty || spec.responseEnvelope != nil else { return nil }
            let pointer = first.pointer.isEmpty ? "" : "\(first.pointer): "
            step.rejection = ExpectedRejection(statuses: statuses, preferredCodes: FieldErrorCodes.codes(for: first, operation: operation.id, in: spec),
                                               constraint: "\(pointer)\(first.message)", citation: first.source)
            step.expect = Set(statuses)
        }
        step.requires = uses
        let fresh = candidate.kind == .negative && candidate.stateful?.fresh != true
            ? uses.filter { plan.recipe(for: $0)?.shared == false } : freshVariables(of: operation, uses: uses)
        // What the case's own steps create (a volume brought into a state) is the run's too.
        let created = candidate.before.compactMap { before -> String? in if case .create(let variable, _, _) = before.effect { variable } else { nil } }
        step.effect = effect(of: operation, uses: uses, fresh: fresh + created.filter(uses.contains), created: created)
        // Decision: a recipe that is not shared makes its resource per case (a transfer offer);
        // a positive or boundary case of its create operation makes one the same way, so it takes
        // the recipe's captures and cleanup, and the run withdraws what the case made.
        // Versions of one operation make the same resource (`CreateOsVolumeTransferV2`). The
        // case's resource takes the run's name, as the recipe's does (the safety rules ask it).
        if candidate.kind != .negative, let made = recipeCreate(of: operation) {
            step.captures = made.captures
            step.effect = made.effect
            if case .json(let body)? = step.body, case .json(let recipeBody)? = made.body {
                step.body = .json(Self.named(body, like: recipeBody))
            }
        }
        var steps: [ScenarioStep] = []
        for variable in fresh { steps += plan.recipe(for: variable)?.steps ?? [] }
        let preparation = (candidate.kind == .negative ? [] : plan.preparations[operation.id] ?? []) + candidate.before
        steps += preparation
        steps.append(step)
        return Scenario(id: "", service: spec.service, title: "\(operation.id) \(candidate.kind.rawValue): \(candidate.label)",
                        reach: reach(of: operation, uses: uses + preparation.flatMap(\.requires), effect: step.effect),
                        steps: steps, kind: candidate.kind, operation: operation.id)
    }

    /// The create step of a recipe that is not shared and that makes its resource with
    /// `operation` (or another version of it), nil when there is none.
    func recipeCreate(of operation: ConformanceModel.Operation) -> ScenarioStep? {
        let family = ConformanceModel.Operation.family(of: operation.id)
        for recipe in plan.recipes where !recipe.shared {
            for step in recipe.steps {
                if case .create(let variable, _, _) = step.effect, variable == recipe.variable, ConformanceModel.Operation.family(of: step.operation) == family { return step }
            }
        }
        return nil
    }

    /// `body` with every member that holds the run's name in `recipe` (`transfer.name`:
    /// `{{name}}-transfer`) set to the recipe's value, where `body` has the member's object.
    static func named(_ body: JSONValue, like recipe: JSONValue, at path: BodyPath = BodyPath()) -> JSONValue {
        switch recipe {
        case .string(let text) where text.contains("{{name}}"):
            return path.replacing(in: body, with: recipe)
        case .object(let members):
            return members.keys.sorted().reduce(body) { named($0, like: members[$1]!, at: path.appending(.member($1))) }
        default:
            return body
        }
    }

    /// The request findings of `step` built with sample ids (nil when it does not route to
    /// `operation`, or cannot be built): empty for a valid request.
    /// `headers`: the verdict is the header findings (the sample request carries no
    /// credentials, so only a case about headers may look at them).
    func check(_ step: ScenarioStep, operation: ConformanceModel.Operation, headers: Bool = false) -> [Finding]? {
        var samples: [String: String] = ["project_id": VerifyConfiguration.defaultProjectID, "run_id": "00000000", "name": "conformance-00000000"]
        for (index, variable) in Self.placeholders(of: step).enumerated() {
            samples[variable] = plan.samples[variable] ?? plan.mockFixtures[variable] ?? "6d6f636b-5e52-4000-8000-\(String(format: "%012d", index + 1))"
        }
        let builder = RequestBuilder(endpoint: URL(string: "http://generator.invalid")!, service: spec.service)
        guard let built = try? builder.build(step, operation: operation, variables: samples) else { return nil }
        let result = validator.validate(Exchange(request: built.request, response: nil))
        guard result.operationID == operation.id else { return nil }
        let locations: Set<Finding.Location> = headers ? [.requestHeader] : [.requestBody, .requestQuery, .requestPath]
        return result.findings.filter { finding in
            finding.severity == .error && locations.contains(finding.location)
        }
    }

    /// What the case's request does to resources, for the safety rules: a read; a change or a
    /// delete of a resource the run created (or the user named); or, when it would create
    /// something no cleanup step tracks or names an id only the mock has, a mock-only change.
    ///
    /// Decision: an operation whose id says `Create` and whose path names no resource of the
    /// run (`CreateSnapshot`, `DiskCreate`) makes a new resource the case could not delete
    /// again, so it runs on the embedded mock only; the recipes' own creates run everywhere.
    func effect(of operation: ConformanceModel.Operation, uses: [String], fresh: [String], created: [String] = []) -> StepEffect {
        if ReadOnlyOperations.isReadOnly(service: spec.service, operation: operation.id, method: operation.method) { return .read }
        let owned = uses.filter { variable in
            resources[variable] != nil || created.contains(variable) || (plan.recipe(for: variable)?.steps.contains { if case .create = $0.effect { true } else { false } } ?? false)
        }
        let inPath = Set(operation.parameters(in: .path).map { plan.variable(forParameter: $0.name) })
        if operation.id.contains("Create") && !owned.contains(where: inPath.contains) { return .mutateMockFixture }
        // The resource the safety rules check is one the run owns: a metadata key written on
        // the run's volume changes (or, deleted, still only changes) that volume.
        guard let target = fresh.last(where: owned.contains) ?? owned.last ?? fresh.last else { return .mutateMockFixture }
        if operation.method == "DELETE" {
            guard fresh.contains(target) else { return owned.contains(target) && !fresh.isEmpty ? .mutate(variable: target) : .mutateMockFixture }
            return .delete(variable: target)
        }
        return .mutate(variable: target)
    }

    func reach(of operation: ConformanceModel.Operation, uses: [String], effect: StepEffect) -> Scenario.Reach {
        if let missing = uses.first(where: { plan.mockFixtures[$0] != nil && resources[$0] == nil }) {
            return .embeddedMockOnly(reason: "no documented call creates \(missing); pass --resource \(missing)=ID")
        }
        if effect == .mutateMockFixture {
            return .embeddedMockOnly(reason: "\(operation.id) would create or change a resource no cleanup step tracks")
        }
        return .anyEndpoint
    }

    /// The `{names}` of the operation's path template, in order (the template is what the
    /// request is built from, whether or not the parameter table lists each one).
    static func pathParameters(of operation: ConformanceModel.Operation) -> [String] {
        operation.template.parameterNames
    }

    static func successStatuses(of operation: ConformanceModel.Operation) -> Set<Int> {
        let statuses = Set(operation.responses.map(\.status).filter { (200..<400).contains($0) })
        return statuses.isEmpty ? [200] : statuses
    }

    /// `volume-size-at-its-maximum-32768` from a label.
    static func slug(_ label: String) -> String {
        var slug = ""
        for character in label.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(80))
    }
}
