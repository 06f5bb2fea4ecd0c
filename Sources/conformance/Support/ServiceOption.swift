import ArgumentParser
import ConformanceSpecs

/// `--service ID`, shared by every command that can be limited to one service, with one check
/// and one message for an unknown id.
///
/// What the known ids are depends on the command: the folders of `specs/` (extract, generate,
/// openapi, golden, lint), the compiled specs and `--spec` files (validate, coverage, check,
/// mock, proxy, verify), the services with state machines (states). Each command passes its
/// list to ``selected(from:)``; the id's shape is checked for all of them at parse time.
struct ServiceOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only this service (\(Specs.serviceIDs.joined(separator: ", ")), or one a --spec file or specs/ folder adds).", valueName: "id"))
    var service: String?

    init() {}

    /// The option as if `--service id` was given (a command that takes the id another way).
    init(id: String?) {
        service = id
    }

    /// A service id is a folder name: lower-case letters, digits and hyphens.
    func validate() throws {
        guard let service else { return }
        let allowed = service.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard !service.isEmpty, allowed else {
            throw ValidationError("--service \(service): a service id is lower-case letters, digits and hyphens (e.g. huawei-evs)")
        }
    }

    /// `[--service]` when it is one of `known`, every known id without it; an unknown id fails
    /// with exit 2 and the list of known ones.
    func selected(from known: [String]) throws -> [String] {
        guard let service else { return known }
        try check(in: known)
        return [service]
    }

    /// Fails (exit 2) when `--service` is given and is not one of `known`.
    func check(in known: [String], what: String = "service") throws {
        guard let service, !known.contains(service) else { return }
        throw CommandFailure("--service \(service): no such \(what); known: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
    }

    /// Whether `id` passes the filter.
    func includes(_ id: String) -> Bool { service == nil || service == id }
}
