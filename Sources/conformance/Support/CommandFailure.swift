/// A failure the CLI reports as one line with its exit code: 2 for bad input or usage
/// (the default), 1 for differences and findings.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32 = 2

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
