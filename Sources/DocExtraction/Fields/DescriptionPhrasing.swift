import ConformanceModel
import Foundation

/// One way the vendors state a fact of a field in its description: the words to look for,
/// the facts they give, and a sentence of the docs that shows them.
///
/// `DescriptionPhrasing.all` is the one list of phrasings the extraction knows ("a wrong rule
/// is worse than a missing one": a fact enters the spec only through an entry here, with the
/// words it matched as its evidence). Each entry carries an example sentence and what a reader
/// reads from it, written by hand; a test runs every entry on its example. Adding a phrasing is
/// adding an entry.
public struct DescriptionPhrasing: Sendable {
    /// Where in a description an entry looks. Huawei's reference labels its description
    /// cells (参数解释 / 约束限制 / 取值范围 / 默认取值); an unlabelled description is read whole.
    public enum Scope: Sendable, Hashable {
        /// Value lists: the 取值范围 part.
        case values
        /// Bounds, lengths and item counts: the 参数解释, 约束限制 and 取值范围 parts.
        case bounds
        /// Defaults: the 默认取值 part.
        case defaults
        /// Anywhere in the description.
        case anywhere
    }

    /// A fact an entry found, and where in the text.
    struct Match: Sendable, Hashable {
        var fact: Schema.Fact
        var value: StatedFact.Value
        var range: Range<String.Index>
    }

    /// A stable name: `enum.quoted-list`, `length.max`.
    public let id: String
    public let scope: Scope
    /// The field kinds the entry is read for (a length only for strings).
    public let kinds: Set<Schema.Kind>
    /// A sentence of the docs (or written as the docs write) that shows the phrasing.
    public let example: String
    /// What the entry reads from `example`: each fact's value as text (`"1"`, `"SATA|SAS"`).
    public let expected: [Schema.Fact: String]
    let find: @Sendable (String) -> [Match]

    /// The facts the entry reads from `text`, as `expected` writes them: for a bound read
    /// several times, the loosest (as `DescriptionFacts` combines them).
    public func read(_ text: String) -> [Schema.Fact: String] {
        var result: [Schema.Fact: StatedFact.Value] = [:]
        let lower: Set<Schema.Fact> = [.minimum, .minLength, .minItems]
        for match in find(text) {
            guard let current = result[match.fact]?.number, let new = match.value.number else {
                if result[match.fact] == nil { result[match.fact] = match.value }
                continue
            }
            result[match.fact] = .number(lower.contains(match.fact) ? min(current, new) : max(current, new))
        }
        return result.mapValues(\.text)
    }
}

extension DescriptionPhrasing {
    private static let strings: Set<Schema.Kind> = [.string]
    private static let scalars: Set<Schema.Kind> = [.string, .integer]
    private static let numbers: Set<Schema.Kind> = [.integer, .number]
    private static let every = Set(Schema.Kind.allCases)

    /// Words that introduce the values a field takes.
    static let valueCue = #"(?:目前只支持|目前仅支持|目前支持|仅支持|只支持|支持以下取值|取值范围为|取值范围是|取值范围[：:]|取值只能为|取值可以为|取值为|取值是|取值[：:]|可选值为|可选值[：:]?|枚举值为|枚举值[：:]?|(?i:possible values are|values? (?:is|are|can be)|one of))"#

