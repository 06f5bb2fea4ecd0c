import ArgumentParser
import Conformance
import ConformanceSpecs
import ConformanceModel
import Foundation

/// `conformance validate`: checks recorded traffic against the documented contract.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check recorded traffic (HAR or JSONL) against the documented operations.",
        discussion: """
            Every exchange is routed to a documented operation and its request and response are \
            checked; findings cite the document section they enforce. JSONL is streamed.

            Secrets (X-Auth-Token, Authorization, cookies, signature query parameters) are \
            replaced in every report; the curl replay under a failing exchange reads them from \
            environment variables ($X_AUTH_TOKEN).

            Exit codes: 0 no error finding; 1 error findings; 2 bad usage, an input that cannot \
            be read, or entries that could not be read (they are listed on standard error and \
            the rest is still validated).
            """
    )

    @OptionGroup var traffic: TrafficOptions

    @OptionGroup var reporting: ReportOptions

    @Flag(name: .long, help: "Check each exchange alone: no resource states followed across the traffic.")
    var stateless = false

    @Option(name: .long, help: ArgumentHelp("Read and check on this many threads (default: every core). States and the report still follow the input order, so results are the same for any number.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs \(jobs): needs at least 1") }
    }

    func run() throws {
        // Exchanges are checked in the order they are read, files in the order given, so that
        // resource states can be followed across them (state.* rules).
        // The validator captures what the machines read as it scans the bodies; the tracker
        // then follows states in input order on the calling thread.
        let specs = try traffic.specs()
        let machines = stateless ? [] : Rules.stateMachines
        let pipeline = ValidationPipeline(validator: Validator(specs: specs, options: traffic.validatorOptions(strict: reporting.strict), machines: machines), jobs: jobs)
        let tracker = StateTracker(machines: machines, specs: specs)
        var report = ValidationReport(keepsEveryExchange: reporting.keepsEveryExchange)
        for file in traffic.files { report.begin(file: file) }
        try traffic.forEachValidated(by: pipeline) { record, result in
            switch record {
            case .exchange(let exchange):
                // The result is read in place (`result!`, after the check), not bound: a binding
                // copies it, retaining what the lane that made it wrote, for every exchange.
                guard result != nil else { return }
                let states = tracker.observe(exchange, result: result!)
                report.add(exchange, service: result!.service, operation: result!.operationID, findings: states.isEmpty ? result!.findings : result!.findings + states)
            case .unreadable(let error):
                report.addUnreadable(error)
            }
        }
        try reporting.write(report, specs: specs)
        let summary = report.summary
        if summary.unreadable > 0 {
            throw CommandFailure("\(summary.unreadable) entr\(summary.unreadable == 1 ? "y" : "ies") could not be read (listed above); the rest was validated")
        }
        if summary.errors > 0 {
            throw CommandFailure("\(summary.errors) error finding\(summary.errors == 1 ? "" : "s") in \(summary.failed) of \(summary.exchanges) exchanges", exitCode: 1)
        }
    }
}
