import DocExtraction
import Testing

@Suite("Pipe table reader")
struct PipeTableReaderTests {
    private func read(_ text: String) -> [PipeTableReader.Result] {
        PipeTableReader.tables(in: text.split(separator: "\n", omittingEmptySubsequences: false), firstLine: 10)
    }

    @Test("rows without a delimiter row, ragged spacing and missing outer pipes")
    func gatewayShape() throws {
        let results = read("""
             名称 | 参数类型 | 是否必填 | 默认值 | 描述
            DiskType |string|是|- |磁盘介质类型
             DiskName | string|否|- |云盘显示名称。
            """)
        let table = try #require(results.first?.table)
        #expect(table.header == ["名称", "参数类型", "是否必填", "默认值", "描述"])
        #expect(table.rows == [["DiskType", "string", "是", "-", "磁盘介质类型"], ["DiskName", "string", "否", "-", "云盘显示名称。"]])
        #expect(table.line == 10)
        #expect(table.rowLines == [11, 12])
        #expect(results.first?.irregularities.isEmpty == true)
    }

    @Test("a delimiter row under the header is skipped, outer pipes are dropped")
    func gfmShape() throws {
        let table = try #require(read("| a | b |\n|:---|---:|\n| 1 | 2 |").first?.table)
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"]])
    }

    @Test("escaped pipes stay inside their cell")
    func escapedPipes() throws {
        let table = try #require(read("名称|描述\nmode|either a \\| b").first?.table)
        #expect(table.rows == [["mode", "either a | b"]])
    }

    @Test("short rows are padded and long rows joined into the last column, both reported")
    func raggedRows() throws {
        let result = try #require(read("名称|参数类型|描述\nA|int\nB|string|x|y").first)
        #expect(result.table.rows == [["A", "int", ""], ["B", "string", "x | y"]])
        #expect(result.irregularities.map(\.line) == [11, 12])
    }

    @Test("a header with no rows is a table with no rows; text ends a table")
    func emptyTable() throws {
        let results = read("名称|参数类型|描述\n无\n\nx|y\n")
        #expect(results.count == 2)
        #expect(results[0].table.rows.isEmpty)
        #expect(results[1].table.header == ["x", "y"])
        #expect(results[1].table.line == 13)
    }

    @Test("lines that are not pipe rows", arguments: ["", "plain text", "|", "a \\| b", "   |   "])
    func notRows(line: String) {
        #expect(PipeTableReader.cells(of: Substring(line)) == nil)
    }

    @Test("the gateway's header words map to field roles, --- means unknown")
    func fieldRows() throws {
        let table = try #require(read(" 名称 | 参数类型 | 是否必填 | 默认值 | 描述\nDiskIds |string array|---|--- |按照ID查询。").first?.table)
        let rows = try #require(FieldRow.rows(of: table))
        #expect(rows.first?.name == "DiskIds")
        #expect(rows.first?.required == nil)
        #expect(rows.first?.defaultText == nil)
        #expect(rows.first?.typeText == "string array")
    }
}
