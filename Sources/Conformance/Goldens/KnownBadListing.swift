import ConformanceModel
import Foundation

/// `golden/<service>/KNOWN-BAD.md`: the golden files the validator rejects, each with the reason
/// a person gave after reading the docs. `conformance golden` never writes it.
///
/// The listing is Markdown. Every `## ` or `### ` heading after the introduction names a reason,
/// and the paragraph under it says which doc sentences disagree and why the files break every
/// reading of the docs; each entry is a list item `` - `Operation/file.json`: detail `` (the
/// path below the service folder, then what in that file is wrong). `KnownBadReview` compares
/// the list with the validator's verdicts, in both directions.
public enum KnownBadListing {
    /// One listed file.
    public struct Entry: Sendable, Hashable {
        /// The path below the service folder, e.g. `CreateVolume/example-request-2.txt`.
        public var file: String
        /// What in the file is wrong, as the person wrote it.
        public var detail: String
        /// The heading of the reason it is listed under.
        public var reason: String
        /// Whether that heading has a paragraph explaining it.
        public var reasonExplained: Bool
        /// The 1-based line of the entry in the listing.
        public var line: Int
    }

    /// Every entry of a listing, in order.
    public static func entries(in listing: String) -> [Entry] {
        var entries: [Entry] = []
        var reason = ""
        var explained = false
        for (offset, raw) in listing.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") || line.hasPrefix("### ") {
                reason = String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                explained = false
            } else if line.hasPrefix("- `"), let close = line.dropFirst(3).firstIndex(of: "`") {
                let file = String(line[line.index(line.startIndex, offsetBy: 3)..<close])
                var detail = String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces)
                if detail.hasPrefix(":") { detail = String(detail.dropFirst()).trimmingCharacters(in: .whitespaces) }
                if file.contains("/") {
                    entries.append(Entry(file: file, detail: detail, reason: reason, reasonExplained: explained, line: offset + 1))
                }
            } else if !line.isEmpty, !line.hasPrefix("#"), !reason.isEmpty {
                explained = true
            }
        }
        return entries
    }

    /// The files a listing names (paths below the service folder).
    public static func files(in listing: String) -> Set<String> {
        Set(entries(in: listing).map(\.file))
    }
}
