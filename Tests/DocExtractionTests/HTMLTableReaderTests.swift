import DocExtraction
import Testing

@Suite("HTML table reader")
struct HTMLTableReaderTests {
    @Test("rowspan and colspan expand into a full grid")
    func spans() throws {
        let html = """
            <table>
            <tr><th>参数</th><th colspan="2">类型与必选</th></tr>
            <tr><td rowspan="2">a</td><td>String</td><td>是</td></tr>
            <tr><td>Integer</td><td>否</td></tr>
            <tr><td>b</td><td colspan="2">Boolean</td></tr>
            </table>
            """
        let table = try #require(HTMLTableReader.tables(inHTML: html).first)
        #expect(table.header == ["参数", "类型与必选", "类型与必选"])
        #expect(table.rows == [["a", "String", "是"], ["a", "Integer", "否"], ["b", "Boolean", "Boolean"]])
    }

    @Test("a rowspan in a middle column carries down beside new cells")
    func middleRowspan() throws {
        let html = "<table><tr><th>a</th><th>b</th><th>c</th></tr><tr><td>1</td><td rowspan=3>x</td><td>2</td></tr><tr><td>3</td><td>4</td></tr><tr><td>5</td><td>6</td></tr></table>"
        let table = try #require(HTMLTableReader.tables(inHTML: html).first)
        #expect(table.rows == [["1", "x", "2"], ["3", "x", "4"], ["5", "x", "6"]])
    }

    @Test("cell markup flattens the way a reader sees it")
    func nestedMarkup() throws {
        let html = """
            <table><thead><tr><th><p>参数</p></th><th><p>描述</p></th></tr></thead>
            <tbody><tr><td><p>volume_type</p></td><td><p>云硬盘类型。</p><p>取值：<a href="x.md">类型说明</a><sup>[1]</sup></p>
            <ul><li>SATA：普通IO</li><li>SAS：高IO<br>已售罄</li></ul></td></tr></tbody></table>
            """
        let table = try #require(HTMLTableReader.tables(inHTML: html).first)
        #expect(table.header == ["参数", "描述"])
        #expect(table.rows[0][1] == "云硬盘类型。\n取值：类型说明[1]\n• SATA：普通IO\n• SAS：高IO\n已售罄")
    }

    @Test("unclosed tags are recovered like a browser would")
    func unclosedTags() throws {
        let html = "<table><tr><th>参数<th>描述<tr><td>a<td><p>first<p>second<tr><td>b<td>third"
        let table = try #require(HTMLTableReader.tables(inHTML: html).first)
        #expect(table.header == ["参数", "描述"])
        #expect(table.rows == [["a", "first\nsecond"], ["b", "third"]])
    }

    @Test("an empty table and a table with no header row")
    func emptyAndHeaderless() throws {
        #expect(HTMLTableReader.tables(inHTML: "<table></table>").first?.rows == [])
        let table = try #require(HTMLTableReader.tables(inHTML: "<table><tr><td>名称</td><td>说明</td></tr><tr><td>x</td><td>y</td></tr></table>").first)
        #expect(table.header == [])
        #expect(table.rows.count == 2)
        // The field reader takes header words from the first row when there is no header row.
        let rows = try #require(FieldRow.rows(of: table))
        #expect(rows.map(\.name) == ["x"])
        #expect(rows.first?.description == "y")
    }

    @Test("a table whose header has no parameter words is not a field table")
    func notAFieldTable() throws {
        let table = try #require(HTMLTableReader.tables(inHTML: "<table><tr><th>日期</th><th>更新</th></tr><tr><td>2020</td><td>x</td></tr></table>").first)
        #expect(FieldRow.rows(of: table) == nil)
    }

    @Test("rows report their line in the document")
    func lines() throws {
        let html = "<table>\n<tr><th>名称</th><th>说明</th></tr>\n<tr><td>a</td><td>b</td></tr>\n</table>"
        let table = try #require(HTMLTableReader.tables(inHTML: html, line: 100).first)
        #expect(table.line == 100)
        #expect(table.rowLines == [102])
    }

    /// Broken markup is recovered the way a browser would: stray end tags are dropped, an
    /// unclosed table is still a table, a rowspan past the last row and a negative colspan
    /// cover one cell, and tables nested in a cell stay inside that cell's text.
    @Test("garbage is recovered as a browser would", arguments: [
        ("", 0, nil), ("<", 0, nil), ("<table", 1, [] as [[String]]?), ("</table></table>", 0, nil),
        ("<table><tr><td rowspan=99999>x", 1, [["x"]]), ("<table><tr><td colspan=-3>x</td></tr></table>", 1, [["x"]]),
        (String(repeating: "<table><tr><td>", count: 200), 1, nil),
    ] as [(String, Int, [[String]]?)])
    func garbage(input: String, tables: Int, rows: [[String]]?) {
        let read = HTMLTableReader.tables(inHTML: input)
        #expect(read.count == tables)
        if let rows { #expect(read.first?.rows == rows) }
        if tables == 1 { #expect(read.first?.rows.count ?? 0 <= 1 && read.first?.rows.first?.count ?? 1 == 1) }
    }
}
