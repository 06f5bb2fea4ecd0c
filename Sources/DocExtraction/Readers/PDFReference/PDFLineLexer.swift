import Foundation

/// One logical line of a PDF text export, classified by what it looks like.
struct PDFLine: Sendable, Hashable {
    /// What a line is.
    enum Kind: Sendable, Hashable {
        case blank
        /// A numbered heading the TOC lists: `6.1.1 创建云硬盘`.
        case heading(number: String, title: String)
        /// A table caption: `表 6-5 CreateVolumeOption` (number `6-5`, title `CreateVolumeOption`).
        case caption(number: String, title: String)
        /// A figure caption (`图 3-1 URI 示意图`): the figure itself is not in the text.
        case figure
        /// A tab-separated table row, its cells as written.
        case row([Substring])
        /// A code fence (```` ``` ````), with its info string.
        case fence
        case text(String)
    }

    var kind: Kind
    /// The 1-based line in the document; lines split from one glued line share it.
    var line: Int
}

/// Cuts a PDF text export into classified logical lines.
///
/// The export's layout (Huawei EVS API reference): numbered headings on their own line,
/// `表 N-M caption` lines, tables as tab-separated lines, fenced code, and prose. Two PDF
/// artefacts are undone here: a heading glued to the end of the previous line in bold markers
/// (`...。**8.2.4.12 删除云硬盘快照的单个元数据（废弃）****功能介绍**`) is split into its own
/// lines, and the TOC's tab-separated `title<TAB>page` lines are not table rows.
enum PDFLineLexer {
    /// The unnumbered headings of an operation section (the same words as the per-API pages),
    /// which a glued line may carry in bold.
    static let sectionWords: Set<String> = [
        "功能介绍", "接口约束", "调用方法", "URI", "请求参数", "请求", "请求消息", "响应参数", "响应", "响应消息",
        "请求示例", "响应示例", "请求样例", "响应样例", "SDK代码示例", "状态码", "错误码", "返回值",
    ]

    struct Result {
        var lines: [PDFLine]
        /// Lines where a glued heading was split off.
        var gluedLines: [Int]
    }

    static func lex(_ lines: [Substring], outline: PDFOutline) -> Result {
        var result: [PDFLine] = []
        result.reserveCapacity(lines.count)
        var glued: [Int] = []
        var inFence = false
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                inFence.toggle()
                result.append(PDFLine(kind: .fence, line: number))
                continue
            }
            // Inside code, every line is text: JSON and SDK samples are never headings or rows.
            if inFence {
                result.append(PDFLine(kind: .text(String(raw)), line: number))
                continue
            }
            if outline.lines.contains(number) {
                result.append(PDFLine(kind: .blank, line: number))
                continue
            }
            if raw.contains("**"), let pieces = splitGlued(trimmed, outline: outline) {
                glued.append(number)
                for piece in pieces {
                    result.append(PDFLine(kind: classify(Substring(piece), outline: outline), line: number))
                }
                continue
            }
            result.append(PDFLine(kind: classify(raw, outline: outline), line: number))
        }
        return Result(lines: result, gluedLines: glued)
    }

    /// Classifies one line outside code.
    static func classify(_ raw: Substring, outline: PDFOutline) -> PDFLine.Kind {
        if raw.contains("\t") {
            return .row(raw.split(separator: "\t", omittingEmptySubsequences: false))
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .blank }
        if let caption = caption(text) { return .caption(number: caption.number, title: caption.title) }
        if text.hasPrefix("图 "), text.dropFirst(2).first?.isNumber == true || text.dropFirst(2).first?.isUppercase == true {
            return .figure
        }
        if let (number, title) = numberedTitle(Substring(text)), isHeading(number: number, title: title, outline: outline) {
            return .heading(number: number, title: title)
        }
        return .text(text)
    }

    /// A numbered line is a heading when the TOC lists it; without a TOC, when its number has
    /// at least one dot (`6.1.1`, `A.3`), which prose lines (`1 个`) do not.
    private static func isHeading(number: String, title: String, outline: PDFOutline) -> Bool {
        if !outline.isEmpty { return outline.lists(number: number, title: title) }
        return number.contains(".")
    }

    /// `表 6-5 CreateVolumeOption` → (`6-5`, `CreateVolumeOption`); `表3-1 URI 中的参数说明` too.
    static func caption(_ text: String) -> (number: String, title: String)? {
        guard text.hasPrefix("表") else { return nil }
        let rest = text.dropFirst().drop { $0 == " " }
        let number = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard number.contains("-"), number.first?.isASCII == true, number.last?.isNumber == true else { return nil }
        let title = rest.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        return (String(number), title)
    }

    /// `6.1.1 创建云硬盘` → (`6.1.1`, `创建云硬盘`); `A.3 云硬盘状态` → (`A.3`, ...); `B 修订记录`.
    static func numberedTitle(_ text: Substring) -> (String, String)? {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0.isUppercase || $0 == ".") }
        guard !number.isEmpty, number.count < text.count, text[number.endIndex] == " " else { return nil }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty) else { return nil }
        for (index, part) in parts.enumerated() {
            let isLetter = part.count == 1 && part.first!.isUppercase
            guard part.allSatisfy(\.isNumber) || (index == 0 && isLetter) else { return nil }
        }
        let title = text[number.endIndex...].trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return nil }
        return (String(number), title)
    }

    /// Splits `prefix**A****B**` into `prefix`, `A`, `B` when `A` is a heading, a caption, an
    /// operation sub-heading or a status line; `nil` when the bold text is ordinary emphasis
    /// (`- **accountid**为IAM用户所属的账号ID`). `状态码：400**表 8-400** 响应 Body 参数` gives
    /// `状态码：400` and `表 8-400 响应 Body 参数`: text after a bold piece belongs to it.
    static func splitGlued(_ text: String, outline: PDFOutline) -> [String]? {
        guard let first = text.range(of: "**") else { return nil }
        let prefix = text[..<first.lowerBound].trimmingCharacters(in: .whitespaces)
        let rest = String(text[first.upperBound...])
        let pieces = rest.components(separatedBy: "****")
            .map { $0.replacingOccurrences(of: "**", with: " ").split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            .filter { !$0.isEmpty }
        guard let lead = pieces.first, isStructural(lead, outline: outline) else { return nil }
        return (prefix.isEmpty ? [] : [prefix]) + pieces
    }

    private static func isStructural(_ text: String, outline: PDFOutline) -> Bool {
        if caption(text) != nil { return true }
        if sectionWords.contains(text.replacingOccurrences(of: " ", with: "")) { return true }
        if HuaweiConventions.statusLine(text) != nil { return true }
        if let (number, title) = numberedTitle(Substring(text)) { return isHeading(number: number, title: title, outline: outline) }
        return false
    }
}
