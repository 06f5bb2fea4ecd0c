import ConformanceModel
import Foundation

/// The files one generating step produces (spec.json, the Swift specs, openapi.json, golden
/// payloads), and the one way they reach the disk: each written atomically when its text
/// changed, files of the step's folders that it no longer produces removed, or, with `--check`,
/// nothing written and a unified diff printed for each difference.
///
/// Every generating command (`extract`, `codegen`, `openapi`, `golden`, `generate`) goes
/// through here, so they agree on what "changed" means and on how a difference is shown.
struct GeneratedFiles {
    /// One file, by its path relative to the project root.
    struct File {
        var path: String
        var text: String
    }

    /// A folder the step owns: a file in it that the step does not produce is stale.
    struct OwnedFolder {
        /// Relative to the project root.
        var path: String
        /// Only files whose names end so (`.swift`); nil: every file.
        var suffix: String?
        /// Files below it are owned too (golden/<service>/<operation>/…).
        var recursive: Bool
        /// File names that are never stale (golden/<service>/KNOWN-BAD.md, written by a person).
        var kept: Set<String> = []
    }

    /// What applying the files did, or would do.
    struct Outcome {
        var step: String
        var total: Int
        /// Paths whose text differs from the disk (new files included).
        var changed: [String] = []
        /// Paths that were not on the disk before.
        var added: [String] = []
        /// Paths on the disk the step no longer produces.
        var stale: [String] = []

        var differences: Int { changed.count + stale.count }

        /// `codegen: 16 files, 2 changed (HuaweiEVS.swift, Specs+All.swift)`; under --check
        /// `codegen: 16 files, 2 differ (…)` or `codegen: 16 files, up to date`.
        func line(checking: Bool) -> String {
            var text = "\(step): \(total) file\(total == 1 ? "" : "s")"
            if differences == 0 { return text + (checking ? ", up to date" : ", unchanged") }
            var parts: [String] = []
            let updated = changed.count - added.count
            if updated > 0 { parts.append("\(updated) \(checking ? "differ" : "changed")") }
            if !added.isEmpty { parts.append("\(added.count) \(checking ? "missing" : "new")") }
            if !stale.isEmpty { parts.append("\(stale.count) \(checking ? "no longer generated" : "removed")") }
            let names = (changed + stale).prefix(4)
            let more = differences > 4 ? ", …" : ""
            text += ", " + parts.joined(separator: ", ") + " (\(names.joined(separator: ", "))\(more))"
            return text
        }
    }

    var step: String
    var files: [File]
    var owned: [OwnedFolder] = []
    /// The longest diff printed per file under --check.
    var diffLines = 120

    /// Writes (or, with `check`, compares) every file under `root`; prints the diffs of a check
    /// on standard output. Removes stale files, and folders a removal left empty.
    func apply(root: URL, check: Bool) throws -> Outcome {
        var outcome = Outcome(step: step, total: files.count)
        for file in files {
            let url = root.appendingPathComponent(file.path)
            let committed = try? String(contentsOf: url, encoding: .utf8)
            guard committed != file.text else { continue }
            outcome.changed.append(file.path)
            if committed == nil { outcome.added.append(file.path) }
            if check {
                Console.write(LineDiff.unified(old: committed ?? "", new: file.text, oldName: "\(file.path) (committed)", newName: "\(file.path) (generated)", maximumLines: diffLines))
            } else {
                do {
                    try AtomicFile.write(file.text, to: url.path)
                } catch {
                    throw CommandFailure("\(file.path): cannot write (\(error.localizedDescription))")
                }
            }
        }
        let produced = Set(files.map(\.path))
        for folder in owned {
            for path in Self.existing(in: folder, root: root) where !produced.contains(path) {
                outcome.stale.append(path)
                if check {
                    Console.write("--- \(path) (committed)\n+++ /dev/null (no longer generated)\n")
                } else {
                    try? FileManager.default.removeItem(at: root.appendingPathComponent(path))
                }
            }
            if !check && folder.recursive { Self.removeEmptyFolders(in: root.appendingPathComponent(folder.path)) }
        }
        return outcome
    }

    /// The owned files of `folder` on the disk, relative to the root, sorted.
    static func existing(in folder: OwnedFolder, root: URL) -> [String] {
        let base = root.appendingPathComponent(folder.path).standardizedFileURL
        let manager = FileManager.default
        var paths: [String] = []
        if folder.recursive {
            guard let enumerator = manager.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
            for case let url as URL in enumerator {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let full = url.standardizedFileURL.path
                guard full.hasPrefix(base.path + "/") else { continue }
                paths.append(folder.path + "/" + full.dropFirst(base.path.count + 1))
            }
        } else {
            for name in (try? manager.contentsOfDirectory(atPath: base.path)) ?? [] {
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: base.appendingPathComponent(name).path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                paths.append(folder.path + "/" + name)
            }
        }
        return paths.filter { path in
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") || folder.kept.contains(name) { return false }
            return folder.suffix.map { name.hasSuffix($0) } ?? true
        }.sorted()
    }

    /// Removes the folders below `folder` that hold nothing (deepest first).
    static func removeEmptyFolders(in folder: URL) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            let child = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: child.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            removeEmptyFolders(in: child)
            if (try? manager.contentsOfDirectory(atPath: child.path))?.isEmpty == true {
                try? manager.removeItem(at: child)
            }
        }
    }
}

extension Array where Element == GeneratedFiles.Outcome {
    /// Prints each outcome's line and, when a check found differences, fails with exit 1 and
    /// the command that brings the files up to date.
    func finish(checking: Bool, fix: String) throws {
        for outcome in self { Console.write(outcome.line(checking: checking) + "\n") }
        let differing = flatMap { $0.changed + $0.stale }
        guard checking, !differing.isEmpty else { return }
        let names = differing.prefix(5).joined(separator: ", ") + (differing.count > 5 ? ", …" : "")
        throw CommandFailure("\(differing.count) generated file\(differing.count == 1 ? " differs" : "s differ") (\(names)); run `\(fix)` and commit the result", exitCode: 1)
    }
}
