import Foundation

/// Derives stable operation ids where the document shows no SDK name.
///
/// The id is `Verb` + `Resource` in PascalCase, from the method, the path and the action:
/// `GET /v2/{project_id}/volumes` → `ListVolumes`, `GET .../volumes/{volume_id}` →
/// `ShowVolume`, `POST .../volumes/{volume_id}/action` with `os-extend` →
/// `OsExtendVolume`, `POST /v1.1/{project_id}/cloudservers/{server_id}/resize` →
/// `ResizeCloudserver`. Ids only have to be stable and unique; `ServiceExtractor` adds a
/// suffix when two operations derive the same one.
public enum OperationNaming {
    public static func derive(method: String, path: String, action: String?) -> String {
        let segments = path.split(separator: "/").map(String.init).filter { segment in
            !segment.isEmpty && !isVersion(segment)
        }
        let literal = segments.filter { !$0.hasPrefix("{") }
        let endsWithParameter = segments.last?.hasPrefix("{") ?? false
        var resource = literal.last ?? "root"
        var verb: String
        if let action {
            verb = pascal(action)
            if resource == "action", literal.count >= 2 { resource = literal[literal.count - 2] }
            return verb + pascal(singular(resource))
        }
        // `GET .../cloudvolumes/detail`: the list of `cloudvolumes` with details, not a `detail` resource.
        if method.uppercased() == "GET", !endsWithParameter, resource == "detail", literal.count >= 2 {
            return "List" + pascal(literal[literal.count - 2]) + "Details"
        }
        switch method.uppercased() {
        case "GET": verb = endsWithParameter ? "Show" : "List"
        case "POST": verb = endsWithParameter ? "Post" : "Create"
        case "PUT": verb = "Update"
        case "PATCH": verb = "Patch"
        case "DELETE": verb = "Delete"
        case "HEAD": verb = "Head"
        default: verb = pascal(method.lowercased())
        }
        // A trailing verb-like literal (`/resize`, `/detail`) is the verb itself.
        if !endsWithParameter, literal.count >= 2, method.uppercased() == "POST" {
            verb = pascal(resource)
            resource = literal[literal.count - 2]
            return verb + pascal(singular(resource))
        }
        if verb == "List" { return verb + pascal(resource) }
        return verb + pascal(singular(resource))
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
