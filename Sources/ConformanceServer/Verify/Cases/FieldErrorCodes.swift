import ConformanceModel

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
    public static func codes(for pointer: String, status: Int = 400, in spec: ServiceSpec) -> [String] {
        let names = fieldNames(pointer)
        guard let field = names.last.map(squashed), !field.isEmpty else { return [] }
        let parent = names.count > 1 ? squashed(names[names.count - 2]) : ""
        let singular = singularOf(field)
        var scored: [(score: Int, order: Int, code: String)] = []
        for (order, row) in spec.errorCodes.enumerated() where row.status == status {
            let text = row.message.lowercased()
            guard text.contains("invalid") else { continue }
            let whole = squashed(text)
            let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ":") }.map { squashed(String($0)) })
            var score = 0
            if !parent.isEmpty && whole.contains(parent + field) {
                score = 3
            } else if words.contains(field) || words.contains(singular) || (field.count >= 6 && whole.contains(field)) {
                score = 2
            }
            if score > 0 { scored.append((score, order, row.code)) }
        }
        return scored.sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }.map(\.code)
    }

    /// The codes for one request finding, best first: the codes of its field (``codes(for:status:in:)``),
    /// behind two closer readings of the table.
    ///
    /// - A code whose message names the field and the very bound the request broke comes
    ///   first, "invalid" or not: `EVS.2142 "invalid filter limit, can not greater than 1000."`
    ///   for a `limit` of 1001, `EVS.2228 "input volume ids must not be over 60."` for 61 ids.
    /// - A value of the wrong type whose field has no code of its own gets the table's
    ///   type-conversion code (`EVS.1018 "Type conversion error , parameter type is unexpected"`).
    ///
    /// Decision: as for the field codes, the tables never say which code a request gets; a
    /// message that names both the field and the number is the closest the docs come.
    public static func codes(for finding: Finding, status: Int = 400, in spec: ServiceSpec) -> [String] {
        var codes = codes(for: finding.pointer, status: status, in: spec)
        if let field = fieldNames(finding.pointer).last.map(squashed), !field.isEmpty, let bound = documentedBound(of: finding) {
            let singular = singularOf(field)
            let bounded = spec.errorCodes.filter { row in
                let numbers = row.message.split(whereSeparator: { !$0.isNumber }).map(String.init)
                let whole = squashed(row.message)
                return row.status == status && numbers.contains(bound) && (whole.contains(field) || whole.contains(singular))
            }.map(\.code)
            codes = bounded + codes.filter { !bounded.contains($0) }
        }
        if codes.isEmpty, finding.rule == Rule.requestBodyType || finding.message.contains("is not an integer") || finding.message.contains("is not a number") {
            codes = spec.errorCodes.filter { row in
                let text = row.message.lowercased()
                return row.status == status && text.contains("type") && (text.contains("unexpected") || text.contains("conversion"))
            }.map(\.code)
        }
        return codes
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
