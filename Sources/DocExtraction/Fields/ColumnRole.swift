import Foundation

/// What a table column holds, decided from its header words, never from its position.
///
/// Vendors order columns differently (参数/参数类型/是否必选/描述 and
/// 名称/是否必选/参数类型/说明 both occur in Huawei pages), so every reader maps headers
/// through `ColumnRoles` and looks cells up by role.
public enum ColumnRole: String, Sendable, Hashable, CaseIterable {
    case name, type, required, defaultValue, description, location

    /// Header words for each role, compared after lowercasing and removing spaces and
    /// trailing punctuation. Exact matches are tried before prefix matches.
    static let words: [(ColumnRole, [String])] = [
        (.name, ["参数", "名称", "参数名", "参数名称", "字段", "字段名", "字段名称", "属性", "属性名", "parameter", "parametername", "name", "field", "fieldname", "key"]),
        (.type, ["参数类型", "类型", "数据类型", "字段类型", "type", "datatype"]),
        (.required, ["是否必选", "是否必填", "必选", "必填", "是否必须", "required", "mandatory", "requiredornot"]),
        (.defaultValue, ["默认值", "缺省值", "默认取值", "default", "defaultvalue"]),
        (.description, ["描述", "说明", "参数说明", "参数描述", "含义", "备注", "description", "explanation", "remarks"]),
        (.location, ["参数位置", "位置", "parameterposition", "position", "location", "in"]),
    ]

    static func normalize(_ header: String) -> String {
        header.lowercased()
            .filter { !$0.isWhitespace && !"?？:：*".contains($0) }
    }
}

/// The role of each column of one table.
public struct ColumnRoles: Sendable, Hashable {
    public var columns: [ColumnRole: Int]

    /// Maps `header` to roles; `nil` when the header has no name column or fewer than two
    /// recognised columns (it is then not a field table).
    public init?(header: [String]) {
        var columns: [ColumnRole: Int] = [:]
        let normalized = header.map(ColumnRole.normalize)
        // Exact matches first, so that `参数说明` (description) is not taken for `参数` (name).
        for (role, words) in ColumnRole.words {
            if let index = normalized.firstIndex(where: { words.contains($0) }), !columns.values.contains(index) {
                columns[role] = index
            }
        }
        for (role, words) in ColumnRole.words where columns[role] == nil {
            if let index = normalized.indices.first(where: { index in
                !columns.values.contains(index) && words.contains { normalized[index].hasPrefix($0) }
            }) {
                columns[role] = index
            }
        }
        guard columns[.name] != nil, columns.count >= 2 else { return nil }
        self.columns = columns
    }

    public subscript(role: ColumnRole) -> Int? { columns[role] }

    /// The cell of `row` in the column of `role`, trimmed; `nil` when the table has no such column.
    public func cell(_ role: ColumnRole, in row: [String]) -> String? {
        guard let index = columns[role], index < row.count else { return nil }
        return row[index].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
