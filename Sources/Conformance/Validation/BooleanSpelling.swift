/// How a query Boolean may be spelled.
///
/// The docs type these parameters "Boolean" and their examples write `true`/`false`
/// (EVS 8.2.1.6 `cascade`: "删除云硬盘关联的所有快照，默认值为false。"). The Cinder-compatible API
/// reads query Booleans with oslo's `bool_from_string`, which also takes `True`, `1`, `yes`,
/// `on`, `t`, `y` (and their false twins) in any case, and the OpenStack clients send Python's
/// spelling (`cascade=False`). A looser reading of "Boolean" allows them: the validator gives a
/// warning (`request.parameter.boolean-spelling`), the mock reads them as Cinder does.
public enum BooleanSpelling {
    /// The strict spellings: `true`, `false`.
    public static func isStrict<S: StringProtocol>(_ value: S) -> Bool { value == "true" || value == "false" }

    /// The value as oslo `bool_from_string` reads it; nil when it is no Boolean at all.
    public static func value<S: StringProtocol>(_ value: S) -> Bool? {
        switch value.lowercased() {
        case "true", "1", "t", "y", "yes", "on": true
        case "false", "0", "f", "n", "no", "off": false
        default: nil
        }
    }
}
