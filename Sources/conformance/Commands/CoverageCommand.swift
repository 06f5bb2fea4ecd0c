import ArgumentParser
import Conformance
import ConformanceSpecs
import Foundation

/// `conformance coverage`: which documented operations, status codes and error codes the
/// traffic exercised.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Report which documented operations, status codes and error codes the traffic exercised.",
        discussion: """
            Services reported: --service, or every service the traffic reached. Status codes are \
            the (operation, status) pairs the operations document; error codes are the service's \
            error-code table.

            --min-coverage applies to operation coverage, per reported service: each must reach \
            it. Exit codes: 0 fine; 1 below --min-coverage (or no service reached); 2 bad usage \
            or unreadable input.
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @OptionGroup var traffic: TrafficOptions

    @Option(name: .long, help: "Output format: text, json or html (one self-contained page with the operations and the findings).")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a reported service's operation coverage is below this percentage.", valueName: "pct"))
    var minCoverage: Double?

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage \(minCoverage): expected a percentage from 0 to 100")
        }
    }

    func run() throws {
        let specs = try traffic.specs()
        let validator = Validator(specs: specs, options: traffic.validatorOptions(strict: false))
        var coverage = Coverage(specs: specs, service: traffic.service.service)
        var unreadable = 0
        // The page lists every exchange with its findings; text and JSON need only the counts.
        var report = ValidationReport(keepsEveryExchange: true)
        try traffic.forEachRecord { record in
            switch record {
            case .exchange(let exchange):
                let result = validator.validate(exchange)
                coverage.record(result)
                if format == .html { report.add(result, of: exchange) }
            case .unreadable(let error):
                unreadable += 1
                if format == .html { report.addUnreadable(error) }
            }
        }
        switch format {
        case .text: Console.write(CoverageReport.text(coverage))
        case .json: Console.write(try CoverageReport.json(coverage))
        case .html: Console.write(HTMLReport.render(report, specs: specs.filter { traffic.service.includes($0.service) }, title: "conformance coverage"))
        }
        if unreadable > 0 {
            throw CommandFailure("\(unreadable) entr\(unreadable == 1 ? "y" : "ies") could not be read (listed above)")
        }
        if let minCoverage, !coverage.meets(minimum: minCoverage) {
            let below = coverage.services.filter { ($0.operations.percent ?? 100) < minCoverage }
                .map { "\($0.service) \($0.operations.percent.map { String($0) } ?? "–")%" }
            let detail = below.isEmpty ? "no service was reached" : below.joined(separator: ", ")
            throw CommandFailure("operation coverage below \(minCoverage)%: \(detail)", exitCode: 1)
        }
    }
}
