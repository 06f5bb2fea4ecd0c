import Conformance
import ConformanceModel
import ConformanceSpecs

/// The documented error codes that name one request field, read from the service's error-code
/// table: EVS A.1 has `EVS.1010 "invalid volume size!"`, `EVS.1039 "invalid sort_key!"`,
/// `EVS.2218 "invalid X-Client-Token in header"`.
///
/// A negative case that breaks `volume.size` prefers `EVS.1010`; the embedded mock answers it.
/// Decision: the tables never say which code a given broken field gets, so the match is by the
/// message's words, and only messages that say "invalid" count (`size of metadata is too
/// large!` names `size` but is about metadata). The generic bad-request code (`EVS.5400
/// "Malformed request body."`) is always an acceptable answer; a more specific one is preferred.
public enum FieldErrorCodes {
    /// Codes of `spec` with `status` whose message names the field at `pointer` (`/volume/size`,
    /// or a parameter name such as `sort_key`), best first: a message naming the parent and the
    /// field (`invalid volume name!` for `/volume/name`) before one naming the field alone.
    ///
    /// A message names a field when a run of its words spells it (`volume type` spells
    /// `volume_type`, `snapshot_id` does not spell `snapshot`) and the run is not part of a longer
    /// name: `invalid volume name!` does not name `/transfer/name` (it is about a volume's name),
    /// `invalid iops value` does not name `/tags/0/value`, and `invalid volume id!` does not name
    /// `/volume`. A query parameter prefers a message about a filter (`invalid filter
    /// availability-zone!` over `invalid availability zone!`).
    public static func codes(for pointer: String, status: Int = 400, in spec: ServiceSpec) -> [String] {
        let names = fieldNames(pointer)
        guard let field = names.last.map(squashed), !field.isEmpty else { return [] }
        let parent = names.count > 1 ? squashed(names[names.count - 2]) : ""
        let isQuery = !pointer.hasPrefix("/")
        var scored: [(score: Int, order: Int, code: String)] = []
        for (order, row) in spec.errorCodes.enumerated() where row.status == status {
            let words = MessageWords(row.message)
            guard words.contains("invalid") else { continue }
            var score = 0
            if !parent.isEmpty && (words.names(parent + field) || words.names(singularOf(parent) + field)) {
                score = 3
            } else if words.names(field) || words.names(singularOf(field)) {
                score = 2
            }
            guard score > 0 else { continue }
            if isQuery && words.contains("filter") { score += 1 }
            scored.append((score, order, row.code))
        }
        return scored.sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }.map(\.code)
    }

    /// Codes whose message says the field (or the whole request of `operation`) is null:
    /// EVS A.1 `EVS.1001 "null volume!"` for a missing `/volume`, `EVS.1008 "null createVolume
    /// Req!"` for CreateVolume without a body. An operation's versions share its request
    /// (`ExtendVolumeV2` is `extendVolume`).
    public static func nullCodes(for pointer: String, operation: String?, status: Int = 400, in spec: ServiceSpec) -> [String] {
        var spelled: [String] = []
        if let field = fieldNames(pointer).last.map(squashed), !field.isEmpty {
            spelled = [field, singularOf(field)]
        } else if let operation {
            spelled = [squashed(Operation.family(of: operation))]
        }
        guard !spelled.isEmpty else { return [] }
        return spec.errorCodes.filter { row in
            let words = MessageWords(row.message)
            return row.status == status && words.contains("null") && spelled.contains(where: words.names)
        }.map(\.code)
    }

    /// The codes for one request finding, best first: the codes of its field (``codes(for:status:in:)``),
    /// behind two closer readings of the table.
    ///
    /// - A code whose message names the field and the very bound the request broke comes
    ///   first, "invalid" or not: `EVS.2142 "invalid filter limit, can not greater than 1000."`
    ///   for a `limit` of 1001, `EVS.2228 "input volume ids must not be over 60."` for 61 ids.
    /// - A value of the wrong type whose field has no code of its own gets the table's
    ///   type-conversion code (`EVS.1018 "Type conversion error , parameter type is unexpected"`).
    /// - A missing field, or a missing body, gets the code that calls it null (``nullCodes(for:operation:status:in:)``).
    /// - A broken cross-field rule gets the code its citation quotes or whose message names its
    ///   fields and values (``constraintCodes(for:operation:status:in:)``).
    ///
    /// Decision: as for the field codes, the tables never say which code a request gets; a
    /// message that names both the field and the number is the closest the docs come.
    public static func codes(for finding: Finding, operation: String? = nil, status: Int = 400, in spec: ServiceSpec) -> [String] {
        var codes = codes(for: finding.pointer, status: status, in: spec)
        if let bound = documentedBound(of: finding) {
            let bounded = boundedCodes(for: finding.pointer, bound: bound, status: status, in: spec)
            codes = bounded + codes.filter { !bounded.contains($0) }
        }
        let constraint = constraintCodes(for: finding, operation: operation, status: status, in: spec)
        codes = constraint + codes.filter { !constraint.contains($0) }
        // A missing field, or a missing body, first gets the code that calls it null.
        let missingBody = finding.rule == Rule.requestBodyMalformed && finding.actual == "no body"
        if finding.rule == Rule.requestBodyMissingField || missingBody {
            let null = nullCodes(for: missingBody ? "" : finding.pointer, operation: operation, status: status, in: spec)
            codes = null + codes.filter { !null.contains($0) }
        }
        if codes.isEmpty, finding.rule == Rule.requestBodyType || finding.message.contains("is not an integer") || finding.message.contains("is not a number") {
            codes = spec.errorCodes.filter { row in
                let text = row.message.lowercased()
                return row.status == status && text.contains("type") && (text.contains("unexpected") || text.contains("conversion"))
            }.map(\.code)
        }
        return codes
    }

    /// Codes whose message names the field at `pointer` and the number `bound`, "invalid" or not
    /// (`EVS.2228 "input volume ids must not be over 60."` for `/volume_ids` and 60).
    static func boundedCodes(for pointer: String, bound: String, status: Int, in spec: ServiceSpec) -> [String] {
        guard let field = fieldNames(pointer).last.map(squashed), !field.isEmpty else { return [] }
        let singular = singularOf(field)
        return spec.errorCodes.filter { row in
            let numbers = row.message.split(whereSeparator: { !$0.isNumber }).map(String.init)
            let whole = squashed(row.message)
            return row.status == status && numbers.contains(bound) && (whole.contains(field) || whole.contains(singular))
        }.map(\.code)
    }

    /// Codes for a broken cross-field rule (`request.body.constraint`, ``BodyRule``), best first:
    ///
    /// 1. the code whose message the rule's citation quotes (the single-source rule cites EVS A.1
    ///    `EVS.1016 "… May specify only one of imageRef, snapshot_id, backup_id!"`);
    /// 2. an at-most-one group: codes whose message names two of its members or more; an item
    ///    limit: codes naming the field and the limit (``boundedCodes(for:bound:status:in:)``);
    /// 3. a field required or forbidden by a condition: codes naming the field and the value the
    ///    request gave the condition (`EVS.2233 "GPSSD2 type must input iops and throughput."`
    ///    for GPSSD2 without `throughput`), then codes naming the field and every value the
    ///    condition lists (`EVS.2235 "only ESSD2 and GPSSD2 can set iops or throughput"` for
    ///    SATA with `iops`).
    static func constraintCodes(for finding: Finding, operation: String?, status: Int, in spec: ServiceSpec) -> [String] {
        guard let operation, let rule = BodyRule.reported(by: finding, among: Rules.body(service: spec.service, operation: operation)) else { return [] }
        let rows = spec.errorCodes.filter { $0.status == status }
        var codes = rows.filter { $0.message.count >= 12 && rule.citation.sentence.contains($0.message) }.map(\.code)
        func name(_ path: String) -> String { squashed(path.split(separator: ".").last.map(String.init) ?? path) }
        switch rule.requirement {
        case .atMostOne(let fields):
            let names = fields.map(name)
            codes += rows.filter { row in names.count(where: MessageWords(row.message).contains) >= 2 }.map(\.code)
        case .maxItems(let field, let limit):
            codes += boundedCodes(for: "/" + field.replacingOccurrences(of: ".", with: "/"), bound: String(limit), status: status, in: spec)
            // A message about the field's count passing a limit without the number (`EVS.1061
            // "The Volume Tags is Exceed Max Limit Num."`).
            let field = name(field)
            codes += rows.filter { row in
                let words = MessageWords(row.message)
                return (words.contains(field) || words.contains(singularOf(field))) && (words.contains("exceed") || words.contains("max") || words.contains("over"))
            }.map(\.code)
        case .requiredWhen(let field, let condition), .forbiddenWhen(let field, let condition):
            let field = name(field)
            let given = rule.conditionValue(in: finding).map(squashed)
            let listed = condition.isOneOf.map(squashed)
            let naming = rows.filter { MessageWords($0.message).contains(field) }
            codes += naming.filter { row in given.map(MessageWords(row.message).contains) ?? false }.map(\.code)
            codes += naming.filter { row in listed.allSatisfy(MessageWords(row.message).contains) }.map(\.code)
        }
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }

    /// Codes for a well-formed id that names no resource, best first: the service's not-found
    /// code (`EVS.5404 "Resource(Volume, Snapshot, Backup .etc) could not be found."`, 404), then
    /// 400 codes whose message names the field, or the resource the id is of, and calls it
    /// invalid or not found (EVS A.1 `EVS.2045 "invalid snapshot_id!"`, `EVS.1024 "invalid filter
    /// marker!"`).
    ///
    /// Decision: the tables do not say whether an unknown id is a bad request or a missing
    /// resource. EVS.5404's message names the very resources (volume, snapshot), and a request
    /// the schema allows is not a bad one: a well-known tester (Schemathesis'
    /// `positive_data_acceptance`) holds that such a request is answered 2xx or 404. The field
    /// codes stay acceptable answers.
    public static func danglingCodes(for pointer: String, resource: String? = nil, in spec: ServiceSpec) -> [String] {
        var spelled = fieldNames(pointer).suffix(1).map(squashed)
        if let resource { spelled.append(squashed(resource)) }
        let named = spec.errorCodes.filter { row in
            let words = MessageWords(row.message)
            let refuses = words.contains("invalid") || row.message.lowercased().contains("not found")
            return row.status == 400 && refuses && spelled.contains(where: words.names)
        }.map(\.code)
        let missing = spec.errorCodes.filter { $0.status == 404 && $0.message.lowercased().contains("not be found") }.map(\.code)
        return missing + named
    }

    /// The table's codes for a resource in a status the operation does not allow, without
    /// naming the operation: messages that call a status invalid (EVS A.1 `EVS.1031 "invalid
    /// resources status!"`).
    public static func statusCodes(status: Int = 400, in spec: ServiceSpec) -> [String] {
        spec.errorCodes.filter { row in
            let words = MessageWords(row.message)
            return row.status == status && words.contains("invalid") && words.contains("status")
        }.map(\.code)
    }

    /// Codes for an idempotency token sent again with another request: messages that name the
    /// header and a conflict (EVS A.1 `EVS.2219 "url/project id/body conflict with X-Client-Token"`).
    public static func conflictCodes(header: String, status: Int = 400, in spec: ServiceSpec) -> [String] {
        let header = squashed(header)
        return spec.errorCodes.filter { row in
            let words = MessageWords(row.message)
            return row.status == status && words.contains(header) && words.contains("conflict")
        }.map(\.code)
    }

    /// Codes for a value that breaks a documented relation with the resource's own (``StateMachine/Relation``):
    /// messages that name the resource's field and the comparison (EVS A.1 `EVS.1015 "new volume
    /// Size must be greater than old Size!"` for a `new_size` not greater than `size`).
    public static func relationCodes(field: String, comparison: StateMachine.Relation.Comparison, status: Int = 400, in spec: ServiceSpec) -> [String] {
        let field = squashed(field)
        return spec.errorCodes.filter { row in
            row.status == status && MessageWords(row.message).contains(field) && row.message.lowercased().contains(comparison.words)
        }.map(\.code)
    }

    /// The documented bound a range finding names (`1000` in "is above the documented maximum
    /// 1000", `60` in "at most 60 items"), nil for other findings.
    static func documentedBound(of finding: Finding) -> String? {
        let text = finding.rule == Rule.requestBodyRange ? (finding.expected ?? finding.message) : finding.message
        guard finding.rule == Rule.requestBodyRange || text.contains("documented maximum") || text.contains("documented minimum") else { return nil }
        for marker in ["documented maximum ", "documented minimum ", "at most ", "at least "] {
            if let range = text.range(of: marker) {
                let number = text[range.upperBound...].prefix { $0.isNumber }
                if !number.isEmpty { return String(number) }
            }
        }
        return nil
    }

    /// The service's generic bad-request code: the 400 code whose message says the request or its
    /// body is malformed (EVS `EVS.5400 "Malformed request body."`, Baidu `BadRequest` "Bad
    /// request parameters or illegal request."), nil when the table has none (Tencent's gateway
    /// documents no code table; its `scode` is the status).
    public static func generic(in spec: ServiceSpec) -> String? {
        let rows = spec.errorCodes.filter { $0.status == 400 }
        return (rows.first { $0.message.lowercased().contains("malformed") } ?? rows.first { $0.message.lowercased().hasPrefix("bad request") })?.code
    }

    /// The member names of a pointer, array indices left out (`/volumes/0/new_size` →
    /// `volumes`, `new_size`); a parameter name is its own one name.
    static func fieldNames(_ pointer: String) -> [String] {
        pointer.split(separator: "/").map(String.init).filter { Int($0) == nil && !$0.isEmpty }
    }

    /// `volume` for `volumes`: a message may name the field in the singular.
    static func singularOf(_ field: String) -> String {
        field.count > 3 && field.hasSuffix("s") ? String(field.dropLast()) : field
    }

    /// Lower case without `_`, `-`, `:` and spaces: `sort_key` and `sortKey` become `sortkey`.
    static func squashed(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// The words of an error message, squashed (``FieldErrorCodes/squashed(_:)``), in order, and
/// whether a run of them spells a field name.
struct MessageWords {
    let words: [String]

    /// Words that may stand before a field's name without making it part of a longer name
    /// (`invalid filter limit`, `null volume`, `input volume ids`); not `of`: in `the quantity of
    /// volume is invalid!` the subject is the quantity.
    static let leading: Set<String> = ["invalid", "filter", "input", "the", "a", "an", "null", "param", "parameter"]
    /// Words that may follow it (`invalid X-Client-Token in header`, `invalid iops value`,
    /// `invalid filter limit, can not …`).
    static let trailing: Set<String> = ["in", "of", "is", "are", "must", "can", "should", "not", "and", "or", "for", "when", "value", "param",
                                        "parameter", "received", "format", "req"]

    init(_ message: String) {
        words = message.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ":") }.map { FieldErrorCodes.squashed(String($0)) }.filter { !$0.isEmpty }
    }

    func contains(_ word: String) -> Bool { words.contains(word) }

    /// Whether a run of at most three words spells `name` (squashed), standing alone: the word
    /// before it, if any, is one of ``leading`` and the word after it one of ``trailing``.
    func names(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for start in words.indices {
            var spelled = ""
            for end in start..<min(start + 3, words.count) {
                spelled += words[end]
                guard name.hasPrefix(spelled) else { break }
                guard spelled == name else { continue }
                let before = start > 0 ? words[start - 1] : nil
                let after = end + 1 < words.count ? words[end + 1] : nil
                if before.map(Self.leading.contains) ?? true, after.map(Self.trailing.contains) ?? true { return true }
            }
        }
        return false
    }
}
