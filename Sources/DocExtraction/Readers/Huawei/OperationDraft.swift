import ConformanceModel

/// One Huawei operation as a reader cut it out of its format, before anything is built: the
/// page's or section's text, tables and code blocks, each tagged with the role of the part it
/// sits in (功能介绍, URI, 请求, 响应, 请求示例, 状态码, SDK 代码示例).
///
/// The per-API pages (`HuaweiPageReader`) and the sections of the PDF reference
/// (`PDFOperationReader`) use the same section words and the same tables; only their
/// formats differ. Each reader only cuts its format into a draft; `OperationDraft.build()`
/// turns any draft into the `Operation` the same way, so that a rule about tables, statuses
/// or examples is written once.
struct OperationDraft {
    /// A table with the words that name it and the part it sits in.
    struct DraftTable {
        var table: Table
        /// The text that names the table: a caption (`表 6-5 CreateVolumeOption`) or the label
        /// line before it (`os-extend参数说明`, `\[1\] resize数据结构说明`).
        var label: String
        var role: HuaweiConventions.SectionRole
        /// The response status the table documents (`状态码：202` above it), if any.
        var status: Int?
        /// Link targets that name this table: the markdown anchors in front of it.
        var anchors: [String] = []
        /// The title of the heading the table sits under.
        var sectionTitle: String = ""
        var source: DocReference
    }

    /// A fenced code block under a request, response or example heading.
    struct DraftCode {
        var lines: [String]
        var line: Int
        var closed: Bool
        var kind: Example.Kind
        /// The status the example is given under (`状态码：202` above it), if any.
        var status: Int?
        /// The sentence that introduces the example (`创建一个按需云硬盘`), if any.
        var title: String?
    }

    /// What the draft is cut from, for messages: `page` or `section`.
    var unit: String
    var base: DocReference
    var title: String
    var summary: [String] = []
    var constraints: [String] = []
    var requestLine: (method: String, path: String, line: Int)?
    var tables: [DraftTable] = []
    var code: [DraftCode] = []
    /// The lines of the SDK samples (`client.CreateVolume(request)`), for the operation id.
    var sdkLines: [String] = []
    /// Statuses named in text, in order: `状态码：202` lines of the response part, the 正常 and
    /// 异常 lists of a 状态码 section.
    var statedStatuses: [Int] = []
    /// The group a listed status is under (`正常`, `异常`), its description when no status
    /// table gives one.
    var statusGroups: [Int: String] = [:]
    /// The sentence that says which wrapper keys error bodies use (`其中error是泛指的错误...`).
    var envelopeSentence: String?
    /// What the reader met while cutting (unclosed blocks, orphan captions, joined pages).
    var diagnostics: [Diagnostic] = []
    /// Tables the reader already accounted for (empty ones).
    var accounts: [TableAccount] = []

    init(unit: String, base: DocReference, title: String) {
        self.unit = unit
        self.base = base
        self.title = title
    }

    /// What a draft builds into.
    struct Output {
        var operation: Operation?
        var tables: [TableAccount] = []
        var diagnostics: [Diagnostic] = []
        /// The fields of the error body (`code`, `message`), when the draft documents them.
        var errorSchema: Schema?
        /// `true` when some response example is an error body.
        var hasErrorExamples = false
    }
}
