import ConformanceModel

import Foundation

/// Derives stable operation ids where the document shows no SDK name.
///
/// The id is `Verb` + `Resource` in PascalCase. The resource is every literal path segment
/// after the version, the ones before the last made singular: `GET /v2/{project_id}/volumes`
/// → `ListVolumes`, `GET .../volumes/{volume_id}` → `ShowVolume`, `PUT
/// .../volumes/{volume_id}/metadata/{key}` → `UpdateVolumeMetadataItem` (a parameter after a
/// singular noun addresses one item of it), `POST .../volumes/{volume_id}/action` with
/// `os-extend` → `ExtendVolume` (the Cinder `os-` prefix dropped), `POST
/// .../cloudservers/{server_id}/resize` → `ResizeCloudserver` (a trailing literal that is not a
/// noun is the verb). Ids only have to be stable and unique; `ServiceExtractor` suffixes
/// the version or `Deprecated` when two operations derive the same one.
public enum OperationNaming {
    /// Singular nouns that name a collection or a document, not an action, at the end of a path.
    static let nouns: Set<String> = ["metadata", "data", "info", "information", "policy", "quota", "detail", "action"]

    public static func derive(method: String, path: String, action: String?) -> String {
        let segments = PathTemplate(path).segments.filter { !isVersion($0.text) }
        var literals = segments.compactMap { if case .literal(let text) = $0 { text } else { nil } }
        let endsWithParameter = segments.last?.parameterName != nil
        let upper = method.uppercased()
        if let action {
            if literals.last == "action" { literals.removeLast() }
            let verb = action.lowercased().hasPrefix("os-") ? String(action.dropFirst(3)) : action
            return pascal(verb) + resource(literals, pluralLast: false)
        }
        guard !literals.isEmpty else { return (upper == "GET" ? (endsWithParameter ? "Show" : "List") : pascal(method.lowercased())) + "Root" }
        // `GET .../cloudvolumes/detail`: the list of `cloudvolumes` with details, not a `detail` resource.
        if upper == "GET", !endsWithParameter, literals.last == "detail", literals.count >= 2 {
            return "List" + resource(Array(literals.dropLast()), pluralLast: true) + "Details"
        }
        // A trailing literal that is not a noun (`/resize`, `/accept`, `/rollback`) is the verb.
        if !endsWithParameter, literals.count >= 2, upper == "POST" || upper == "PUT",
           let last = literals.last, !last.hasSuffix("s"), !nouns.contains(last.lowercased()) {
            return pascal(last) + resource(Array(literals.dropLast()), pluralLast: false)
        }
        let item = endsWithParameter && segments.count >= 2 && segments[segments.count - 2].parameterName == nil
            && !(literals.last?.hasSuffix("s") ?? true) && nouns.contains(literals.last!.lowercased()) ? "Item" : ""
        switch upper {
        case "GET": return endsWithParameter ? "Show" + resource(literals, pluralLast: false) + item : "List" + resource(literals, pluralLast: true)
        case "POST": return (endsWithParameter ? "Post" : "Create") + resource(literals, pluralLast: false) + item
        case "PUT": return "Update" + resource(literals, pluralLast: false) + item
        case "PATCH": return "Patch" + resource(literals, pluralLast: false) + item
        case "DELETE": return "Delete" + resource(literals, pluralLast: false) + item
        default: return pascal(method.lowercased()) + resource(literals, pluralLast: false) + item
        }
    }

    /// The literal segments as one PascalCase name, all but the last singular.
    private static func resource(_ literals: [String], pluralLast: Bool) -> String {
        literals.enumerated().map { index, word in
            pascal(index == literals.count - 1 && pluralLast ? word : singular(word))
        }.joined()
    }

    static func isVersion(_ segment: String) -> Bool {
        guard segment.first == "v" || segment.first == "V" else { return false }
        let rest = segment.dropFirst()
        return !rest.isEmpty && rest.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `os-extend` → `OsExtend`, `cloud_volumes` → `CloudVolumes`, `OS-SCH-HNT:hints` → `OsSchHntHints`.
    public static func pascal(_ text: String) -> String {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { word in word.prefix(1).uppercased() + word.dropFirst().lowercased() }
            .joined()
    }

    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("xes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }
}
