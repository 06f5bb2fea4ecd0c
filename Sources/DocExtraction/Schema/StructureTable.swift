import ConformanceModel
import Foundation

/// A field table that describes the fields of one object, together with the words the
/// document uses to name it, so that a field's type can be resolved to it.
public struct StructureTable: Sendable, Hashable {
    /// The subject the label names: `os-extend` for `os-extend参数说明`, `resize` for
    /// `[1] resize数据结构说明`, `CreateVolumeOption` for `表 6-5 CreateVolumeOption`.
    public var subject: String
    /// The footnote number, for `[1] resize数据结构说明`.
    public var footnote: Int?
    /// The caption number, for `表 6-5 ...` (`6-5`) or `表3` (`3`).
    public var captionNumber: String?
    public var rows: [FieldRow]
    /// The table's position among the tables of its operation, in document order.
    public var order: Int
    public var source: DocReference
    /// The anchors in front of the table (its label's and its own), which in-page links name.
    public var anchors: [String]

    public init(subject: String, footnote: Int? = nil, captionNumber: String? = nil, rows: [FieldRow], order: Int, source: DocReference, anchors: [String] = []) {
        self.subject = subject
        self.footnote = footnote
        self.captionNumber = captionNumber
        self.rows = rows
        self.order = order
        self.source = source
        self.anchors = anchors
    }

    /// `true` for a subject that is an SDK-style type name (`CreateVolumeOption`), which names
    /// the object the table describes; not for a field name (`volume`) or words.
    public var subjectIsTypeName: Bool {
        guard let first = subject.first, first.isUppercase else { return false }
        return subject.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Words around a subject that say "this table describes": removed to get the subject.
    static let labelSuffixes = [
        "参数数据结构说明", "数据结构说明", "参数说明", "字段说明", "字段数据结构说明", "结构说明", "数据结构", "参数描述",
        "对象说明", "属性说明", "说明", "参数", "字段", "结构体", "结构", " object", " objects", " 对象",
    ]

    /// The parts of a label: subject, footnote and caption number.
    ///
    /// Labels seen: `-   os-extend参数说明`, `•os-extend参数说明`, `\[1\] resize数据结构说明`,
    /// `表 6-5 CreateVolumeOption`, `表3 volume字段数据结构说明`, `extendparam 参数数据结构说明`.
    public static func parseLabel(_ label: String) -> (subject: String, footnote: Int?, captionNumber: String?) {
        var text = label.replacingOccurrences(of: "\\[", with: "[").replacingOccurrences(of: "\\]", with: "]")
            .replacingOccurrences(of: "\\_", with: "_")
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "-•*·　 \t").union(.whitespaces))
        var footnote: Int?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]"), let number = Int(text[text.index(after: text.startIndex)..<close]) {
            footnote = number
            text = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        var captionNumber: String?
        if text.hasPrefix("表") {
            let rest = text.dropFirst().drop(while: { $0 == " " })
            let number = rest.prefix(while: { $0.isNumber || $0 == "-" || $0 == "." })
            if !number.isEmpty {
                captionNumber = String(number)
                text = String(rest.dropFirst(number.count)).trimmingCharacters(in: .whitespaces)
            }
        }
        var changed = true
        while changed {
            changed = false
            for suffix in labelSuffixes where text.count > suffix.count && text.lowercased().hasSuffix(suffix.lowercased()) {
                text = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                changed = true
            }
        }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: "：:。.").union(.whitespaces))
        return (text, footnote, captionNumber)
    }

    /// A comparison key: lower case, letters and digits only (CJK letters kept).
    static func key(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
