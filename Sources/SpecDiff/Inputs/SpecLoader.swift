import ConformanceModel
import DocExtraction
import Foundation

/// Reads one side of `conformance diff` (issue 20): a `spec.json`, a document (any format
/// `extract --doc` reads), a folder of documents, or `REV:path` in the git repository around
/// the working directory.
///
/// - A file whose first character is `{` is a spec and must decode as one; anything else is a
///   document, extracted exactly as `extract --doc` does (`ServiceExtractor`).
/// - A folder holding `spec.json` (a service folder, `specs/huawei-evs`) is that spec, unless
///   `extractDocuments` is set; a folder holding `docs/` is those documents; any other folder
///   is the documents in it.
/// - `REV:path` is the same at that revision, read with `git ls-tree` and `git show`. When the
///   `spec.json` of a revision does not decode with this build's model (written before a
///   model change), its documents are extracted instead, and `notice` says so.
/// - The service id is `service` when given; else the folder after `specs/` in the path, or
///   the spec's own; else `documents`.
public struct SpecLoader {
    public var service: String?
    /// Extract the documents even where a `spec.json` is present.
    public var extractDocuments: Bool
    public var workingDirectory: URL
    /// Progress and notices (standard error in the CLI).
    public var notice: (String) -> Void

    public init(service: String? = nil, extractDocuments: Bool = false,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                notice: @escaping (String) -> Void = { _ in }) {
        self.service = service
        self.extractDocuments = extractDocuments
        self.workingDirectory = workingDirectory
        self.notice = notice
    }

