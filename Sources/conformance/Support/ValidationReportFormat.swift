import ArgumentParser
import Conformance
import ConformanceModel
import Foundation

/// `--format` of the commands that print a validation report (`validate`, `check`), and the one
/// way the report reaches standard output or `--output`.
enum ValidationReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit

    /// Renders `report` and prints it, or writes it atomically to `output`.
    func write(_ report: ValidationReport, to output: String?) throws {
        let text: String
        switch self {
        case .text:
            let colored = output == nil && TextReport.wantsColor(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment)
            text = TextReport(colored: colored).render(report)
        case .json: text = try JSONReport.render(report)
        case .junit: text = JUnitReport.render(report)
        }
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