    /// Every phrasing, in the order they are tried: for one fact, the first entry that reads
    /// it in a part of the description wins there.
    public static let all: [DescriptionPhrasing] = [
        // Value lists.
        DescriptionPhrasing(
            id: "enum.quoted-list", scope: .values, kinds: scalars,
            example: "取值范围 目前支持\"SATA\"，\"SAS\"，\"GPSSD\"，\"SSD\"七种。",
            expected: [.enumeration: "SATA|SAS|GPSSD|SSD"],
            find: { EnumerationScan.quotedList($0) }
        ),
        DescriptionPhrasing(
            id: "enum.slash-list", scope: .values, kinds: scalars,
            example: "返回结果按照降序或升序排列，取值为asc/desc。",
            expected: [.enumeration: "asc|desc"],
            find: { EnumerationScan.slashList($0) }
        ),
        DescriptionPhrasing(
            id: "enum.listed", scope: .values, kinds: scalars,
            example: "云硬盘导出镜像的格式。 目前支持vhd、zvhd、zvhd2、raw、qcow2。默认是vhd。",
            expected: [.enumeration: "vhd|zvhd|zvhd2|raw|qcow2"],
            find: { EnumerationScan.listedValues($0) }
        ),
        DescriptionPhrasing(
            id: "enum.definitions", scope: .values, kinds: scalars,
            example: "job的状态。SUCCESS：成功。 RUNNING：运行中。FAIL：失败。 INIT：正在初始化。 LISTENING：job监听中。",
            expected: [.enumeration: "SUCCESS|RUNNING|FAIL|INIT|LISTENING"],
            find: { EnumerationScan.definitions($0) }
        ),
        DescriptionPhrasing(
            id: "enum.labelled-values", scope: .values, kinds: strings,
            example: "取值范围 降序: desc 升序: asc",
            expected: [.enumeration: "desc|asc"],
            find: { EnumerationScan.labelledValues($0) }
        ),

        // Numeric bounds. Several ranges of one field (system and data disks) give their
        // envelope: never narrower than any one of them.
        DescriptionPhrasing(
            id: "range.bracketed", scope: .bounds, kinds: numbers,
            example: "取值范围 [1-100]",
            expected: [.minimum: "1", .maximum: "100"],
            find: { Pattern.range(#"\[\s*(-?\d+(?:\.\d+)?)\s*[-,，~～]\s*(-?\d+(?:\.\d+)?)\s*\]"#, in: $0, low: 1, high: 2) }
        ),
        DescriptionPhrasing(
            // Not an ordinal range: "第51~100个快照" counts items of an example.
            id: "range.tilde", scope: .bounds, kinds: numbers,
            example: "取值范围为1~100。",
            expected: [.minimum: "1", .maximum: "100"],
            find: { Pattern.range(#"(?<!第)(?<![\d.])(\d+(?:\.\d+)?)\s*(?:GiB|GB|MiB|MB|TiB|TB|个|次|秒|天|小时|月|年)?\s*[~～]\s*(\d+(?:\.\d+)?)"#, in: $0, low: 1, high: 2) }
        ),
        DescriptionPhrasing(
            id: "range.capacity", scope: .bounds, kinds: numbers,
            example: "系统盘：1GiB-1024GiB 数据盘：10GiB-32768GiB",
            expected: [.minimum: "1", .maximum: "32768"],
            find: { Pattern.range(#"(\d+(?:\.\d+)?)\s*(GiB|GB|MiB|MB|TiB|TB)\s*-\s*(\d+(?:\.\d+)?)\s*(GiB|GB|MiB|MB|TiB|TB)"#, in: $0, low: 1, high: 3, sameUnits: (2, 4)) }
        ),
        DescriptionPhrasing(
            // "大于原有云硬盘容量~云硬盘最大容量（数据盘为32768GB；系统盘为1024GB）" (EVS extend page).
            id: "bound.max-capacity", scope: .bounds, kinds: numbers,
            example: "扩容后的云硬盘容量范围：大于原有云硬盘容量~云硬盘最大容量（数据盘为32768GB；系统盘为1024GB）",
            expected: [.maximum: "32768"],
            find: { Pattern.bound(.maximum, #"最大容量[（(]?(?:[^。）)]{0,16}?为\s*\d+\s*(?:GiB|GB|TiB|TB)[；;，、]?\s*)+"#, in: $0, valuesIn: #"为\s*(\d+)\s*(?:GiB|GB|TiB|TB)"#) }
        ),
        DescriptionPhrasing(
            id: "bound.max", scope: .bounds, kinds: numbers,
            example: "最小值1，最大值1000，默认为1000。",
            expected: [.maximum: "1000"],
            find: { Pattern.bound(.maximum, #"(?:最大值为|最大值是|最大值[：:]?|最大为|上限为|不能超过|不超过|最多支持[^\d，。,；;]{0,12}?)\s*(\d+)(?!\s*(?:个字符|字符|字节|位|\d))"#, in: $0) }
        ),
        DescriptionPhrasing(
            id: "bound.min", scope: .bounds, kinds: numbers,
            example: "索引位置。最小值0，默认为0。",
            expected: [.minimum: "0"],
            find: { Pattern.bound(.minimum, #"(?:最小值为|最小值是|最小值[：:]?|最小为|下限为|不小于|不能小于)\s*(-?\d+)"#, in: $0) }
        ),
        DescriptionPhrasing(
            id: "range.between", scope: .bounds, kinds: numbers,
            example: "The number of months, between 1 and 9.",
            expected: [.minimum: "1", .maximum: "9"],
            find: { Pattern.range(#"(?i)between (-?\d+) and (-?\d+)"#, in: $0, low: 1, high: 2) }
        ),

        // String lengths. A limit in bytes (字节) is kept as a limit in characters: every
        // character takes at least one byte, so a value longer than N characters breaks an
        // N-byte limit under any encoding. The converse does not hold, so a byte count never
        // gives a minimum length.
        DescriptionPhrasing(
            id: "length.max", scope: .bounds, kinds: strings,
            example: "云硬盘的描述。最大支持85个字符。",
            expected: [.maxLength: "85"],
            find: { Pattern.bound(.maxLength, #"(?:最大支持|最多支持|最多|不超过|不能超过|最大长度为|最大长度|长度上限为|长度不超过|长度不能超过)\s*(\d+)\s*(?:个)?(?:字符|字节|个字|位)"#, in: $0) + Pattern.bound(.maxLength, #"长度不(?:能)?超过\s*(\d+)(?!\s*(?:个)?(?:字符|字节|个字|位))"#, in: $0) }
        ),
        DescriptionPhrasing(
            id: "length.range", scope: .bounds, kinds: strings,
            example: "名称的长度范围为1~128位。",
            expected: [.minLength: "1", .maxLength: "128"],
            find: { EnumerationScan.lengthRange($0) }
        ),
        DescriptionPhrasing(
            id: "length.fixed", scope: .bounds, kinds: strings,
            example: "请求的幂等标识，长度固定为36个字符。",
            expected: [.minLength: "36", .maxLength: "36"],
            find: { EnumerationScan.fixedLength($0) }
        ),
        DescriptionPhrasing(
            id: "length.max-english", scope: .bounds, kinds: strings,
            example: "Idempotent Token, which is an ASCII string with the length no more than 64 bits.",
            expected: [.maxLength: "64"],
            find: { Pattern.bound(.maxLength, #"(?i)length (?:of )?(?:no more than|not more than|at most|up to|less than or equal to) (\d+)"#, in: $0) }
        ),

        // Item counts of arrays.
        DescriptionPhrasing(
            id: "items.max", scope: .bounds, kinds: [.array],
            example: "支持查询最多60个id对应的云硬盘详情。",
            expected: [.maxItems: "60"],
            find: { Pattern.bound(.maxItems, #"(?:不能超过|不超过|最多支持|最大支持|最多)\s*(\d+)\s*个"#, in: $0) }
        ),
        DescriptionPhrasing(
            id: "items.min", scope: .bounds, kinds: [.array],
            example: "待删除的标签列表，至少包含1个标签。",
            expected: [.minItems: "1"],
            find: { Pattern.bound(.minItems, #"至少(?:包含|指定|传入|需要)?\s*(\d+)\s*个"#, in: $0) }
        ),

        // Defaults: a single code-like word or number; `不涉及` (not applicable) is none.
        DescriptionPhrasing(
            id: "default.words", scope: .defaults, kinds: every,
            example: "计费模式，默认为postPaid。",
            expected: [.defaultValue: "postPaid"],
            find: { Pattern.text(.defaultValue, #"(?:默认取值|默认值为|默认值是|默认值[：:]|默认为|默认是|(?i:default value is|defaults to|default is|default:))\s*[“"]?([A-Za-z0-9_.\-]+)[”"]?"#, in: $0) }
        ),

        // Formats and nullability.
        DescriptionPhrasing(
            id: "format.uuid", scope: .bounds, kinds: strings,
            example: "取值为36位的UUID格式字符串。",
            expected: [.format: "uuid"],
            find: { Pattern.flag(.format, value: "uuid", #"UUID格式|(?i:UUID format)"#, in: $0) }
        ),
        DescriptionPhrasing(
            // Not "name和description不能同时为null": that forbids null (a cross-field rule).
            id: "nullable.may-be", scope: .anywhere, kinds: every,
            example: "云硬盘快照描述，可以为null。",
            expected: [.nullable: "true"],
            find: { Pattern.flag(.nullable, value: "true", #"(?<![不非])(?:可以|可|允许)为\s*null"#, in: $0) }
        ),
        DescriptionPhrasing(
            id: "nullable.when-empty", scope: .anywhere, kinds: every,
            example: "云硬盘快照的描述，为空时返回null。",
            expected: [.nullable: "true"],
            find: { Pattern.flag(.nullable, value: "true", #"(?:为空|不存在|未设置|未指定)时[^。；]{0,12}?(?:为|返回)\s*null"#, in: $0) }
        ),
        DescriptionPhrasing(
            id: "nullable.english", scope: .anywhere, kinds: every,
            example: "The description of the snapshot; may be null.",
            expected: [.nullable: "true"],
            find: { Pattern.flag(.nullable, value: "true", #"(?i)\b(?:may|can) be null\b"#, in: $0) }
        ),
    ]
}
