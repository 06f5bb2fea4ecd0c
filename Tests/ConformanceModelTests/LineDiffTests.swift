import ConformanceModel
import Testing

@Suite("Line diffs for --check")
struct LineDiffTests {
    @Test("equal texts give no diff")
    func equal() {
        #expect(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "old", newName: "new").isEmpty)
    }

    @Test("a changed line shows as removed and added with context")
    func changedLine() {
        let old = (1...10).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "5", with: "five")
        let diff = LineDiff.unified(old: old, new: new, oldName: "old", newName: "new", context: 1)
        #expect(diff == """
            --- old
            +++ new
            @@ -4,3 +4,3 @@
             4
            -5
            +five
             6

            """)
    }

    @Test("insertions and deletions at both ends")
    func ends() {
        let diff = LineDiff.unified(old: "a\nb\nc", new: "x\nb\nc\nd", oldName: "o", newName: "n", context: 0)
        #expect(diff.contains("-a\n+x"))
        #expect(diff.contains("+d"))
        #expect(!diff.contains(" b"))
    }
}
