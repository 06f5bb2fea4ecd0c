/// The bullet markers documents put in front of list items (`-   `, `* `, `• `), as the
/// markdown pages and the PDF export both write them.
enum ListMarker {
    /// `true` when `text` starts with a bullet and a space.
    static func isListItem(_ text: String) -> Bool {
        text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("• ")
    }

    /// `text` without its leading bullets and the spaces after them.
    static func strip(_ text: String) -> String {
        var result = Substring(text)
        while let first = result.first, "-*•".contains(first) || first == " " {
            result = result.dropFirst()
        }
        return String(result)
    }
}
