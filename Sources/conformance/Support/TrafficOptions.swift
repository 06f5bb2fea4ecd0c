import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// The traffic inputs, the specs and the routing flags `validate` and `coverage` share.
struct TrafficOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Traffic files: .har (HAR 1.2), .jsonl or .ndjson (one exchange per line), or - for standard input (format sniffed).", valueName: "file"))
    var files: [String]

    @OptionGroup var service: ServiceOption

    @OptionGroup var specFiles: SpecOptions

    @Option(name: .long, help: ArgumentHelp("Route a host's traffic to one service, e.g. evs.cn-north-4.myhuaweicloud.com=huawei-evs (repeatable).", valueName: "host=service"))
    var host: [String] = []

    func validate() throws {
        for entry in host {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--host \(entry): expected HOST=SERVICE")
            }
        }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    /// The specs to validate with: the compiled ones and the `--spec` files; `--service` and
    /// `--host` are checked against them.
    func specs() throws -> [ServiceSpec] {
        let specs = try specFiles.resolve(service)
        let known = specs.map(\.service)
        for entry in host {
            let id = String(entry.split(separator: "=", maxSplits: 1).last ?? "")
            guard known.contains(id) else {
                throw CommandFailure("--host \(entry): no such service \(id); known: \(known.joined(separator: ", "))")
            }
        }
        return specs
    }

    func validatorOptions(strict: Bool) -> ValidatorOptions {
        var hosts: [String: String] = [:]
        for entry in host {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { hosts[parts[0].lowercased()] = parts[1] }
        }
        return ValidatorOptions(service: service.service, hosts: hosts, strict: strict)
    }

    /// Reads every input in order and hands each record over. An input that cannot be read as
    /// a whole (missing, not HAR, truncated HAR) stops the run with exit 2; a broken entry is
    /// printed on standard error, handed over as `.unreadable`, and reading goes on.
    ///
    /// An input in which no entry at all is an exchange is no traffic (a golden body, a README):
    /// it stops the run with one line instead of one per line of the file (``NotTraffic``). To
    /// tell, the broken entries of an input are held back until its first exchange.
    func forEachRecord(_ body: (TrafficRecord) -> Void) throws {
        try forEachInput { units, gate in
            while let unit = units.next() {
                unit.forEachRecord { record in
                    gate.pass(record, nil) { record, _ in body(record) }
                }
            }
        }
    }

    /// The same, each exchange validated by `pipeline` (on its threads), handed over in input order.
    func forEachValidated(by pipeline: ValidationPipeline, _ body: (TrafficRecord, ExchangeResult?) -> Void) throws {
        try forEachInput { units, gate in
            pipeline.run(units) { delivery in
                gate.pass(delivery.record, delivery.result, to: body)
            }
        }
    }

    private func forEachInput(_ read: (AnyIterator<TrafficUnit>, inout Gate) -> Void) throws {
        var progress = ProgressTicker()
        for file in files {
            let input: TrafficInput
            do {
                input = try TrafficInput(path: file)
            } catch {
                throw CommandFailure(error.description)
            }
            var gate = Gate(held: NotTraffic.HeldBack(file: file), progress: progress)
            read(input.makeUnitIterator(), &gate)
            progress = gate.progress
            if let verdict = gate.held.finish() {
                progress.finish()
                throw CommandFailure(verdict)
            }
        }
        progress.finish()
    }

    /// What each record of one input passes on its way to the caller: broken entries are held
    /// back until the input's first exchange (``NotTraffic``), then printed on standard error
    /// and handed over; exchanges tick the progress line.
    private struct Gate {
        var held: NotTraffic.HeldBack
        var progress: ProgressTicker

        mutating func pass(_ record: TrafficRecord, _ result: ExchangeResult?, to body: (TrafficRecord, ExchangeResult?) -> Void) {
            switch record {
            case .exchange:
                for earlier in held.release() { Self.deliver(earlier, to: body) }
                progress.tick()
                body(record, result)
            case .unreadable(let error):
                if held.isHolding {
                    held.hold(error)
                    if !held.isHolding { for earlier in held.release() { Self.deliver(earlier, to: body) } }
                } else {
                    Self.deliver(record, to: body)
                }
            }
        }

        private static func deliver(_ record: TrafficRecord, to body: (TrafficRecord, ExchangeResult?) -> Void) {
            if case .unreadable(let error) = record { Console.progress("conformance: skipped: \(error)") }
            body(record, nil)
        }
    }
}

/// Prints `N exchanges…` on standard error every two seconds, only when it is a terminal.
struct ProgressTicker {
    private let enabled = isatty(2) == 1
    private var count = 0
    private var last = Date()
    private var printed = false

    mutating func tick() {
        count += 1
        guard enabled, count % 256 == 0, Date().timeIntervalSince(last) >= 2 else { return }
        last = Date()
        printed = true
        FileHandle.standardError.write(Data("\r\(count) exchanges…".utf8))
    }

    func finish() {
        if printed { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
