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
        let names = pointer.split(separator: "/").map(String.init).filter { Int($0) == nil && !$0.isEmpty }
        guard let field = names.last.map(squashed), !field.isEmpty else { return [] }
        let parent = names.count > 1 ? squashed(names[names.count - 2]) : ""
        let singular = field.count > 3 && field.hasSuffix("s") ? String(field.dropLast()) : field
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

    /// The service's generic bad-request code: the 400 code whose message says the request or its
    /// body is malformed (EVS `EVS.5400 "Malformed request body."`, Baidu `BadRequest` "Bad
    /// request parameters or illegal request."), nil when the table has none (Tencent's gateway
    /// documents no code table; its `scode` is the status).
    public static func generic(in spec: ServiceSpec) -> String? {
        let rows = spec.errorCodes.filter { $0.status == 400 }
        return (rows.first { $0.message.lowercased().contains("malformed") } ?? rows.first { $0.message.lowercased().hasPrefix("bad request") })?.code
    }

    /// Lower case without `_`, `-`, `:` and spaces: `sort_key` and `sortKey` become `sortkey`.
    static func squashed(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
