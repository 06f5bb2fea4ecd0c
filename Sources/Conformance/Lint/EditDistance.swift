/// Levenshtein distance between two keys, for `example.misspelled-key`.
///
/// Keys within a small distance of a documented key that they do not equal are reported as
/// misspellings (`OS-SCH-HNT:scheduler_hints` vs `OS-SCH-HNT:schedule_r_hints`, distance 1;
/// `source_volid` vs `source_vol_id`); anything farther is an unknown field. The limit is 2
/// edits, and at most a fifth of the longer key, so that short keys (`id`, `name`) do not
/// match each other.
enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The documented key `key` is most likely a misspelling of, if any.
    static func nearMiss(of key: String, among documented: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for name in documented where name != key {
            let limit = min(2, max(key.count, name.count) / 5)
            guard limit > 0 else { continue }
            let d = distance(key, name)
            if d <= limit, best == nil || d < best!.distance { best = (name, d) }
        }
        return best?.name
    }
}
