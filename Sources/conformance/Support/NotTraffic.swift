import Conformance
import ConformanceModel
import Foundation

/// Recognises an input that is not traffic at all: a file in which not one entry is an
/// exchange. Validating a golden body or a README used to print a "not JSON" line for every
/// line of it (twice: on standard error and in the report); now it is one line that says what
/// the file is and what to run instead.
enum NotTraffic {
    /// The broken entries of one input, held back until its first exchange shows that it is
    /// traffic after all (then they are reported as usual). Past ``limit`` entries it gives up
    /// holding and lets them through, so memory stays bounded on a long broken file.
    struct HeldBack {
        static let limit = 10_000

        let file: String
        private var errors: [TrafficReadError] = []
        private var seenExchange = false
        private var overflowed = false

        init(file: String) {
            self.file = file
        }

        /// Still holding: no exchange yet and under the limit.
        var isHolding: Bool { !seenExchange && !overflowed }

        mutating func hold(_ error: TrafficReadError) {
            errors.append(error)
            if errors.count >= Self.limit { overflowed = true }
        }

        /// The held entries, to be reported now; holding stops.
        mutating func release() -> [TrafficRecord] {
            seenExchange = true
            defer { errors = [] }
            return errors.map { .unreadable($0) }
        }

        /// At the end of the input: the one-line verdict when nothing in it was an exchange.
        mutating func finish() -> String? {
            guard isHolding, let first = errors.first else { return nil }
            return NotTraffic.verdict(file: file, firstProblem: first)
        }
    }

    /// `golden.json: a JSON document, not traffic (…); to check one body against one operation:
    /// conformance check --operation SERVICE/OPERATION_ID golden.json`.
    static func verdict(file: String, firstProblem: TrafficReadError) -> String {
        let name = file == "-" ? "<stdin>" : file
        let expected = "validate reads HAR 1.2 (log.entries) or JSONL (one {\"request\": …, \"response\": …} per line)"
        if file != "-", let data = FileManager.default.contents(atPath: file), (try? JSONValue.parse(bytes: Array(data))) != nil {
            return "\(name): a JSON document, not traffic (\(expected)); to check one body against one operation: conformance check --operation SERVICE/OPERATION_ID \(file)"
        }
        return "\(name): not traffic: no entry is an exchange (first: \(firstProblem.description)); \(expected)"
    }
}
