/// A unified diff between two texts, line by line (Myers' O(ND) algorithm), for `--check`
/// commands that must say how a committed file differs from a fresh one.
public enum LineDiff {
    /// The unified diff of `old` and `new` with `context` lines around each change, or an
    /// empty string when they are equal. `oldName`/`newName` head the diff.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3, maximumLines: Int = 400) -> String {
        if old == new { return "" }
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        let edits = script(a, b)
        var output = ["--- \(oldName)", "+++ \(newName)"]
        // Group changes whose gap is at most twice the context into one hunk.
        let changes = edits.indices.filter { edits[$0].kind != .same }
        var groups: [(first: Int, last: Int)] = []
        for index in changes {
            if let last = groups.last, index - last.last <= context * 2 + 1 {
                groups[groups.count - 1].last = index
            } else {
                groups.append((index, index))
            }
        }
        for group in groups {
            let hunk = edits[max(0, group.first - context)...min(edits.count - 1, group.last + context)]
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            let oldStart = (hunk.first { $0.kind != .insert }?.oldLine ?? hunk.first!.oldLine - 1) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newLine ?? hunk.first!.newLine - 1) + 1
            output.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for edit in hunk {
                switch edit.kind {
                case .same: output.append(" " + a[edit.oldLine])
                case .delete: output.append("-" + a[edit.oldLine])
                case .insert: output.append("+" + b[edit.newLine])
                }
            }
            if output.count > maximumLines {
                output.append("... (diff cut at \(maximumLines) lines)")
                break
            }
        }
        return output.joined(separator: "\n") + "\n"
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        /// For `same` and `delete`: the line in `a`; for `insert`: the position in `a`.
        var oldLine: Int
        /// For `same` and `insert`: the line in `b`; for `delete`: the position in `b`.
        var newLine: Int
    }

    /// The shortest edit script from `a` to `b`; common leading and trailing lines are
    /// matched first, and each step of the trace keeps only its live diagonals, so memory
    /// grows with the square of the number of changes, not with the file size.
    static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var edits: [Edit] = (0..<prefix).map { Edit(kind: .same, oldLine: $0, newLine: $0) }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        for edit in middle(middleA, middleB) {
            edits.append(Edit(kind: edit.kind, oldLine: edit.oldLine + prefix, newLine: edit.newLine + prefix))
        }
        for offset in 0..<suffix {
            edits.append(Edit(kind: .same, oldLine: a.count - suffix + offset, newLine: b.count - suffix + offset))
        }
        return edits
    }

    private static func middle(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { Edit(kind: .insert, oldLine: 0, newLine: $0) } }
        if m == 0 { return (0..<n).map { Edit(kind: .delete, oldLine: $0, newLine: 0) } }
        let maximum = n + m
        var v = [Int](repeating: 0, count: 2 * maximum + 3)
        // trace[d] holds v[-d-1 ... d+1] as it was before step d.
        var trace: [[Int]] = []
        func at(_ snapshot: [Int], _ d: Int, _ k: Int) -> Int { snapshot[k + d + 1] }
        outer: for d in 0...maximum {
            trace.append(Array(v[(maximum - d - 1 + 1)...(maximum + d + 1 + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[k - 1 + maximum + 1] < v[k + 1 + maximum + 1]) {
                    x = v[k + 1 + maximum + 1]
                } else {
                    x = v[k - 1 + maximum + 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[k + maximum + 1] = x
                if x >= n && y >= m { break outer }
            }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let snapshot = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && at(snapshot, d, k - 1) < at(snapshot, d, k + 1)) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : at(snapshot, d, previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                edits.append(Edit(kind: .same, oldLine: x, newLine: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    edits.append(Edit(kind: .insert, oldLine: x, newLine: y))
                } else {
                    x -= 1
                    edits.append(Edit(kind: .delete, oldLine: x, newLine: y))
                }
            }
        }
        while x > 0 && y > 0 {
            x -= 1
            y -= 1
            edits.append(Edit(kind: .same, oldLine: x, newLine: y))
        }
        return edits.reversed()
    }
}
