import ArgumentParser
import ConformanceServer
import Foundation

/// `conformance mock`: the embedded stateful mock vendor endpoint.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Serve a stateful mock of the documented services on 127.0.0.1.",
        discussion: """
            All services on one port, routed by path (or only --service). Huawei creates answer 202 and a \
            job, Cinder creates (EVS chapter 8, /v2 and /v3) the volume; one store serves both route \
            families; volumes move creating → available after --delay seconds; documented preconditions answer \
            their documented error codes; requests that break the spec get the service's documented \
            bad-request error. Huawei accepts any non-empty X-Auth-Token (only --token's, when given; \
            another token gets 401 APIGW.0301) or an SDK-HMAC-SHA256 signature \
            made with --access-key/--secret-key; Baidu a bce-auth-v1 signature with the same keys.

            --faults makes it misbehave on purpose: a comma-separated list of wrong-types, \
            missing-fields, undocumented-codes, illegal-transitions (or all), with rate=R (0..1, \
            share of responses spoiled, default 1) and seed=N. Stops cleanly on SIGINT/SIGTERM.

            --record writes every exchange with secrets redacted as it happens: HAR 1.2 (a whole \
            document after every write, at most half a second behind), or JSONL for a .jsonl path. \
            A refused signature gets the client one fixed text; the reason is printed here. \
            Connections idle past --idle-timeout are closed; a request whose head or body is too \
            slow gets 408; past --max-connections, 503.
            """
    )

    @Option(name: .long, help: ArgumentHelp("Serve only this service (huawei-evs, huawei-ecs, tencent-cbs, baidu-bcc).", valueName: "id"))
    var service: String?

    @Option(name: .long, help: "Port on 127.0.0.1 (0: any free port).")
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("Record every exchange, secrets redacted: HAR 1.2, or JSONL for a .jsonl path.", valueName: "path"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("Misbehave on purpose, e.g. wrong-types,undocumented-codes,rate=0.2.", valueName: "spec"))
    var faults: String = ""

    @Option(name: .customLong("access-key"), help: "Access key accepted for signatures.")
    var accessKey: String = MockConfiguration.defaultAccessKey

    @Option(name: .customLong("secret-key"), help: "Secret key signatures are verified with.")
    var secretKey: String = MockConfiguration.defaultSecretKey

    @Option(name: .long, help: ArgumentHelp("Accept only this X-Auth-Token (default: any non-empty token).", valueName: "token"))
    var token: String?

    @Option(name: .long, help: "Seconds a resource stays in its transitional state.")
    var delay: Double = 0.2

    @Flag(name: .customLong("no-request-validation"), help: "Do not answer requests that break the spec with an error.")
    var noRequestValidation = false

    @OptionGroup var serving: ServingOptions

    func run() async throws {
        let known = ["huawei-evs", "huawei-ecs", "tencent-cbs", "baidu-bcc"]
        if let service, !known.contains(service) {
            throw CommandFailure("--service \(service): unknown service (expected one of \(known.joined(separator: ", ")))")
        }
        guard (0...65535).contains(port) else { throw CommandFailure("--port \(port): expected 0...65535") }
        guard delay >= 0, delay.isFinite, delay <= 3600 else { throw CommandFailure("--delay \(delay): expected 0...3600 seconds") }
        if let token, token.trimmingCharacters(in: .whitespaces).isEmpty { throw CommandFailure("--token: expected a non-empty token") }
        let parsedFaults: MockFaults
        do {
            parsedFaults = try MockFaults(parsing: faults)
        } catch {
            throw CommandFailure(error.description)
        }
        let configuration = MockConfiguration(
            services: service.map { [$0] } ?? [], port: port, accessKey: accessKey, secretKey: secretKey, token: token,
            settleDelay: .milliseconds(Int64(delay * 1000)), faults: parsedFaults, recordPath: record,
            validateRequests: !noRequestValidation, limits: serving.limits,
            onSignatureRejected: { Console.progress("conformance mock: refused a signature (\($0))") }
        )
        let mock = MockVendorEndpoint(configuration: configuration)
        let banner = """
            conformance mock: serving \(mock.engine.serviceIDs.joined(separator: ", ")) on http://127.0.0.1:%PORT%
              Huawei: X-Auth-Token: \(token == nil ? "<any non-empty token>" : "<the --token value only>"), or SDK-HMAC-SHA256 with AK \(accessKey) / SK \(secretKey == MockConfiguration.defaultSecretKey ? secretKey : "<as given>")
              Baidu:  bce-auth-v1 with the same keys; Tencent gateway: no authentication
              faults: \(parsedFaults.isEmpty ? "none" : faults)\(record.map { "; recording to \($0)" } ?? "")
              Ctrl-C (SIGINT) or SIGTERM stops it.

            """
        do {
            try await mock.runUntilSignalled { url in
                Console.write(banner.replacingOccurrences(of: "http://127.0.0.1:%PORT%", with: url.absoluteString))
            }
        } catch let error as MockStartError {
            throw CommandFailure("conformance mock: \(error)")
        } catch {
            throw CommandFailure("cannot serve on 127.0.0.1:\(port): \(error)")
        }
        let recording = mock.engine.recordingStatus
        if let problem = recording.error { throw CommandFailure("conformance mock: the recording is incomplete: \(problem)") }
        Console.write("conformance mock: stopped\(record.map { "; \(recording.count) exchanges recorded in \($0)" } ?? "")\n")
    }
}
