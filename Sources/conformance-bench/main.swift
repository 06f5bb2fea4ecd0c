import Conformance
import ConformanceModel
import ConformanceSpecs
import DocExtraction
import Dispatch
import Foundation

// conformance-bench: the figures the README quotes. Run in release mode:
//   swift run -c release conformance-bench [--quick] [--only SECTION]

/// The sections `--only` takes.
let sections = ["extraction", "validation", "pair", "scan", "jsonl", "stream", "breakdown"]
let usage = """
    usage: conformance-bench [--quick] [--only SECTION] [--stream FILE]
      --quick           smaller corpora, for a first look
      --only SECTION    one measurement, for profiling: \(sections.joined(separator: ", "))
      --stream FILE     validate FILE as a stream and print exchanges and peak memory (KiB)
    Run in release mode: swift run -c release conformance-bench
    """

/// Stops on bad usage with one line and exit code 2, before anything runs.
func badUsage(_ message: String) -> Never {
    FileHandle.standardError.write(Data("conformance-bench: \(message) (see --help)\n".utf8))
    exit(2)
}

/// The command line, read whole before anything runs: a mistyped flag used to start the whole
/// benchmark.
struct BenchArguments {
    /// `--quick`: smaller corpora.
    var quick = false
    /// `--only SECTION`: one measurement, for profiling.
    var only: String?
    /// `--stream FILE`: only validate FILE as a stream and print the peak memory; the main run
    /// starts itself in this mode so that the figure is not the corpus the other measurements hold.
    var streamPath: String?

    init(_ line: [String]) {
        var arguments = line.dropFirst()[...]
        while let argument = arguments.popFirst() {
            switch argument {
            case "--help", "-h":
                print(usage)
                exit(0)
            case "--quick":
                quick = true
            case "--only":
                guard let value = arguments.popFirst() else { badUsage("--only needs a section") }
                guard sections.contains(value) else { badUsage("--only \(value): not a section (\(sections.joined(separator: ", ")))") }
                only = value
            case "--stream":
                guard let value = arguments.popFirst() else { badUsage("--stream needs a file") }
                streamPath = value
            default:
                badUsage("unknown argument '\(argument)'")
            }
        }
    }
}
let arguments = BenchArguments(CommandLine.arguments)
let quick = arguments.quick
let only = arguments.only
func runs(_ section: String) -> Bool { only == nil || only == section }

if let streamPath = arguments.streamPath {
    let exchanges = try validateAsTheCLIDoes(streamPath, jobs: ProcessInfo.processInfo.activeProcessorCount).exchanges
    // ru_maxrss survives execve on Linux (it would report the parent's peak); VmHWM belongs to
    // this process image alone.
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?
        .split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) } ?? -1
    print("\(exchanges) \(peak)")
    exit(0)
}
let cores = ProcessInfo.processInfo.activeProcessorCount

/// `conformance validate FILE` with default flags, in process: the compiled validator with the
/// state machines' captures, the pipeline on `jobs` threads, the tracker in input order, the
/// report and its text. What `ValidateCommand.run` does, minus the argument parsing.
func validateAsTheCLIDoes(_ path: String, jobs: Int) throws -> (exchanges: Int, findings: Int) {
    let pipeline = ValidationPipeline(validator: Validator(machines: Rules.stateMachines), jobs: jobs)
    let tracker = StateTracker(machines: Rules.stateMachines)
    var report = ValidationReport()
    report.begin(file: path)
    var exchanges = 0
    var findings = 0
    pipeline.run(try TrafficInput(path: path).makeUnitIterator()) { delivery in
        guard case .exchange(let exchange) = delivery.record, var result = delivery.result else { return }
        result.findings += tracker.observe(exchange, result: result)
        exchanges += 1
        findings += result.findings.count
        report.add(result, of: exchange)
    }
    _ = TextReport().render(report)
    return (exchanges, findings)
}

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

