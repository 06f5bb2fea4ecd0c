import ConformanceModel

/// Compares the validator's verdict on golden files with the hand-written `KNOWN-BAD.md`, in
/// both directions (issue 21: a new rejection or a new acceptance needs a person's review).
public enum KnownBadReview {
    /// A golden file whose verdict and listing disagree.
    public struct Discrepancy: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable {
            /// Rejected by the validator, not in the listing.
            case unlistedRejection
            /// In the listing, accepted by the validator.
            case listedAcceptance
            /// In the listing, but no such golden file exists.
            case missingFile
            /// In the listing without a reason: no detail, or under a heading with no explanation.
            case unexplained
        }

        public var kind: Kind
        public var service: String
        /// The path below the service folder.
        public var file: String
        /// The validator's error findings, for a rejection.
        public var findings: [Finding]

        /// What went wrong and how to review it.
        public var description: String {
            let listing = "golden/\(service)/\(GoldenSet.knownBadName)"
            switch kind {
            case .unlistedRejection:
                let shown = findings.prefix(3).map { "\($0.rule) at \($0.pointer.isEmpty ? "(body)" : $0.pointer): \($0.message)" }.joined(separator: "; ")
                return "golden/\(service)/\(file) is rejected (\(shown)) but not listed in \(listing). Review it against the docs: if it breaks every reading of them, add it to the listing under a heading that says which sentences disagree and why; if a reading allows it, the validator or the extraction is wrong: fix that instead."
            case .listedAcceptance:
                return "golden/\(service)/\(file) is listed in \(listing) but the validator accepts it now. Review the change: if the docs' readings do allow it, remove the entry; if not, the validator stopped catching what the entry describes."
            case .missingFile:
                return "\(listing) lists \(file), which is not a golden file; remove or correct the entry."
            case .unexplained:
                return "\(listing) lists \(file) without a reason: give the entry a detail and its heading a paragraph that says why it breaks every reading of the docs."
            }
        }
    }

    /// The discrepancies of one service. `verdicts` maps each golden file (path below the
    /// service folder) to the validator's error findings (empty: accepted).
    public static func compare(service: String, verdicts: [String: [Finding]], listing: String) -> [Discrepancy] {
        let entries = KnownBadListing.entries(in: listing)
        let listed = Set(entries.map(\.file))
        var result: [Discrepancy] = []
        for file in verdicts.keys.sorted() {
            let errors = verdicts[file]!
            if !errors.isEmpty, !listed.contains(file) {
                result.append(Discrepancy(kind: .unlistedRejection, service: service, file: file, findings: errors))
            } else if errors.isEmpty, listed.contains(file) {
                result.append(Discrepancy(kind: .listedAcceptance, service: service, file: file, findings: []))
            }
        }
        for entry in entries {
            if verdicts[entry.file] == nil {
                result.append(Discrepancy(kind: .missingFile, service: service, file: entry.file, findings: []))
            } else if entry.detail.isEmpty || !entry.reasonExplained {
                result.append(Discrepancy(kind: .unexplained, service: service, file: entry.file, findings: []))
            }
        }
        return result
    }

    /// The verdicts of a generated golden set: every payload file with its error findings.
    public static func verdicts(of set: GoldenSet) -> [String: [Finding]] {
        var verdicts: [String: [Finding]] = [:]
        for file in set.files where file.operation != nil {
            verdicts[String(file.path.dropFirst(set.service.service.count + 1))] = file.errors
        }
        return verdicts
    }
}
