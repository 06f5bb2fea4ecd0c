/// The operation name a vendor SDK sample uses, for a stable operation id.
///
/// Huawei's reference shows Java, Python and Go samples under SDK 代码示例 that call the
/// operation by its SDK name: `client.CreateVolume(request)` (Go), `client.createVolume(request)`
/// (Java), `client.create_volume(request)` (Python), and build a `CreateVolumeRequest`. All
/// spell the same PascalCase name, which is the operation's id in Huawei's API Explorer. Go's
/// spelling is taken first (it is already PascalCase), then Java's, then Python's.
enum SDKOperationName {
    static func find(in codeLines: [String]) -> String? {
        var java: String?
        var python: String?
        for line in codeLines {
            guard let range = line.range(of: "client.") else { continue }
            let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty, line[range.upperBound...].dropFirst(name.count).hasPrefix("(request") else { continue }
            if name.first!.isUppercase { return String(name) }
            if name.contains("_") {
                python = python ?? OperationNaming.pascal(String(name))
            } else {
                java = java ?? name.prefix(1).uppercased() + name.dropFirst()
            }
        }
        return java ?? python
    }
}