// 1. Extraction of every document under specs/ of the project (found like the CLI finds it).
var documentsByService: [(String, [SourceDocument])] = []
if runs("extraction") {
    let project: ProjectFolder
    do {
        project = try ProjectFolder.locate()
    } catch {
        FileHandle.standardError.write(Data("conformance-bench: error: \(error); run it from the checkout\n".utf8))
        exit(2)
    }
    for service in project.serviceIDs() {
        let folder = project.documents(service)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        documentsByService.append((service, names.sorted().compactMap { try? SourceDocument.load(path: folder.appendingPathComponent($0).path) }))
    }
}
if !runs("extraction") {
    // skipped
} else if documentsByService.isEmpty {
    print("extraction: skipped (no documents under specs/*/docs/)")
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
_ = Specs.all
let compileStart = DispatchTime.now().uptimeNanoseconds
let validator = Validator()
let compileTime = Double(DispatchTime.now().uptimeNanoseconds - compileStart) / 1e9
let pairs = quick ? 20_000 : 200_000
/// Built only for the sections that use it, so that profiling the others does not see it.
let corpus = runs("validation") || runs("scan") ? BenchmarkCorpus.exchanges(pairs: pairs) : []
if runs("validation") {
    print(String(format: "validator set-up (routes and schemas of all four services compiled): %.0f ms", compileTime * 1000))
    // Best of three rounds: the machine is shared, and the first round also warms the caches.
    let rounds = quick ? 1 : 5
    var findings = 0
    var oneCore = Double.infinity
    for _ in 0..<rounds {
        findings = 0
        oneCore = min(oneCore, seconds {
            for index in corpus.indices { findings += validator.validate(corpus[index]).findings.count }
        })
    }
    print("validation, 1 core: \(corpus.count) exchanges (\(pairs) create+show pairs, 1 in 10 broken): \(rate(corpus.count, oneCore)) exchanges, \(rate(pairs, oneCore)) pairs; \(findings) findings (best of \(rounds))")

    // The library's parallel call: contiguous shares on all cores, results in input order.
    var allCores = Double.infinity
    for _ in 0..<rounds {
        allCores = min(allCores, seconds { findings = validator.validate(corpus, cores: cores).reduce(0) { $0 + $1.findings.count } })
    }
    print("validation, \(cores) cores: \(rate(corpus.count, allCores)) exchanges, \(rate(pairs, allCores)) pairs; \(findings) findings (best of \(rounds))")
}

if runs("pair") {
    // The measure the Python baselines of issue 6 use: the same two bodies over and over, so
    // they stay in the cache (the corpus above streams 400 MB of distinct bodies from memory).
    let pair = BenchmarkCorpus.pair(index: 0, broken: false)
    let repeats = quick ? 20_000 : 500_000
    let rounds = quick ? 1 : 5
    var findings = 0
    var hot = Double.infinity
    for _ in 0..<rounds {
        hot = min(hot, seconds {
            for _ in 0..<repeats {
                for exchange in pair { findings += validator.validate(exchange).findings.count }
            }
        })
    }
    print("validation, 1 core, one conforming pair repeated (cache-hot): \(rate(repeats, hot)) pairs, \(findings) findings (best of \(rounds))")
}

// 3. The floor: the same bodies only scanned for JSON validity.
if runs("scan") {
    let bodies = corpus.flatMap { [$0.request.body, $0.response?.body].compactMap { $0 } }
    let scanOnly = seconds {
        for body in bodies { _ = BodyScanner.scan(body, schema: nil) }
    }
    print("JSON validity scan only, 1 core: \(rate(corpus.count, scanOnly)) exchanges (\(String(format: "%.0f", Double(bodies.reduce(0) { $0 + $1.count }) / scanOnly / 1e6)) MB/s)")
    print(String(format: "peak memory so far: %.0f MiB", peakMemoryMiB()))
}

// 4. JSONL read from disk and validated, streaming (what `conformance validate` does).
func jsonLine(_ exchange: Exchange) -> String {
    var request: [String: JSONValue] = ["method": .string(exchange.request.method), "url": .string(exchange.request.url),
                                        "headers": .object(Dictionary(exchange.request.headers.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { a, _ in a }))]
    if let body = exchange.request.body { request["body"] = .string(String(decoding: body, as: UTF8.self)) }
    var response: [String: JSONValue] = ["status": .integer(exchange.response?.status ?? 0), "headers": .object([:])]
    if let body = exchange.response?.body { response["body"] = .string(String(decoding: body, as: UTF8.self)) }
    return JSONValue.object(["request": .object(request), "response": .object(response)]).compactText
}

/// Writes `pairs` pairs of the corpus as JSONL, repeating a block of lines.
func writeCorpus(to path: String, bytes target: Int) throws -> Int {
    let block = BenchmarkCorpus.exchanges(pairs: 50).map(jsonLine).joined(separator: "\n") + "\n"
    let data = Data(block.utf8)
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    var written = 0
    var lines = 0
    while written < target {
        try handle.write(contentsOf: data)
        written += data.count
        lines += 100
    }
    try handle.close()
    return lines
}


let temporary = FileManager.default.temporaryDirectory
if runs("jsonl") {
    let smallPath = temporary.appendingPathComponent("conformance-bench-\(getpid()).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: smallPath) }
    let smallLines = try writeCorpus(to: smallPath, bytes: quick ? 20_000_000 : 100_000_000)
    let megabytes = Double((try? FileManager.default.attributesOfItem(atPath: smallPath)[.size] as? Int) ?? 0) / 1e6
    // The CLI's own path (file → report, states followed, default flags), beside the in-memory
    // figures above, so that a gap between them shows.
    for jobs in Set([1, cores]).sorted() {
        var counted = (exchanges: 0, findings: 0)
        let streamed = try seconds { counted = try validateAsTheCLIDoes(smallPath, jobs: jobs) }
        print("validate FILE.jsonl as the CLI runs it (states followed, report rendered), \(jobs == 1 ? "--jobs 1" : "\(jobs) cores"): \(counted.exchanges) of \(smallLines) lines, \(rate(counted.exchanges, streamed)) exchanges (\(String(format: "%.0f", megabytes / streamed)) MB/s), \(counted.findings) findings")
    }
}

if !quick && runs("stream") {
    let bigPath = temporary.appendingPathComponent("conformance-bench-1g-\(getpid()).jsonl").path
    defer { try? FileManager.default.removeItem(atPath: bigPath) }
    _ = try writeCorpus(to: bigPath, bytes: 1 << 30)
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    child.arguments = ["--stream", bigPath]
    let pipe = Pipe()
    child.standardOutput = pipe
    var output = ""
    let bigTime = try seconds {
        try child.run()
        output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
    }
    let parts = output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    if parts.count == 2 {
        print(String(format: "1 GiB JSONL stream (a separate process): %d exchanges in %.1f s, peak memory %.0f MiB", parts[0], bigTime, Double(parts[1]) / 1024))
    } else {
        print("1 GiB JSONL stream: the child process failed (\(output))")
    }
}
// `--only breakdown` (not part of the default run): where one create and one show exchange
// spend their time, piece by piece, for profiling.
if only == "breakdown" {
    let pair = BenchmarkCorpus.pair(index: 0, broken: false)
    func ns(_ work: () -> Void) -> String {
        var best = Double.infinity
        for _ in 0..<5 { best = min(best, seconds { for _ in 0..<200_000 { work() } }) }
        return String(format: "%.0f ns", best / 200_000 * 1e9)
    }
    let spec = Specs.all.first { $0.service == "huawei-evs" }!
    let router = Router(spec: spec)
    let noRules = Validator(rules: [])
    let evsOnly = Validator(options: ValidatorOptions(service: "huawei-evs"))
    for (name, exchange) in zip(["create", "show"], pair) {
        print(name, "total", ns { _ = validator.validate(exchange) })
        print("  total without rules", ns { _ = noRules.validate(exchange) })
        print("  total with --service huawei-evs", ns { _ = evsOnly.validate(exchange) })
        let target = RequestTarget(url: exchange.request.url)
        print("  target", ns { _ = RequestTarget(url: exchange.request.url) })
        print("  route", ns { _ = router.match(method: exchange.request.method, target: target, body: exchange.request.body) })
        let operation = spec.operations[router.match(method: exchange.request.method, target: target, body: exchange.request.body)!.operationIndex]
        if let body = exchange.request.body, let schema = operation.requestBody {
            let compiled = CompiledSchema(schema, examples: operation.examples.filter { $0.kind == .request }.map(\.text))
            print("  request syntax", ns { _ = BodyScanner.scan(body, schema: nil) })
            print("  request schema", ns { _ = BodyScanner.scan(body, schema: compiled) })
            let paths = Rules.body.filter { $0.operations.contains(operation.id) }.flatMap { rule -> [String] in
                switch rule.requirement {
                case .atMostOne(let fields): fields
                case .requiredWhen(let field, let condition), .forbiddenWhen(let field, let condition): [field, condition.field]
                case .maxItems(let field, _): [field]
                }
            }
            let trie = CaptureTrie(paths: paths)
            print("  request schema+captures (\(trie.count) paths)", ns { _ = BodyScanner.scan(body, schema: compiled, captures: trie) })
            let headers = exchange.request.headers
            print("  header lookup x2", ns { _ = headers.value(named: "X-Auth-Token"); _ = headers.value(named: "Authorization") })
        }
        if let response = exchange.response, let body = response.body, let schema = operation.response(for: response.status)?.body {
            let compiled = CompiledSchema(schema, examples: operation.examples.filter { $0.kind == .response }.map(\.text))
            print("  response syntax", ns { _ = BodyScanner.scan(body, schema: nil) })
            print("  response schema", ns { _ = BodyScanner.scan(body, schema: compiled) })
        }
        // What a recording's writer thread spends per exchange (the mock's and the proxy's
        // `--record`): redaction and rendering, without the write.
        let started = Date()
        print("  recorded: redacted", ns { _ = Redaction.exchange(exchange) })
        print("  recorded: HAR entry, redacted", ns { _ = HARWriter.entry(exchange, started: started, duration: 0.0012) })
        print("  recorded: JSONL line, redacted", ns { _ = JSONLWriter.line(exchange, started: started, duration: 0.0012) })
    }
}
