import ConformanceModel
import Foundation

/// Assembles the one operation of a plain-text page, with diagnostics and table accounts.
struct PlainTextOperationBuilder {
    let document: SourceDocument
    let page: PlainTextPage
    var result = DocumentExtraction(format: .plainText)

    init(document: SourceDocument, page: PlainTextPage) {
        self.document = document
        self.page = page
    }

    var title: String { page.title?.text ?? document.name }

    func reference(_ line: Int?, table: String? = nil) -> DocReference {
        document.reference(line: line, title: title, table: table)
    }

    mutating func diagnose(_ severity: Diagnostic.Severity, _ code: String, _ message: String, line: Int?, table: String? = nil) {
        result.diagnostics.append(Diagnostic(severity, code: code, message: message, source: reference(line, table: table)))
    }

    mutating func extract() -> DocumentExtraction {
        let structure = page.lines(.requestStructure).flatMap(HTTPMessageText.parse)
        let instance = page.lines(.requestExample).flatMap(HTTPMessageText.parse)
        guard let structure, let target = structure.requestTarget else {
            // A page of error codes only (a service's error-code page) describes no operation.
            readErrorCodes()
            if result.errorCodes.isEmpty {
                diagnose(.error, "operation.no-request-line", "no request line (`METHOD /path HTTP/1.1`) under Request Structure; the page yields no operation", line: page.title?.line ?? 1)
            }
            accountUnreadTables()
            return result
        }
        let base = reference(page.title?.line ?? structure.startLineNumber)
        let query = QueryTemplate(target.query ?? "")
        let instanceQuery = instance?.requestTarget.map { QueryTemplate($0.query ?? "") }

        var request = RequestParts(path: target.path)
        readParameters(into: &request, query: query, instanceQuery: instanceQuery, structure: structure, instance: instance)
        readAuthentication(structure: structure, instance: instance)
        readErrorCodes()

        var examples: [Example] = []
        if let instance, !instance.body.isEmpty {
            let example = Example.parsing(kind: .request, title: "Request Instance: \(instance.startLine)", text: instance.bodyText, source: reference(instance.body.first?.line))
            if let problem = example.problem {
                diagnose(.warning, "example.invalid-json", "the Request Instance body is not valid JSON (\(problem))", line: instance.body.first?.line)
            }
            examples.append(example)
        }
        var responses = readResponses(base: base)
        responses += errorResponses(after: responses)
        let operation = ConformanceModel.Operation(
            id: OperationNaming.derive(method: target.method, path: target.path, action: request.action.map(Self.splitCamelCase)),
            title: title,
            method: target.method,
            path: target.path,
            action: request.action,
            actionSelector: request.action == nil ? nil : .queryKey,
            summary: page.summary.isEmpty ? nil : page.summary.joined(separator: "\n"),
            constraints: page.constraints.map(\.text),
            parameters: request.parameters,
            requestBody: request.body,
            responses: responses,
            examples: examples,
            source: base
        )
        result.operations.append(operation)
        return result
    }

    /// The success response: `Return Instance` gives `HTTP/1.1 200 OK`; with no body after
    /// its headers and `No specific parameters are returned.`, the response has no body.
    mutating func readResponses(base: DocReference) -> [Response] {
        let message = page.lines(.responseExample).flatMap(HTTPMessageText.parse)
        var body: Schema?
        if let lines = page.lines(.responseParameters), let start = lines.firstIndex(where: { SpacedTableReader.header($0.text) != nil }),
           let read = SpacedTableReader.table(lines[start...].map(\.text), firstLine: lines[start].line) {
            let source = reference(read.table.line, table: "Return Parameter")
            if let rows = FieldRow.rows(of: read.table) {
                let structure = StructureTable(subject: "response", rows: rows, order: 0, source: source)
                var assembler = SchemaAssembler(tables: [structure])
                body = assembler.objectSchema(for: structure)
                result.diagnostics += assembler.diagnostics
                result.tables.append(TableAccount(source: source, disposition: .placed("response body")))
            } else {
                result.tables.append(TableAccount(source: source, disposition: .skipped("no field columns")))
            }
        }
        guard let status = message?.status else {
            diagnose(.warning, "status.assumed", "no Return Instance status line; 200 is assumed", line: base.line)
            return [Response(status: 200, body: body, source: base)]
        }
        if body == nil, let message, !message.body.isEmpty {
            diagnose(.note, "response.body-undocumented", "the Return Instance shows a body that no table documents", line: message.body.first?.line)
        }
        return [Response(status: status.code, description: status.reason, body: body, source: reference(message?.startLineNumber))]
    }

    /// The statuses of the page's Error Code table as responses of its operation. A plain-text
    /// page documents one operation, and its Error Code table (004, "Error Code": `BadRequest`
    /// 400, `SnapshotOperationForbidden` 403, `NoSuchObject` 404, `OperationDenied` 409) lists
    /// what that operation answers, so each status is documented for it. The page does not show
    /// the error body's shape, so these responses carry no body schema.
    func errorResponses(after responses: [Response]) -> [Response] {
        var added: [Response] = []
        for code in result.errorCodes where !responses.contains(where: { $0.status == code.status }) {
            if let index = added.firstIndex(where: { $0.status == code.status }) {
                added[index].description = (added[index].description ?? "") + ", " + code.code
            } else {
                added.append(Response(status: code.status, description: code.code, body: nil, source: code.source))
            }
        }
        return added.sorted { $0.status < $1.status }
    }

    /// `Authorization: bce-auth-v1/...` in the instance names the signing scheme; the
    /// structure's `Authorization: authorization string` only says the header is needed.
    mutating func readAuthentication(structure: HTTPMessageText, instance: HTTPMessageText?) {
        if let header = instance?.header("Authorization"), let scheme = PlainTextConventions.authorizationScheme(header.value) {
            result.authentication.append(Authentication(name: scheme, header: "Authorization", scheme: scheme, source: reference(header.line, table: "Request Instance")))
        } else if let header = structure.header("Authorization") {
            result.authentication.append(Authentication(name: "authorization", header: "Authorization", source: reference(header.line, table: "Request Structure")))
            diagnose(.note, "authentication.scheme-unknown", "the Authorization header's scheme is not shown in a Request Instance", line: header.line)
        }
    }

    /// `purchaseReserved` → `purchase-Reserved`, so that the id keeps both words
    /// (`PurchaseReservedVolume`): `OperationNaming.pascal` splits only at punctuation.
    static func splitCamelCase(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isUppercase, !result.isEmpty { result.append("-") }
            result.append(character)
        }
        return result
    }

    /// Tables of a page that yields no operation are accounted as skipped.
    mutating func accountUnreadTables() {
        for section in page.sections where !(section.role == .errorCodes && !result.errorCodes.isEmpty) {
            if let start = section.lines.firstIndex(where: { SpacedTableReader.header($0.text) != nil }) {
                result.tables.append(TableAccount(source: reference(section.lines[start].line, table: section.heading), disposition: .skipped("the page has no request line to attach it to")))
            }
        }
    }
}

/// The request parts gathered from the parameter table and the structure.
struct RequestParts {
    var path: String
    var parameters: [Parameter] = []
    var body: Schema?
    var action: String?
}
