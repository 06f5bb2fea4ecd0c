import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// The traffic inputs and routing flags `validate` and `coverage` share.
struct TrafficOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Traffic files: .har (HAR 1.2), .jsonl or .ndjson (one exchange per line), or - for standard input (format sniffed).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Only this service's operations (huawei-evs, huawei-ecs, tencent-cbs, baidu-bcc).", valueName: "id"))
    var service: String?

    @Option(name: .long, help: ArgumentHelp("Route a host's traffic to one service, e.g. evs.cn-north-4.myhuaweicloud.com=huawei-evs (repeatable).", valueName: "host=service"))
    var host: [String] = []

    func validate() throws {
        let known = Specs.all.map(\.service)
        if let service, !known.contains(service) {
            throw ValidationError("--service \(service): no such service; known: \(known.joined(separator: ", "))")
        }
        for entry in host {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--host \(entry): expected HOST=SERVICE")
            }
            guard known.contains(parts[1]) else {
                throw ValidationError("--host \(entry): no such service \(parts[1]); known: \(known.joined(separator: ", "))")
            }
        }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input (-) can be read only once")
        }
    }

    func validatorOptions(strict: Bool) -> ValidatorOptions {
        var hosts: [String: String] = [:]
        for entry in host {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { hosts[parts[0].lowercased()] = parts[1] }
        }
        return ValidatorOptions(service: service, hosts: hosts, strict: strict)
    }

    /// Reads every input in order and hands each record over. An input that cannot be read as
    /// a whole (missing, not HAR, truncated HAR) stops the run with exit 2; a broken entry is
    /// printed on standard error, handed over as `.unreadable`, and reading goes on.
    func forEachRecord(_ body: (TrafficRecord) -> Void) throws {
        try forEachUnit { units, progress in
            while let unit = units.next() {
                body(Self.announce(unit.record(), &progress))
            }
        }
    }

    /// The same, each exchange validated by `pipeline` (on its threads), handed over in input order.
    func forEachValidated(by pipeline: ValidationPipeline, _ body: (TrafficRecord, ExchangeResult?) -> Void) throws {
        try forEachUnit { units, progress in
            pipeline.run(units) { delivery in
                body(Self.announce(delivery.record, &progress), delivery.result)
            }
        }
    }

    private func forEachUnit(_ read: (AnyIterator<TrafficUnit>, inout ProgressTicker) -> Void) throws {
        var progress = ProgressTicker()
        for file in files {
            let input: TrafficInput
            do {
                input = try TrafficInput(path: file)
            } catch {
                throw CommandFailure(error.description)
            }
            read(input.makeUnitIterator(), &progress)
        }
        progress.finish()
    }

    /// Prints a broken entry on standard error, or counts an exchange for the progress line.
    private static func announce(_ record: TrafficRecord, _ progress: inout ProgressTicker) -> TrafficRecord {
        if case .unreadable(let error) = record {
            Console.progress("conformance: skipped: \(error)")
        } else {
            progress.tick()
        }
        return record
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
