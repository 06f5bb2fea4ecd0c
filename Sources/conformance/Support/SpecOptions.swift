import ArgumentParser
import ConformanceModel
import ConformanceSpecs

/// `--spec PATH` (repeatable): a `spec.json` used at run time, in place of the compiled spec of
/// the same service or beside the compiled ones (a page tried with `extract --doc --output`),
/// for `validate`, `coverage`, `check`, `golden` and `mock`.
struct SpecOptions: ParsableArguments {
    @Option(name: .customLong("spec"), help: ArgumentHelp("Use this spec.json at run time, in place of the compiled spec of its service or beside them (repeatable).", valueName: "path"))
    var paths: [String] = []

    /// The `--spec` files, decoded; two files of one service are refused.
    func loaded() throws -> [ServiceSpec] {
        var specs: [ServiceSpec] = []
        for path in paths {
            let spec = try SpecFiles.load(path: path)
            if let twin = specs.firstIndex(where: { $0.service == spec.service }) {
                throw CommandFailure("--spec \(path): service \(spec.service) is given twice (also by \(paths[twin]))")
            }
            specs.append(spec)
        }
        return specs
    }

    /// The specs a command works with: the compiled ones with each `--spec` in place of the one
    /// of its service, or added; `--service` is checked against them. For every compiled spec
    /// still in use, a one-line note on standard error when it differs from the project's
    /// `spec.json` (``CompiledSpecsCheck``).
    func resolve(_ service: ServiceOption, compiled: [ServiceSpec] = Specs.all) throws -> [ServiceSpec] {
        let runtime = try loaded()
        var specs = compiled
        for spec in runtime {
            if let index = specs.firstIndex(where: { $0.service == spec.service }) {
                specs[index] = spec
            } else {
                specs.append(spec)
            }
        }
        try service.check(in: specs.map(\.service))
        let replaced = Set(runtime.map(\.service))
        CompiledSpecsCheck.noteIfStale(services: compiled.map(\.service).filter { service.includes($0) && !replaced.contains($0) })
        return specs
    }
}
