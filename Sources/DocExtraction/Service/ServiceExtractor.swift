import ConformanceModel
import Foundation

/// The spec of one service, extracted from all of its documents, with what became of
/// every table.
public struct ServiceExtraction: Sendable {
    public var spec: ServiceSpec
    /// Per document, in reading order: its detected format and its table accounts.
    public var documents: [(name: String, format: DocumentFormat, tables: [TableAccount])]
}

/// Reads every document of a service and merges what they say into one `ServiceSpec`.
///
/// Documents are read in file-name order. When two documents describe the same operation
/// (same method, same path shape, same action: the EVS extend page and its twin in the
/// reference), the one from the document that describes more operations is kept, the
/// other's examples and constraints are added to it, where the other gives a field other
/// values or bounds the field carries them as a `Reading` (`TwinReadings`), and every
/// disagreement between the two is reported as a `document.conflict` diagnostic. Pages that
/// describe no operation (错误码, 云硬盘状态) merge like the reference's appendices: error-code
/// messages join their code, state tables of one resource become one (`StateTableMerge`).
public enum ServiceExtractor {
    public static func extract(service: String, documents: [SourceDocument]) throws(DocumentError) -> ServiceExtraction {
        var spec = ServiceSpec(service: service)
        var accounts: [(String, DocumentFormat, [TableAccount])] = []
        var extractions: [(SourceDocument, DocumentExtraction)] = []
        for document in documents.sorted(by: { $0.name < $1.name }) {
            let extraction = try DocumentReaders.read(document)
            extractions.append((document, extraction))
            accounts.append((document.name, extraction.format, extraction.tables))
            spec.documents.append(document.name)
        }
        // The document with the most operations is the reference the others are merged into.
        let ranked = extractions.enumerated().sorted { lhs, rhs in
            lhs.element.1.operations.count != rhs.element.1.operations.count
                ? lhs.element.1.operations.count > rhs.element.1.operations.count
                : lhs.offset < rhs.offset
        }.map(\.element)
        var twins: [(primary: Int, twin: ConformanceModel.Operation)] = []
        for (_, extraction) in ranked {
            merge(extraction, into: &spec, twins: &twins)
        }
        // Report operations in the order of the documents that hold them.
        let order = Dictionary(uniqueKeysWithValues: spec.documents.enumerated().map { ($1, $0) })
        let twinned = twins.map { (spec.operations[$0.primary], $0.twin) }
        spec.operations.sort { lhs, rhs in
            let left = (order[lhs.source.document] ?? 0, lhs.source.line ?? 0)
            let right = (order[rhs.source.document] ?? 0, rhs.source.line ?? 0)
            return left < right
        }
        makeIdsUnique(&spec)
        StateTableLinker.link(&spec)
        // Service-wide readings of the merged spec, each decision with its evidence and a note:
        // wrappers first (the examples then line up with the bodies), open objects, the nulls
        // the docs allow, and last the places where the docs read a value differently.
        WrapperResolver.resolve(&spec)
        MapResolver.resolve(&spec)
        NullabilityResolver.resolve(&spec)
        ReadingCollector.collect(&spec, twins: twinned.compactMap { primary, twin in
            spec.operations.firstIndex { $0.routeKey == primary.routeKey && $0.source == primary.source }.map { ($0, twin) }
        })
        spec.diagnostics.sort { lhs, rhs in
            let left = (order[lhs.source.document] ?? 0, lhs.source.line ?? 0, lhs.code, lhs.message)
            let right = (order[rhs.source.document] ?? 0, rhs.source.line ?? 0, rhs.code, rhs.message)
            return left < right
        }
        return ServiceExtraction(spec: spec, documents: accounts)
    }

