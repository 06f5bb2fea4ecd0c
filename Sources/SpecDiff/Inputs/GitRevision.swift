import Foundation

/// Reads files of one revision of the git repository around the working directory, with
/// `git ls-tree` and `git show`, so that `REV:specs/<service>` needs no checkout.
struct GitRevision {
    /// What a path names at the revision.
    enum Kind { case file, folder }

    let revision: String
    /// The repository's top folder; every path below is relative to it.
    let topLevel: URL
    /// The working directory relative to `topLevel` (`""` at the top).
    let prefix: String
    /// `REV:path` as the user wrote it, for messages.
    let label: String

    /// Checks that `revision` names a commit of the repository `workingDirectory` is in.
    init(_ revision: String, workingDirectory: URL, label: String) throws(SpecInputError) {
        self.revision = revision
        self.label = label
        let top: Data
        do {
            top = try Self.git(["rev-parse", "--show-toplevel"], in: workingDirectory, label: label)
        } catch {
            throw SpecInputError(file: label, reason: "no such file or folder, and no git repository around \(workingDirectory.path) to read REV:path from (\(error.reason))")
        }
        topLevel = URL(fileURLWithPath: String(decoding: top, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        prefix = String(decoding: try Self.git(["rev-parse", "--show-prefix"], in: workingDirectory, label: label), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try Self.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: workingDirectory, label: label)
        } catch {
            throw SpecInputError(file: label, reason: "'\(revision)' is not a revision of the repository at \(topLevel.path)")
        }
    }

    /// `path` (relative to the working directory, as the user wrote it) as a repository path:
    /// `.` and `..` resolved, no leading or trailing slash.
    func repositoryPath(_ path: String) -> String {
        var parts: [Substring] = []
        for part in (prefix + "/" + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// What the repository path `path` names at the revision, `nil` when nothing.
    func kind(of path: String) throws(SpecInputError) -> Kind? {
        if path.isEmpty { return .folder }
        let output = try Self.git(["ls-tree", "--full-name", revision, "--", path], in: topLevel, label: label)
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), line[line.index(after: tab)...] == path else { continue }
            return line[..<tab].split(separator: " ").dropFirst().first == "tree" ? .folder : .file
        }
        return nil
    }

    /// The repository paths of the files directly in the folder `path`, sorted.
    func files(in path: String) throws(SpecInputError) -> [String] {
        let folder = path.isEmpty ? "." : path + "/"
        let output = try Self.git(["ls-tree", "--full-name", revision, "--", folder], in: topLevel, label: label)
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let tab = line.firstIndex(of: "\t"), line[..<tab].split(separator: " ").dropFirst().first == "blob" else { return nil }
            return String(line[line.index(after: tab)...])
        }.sorted()
    }

    /// The bytes of the file at the repository path `path`.
    func contents(of path: String) throws(SpecInputError) -> Data {
        try Self.git(["show", "\(revision):\(path)"], in: topLevel, label: label)
    }

    /// Runs git and returns its standard output; a failure names `label` and git's own message.
    private static func git(_ arguments: [String], in folder: URL, label: String) throws(SpecInputError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do {
            try process.run()
        } catch {
            throw SpecInputError(file: label, reason: "cannot run git (\(error.localizedDescription))")
        }
        // Standard output first, whole: a document can be larger than a pipe's buffer. git writes
        // at most a line or two to standard error, which the pipe holds until it is read.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
            throw SpecInputError(file: label, reason: message.isEmpty ? "git \(arguments[0]) failed (exit \(process.terminationStatus))" : message)
        }
        return outputData
    }
}
