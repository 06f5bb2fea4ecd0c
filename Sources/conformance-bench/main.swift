import Conformance
import ConformanceModel
import ConformanceSpecs
import DocExtraction
import Dispatch
import Foundation

// conformance-bench: the figures the README quotes. Run in release mode:
//   swift run -c release conformance-bench [--quick]

let quick = CommandLine.arguments.contains("--quick")
let cores = ProcessInfo.processInfo.activeProcessorCount

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func rate(_ count: Int, _ elapsed: Double) -> String {
    let perSecond = Double(count) / elapsed
    return perSecond >= 1e6 ? String(format: "%.2f M/s", perSecond / 1e6) : String(format: "%.0f/s", perSecond)
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

print("conformance-bench (\(cores) cores\(quick ? ", quick" : ""))")

// 1. Extraction of every document under specs/.
let specsFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("specs")
var documentsByService: [(String, [SourceDocument])] = []
for service in ((try? FileManager.default.contentsOfDirectory(atPath: specsFolder.path)) ?? []).sorted() {
    let folder = specsFolder.appendingPathComponent("\(service)/docs")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
    documentsByService.append((service, names.sorted().compactMap { try? SourceDocument.load(path: folder.appendingPathComponent($0).path) }))
}
if documentsByService.isEmpty {
    print("extraction: skipped (run from the repository root, where specs/ is)")
} else {
    let lines = documentsByService.flatMap(\.1).reduce(0) { $0 + $1.lines.count }
    var best = Double.infinity
    for _ in 0..<(quick ? 1 : 5) {
        best = min(best, try seconds {
            for (service, documents) in documentsByService { _ = try ServiceExtractor.extract(service: service, documents: documents) }
        })
    }
    print(String(format: "extraction: %d documents, %d lines, all services: %.0f ms (best of %d)", documentsByService.flatMap(\.1).count, lines, best * 1000, quick ? 1 : 5))
}

// 2. Validation throughput on in-memory exchanges: routing, parameters, bodies, error checks.
let validator = Validator()
let pairs = quick ? 20_000 : 200_000
let corpus = BenchmarkCorpus.exchanges(pairs: pairs)
var findings = 0
let oneCore = seconds {
    for exchange in corpus { findings += validator.validate(exchange).findings.count }
}
print("validation, 1 core: \(corpus.count) exchanges (\(pairs) create+show pairs, 1 in 10 broken): \(rate(corpus.count, oneCore)) exchanges, \(rate(pairs, oneCore)) pairs; \(findings) findings")

let chunk = (corpus.count + cores - 1) / cores
let allCores = seconds {
    DispatchQueue.concurrentPerform(iterations: cores) { worker in
        let start = worker * chunk
        let end = min(corpus.count, start + chunk)
        guard start < end else { return }
        var local = 0
        for index in start..<end { local += validator.validate(corpus[index]).findings.count }
        _ = local
    }
}
print("validation, \(cores) cores: \(rate(corpus.count, allCores)) exchanges, \(rate(pairs, allCores)) pairs")

// 3. The floor: the same bodies only scanned for JSON validity.
let bodies = corpus.flatMap { [$0.request.body, $0.response?.body].compactMap { $0 } }
let scanOnly = seconds {
    for body in bodies { _ = BodyScanner.scan(body, schema: nil) }
}
print("JSON validity scan only, 1 core: \(rate(corpus.count, scanOnly)) exchanges (\(String(format: "%.0f", Double(bodies.reduce(0) { $0 + $1.count }) / scanOnly / 1e6)) MB/s)")
print(String(format: "peak memory: %.0f MiB", peakMemoryMiB()))
