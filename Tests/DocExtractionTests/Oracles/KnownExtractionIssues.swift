/// Differences between the extraction and the hand-read expectations that are bugs of the
/// extraction, each with the document line, what it says and what the extraction has.
/// `HandReadOracleTests` marks the differences an entry matches with `withKnownIssue`; an entry
/// that matches no difference fails that test, so fixing a reader means deleting its entry here.
enum KnownExtractionIssues {
    struct Entry {
        /// A difference matches when its text contains every one of these.
        var matching: [String]
        var reason: String
    }

    /// Expectation file → its known issues.
    /// (Empty: the last one, EVS §5.1's status list `- 正常` / `300` read as 200, is fixed; the
    /// PDF reader now reads a 状态码 section written as a list, `HuaweiConventions.statusListLine`.)
    static let entries: [String: [Entry]] = [:]

    /// Messages of `NaiveReaderOracleTests` (exactly as printed) that are extraction bugs → why.
    static let naive: [String: String] = [:]

    /// The reason of the entry that `difference` matches, if any.
    static func reason(file: String, difference: String) -> String? {
        entries[file]?.first { entry in entry.matching.allSatisfy(difference.contains) }?.reason
    }

    /// The entries of `file` that match none of `differences`: fixed, to be deleted.
    static func stale(file: String, differences: [String]) -> [Entry] {
        (entries[file] ?? []).filter { entry in !differences.contains { difference in entry.matching.allSatisfy(difference.contains) } }
    }
}
