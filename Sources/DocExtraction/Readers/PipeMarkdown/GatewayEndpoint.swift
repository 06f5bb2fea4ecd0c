/// What one `## /path` section of a gateway document holds, grouped by the section it
/// sits in, before any of it is interpreted.
struct GatewayEndpoint {
    /// A fenced code block under an example heading.
    struct CodeBlock {
        var role: GatewayConventions.ExampleRole
        var heading: String
        var text: String
        var line: Int
        var closed: Bool
    }

    var path: String
    var line: Int
    /// `#### 功能：云硬盘创建`, with its line.
    var title: (text: String, line: Int)?
    /// `#### 请求类型：post`, with its line.
    var method: (text: String, line: Int)?
    var requestTables: [PipeTableReader.Result] = []
    var responseTables: [PipeTableReader.Result] = []
    /// The line of a `无` under 返回参数, which says the operation returns no fields.
    var responseNoneLine: Int?
    /// Tables in sections that hold no parameters, with the section's title.
    var strayTables: [(result: PipeTableReader.Result, section: String)] = []
    var codeBlocks: [CodeBlock] = []
    /// Code blocks outside an example heading.
    var strayCode: [Int] = []
    /// Text lines of the 状态码 section.
    var statusLines: [(text: String, line: Int)] = []
    /// The line of the 状态码 heading, if the section exists.
    var statusSectionLine: Int?

    /// Groups `blocks` into endpoints; tables outside every endpoint are returned apart, with
    /// the title of the heading above them.
    static func group(_ blocks: [PipeMarkdownBlock]) -> (endpoints: [GatewayEndpoint], outside: [(result: PipeTableReader.Result, title: String)]) {
        var endpoints: [GatewayEndpoint] = []
        var outside: [(result: PipeTableReader.Result, title: String)] = []
        var current: GatewayEndpoint?
        var section = GatewayConventions.SectionRole.other
        var sectionTitle = ""
        var example: (role: GatewayConventions.ExampleRole, heading: String)?

        func finish() {
            if let endpoint = current { endpoints.append(endpoint) }
            current = nil
        }

        for block in blocks {
            switch block {
            case .heading(let level, let text, let line):
                if current == nil { sectionTitle = text }
                if level <= 2 {
                    finish()
                    if let path = GatewayConventions.endpointPath(text) {
                        current = GatewayEndpoint(path: path, line: line)
                    }
                    section = .other
                    sectionTitle = text
                    example = nil
                    continue
                }
                guard current != nil else { continue }
                if let value = GatewayConventions.labelled(text, "功能") {
                    current!.title = (value, line)
                } else if let value = GatewayConventions.labelled(text, "请求类型") ?? GatewayConventions.labelled(text, "请求方法") {
                    current!.method = (value, line)
                } else if level == 3 {
                    section = GatewayConventions.sectionRole(text)
                    sectionTitle = text
                    example = nil
                    if section == .statusCodes { current!.statusSectionLine = line }
                } else if section == .examples {
                    example = GatewayConventions.exampleRole(text).map { ($0, text) }
                }
            case .table(let result):
                guard current != nil else {
                    outside.append((result, sectionTitle))
                    continue
                }
                switch section {
                case .request: current!.requestTables.append(result)
                case .response: current!.responseTables.append(result)
                default: current!.strayTables.append((result, sectionTitle))
                }
            case .code(let text, let line, let closed):
                guard current != nil else { continue }
                if let example {
                    current!.codeBlocks.append(CodeBlock(role: example.role, heading: example.heading, text: text, line: line, closed: closed))
                } else {
                    current!.strayCode.append(line)
                }
            case .text(let text, let line):
                guard current != nil else { continue }
                if section == .response, GatewayConventions.isNone(text) { current!.responseNoneLine = line }
                if section == .statusCodes { current!.statusLines.append((text, line)) }
            }
        }
        finish()
        return (endpoints, outside)
    }
}
