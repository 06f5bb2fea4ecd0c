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
            one finding object per line); --record writes redacted HAR, rewritten atomically \
            while traffic flows. The proxy sets Host to the upstream's, so AK/SK clients must \
            sign for the upstream host. Upstream failures are answered 502 with the reason. \
            Ctrl-C stops it and prints a summary.

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

    @Option(name: .long, help: ArgumentHelp("Record the traffic as HAR (secrets redacted).", valueName: "path"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("Validate against this service only.", valueName: "id"))
    var service: String?

    @Option(name: .long, help: "How findings are printed: text or json (one finding per line).")
    var format: Format = .text

    func validate() throws {
        guard let url = URL(string: upstream), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--upstream \(upstream): expected an http:// or https:// URL")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
        let known = Specs.all.map(\.service)
        if let service, !known.contains(service) {
            throw ValidationError("--service \(service): no such service; known: \(known.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let summary = Mutex(ValidationReport())
        let printer = ProxyPrinter(format: format, colored: TextReport.wantsColor(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment))
        let proxy = ValidatingProxy(configuration: ProxyConfiguration(upstream: URL(string: upstream)!, port: port, recordPath: record, service: service)) { event in
            switch event {
            case .validated(let exchange, let result):
                summary.withLock { $0.add(result, of: exchange) }
                printer.print(exchange, result)
            case .upstreamFailed(let request, let reason):
                Console.progress("conformance proxy: 502 for \(request.method) \(Redaction.url(request.url)): upstream failed (\(reason))")
            }
        }
        let upstream = self.upstream
        let record = self.record
        do {
            try await proxy.runUntilSignalled { bound in
                Console.progress("proxying http://127.0.0.1:\(bound) → \(upstream)\(record.map { ", recording to \($0)" } ?? "") (Ctrl-C to stop)")
            }
        } catch {
            await proxy.stop()
            throw CommandFailure("cannot serve on 127.0.0.1:\(port): \(error)")
        }
        await proxy.stop()
        let report = summary.withLock { $0 }
        let counts = report.summary
        Console.progress("\(counts.exchanges) exchanges: \(counts.errors) errors, \(counts.warnings) warnings, \(counts.unmatched) unmatched")
        if let record { Console.progress("recorded \(record)") }
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