    /// Reads the side `argument` names.
    public func load(_ argument: String) throws(SpecInputError) -> LoadedSpec {
        guard !argument.isEmpty else { throw SpecInputError(file: "''", reason: "empty input; expected a spec.json, a document, a folder or REV:path") }
        let url = URL(fileURLWithPath: argument, relativeTo: workingDirectory).standardizedFileURL
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            return isFolder.boolValue ? try loadFolder(argument, url: url) : try loadFile(argument, url: url)
        }
        if let colon = argument.firstIndex(of: ":"), colon != argument.startIndex {
            return try loadRevision(String(argument[..<colon]), path: String(argument[argument.index(after: colon)...]), label: argument)
        }
        throw SpecInputError(file: argument, reason: "no such file or folder (and not REV:path)")
    }

    // MARK: Working tree

    private func loadFile(_ argument: String, url: URL) throws(SpecInputError) -> LoadedSpec {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SpecInputError(file: argument, reason: "cannot read the file (\(error.localizedDescription))")
        }
        if Self.looksLikeJSON(data) {
            let spec = try decodeSpec(data, label: argument)
            return finish(spec, label: argument, origin: "spec.json", paths: siblingDocumentPaths(of: spec, specPath: argument))
        }
        let document = try Self.document(data, name: url.lastPathComponent, label: argument)
        return try extract([document], label: argument, paths: [document.name: argument], hint: argument)
    }

    private func loadFolder(_ argument: String, url: URL) throws(SpecInputError) -> LoadedSpec {
        let manager = FileManager.default
        let specURL = url.appendingPathComponent("spec.json")
        let docsURL = url.appendingPathComponent("docs")
        var isFolder: ObjCBool = false
        let hasDocs = manager.fileExists(atPath: docsURL.path, isDirectory: &isFolder) && isFolder.boolValue
        if !extractDocuments, manager.fileExists(atPath: specURL.path), let data = try? Data(contentsOf: specURL) {
            let label = Self.joined(argument, "spec.json")
            do {
                let spec = try decodeSpec(data, label: label)
                return finish(spec, label: argument, origin: "spec.json", paths: siblingDocumentPaths(of: spec, specPath: label))
            } catch where hasDocs {
                notice("\(error); extracting \(Self.joined(argument, "docs")) instead")
            }
        }
        let folder = hasDocs ? docsURL : url
        let shown = hasDocs ? Self.joined(argument, "docs") : argument
        let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && name != "spec.json" && name != "openapi.json"
                && manager.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
        guard !names.isEmpty else { throw SpecInputError(file: shown, reason: "no documents (and no spec.json) in this folder") }
        var documents: [SourceDocument] = []
        var paths: [String: String] = [:]
        for name in names {
            do {
                documents.append(try SourceDocument.load(path: folder.appendingPathComponent(name).path))
            } catch {
                throw SpecInputError(file: Self.joined(shown, name), line: error.line, reason: error.reason)
            }
            paths[name] = Self.joined(shown, name)
        }
        return try extract(documents, label: argument, paths: paths, hint: argument)
    }

    // MARK: Revision

    private func loadRevision(_ revision: String, path: String, label: String) throws(SpecInputError) -> LoadedSpec {
        let git = try GitRevision(revision, workingDirectory: workingDirectory, label: label)
        let full = git.repositoryPath(path)
        switch try git.kind(of: full) {
        case nil:
            throw SpecInputError(file: label, reason: "no such path at \(revision)")
        case .file:
            let data = try git.contents(of: full)
            if Self.looksLikeJSON(data) {
                let spec = try decodeSpec(data, label: label)
                return finish(spec, label: label, origin: "spec.json at \(revision)", paths: siblingDocumentPaths(of: spec, specPath: full))
            }
            let document = try Self.document(data, name: URL(fileURLWithPath: full).lastPathComponent, label: label)
            return try extract([document], label: label, paths: [document.name: full], hint: full, revision: revision)
        case .folder:
            let files = try git.files(in: full)
            let specPath = Self.joined(full, "spec.json")
            let docsFolder = Self.joined(full, "docs")
            let docs = try git.files(in: docsFolder)
            if !extractDocuments, files.contains(specPath) {
                do {
                    let spec = try decodeSpec(try git.contents(of: specPath), label: "\(revision):\(specPath)")
                    return finish(spec, label: label, origin: "spec.json at \(revision)", paths: siblingDocumentPaths(of: spec, specPath: specPath))
                } catch where !docs.isEmpty {
                    notice("\(error); extracting \(revision):\(docsFolder) instead")
                }
            }
            let chosen = docs.isEmpty ? files.filter { !$0.hasSuffix("/spec.json") && !$0.hasSuffix("/openapi.json") && $0 != "spec.json" } : docs
            guard !chosen.isEmpty else { throw SpecInputError(file: label, reason: "no documents (and no spec.json) at \(revision)") }
            var documents: [SourceDocument] = []
            var paths: [String: String] = [:]
            for file in chosen {
                let name = URL(fileURLWithPath: file).lastPathComponent
                documents.append(try Self.document(try git.contents(of: file), name: name, label: "\(revision):\(file)"))
                paths[name] = file
            }
            return try extract(documents, label: label, paths: paths, hint: full, revision: revision)
        }
    }

    // MARK: Reading

    private func decodeSpec(_ data: Data, label: String) throws(SpecInputError) -> ServiceSpec {
        do {
            return try JSONDecoder().decode(ServiceSpec.self, from: data)
        } catch let error as DecodingError {
            throw SpecInputError(file: label, reason: "not a spec.json of this build (\(Self.describe(error)))")
        } catch {
            throw SpecInputError(file: label, reason: "not a spec.json (\(error.localizedDescription))")
        }
    }

    private func extract(_ documents: [SourceDocument], label: String, paths: [String: String], hint: String, revision: String? = nil) throws(SpecInputError) -> LoadedSpec {
        let id = service ?? Self.serviceID(inPath: hint) ?? "documents"
        notice("extracting \(label): \(documents.count) document\(documents.count == 1 ? "" : "s")…")
        do {
            let extraction = try ServiceExtractor.extract(service: id, documents: documents)
            let origin = "\(documents.count) document\(documents.count == 1 ? "" : "s") extracted" + (revision.map { " at \($0)" } ?? "")
            return LoadedSpec(spec: extraction.spec, label: label, origin: origin, documentPaths: paths)
        } catch {
            throw SpecInputError(file: paths[error.file] ?? error.file, line: error.line, reason: error.reason)
        }
    }

    private func finish(_ spec: ServiceSpec, label: String, origin: String, paths: [String: String]) -> LoadedSpec {
        var spec = spec
        if let service { spec.service = service }
        return LoadedSpec(spec: spec, label: label, origin: origin, documentPaths: paths)
    }

    /// `specs/<service>/docs/<document>` beside a `specs/<service>/spec.json`.
    private func siblingDocumentPaths(of spec: ServiceSpec, specPath: String) -> [String: String] {
        let folder = (specPath as NSString).deletingLastPathComponent
        return Dictionary(spec.documents.map { ($0, Self.joined(Self.joined(folder, "docs"), $0)) }, uniquingKeysWith: { first, _ in first })
    }

    static func looksLikeJSON(_ data: Data) -> Bool {
        data.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) == UInt8(ascii: "{")
    }

    /// A document from bytes, with the checks `SourceDocument.load` makes.
    static func document(_ data: Data, name: String, label: String) throws(SpecInputError) -> SourceDocument {
        guard let text = String(data: data, encoding: .utf8) else { throw SpecInputError(file: label, reason: "the file is not UTF-8 text") }
        if text.contains("\u{0}") { throw SpecInputError(file: label, reason: "the file holds NUL bytes; expected a text document") }
        return SourceDocument(name: name, text: text)
    }

    /// The folder after `specs/` in a path (`specs/huawei-evs/docs/000_x.txt` → `huawei-evs`).
    public static func serviceID(inPath path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(of: "specs"), index + 1 < parts.count else { return nil }
        let candidate = parts[index + 1]
        return candidate.hasSuffix(".txt") || candidate.hasSuffix(".json") ? nil : candidate
    }

    static func joined(_ folder: String, _ name: String) -> String {
        folder.isEmpty || folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    /// A decoding error as a short cause: `missing key 'authentication' at operations[3]`.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop(while: { $0 == "." }).description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "missing key '\(key.stringValue)'" + (at.isEmpty ? "" : " at \(at)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let at = path(context.codingPath)
            return context.debugDescription + (at.isEmpty ? "" : " at \(at)")
        @unknown default:
            return "\(error)"
        }
    }
}
