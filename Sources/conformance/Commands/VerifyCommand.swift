import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceServer
import ConformanceSpecs
import Foundation

/// `conformance verify`: runs the documented scenarios against an endpoint (the embedded mock
/// when none is given) and validates every exchange.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run the documented scenarios against an endpoint and validate every exchange.",
        discussion: """
            Without --endpoint, starts the embedded mock on 127.0.0.1 and runs every scenario \
            (the run owns the mock, so mutations are allowed). Against a live --endpoint only \
            read-only scenarios run unless --allow-mutations is given; then the life cycles \
            create resources named conformance-<run id>-…, touch only what they created, and \
            delete it again, also when a step fails or the run is interrupted (Ctrl-C: cleanup \
            runs, then exit 130; a second Ctrl-C exits at once).

            Credentials against --endpoint come from the environment the vendors' SDKs read: \
            HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or X_AUTH_TOKEN) and \
            HUAWEICLOUD_SDK_PROJECT_ID for Huawei, BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY for \
            Baidu (the flags still work, but show in `ps`). A run that would need them and has \
            none is refused (exit 2) rather than reporting its own unauthenticated requests. \
            Skipped steps are listed with their reasons under the summary (JUnit: system-out).

            Exit codes: 0 every scenario passed and no error finding; 1 a scenario failed, an \
            error finding, or a resource could not be cleaned up; 2 bad usage; 130 interrupted.
            """
    )

    /// The report formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, junit, html
    }

    @Option(name: .long, help: ArgumentHelp("The endpoint's base URL (default: the embedded mock, started for the run).", valueName: "url"))
    var endpoint: String?

    @OptionGroup var service: ServiceOption

    @Option(name: .customLong("scenario"), help: ArgumentHelp("Only this scenario (repeatable); see --list.", valueName: "id"))
    var scenarios: [String] = []

    @Flag(name: .long, help: "Allow scenarios that create, change and delete resources (always allowed against the embedded mock).")
    var allowMutations = false

    @Option(name: .long, help: ArgumentHelp("Record the run's traffic, secrets redacted: HAR, or JSONL for a .jsonl path.", valueName: "path"))
    var record: String?

    @Option(name: .long, help: "Report format: text, junit or html (one self-contained page).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Write the report here (atomically) instead of standard output.", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Access key for AK/SK signing (Huawei SDK-HMAC-SHA256, Baidu bce-auth-v1); against --endpoint, prefer HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK or BCE_ACCESS_KEY_ID/BCE_SECRET_ACCESS_KEY in the environment.", valueName: "ak"))
    var accessKey: String?

    @Option(name: .long, help: ArgumentHelp("Secret key for AK/SK signing.", valueName: "sk"))
    var secretKey: String?

    @Option(name: .long, help: ArgumentHelp("IAM token for Huawei's X-Auth-Token; prefer X_AUTH_TOKEN in the environment.", valueName: "token"))
    var token: String?

    @Option(name: .long, help: ArgumentHelp("The project id in Huawei paths (default: HUAWEICLOUD_SDK_PROJECT_ID; a fixed id for the embedded mock).", valueName: "id"))
    var projectID: String?

    @Option(name: .long, help: ArgumentHelp("Faults for the embedded mock (wrong-types, missing-fields, undocumented-codes, illegal-transitions, all; rate=R (default 0.3 here), seed=N).", valueName: "spec"))
    var faults: String?

    @Option(name: .long, help: ArgumentHelp("Seconds one request may take.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a resource to settle.", valueName: "seconds"))
    var waitTimeout: Double?

    @Flag(name: .long, help: "List the scenarios and the generated cases, and exit.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("Seeds the choice of generated cases: the same seed gives the same cases.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("At most this many generated cases per operation (0: all; default \(CaseSelection.defaultMaxCasesPerOperation)).", valueName: "n"))
    var maxCasesPerOperation: Int = CaseSelection.defaultMaxCasesPerOperation

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Generate cases only for operations matching this glob, OperationId or service/OperationId (repeatable).", valueName: "glob"))
    var operations: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Generate only these kinds of cases: positive, boundary, negative (repeatable).", valueName: "kind"))
    var include: [CaseKind] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Do not generate these kinds of cases (repeatable).", valueName: "kind"))
    var exclude: [CaseKind] = []

    @Flag(name: .long, help: "Run only the hand-written scenarios, no generated cases.")
    var noCases = false

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("An id the run may use for a resource no documented call creates, or instead of creating one: volume_id=ID, server_id=ID (repeatable). Changed only with --allow-mutations, never deleted.", valueName: "name=id"))
    var resource: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write failed generated cases here as JSON Lines (default: conformance-verify-failures.jsonl, when a case fails).", valueName: "path"))
    var failures: String?

    @Option(name: .long, help: ArgumentHelp("Run the cases of a failed-case log again (instead of the scenarios and the generated cases).", valueName: "path"))
    var replay: String?

    func validate() throws {
        try service.check(in: Specs.serviceIDs)
        for id in scenarios where ScenarioCatalog.scenario(id) == nil {
            throw ValidationError("--scenario \(id): no such scenario; known: \(ScenarioCatalog.all.map(\.id).joined(separator: ", "))")
        }
        if let endpoint {
            guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                throw ValidationError("--endpoint \(endpoint): expected an http:// or https:// URL")
            }
            if faults != nil { throw ValidationError("--faults applies to the embedded mock only; drop --endpoint or --faults") }
        }
        if (accessKey == nil) != (secretKey == nil) { throw ValidationError("--access-key and --secret-key go together") }
        if token != nil && accessKey != nil { throw ValidationError("use either --token or --access-key/--secret-key") }
        if !(timeout > 0) { throw ValidationError("--timeout must be positive") }
        if let waitTimeout, !(waitTimeout > 0) { throw ValidationError("--wait-timeout must be positive") }
        if maxCasesPerOperation < 0 { throw ValidationError("--max-cases-per-operation must be 0 (all) or more") }
        _ = try resources()
    }

    /// `--resource name=id` as a dictionary; `volume=ID` also names `volume_id`.
    func resources() throws -> [String: String] {
        var named: [String: String] = [:]
        for item in resource {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex, item.index(after: equals) != item.endIndex else {
                throw ValidationError("--resource \(item): expected name=id, e.g. volume_id=0b3c…")
            }
            let name = String(item[..<equals])
            let id = String(item[item.index(after: equals)...])
            named[name] = id
            if !name.hasSuffix("_id") && !name.hasSuffix("Id") { named[name + "_id"] = id }
        }
        return named
    }

    /// What the run generates, from the case flags.
    var selection: CaseSelection {
        var kinds = include.isEmpty ? Set(CaseKind.allCases) : Set(include)
        kinds.subtract(exclude)
        return CaseSelection(seed: seed, maxCasesPerOperation: maxCasesPerOperation == 0 ? nil : maxCasesPerOperation, operations: operations, kinds: kinds)
    }

    /// The scenarios to run: a failed-case log, or the hand-written scenarios and the generated cases.
    func catalog() throws -> [Scenario] {
        if let replay {
            do {
                return try FailedCaseLog.scenarios(at: replay)
            } catch {
                throw CommandFailure("--replay \(error)", exitCode: 2)
            }
        }
        let generated = noCases || (!self.scenarios.isEmpty && operations.isEmpty) ? [] : CaseGenerator.all(selection: selection, resources: try resources(), service: service.service)
        let scenarios = operations.isEmpty || !self.scenarios.isEmpty ? ScenarioCatalog.all : []
        return scenarios + generated
    }

    func run() async throws {
        CompiledSpecsCheck.noteIfStale(services: Specs.serviceIDs.filter(service.includes))
        let catalog = try self.catalog()
        if list {
            for scenario in catalog {
                var notes: [String] = []
                if scenario.mutates { notes.append("mutates") }
                if case .embeddedMockOnly = scenario.reach { notes.append("embedded mock only") }
                if let kind = scenario.kind { notes.append(kind.rawValue) }
                Console.write("\(scenario.id)  \(scenario.title)\(notes.isEmpty ? "" : " [\(notes.joined(separator: ", "))]")\n")
            }
            return
        }
        let faults: MockFaults
        do {
            // Decision: verify spoils three answers in ten unless --faults names a rate. Spoiling
            // every answer would stop each chain at its first create, so the faults that need a
            // resource to live (illegal transitions) would never show.
            faults = try self.faults.map { try MockFaults(parsing: $0.contains("rate=") ? $0 : $0 + ",rate=0.3") } ?? .none
        } catch {
            throw CommandFailure("--faults: \(error)")
        }
        var mock: MockVendorEndpoint?
        var configuration: VerifyConfiguration
        if let endpoint, let url = URL(string: endpoint) {
            let live = try LiveCredentials.resolve(services: liveServices, flags: credentials, projectID: projectID, environment: ProcessInfo.processInfo.environment)
            configuration = VerifyConfiguration(endpoint: url, service: service.service, scenarios: scenarios, allowMutations: allowMutations, credentials: live.credentials, projectID: live.projectID ?? VerifyConfiguration.defaultProjectID)
        } else {
            // The run owns this mock: mutations are allowed, resources settle quickly. Keys given
            // on the command line are the mock's keys, so that a signed run can be tried out
            // locally before it goes to a real endpoint.
            var mockConfiguration = MockConfiguration(settleDelay: .milliseconds(100), faults: faults)
            if case .accessKey(let id, let secret) = credentials {
                mockConfiguration.accessKey = id
                mockConfiguration.secretKey = secret
            }
            let endpoint = MockVendorEndpoint(configuration: mockConfiguration)
            let url: URL
            do {
                url = try await endpoint.start()
            } catch {
                throw CommandFailure("cannot start the embedded mock: \(error)")
            }
            mock = endpoint
            Console.progress("embedded mock at \(url)\(faults.isEmpty ? "" : " with faults \(self.faults ?? "")")")
            let keys = credentials == .none ? Credentials.accessKey(id: MockConfiguration.defaultAccessKey, secret: MockConfiguration.defaultSecretKey) : credentials
            configuration = VerifyConfiguration(endpoint: url, ownsEndpoint: true, service: service.service, scenarios: scenarios, allowMutations: true, credentials: keys, projectID: projectID ?? VerifyConfiguration.defaultProjectID, pollInterval: .milliseconds(50), waitTimeout: .seconds(10))
        }
        configuration.requestTimeout = .milliseconds(Int64(timeout * 1000))
        if let waitTimeout { configuration.waitTimeout = .milliseconds(Int64(waitTimeout * 1000)) }
        Console.progress("run \(configuration.runID) against \(configuration.endpoint.absoluteString)\(configuration.allowMutations || configuration.ownsEndpoint ? "" : " (read-only; --allow-mutations for the life cycles)")")

        let client = UpstreamClient()
        let runner = VerifyRunner(configuration: configuration, transport: client, recordPath: record, keepsEveryExchange: format != .text,
                                  resources: try resources(), failuresPath: failures ?? "conformance-verify-failures.jsonl", progress: { Console.progress($0) })
        let task = Task { await runner.run(catalog) }
        let interrupt = InterruptHandler {
            Console.progress("conformance: interrupted; deleting what this run created… (Ctrl-C again to exit at once)")
            task.cancel()
        }
        let outcome = await task.value
        interrupt.cancel()
        await client.shutdown()
        if let mock { await mock.stop() }

        let text: String
        switch format {
        case .text:
            text = TextReport(colored: ReportOutput.wantsColor(output)).render(outcome.report) + "\n" + SummaryTable.render(outcome)
        case .junit:
            text = VerifyJUnit.render(outcome)
        case .html:
            text = HTMLReport.render(outcome.report, specs: Specs.all, title: "conformance verify (run \(outcome.runID))", preformatted: SummaryTable.render(outcome))
        }
        try ReportOutput.write(text, to: output)
        if output != nil && format != .text { Console.progress(SummaryTable.render(outcome)) }
        if let record { Console.progress("recorded \(record)") }
        if outcome.interrupted { throw CommandFailure("interrupted; cleanup ran", exitCode: 130) }
        if !outcome.passed {
            let failed = outcome.scenarios.filter { $0.skipped == nil && !$0.passed }.count
            throw CommandFailure("\(failed) scenario\(failed == 1 ? "" : "s") failed, \(outcome.report.summary.errors) error finding\(outcome.report.summary.errors == 1 ? "" : "s")\(outcome.leftBehind.isEmpty ? "" : ", \(outcome.leftBehind.count) resources left behind")", exitCode: 1)
        }
    }

    /// The specs of the services whose scenarios would run against a live endpoint.
    var liveServices: [ServiceSpec] {
        let ids = Set(ScenarioCatalog.all.filter { scenario in
            guard case .anyEndpoint = scenario.reach else { return false }
            return service.includes(scenario.service) && (scenarios.isEmpty || scenarios.contains(scenario.id))
        }.map(\.service))
        return Specs.all.filter { ids.contains($0.service) }
    }

    var credentials: Credentials {
        if let token { return .token(token) }
        if let accessKey, let secretKey { return .accessKey(id: accessKey, secret: secretKey) }
        return .none
    }
}

extension CaseKind: ExpressibleByArgument {}
