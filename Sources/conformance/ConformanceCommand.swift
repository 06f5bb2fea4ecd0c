import ArgumentParser
import ConformanceModel
import Foundation

/// The `conformance` command: checks cloud block-storage traffic against the vendors' own documentation.
@main
struct ConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Contract tests for cloud block-storage APIs, with the vendor's documentation as the contract.",
        discussion: """
            Reads Huawei Cloud EVS/ECS, Tencent disk-gateway and Baidu BCC documentation, extracts \
            every table into specs/<service>/spec.json, and checks documents and traffic against it.

            Exit codes: 0 conforming, 1 findings or differences, 2 bad usage or unreadable input.
            """,
        version: ToolInfo.version,
        subcommands: [GenerateCommand.self, ExtractCommand.self, CodegenCommand.self, OpenAPICommand.self, ValidateCommand.self, CheckCommand.self, CoverageCommand.self, StatesCommand.self, GoldenCommand.self, LintCommand.self, DiffCommand.self, RulesCommand.self, VerifyCommand.self, ProxyCommand.self, MockCommand.self]
    )

    /// Runs the command line, mapping every failure to a one-line message and the documented exit code.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }

    /// Exit 2 for usage errors (ArgumentParser uses 64) and for unreadable input; a single
    /// line on standard error that says what to do next.
    static func exit(withError error: any Error) -> Never {
        if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue) }
        let code = exitCode(for: error)
        if code == .success {
            // --help and --version print to standard output.
            print(fullMessage(for: error))
            Foundation.exit(0)
        }
        let message: String
        if let failure = error as? CommandFailure {
            message = failure.message
        } else if error is DecodingError || error is CocoaError {
            message = "\(error)"
        } else {
            let text = self.message(for: error)
            message = text.isEmpty ? "\(error)" : text
        }
        let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        FileHandle.standardError.write(Data("conformance: error: \(oneLine)\n".utf8))
        Foundation.exit((error as? CommandFailure)?.exitCode ?? 2)
    }
}
