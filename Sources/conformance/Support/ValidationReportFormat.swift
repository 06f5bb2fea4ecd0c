import ArgumentParser
import Conformance
import ConformanceModel
import Foundation

/// The report flags of the commands that print a validation report (`validate`, `check`).
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "Report format: text, json, junit or html (one self-contained page).")
    var format: ValidationReportFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report here (atomically) instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Unknown fields are errors, not warnings.")
    var strict = false

    /// Whether the report must keep every exchange (JUnit lists each, HTML counts each).
    var keepsEveryExchange: Bool { format == .junit || format == .html }

    /// Renders `report` in `--format` and prints it or writes it to `--output`; `specs` give
    /// the HTML page its coverage bars.
    func write(_ report: ValidationReport, specs: [ServiceSpec] = []) throws {
        try format.write(report, to: output, specs: specs)
    }
}

/// `--format` of a validation report.
enum ValidationReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit, html

    /// Renders `report` and prints it, or writes it atomically to `output`.
    func write(_ report: ValidationReport, to output: String?, specs: [ServiceSpec] = []) throws {
        let text: String
        switch self {
        case .text:
            text = TextReport(colored: ReportOutput.wantsColor(output)).render(report)
        case .json: text = try JSONReport.render(report)
        case .junit: text = JUnitReport.render(report)
        case .html: text = HTMLReport.render(report, specs: specs)
        }
        try ReportOutput.write(text, to: output)
    }
}

/// The one way a report reaches standard output or `--output`.
enum ReportOutput {
    /// Colour only on a terminal, and never into a file.
    static func wantsColor(_ output: String?) -> Bool {
        output == nil && TextReport.wantsColor(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// Prints `text`, or writes it atomically to `output` and says so on standard error.
    static func write(_ text: String, to output: String?) throws {
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                throw CommandFailure("\(output): cannot write the report (\(error.localizedDescription))")
            }
            Console.progress("wrote \(output)")
        } else {
            Console.write(text)
        }
    }
}
