import ConformanceModel
import Foundation

/// One row of a field table (a parameter or a body field), read through `ColumnRoles`.
public struct FieldRow: Sendable, Hashable {
    public var name: String
    /// The type cell as written (`Array of Link objects`, `字典数据结构[1]`).
    public var typeText: String?
    /// `true`/`false` when the required column says so, `nil` when it is blank or `---`.
    public var required: Bool?
    /// The default column's value, `nil` when blank or `-`.
    public var defaultText: String?
    public var description: String
    /// The location column's text (`URL parameter`, `Query Parameter`), if the table has one.
    public var locationText: String?
    public var line: Int
    /// The in-document link targets of the row (`#li123` → `li123`): a description's link to
    /// the table that describes the field.
    public var links: [String]

    public init(name: String, typeText: String?, required: Bool?, defaultText: String?, description: String, locationText: String?, line: Int, links: [String] = []) {
        self.name = name
        self.typeText = typeText
        self.required = required
        self.defaultText = defaultText
        self.description = description
        self.locationText = locationText
        self.line = line
        self.links = links
    }

    /// Reads the rows of `table`. When the table has no header, its first row is tried as
    /// one (some pages put header words in `<td>` cells). Returns `nil` when no header is found.
    public static func rows(of table: Table) -> [FieldRow]? {
        var header = table.header
        var body = table.rows
        var lines = (0..<table.rows.count).map(table.line(ofRow:))
        var links = (0..<table.rows.count).map(table.links(ofRow:))
        var roles = ColumnRoles(header: header)
        if roles == nil, let first = body.first, let fromFirst = ColumnRoles(header: first) {
            header = first
            body.removeFirst()
            lines.removeFirst()
            links.removeFirst()
            roles = fromFirst
        }
        guard let roles else { return nil }
        var result: [FieldRow] = []
        for (index, row) in body.enumerated() {
            // A repeated header row (a page break in a PDF) is not a field.
            if row.map(ColumnRole.normalize) == header.map(ColumnRole.normalize) { continue }
            guard let name = roles.cell(.name, in: row).map(cleanName), !name.isEmpty else { continue }
            result.append(FieldRow(
                name: name,
                typeText: roles.cell(.type, in: row).flatMap { $0.isEmpty ? nil : $0 },
                required: roles.cell(.required, in: row).flatMap(parseRequired),
                defaultText: roles.cell(.defaultValue, in: row).flatMap(parseDefault),
                description: roles.cell(.description, in: row) ?? "",
                locationText: roles.cell(.location, in: row),
                line: lines[index],
                links: links[index]
            ))
        }
        return result
    }

    /// Field names lose markdown escapes and stray whitespace; PDF line wraps inside a
    /// name (`OS-SCH-HNT:schedule r_hints`) are joined.
    static func cleanName(_ text: String) -> String {
        var name = text.replacingOccurrences(of: "\\_", with: "_").replacingOccurrences(of: "\\-", with: "-")
        name = name.replacingOccurrences(of: "`", with: "")
        name = name.split(whereSeparator: \.isWhitespace).joined()
        return name
    }

    /// `是`/`Yes`/`必选` mean required; `否`/`No`/`可选` not; anything else (`---`, blank,
    /// `条件必选`) is unknown and treated as not required by the schema builder.
    static func parseRequired(_ text: String) -> Bool? {
        let word = ColumnRole.normalize(text)
        if ["是", "yes", "y", "true", "必选", "必填", "required", "mandatory", "m"].contains(word) { return true }
        if ["否", "no", "n", "false", "可选", "选填", "optional", "o"].contains(word) { return false }
        return nil
    }

    /// `-`, `--`, `—`, `无` and blank mean "no default".
    static func parseDefault(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty || value.allSatisfy({ "-—–".contains($0) }) || value == "无" || value == "不涉及" { return nil }
        return value
    }
}
