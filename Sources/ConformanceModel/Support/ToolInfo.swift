/// The tool's name and version, kept in one place: `conformance --version` prints them, and
/// every report that names its producer (SARIF's `tool.driver`, JUnit's properties) reads them
/// from here.
public enum ToolInfo {
    /// The command's name.
    public static let name = "conformance"
    /// The version (semantic versioning). Raise it with every change to a public contract: the
    /// command line, the JSON report, the rule ids, the `spec.json` format.
    public static let version = "0.17.0"

    /// `conformance 0.17.0`.
    public static var nameAndVersion: String { "\(name) \(version)" }
}
