import ConformanceModel
import DocExtraction
import Foundation
import SpecDiff
import Testing

/// A copy of one of the project's seed documents (`specs/<service>/docs/*`), edited in memory the
/// way a vendor re-publishes a page, and extracted exactly as `extract --doc` does.
struct SeedPage {
    /// This checkout's root.
    static let root: URL = ProjectFolder.checkout(containing: #filePath).root

    let service: String
    let name: String
    var lines: [String]

    /// The seed document of `service` whose file name starts with `prefix` (`002_`).
    init(service: String, prefix: String) throws {
        let folder = Self.root.appendingPathComponent("specs/\(service)/docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) }, "specs/\(service)/docs/\(prefix)*")
        self.service = service
        self.name = name
        lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            .replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    }

    var text: String { lines.joined(separator: "\n") }

    /// The 1-based number of the first line at or after `from` that contains `needle`.
    func line(containing needle: String, from: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let index = try #require(lines.indices.first { $0 >= from - 1 && lines[$0].contains(needle) }, "a line containing \(needle)", sourceLocation: sourceLocation)
        return index + 1
    }

    /// The 1-based number of the first line at or after `from` that starts with `prefix`.
    func line(startingWith prefix: String, from: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let index = try #require(lines.indices.first { $0 >= from - 1 && lines[$0].hasPrefix(prefix) }, "a line starting with \(prefix)", sourceLocation: sourceLocation)
        return index + 1
    }

    /// Replaces the first `old` in line `number` with `new`.
    mutating func replace(_ old: String, with new: String, onLine number: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let range = try #require(lines[number - 1].range(of: old), "line \(number) contains \(old)", sourceLocation: sourceLocation)
        lines[number - 1].replaceSubrange(range, with: new)
    }

    mutating func removeLine(_ number: Int) {
        lines.remove(at: number - 1)
    }

    mutating func insert(_ line: String, after number: Int) {
        lines.insert(line, at: number)
    }

    /// The spec this version of the page gives, extracted alone.
    func spec() throws -> ServiceSpec {
        try ServiceExtractor.extract(service: service, documents: [SourceDocument(name: name, text: text)]).spec
    }

    /// Writes the page to `folder`/`name` and returns the path.
    func write(to folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

/// Finding changes in a diff's result, with a readable failure.
extension Array where Element == SpecChange {
    func only(_ id: String, at pointer: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> SpecChange {
        let matches = filter { $0.id == id && $0.pointer == pointer }
        #expect(matches.count == 1, "exactly one \(id) at \(pointer); got: \(map { "\($0.id) \($0.pointer)" })", sourceLocation: sourceLocation)
        return try #require(matches.first, sourceLocation: sourceLocation)
    }

    /// `id pointer` of every change of `level` or above, for comparing with an expected set.
    func keys(atLeast level: ChangeCheck.Level) -> Set<String> {
        Set(filter { $0.level >= level }.map { "\($0.id) \($0.pointer)" })
    }
}
