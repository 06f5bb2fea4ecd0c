import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceServer
import ConformanceSpecs
import Foundation
import Synchronization

/// `conformance proxy`: forwards traffic to a real endpoint and validates every exchange as it
/// passes.
struct ProxyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proxy",
        abstract: "Forward traffic to an endpoint and validate every exchange as it passes.",
        discussion: """
            Point a client at http://127.0.0.1:PORT instead of the endpoint. Each failing \
            exchange is printed as it happens (text: a block like the validate report; json: \
            one finding object per line), secrets redacted; --record writes the traffic, redacted, \
            as it happens (HAR, or JSONL for a .jsonl path). The proxy sets Host to the \
            upstream's, so AK/SK clients must sign for the upstream host. Up to \
            --max-upstream-connections requests go upstream at once; each must connect within \
            --connect-timeout, get its response head within --request-timeout and its whole body \
            within --response-timeout, or the client gets 502 with one plain-text reason \
            (refused, timed out, reset, too large, TLS, unresolvable). Ctrl-C stops it and prints \
            a summary.

            Exit codes: 0 no error finding; 1 error findings seen; 2 bad usage or the port is taken.
            """
    )

    /// How findings are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: ArgumentHelp("The endpoint to forward to (http:// or https://).", valueName: "url"))
    var upstream: String

    @Option(name: .long, help: ArgumentHelp("The port to listen on, on 127.0.0.1 (0: any free port).", valueName: "n"))
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("Record the traffic, secrets redacted: HAR, or JSONL for a .jsonl path.", valueName: "path"))
    var record: String?

    @OptionGroup var service: ServiceOption

    @Option(name: .long, help: "How findings are printed: text or json (one finding per line).")
    var format: Format = .text

    @Option(name: .customLong("max-upstream-connections"), help: ArgumentHelp("Connections to the upstream at once.", valueName: "n"))
    var maxUpstreamConnections: Int = 256

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds to connect to the upstream.", valueName: "seconds"))
    var connectTimeout: Double = 5

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds until the upstream's response head.", valueName: "seconds"))
    var requestTimeout: Double = 60

    @Option(name: .customLong("response-timeout"), help: ArgumentHelp("Seconds until the upstream's whole response, body included.", valueName: "seconds"))
    var responseTimeout: Double = 120

    @OptionGroup var serving: ServingOptions

    func validate() throws {
        guard let url = URL(string: upstream), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--upstream \(upstream): expected an http:// or https:// URL")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
        try service.check(in: Specs.serviceIDs)
        guard (1...100_000).contains(maxUpstreamConnections) else { throw ValidationError("--max-upstream-connections \(maxUpstreamConnections): expected 1 to 100000") }
        for (flag, value) in [("--connect-timeout", connectTimeout), ("--request-timeout", requestTimeout), ("--response-timeout", responseTimeout)] {
            guard value > 0, value <= 86_400 else { throw ValidationError("\(flag) \(value): expected 0 < seconds ≤ 86400") }
        }
        if responseTimeout < requestTimeout { throw ValidationError("--response-timeout \(responseTimeout) is shorter than --request-timeout \(requestTimeout)") }
    }

    func run() async throws {
        CompiledSpecsCheck.noteIfStale(services: Specs.serviceIDs.filter(service.includes))
        let summary = Mutex(ValidationReport())
        let printer = ProxyPrinter(format: format, colored: TextReport.wantsColor(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment))
        let timeouts = UpstreamClient.Timeouts(connect: .seconds(connectTimeout), request: .seconds(requestTimeout), response: .seconds(responseTimeout), maximumConnections: maxUpstreamConnections)
        let configuration = ProxyConfiguration(upstream: URL(string: upstream)!, port: port, recordPath: record, service: service.service, upstreamTimeouts: timeouts, limits: serving.limits)
        let proxy = ValidatingProxy(configuration: configuration) { event in
            switch event {
            case .validated(let exchange, let result):
                summary.withLock { $0.add(result, of: exchange) }
                printer.print(exchange, result)
            case .upstreamFailed(let request, let failure):
                Console.progress("conformance proxy: 502 for \(request.method) \(Redaction.url(request.url)): \(failure.reason)")
            }
        }
        let upstream = self.upstream
        let record = self.record
        do {
            try await proxy.runUntilSignalled { bound in
                Console.progress("proxying http://127.0.0.1:\(bound) → \(upstream)\(record.map { ", recording to \($0)" } ?? "") (Ctrl-C to stop)")
            }
        } catch let error as ProxyStartError {
            await proxy.stop()
            throw CommandFailure("conformance proxy: \(error)")
        } catch {
            await proxy.stop()
            throw CommandFailure("cannot serve on 127.0.0.1:\(port): \(error)")
        }
        await proxy.stop()
        let report = summary.withLock { $0 }
        let counts = report.summary
        Console.progress("\(counts.exchanges) exchanges: \(counts.errors) errors, \(counts.warnings) warnings, \(counts.unmatched) unmatched")
        if let record {
            let recording = proxy.recordingStatus
            if let problem = recording.error { throw CommandFailure("conformance proxy: the recording is incomplete: \(problem)") }
            Console.progress("recorded \(recording.count) exchanges in \(record)\(MockCommand.heldBack(recording.waits))")
        }
        if report.summary.errors > 0 {
            throw CommandFailure("\(report.summary.errors) error finding\(report.summary.errors == 1 ? "" : "s") in \(report.summary.failed) of \(report.summary.exchanges) exchanges", exitCode: 1)
        }
    }
}

/// Prints one block per exchange with findings as it passes: the text report's block, or one
/// JSON finding per line.
struct ProxyPrinter: Sendable {
    let format: ProxyCommand.Format
    let colored: Bool

    func print(_ exchange: Exchange, _ result: ExchangeResult) {
        guard !result.findings.isEmpty else { return }
        switch format {
        case .text:
            var single = ValidationReport()
            single.add(result, of: exchange)
            let rendered = TextReport(colored: colored).render(single)
            // The per-exchange block without the one-exchange summary line.
            let block = rendered.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
            Console.write(block + "\n")
        case .json:
            let redaction = Redaction(exchange: exchange)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var lines = ""
            for finding in result.findings {
                if let data = try? encoder.encode(redaction.scrub(finding)) { lines += String(decoding: data, as: UTF8.self) + "\n" }
            }
            Console.write(lines)
        }
    }
}
