import ArgumentParser
import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation

/// `conformance check`: one body against one operation's request or response schema.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check one JSON body against one operation's request (or response) schema and rules.",
        discussion: """
            For a body without the traffic around it: a golden payload, a body from a test, an \
            SDK's serialised request. The body is checked as the request body of the operation \
            (its schema and cross-field rules), or with --response STATUS as the response body of \
            that status (its schema, the error envelope and the error-code table). Routing, \
            parameters and authentication are not checked: a bare body has none. Findings and \
            formats are validate's.

            Example: conformance check --operation huawei-evs/CreateVolume golden/huawei-evs/CreateVolume/request.min.json

            Exit codes: 0 no error finding; 1 error findings; 2 bad usage or an unreadable file.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The operation, as SERVICE/OPERATION_ID (e.g. huawei-evs/CreateVolume).", valueName: "service/id"))
    var operation: String

    @Option(name: .long, help: ArgumentHelp("Check the body as the response of this status, not as the request.", valueName: "status"))
    var response: Int?

    @Argument(help: ArgumentHelp("The body: a file, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var specFiles: SpecOptions

    @OptionGroup var reporting: ReportOptions

    func validate() throws {
        let parts = operation.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("--operation \(operation): expected SERVICE/OPERATION_ID, e.g. huawei-evs/CreateVolume")
        }
        if let response, !(100...599).contains(response) {
            throw ValidationError("--response \(response): expected an HTTP status from 100 to 599")
        }
    }

    func run() throws {
        let parts = operation.split(separator: "/").map(String.init)
        let (serviceID, operationID) = (parts[0], parts[1])
        let known = Specs.serviceIDs + (try specFiles.loaded().map(\.service))
        guard known.contains(serviceID) else {
            throw CommandFailure("--operation \(operation): no service \(serviceID); known: \(known.joined(separator: ", "))")
        }
        let specs = try specFiles.resolve(ServiceOption(id: serviceID))
        guard let spec = specs.first(where: { $0.service == serviceID }) else {
            throw CommandFailure("--operation \(operation): no service \(serviceID)")
        }
        guard let check = OperationCheck(spec: spec, operationID: operationID) else {
            let lowered = operationID.lowercased()
            // Ids that contain the given one (or the reverse), the closest in length first.
            let near = spec.operations.map(\.id)
                .filter { $0.lowercased().contains(lowered) || lowered.contains($0.lowercased()) }
                .sorted { (abs($0.count - operationID.count), $0) < (abs($1.count - operationID.count), $1) }
                .prefix(5)
            let hint = near.isEmpty ? "`conformance coverage` lists the operations of each service" : "did you mean \(near.joined(separator: ", "))?"
            throw CommandFailure("--operation \(operation): \(serviceID) has no operation \(operationID); \(hint)")
        }
        let body = try readBody()
        let side: OperationCheck.Side = response.map { .response(status: $0) } ?? .request
        let name = file == "-" ? "<stdin>" : file
        let result = check.check(body, side: side, file: name, strict: reporting.strict)
        var report = ValidationReport(keepsEveryExchange: reporting.keepsEveryExchange)
        report.add(result, of: check.exchange(body: body, side: side, file: name))
        try reporting.write(report)
        let errors = report.summary.errors
        if errors > 0 {
            throw CommandFailure("\(errors) error finding\(errors == 1 ? "" : "s") in the \(response.map { "\($0) response" } ?? "request") body of \(operation)", exitCode: 1)
        }
    }

    private func readBody() throws -> [UInt8] {
        if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
            throw CommandFailure("\(file): no such file")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot be read") }
        return Array(data)
    }
}
