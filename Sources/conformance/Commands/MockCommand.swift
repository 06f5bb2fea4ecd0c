import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceServer
import ConformanceSpecs
import Foundation

/// `conformance mock`: the embedded stateful mock vendor endpoint.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Serve a stateful mock of the documented services (on 127.0.0.1 unless --host says otherwise).",
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

            Each request is logged on standard error in one line (time, method, path, status, \
            operation, findings of the exchange); --quiet drops the log. --host 0.0.0.0 serves \
            other machines too (a CI service container). --spec PATH serves a spec.json (from \
            `extract --doc --output`) in place of the compiled spec of its service, or beside them.
            """
    )

    @OptionGroup var service: ServiceOption

    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("Address to bind: 127.0.0.1 (loopback only), 0.0.0.0 or :: for every interface, or one address.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "No line per request on standard error.")
    var quiet = false

    @OptionGroup var specFiles: SpecOptions

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
        let specs = try specFiles.resolve(service)
        guard !host.isEmpty, !host.contains("/"), !host.contains(" ") else { throw CommandFailure("--host \(host): expected an address such as 127.0.0.1 or 0.0.0.0") }
        guard (0...65535).contains(port) else { throw CommandFailure("--port \(port): expected 0...65535") }
        guard delay >= 0, delay.isFinite, delay <= 3600 else { throw CommandFailure("--delay \(delay): expected 0...3600 seconds") }
        if let token, token.trimmingCharacters(in: .whitespaces).isEmpty { throw CommandFailure("--token: expected a non-empty token") }
        let parsedFaults: MockFaults
        do {
            parsedFaults = try MockFaults(parsing: faults)
        } catch {
            throw CommandFailure(error.description)
        }
        var configuration = MockConfiguration(
            services: service.service.map { [$0] } ?? [], port: port, accessKey: accessKey, secretKey: secretKey, token: token,
            settleDelay: .milliseconds(Int64(delay * 1000)), faults: parsedFaults, recordPath: record,
            validateRequests: !noRequestValidation, limits: serving.limits,
            onSignatureRejected: { Console.progress("conformance mock: refused a signature (\($0))") }
        )
        configuration.host = host
        configuration.specs = specs
        if !quiet {
            let log = RequestLog(validator: Validator(specs: specs))
            configuration.onExchange = { log.write($0) }
        }
        let mock = MockVendorEndpoint(configuration: configuration)
        let banner = """
            conformance mock: serving \(mock.engine.serviceIDs.joined(separator: ", ")) on http://%HOST%:%PORT%
              Huawei: X-Auth-Token: \(token == nil ? "<any non-empty token>" : "<the --token value only>"), or SDK-HMAC-SHA256 with AK \(accessKey) / SK \(secretKey == MockConfiguration.defaultSecretKey ? secretKey : "<as given>")
              Baidu:  bce-auth-v1 with the same keys; Tencent gateway: no authentication
              faults: \(parsedFaults.isEmpty ? "none" : faults)\(record.map { "; recording to \($0)" } ?? "")
              Ctrl-C (SIGINT) or SIGTERM stops it.

            """
        do {
            try await mock.runUntilSignalled { url in
                Console.write(banner.replacingOccurrences(of: "http://%HOST%:%PORT%", with: url.absoluteString))
            }
        } catch let error as MockStartError {
            throw CommandFailure("conformance mock: \(error)")
        } catch {
            throw CommandFailure(Self.bindFailure(host: host, port: port, error))
        }
        let recording = mock.engine.recordingStatus
        if let problem = recording.error { throw CommandFailure("conformance mock: the recording is incomplete: \(problem)") }
        Console.write("conformance mock: stopped\(record.map { "; \(recording.count) exchanges recorded in \($0)" } ?? "")\(Self.heldBack(recording.waits))\n")
    }

    /// What a recording that could not keep up cost: requests waited for the writer (its
    /// queue was full) rather than the recording losing exchanges (`RecordingQueue`).
    static func heldBack(_ waits: Int) -> String {
        waits == 0 ? "" : "; requests waited \(waits) time\(waits == 1 ? "" : "s") for the recording to catch up (the disk or the writer was slower than the traffic)"
    }

    /// A failure to listen, in plain words: NIO's `bind(descriptor:ptr:bytes:): Address already
    /// in use (errno: 98)` becomes what to do about it.
    static func bindFailure(host: String, port: Int, _ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("errno: 98") {
            return "cannot serve on \(host):\(port): the port is taken by another program; choose another with --port, or --port 0 for any free port"
        }
        if text.contains("Cannot assign requested address") || text.contains("errno: 99") {
            return "cannot serve on \(host):\(port): no interface of this machine has that address; use 127.0.0.1, 0.0.0.0 or one of its addresses"
        }
        if text.contains("Permission denied") || text.contains("errno: 13") {
            return "cannot serve on \(host):\(port): permission denied (ports below 1024 need privileges); choose a port above 1023"
        }
        return "cannot serve on \(host):\(port): \(text)"
    }
}