    /// `twins`: the operations a twin was merged into (index in `spec.operations`) and the twin.
    private static func merge(_ extraction: DocumentExtraction, into spec: inout ServiceSpec, twins: inout [(primary: Int, twin: ConformanceModel.Operation)]) {
        spec.diagnostics += extraction.diagnostics
        for operation in extraction.operations {
            // Only twins from different documents are merged: a reference that documents one
            // route twice (a current and a history chapter, EVS 5.1 and 8.2.5.2 `GET /`) keeps both.
            if let index = spec.operations.firstIndex(where: { $0.routeKey == operation.routeKey && $0.source.document != operation.source.document }) {
                spec.diagnostics += OperationComparison.conflicts(primary: spec.operations[index], twin: operation)
                twins.append((index, operation))
                TwinReadings.attach(from: operation, to: &spec.operations[index])
                spec.operations[index].examples += operation.examples
                for constraint in operation.constraints where !spec.operations[index].constraints.contains(constraint) {
                    spec.operations[index].constraints.append(constraint)
                }
            } else {
                if let twin = spec.operations.first(where: { $0.routeKey == operation.routeKey }) {
                    spec.diagnostics.append(Diagnostic(.note, code: "operation.duplicate-route", message: "\(operation.method) \(operation.path)\(operation.action.map { " (\($0))" } ?? "") is documented again; §\(twin.source.section ?? twin.title) documents it too, both are kept", source: operation.source))
                }
                spec.operations.append(operation)
            }
        }
        for code in extraction.errorCodes {
            if let index = spec.errorCodes.firstIndex(where: { $0.code == code.code && $0.status == code.status }) {
                for message in code.messages where !spec.errorCodes[index].messages.contains(message) {
                    spec.errorCodes[index].messages.append(message)
                }
            } else {
                spec.errorCodes.append(code)
            }
        }
        for status in extraction.statusCodes where !spec.statusCodes.contains(where: { $0.status == status.status }) {
            spec.statusCodes.append(status)
        }
        for table in extraction.stateTables {
            if let index = spec.stateTables.firstIndex(where: { $0.resource == table.resource }) {
                spec.diagnostics += StateTableMerge.merge(table, into: &spec.stateTables[index])
            } else {
                spec.stateTables.append(table)
            }
        }
        for envelope in extraction.errorEnvelopes where !spec.errorEnvelopes.contains(where: { sameShape($0, envelope) }) {
            spec.errorEnvelopes.append(envelope)
        }
        for scheme in extraction.authentication where !spec.authentication.contains(where: { $0.name == scheme.name }) {
            spec.authentication.append(scheme)
        }
        if spec.responseEnvelope == nil { spec.responseEnvelope = extraction.responseEnvelope }
        spec.notes += extraction.notes.filter { !spec.notes.contains($0) }
    }

    private static func sameShape(_ lhs: ErrorEnvelope, _ rhs: ErrorEnvelope) -> Bool {
        var left = lhs
        var right = rhs
        left.source = nil
        right.source = nil
        if case .anyKey(let leftKeys) = left.wrapper, case .anyKey(let rightKeys) = right.wrapper {
            return Set(leftKeys).isSubset(of: rightKeys) || Set(rightKeys).isSubset(of: leftKeys)
                ? left.codeField == right.codeField && left.messageField == right.messageField
                : false
        }
        return left == right
    }

    /// Ids must be unique. Among operations that share an id the current one keeps it (not
    /// deprecated first, then document order); the others get their path's version
    /// (`ListVolumesV2`) when it differs, `Deprecated` when they are, then a counter.
    private static func makeIdsUnique(_ spec: inout ServiceSpec) {
        let groups = Dictionary(grouping: spec.operations.indices, by: { spec.operations[$0].id })
        var taken = Set(spec.operations.map(\.id))
        for (id, members) in groups.sorted(by: { $0.key < $1.key }) where members.count > 1 {
            let ordered = members.sorted { lhs, rhs in
                let left = spec.operations[lhs], right = spec.operations[rhs]
                if left.deprecated != right.deprecated { return !left.deprecated }
                return lhs < rhs
            }
            let keeperVersion = version(of: spec.operations[ordered[0]].path)
            for index in ordered.dropFirst() {
                let operation = spec.operations[index]
                var stem = id
                if let own = version(of: operation.path), own != keeperVersion { stem += OperationNaming.pascal(own).replacingOccurrences(of: ".", with: "") }
                if operation.deprecated, taken.contains(stem) { stem += "Deprecated" }
                var candidate = stem
                var counter = 2
                while taken.contains(candidate) {
                    candidate = stem + String(counter)
                    counter += 1
                }
                taken.insert(candidate)
                spec.diagnostics.append(Diagnostic(.note, code: "operation.id-renamed", message: "operation id '\(id)' is taken by §\(spec.operations[ordered[0]].source.section ?? spec.operations[ordered[0]].title); this one is '\(candidate)'", source: operation.source))
                spec.operations[index].id = candidate
            }
        }
    }

    private static func version(of path: String) -> String? {
        path.split(separator: "/").first(where: { OperationNaming.isVersion(String($0)) }).map(String.init)
    }
}
