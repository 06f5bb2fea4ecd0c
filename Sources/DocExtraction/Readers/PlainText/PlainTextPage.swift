/// A plain-text API page cut into its parts: title, summary, bullet constraints and the
/// lines of each section, every line with its 1-based number.
///
/// The preamble (before the first section heading) of `004_*.txt` is: site and product
/// names (`百度智能云`, `Cloud Compute Service`), the title (`Disk Renewal`), a summary
/// sentence and `•` bullets. The title is the last line before the first sentence that
/// does not end like a sentence; sentences are the summary; bullets are constraints.
struct PlainTextPage {
    var title: (text: String, line: Int)?
    var summary: [String] = []
    var constraints: [(text: String, line: Int)] = []
    var sections: [(role: PlainTextConventions.SectionRole, heading: String, line: Int, lines: [(text: Substring, line: Int)])] = []

    init(_ document: SourceDocument) {
        var preamble: [(text: String, line: Int)] = []
        for (index, raw) in document.lines.enumerated() {
            let line = index + 1
            let text = raw.trimmingCharacters(in: .whitespaces)
            if PlainTextConventions.isFooter(text) { break }
            if let role = PlainTextConventions.sectionRole(text) {
                sections.append((role, text, line, []))
                continue
            }
            if sections.isEmpty {
                if !text.isEmpty { preamble.append((text, line)) }
            } else {
                sections[sections.count - 1].lines.append((raw, line))
            }
        }
        var sawSentence = false
        for (offset, entry) in preamble.enumerated() {
            if let bullet = PlainTextConventions.bulletText(entry.text) {
                constraints.append((bullet, entry.line))
            } else if Self.isSentence(entry.text) {
                if !sawSentence, offset > 0, !Self.isSentence(preamble[offset - 1].text), PlainTextConventions.bulletText(preamble[offset - 1].text) == nil {
                    title = preamble[offset - 1]
                }
                sawSentence = true
                summary.append(entry.text)
            }
        }
        if title == nil, let last = preamble.last(where: { !Self.isSentence($0.text) && PlainTextConventions.bulletText($0.text) == nil }) {
            title = last
        }
    }

    /// A line that ends like a sentence.
    static func isSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".。!?".contains(last) && text.contains(" ")
    }

    /// The lines of the first section with `role`.
    func lines(_ role: PlainTextConventions.SectionRole) -> [(text: Substring, line: Int)]? {
        sections.first { $0.role == role }?.lines
    }
}
