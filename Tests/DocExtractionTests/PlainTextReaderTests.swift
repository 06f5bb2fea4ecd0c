import ConformanceModel
import DocExtraction
import Testing

@Suite("Plain-text reader")
struct PlainTextReaderTests {
    @Test("space-separated columns are told apart by what they hold")
    func parameterTable() throws {
        let lines: [Substring] = [
            "Parameter Name Type Required? Parameter Position Description",
            "volumeId String Yes URL parameter Disk ID",
            "billing [Billing](BCC/API Reference/Appendix.md#Billing) Yes RequestBody parameter Order information.",
            "zoneName String No Header parameter The zone, see the list.",
            "  which wraps onto a second line",
        ]
        let result = try #require(SpacedTableReader.table(lines, firstLine: 35))
        #expect(result.table.header == ["Parameter Name", "Type", "Required?", "Parameter Position", "Description"])
        #expect(result.table.rows[0] == ["volumeId", "String", "Yes", "URL parameter", "Disk ID"])
        #expect(result.table.rows[1][1] == "[Billing](BCC/API Reference/Appendix.md#Billing)")
        #expect(result.table.rows[1][3] == "RequestBody parameter")
        #expect(result.table.rows[2] == ["zoneName", "String", "No", "Header parameter", "The zone, see the list. which wraps onto a second line"])
        #expect(result.irregularities.map(\.line) == [39])
        let rows = try #require(FieldRow.rows(of: result.table))
        #expect(rows.map(\.required) == [true, true, false])
        #expect(rows.map(\.locationText) == ["URL parameter", "RequestBody parameter", "Header parameter"])
    }

    @Test("an error-code table splits free text at the HTTP status")
    func errorTable() throws {
        let lines: [Substring] = [
            "Error Code Error Description HTTP Status Code Explanations",
            "BadRequest Bad request parameters or illegal request. 400 Invalid request parameter",
        ]
        let result = try #require(SpacedTableReader.table(lines, firstLine: 1))
        #expect(result.kinds == [.word, .freeText, .status, .freeText])
        #expect(result.table.rows == [["BadRequest", "Bad request parameters or illegal request.", "400", "Invalid request parameter"]])
    }

    @Test("a line of prose is not a table header")
    func notAHeader() {
        #expect(SpacedTableReader.header("There are no other special header fields") == nil)
    }

    @Test("a page in the BCC layout yields its operation, header parameter included")
    func page() throws {
        let text = """
            Create Disk

            Create a disk.

            Request Structure

            POST /v2/cds?clientToken={clientToken} HTTP/1.1
            Authorization: authorization string

            {
                "cdsSizeInGB": cdsSizeInGB
            }

            Request Parameters

            Parameter Name Type Required? Parameter Position Description
            clientToken String Yes Query Parameter Idempotent Token.
            x-bce-date String No Header parameter Request date.
            cdsSizeInGB int Yes RequestBody parameter Size in GB, between 5 and 32765.

            Return Instance

            HTTP/1.1 201 Created
            """
        let extraction = PlainTextReader().read(SourceDocument(name: "page.txt", text: text))
        let operation = try #require(extraction.operations.first)
        #expect(operation.method == "POST")
        #expect(operation.path == "/v2/cds")
        #expect(operation.title == "Create Disk")
        #expect(operation.parameters(in: .query).map(\.name) == ["clientToken"])
        #expect(operation.parameters(in: .header).map(\.name) == ["x-bce-date"])
        #expect(operation.requestBody?.property(named: "cdsSizeInGB")?.schema.kind == .integer)
        #expect(operation.requestBody?.property(named: "cdsSizeInGB")?.required == true)
        #expect(operation.responses.map(\.status) == [201])
    }

    /// A page without a request line yields no operation and says why; a request line with a
    /// broken body still yields the operation, with a warning for each part it could not read.
    @Test("malformed pages give diagnostics that name the problem", arguments: [
        ("", [], ["operation.no-request-line"]),
        ("Request Structure\n\nnot a request line", [], ["operation.no-request-line"]),
        ("Request Parameters\nParameter Name Type\n\u{0}", [], ["operation.no-request-line"]),
        ("Request Structure\nPUT /x?{a}&{b} HTTP/1.1\n\n{ broken", ["PUT /x"], ["status.assumed", "structure.unreadable", "table.missing"]),
    ] as [(String, [String], [String])])
    func malformed(text: String, operations: [String], codes: [String]) {
        let extraction = PlainTextReader().read(SourceDocument(name: "bad.txt", text: text))
        #expect(extraction.operations.map { "\($0.method) \($0.path)" } == operations)
        #expect(Set(extraction.diagnostics.map(\.code)) == Set(codes))
        #expect(extraction.diagnostics.allSatisfy { $0.source.document == "bad.txt" })
    }
}
