import ConformanceGoldens
import ConformanceModel
import ConformanceSpecs
import Foundation
import Testing
@testable import Conformance

/// The committed `golden/` folder against the validator, and the hand-written `KNOWN-BAD.md`
/// against the validator's verdicts, in both directions (issue 21).
@Suite("Goldens: committed files")
struct GoldenFilesTests {
    static let root = ProjectFolder.checkout(containing: #filePath).golden
    static let validator = Validator()

    /// The validator's error findings for every committed golden payload of `spec`, by path below its folder.
    static func verdicts(of spec: ServiceSpec, validator: Validator, rules: [BodyRule] = Rules.body) throws -> [String: [Finding]] {
        let folder = root.appendingPathComponent(spec.service)
        var verdicts: [String: [Finding]] = [:]
        for operation in spec.operations {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(operation.id).path).sorted()
            for name in names {
                let relative = "\(operation.id)/\(name)"
                let role = try #require(GoldenNaming.role(of: name, operation: operation), "\(relative) has a golden name")
                let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
                guard let payload = try? JSONValue.parse(text) else {
                    verdicts[relative] = [Finding(operation: operation.id, rule: Rule.requestBodyMalformed, severity: .error, location: .requestBody, pointer: "", message: "not JSON")]
                    continue
                }
                let file = GoldenFile(path: "\(spec.service)/\(relative)", text: text, operation: operation.id, role: role, isExample: name.hasPrefix("example-"))
                verdicts[relative] = GoldenCheck.errors(of: file, payload: payload, operation: operation, service: spec, rules: rules, validator: validator)
            }
        }
        return verdicts
    }

    static func listing(_ service: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(service).appendingPathComponent(GoldenSet.knownBadName), encoding: .utf8)
    }

    @Test("KNOWN-BAD.md lists exactly the golden files the validator rejects, each with a reason", arguments: Specs.all.map(\.service))
    func knownBadMatchesVerdicts(service: String) throws {
        let spec = try #require(Specs.service(service))
        let verdicts = try Self.verdicts(of: spec, validator: Self.validator)
        #expect(verdicts.count > 0)
        for discrepancy in KnownBadReview.compare(service: service, verdicts: verdicts, listing: try Self.listing(service)) {
            Issue.record(Comment(rawValue: discrepancy.description))
        }
    }

    @Test("a deliberately broken rule that rejects a conforming golden fails the review until KNOWN-BAD.md lists the file")
    func brokenRuleNeedsReview() throws {
        let spec = try #require(Specs.service("huawei-evs"))
        // Broken on purpose: CreateVolume's imageRef required for every documented volume type,
        // which the minimal synthesized request (no imageRef) does not send.
        let types = try #require(spec.operation(id: "CreateVolume")?.requestBody?.property(named: "volume")?.schema.property(named: "volume_type")?.schema.enumeration)
        let broken = BodyRule(id: "test.broken.image-required", service: "huawei-evs", operations: ["CreateVolume"],
                              requirement: .requiredWhen(field: "volume.imageRef", condition: .init(field: "volume.volume_type", isOneOf: types)),
                              citation: Citation(document: "none", section: "none", sentence: "a rule the docs do not state"))
        let rules = Rules.body + [broken]
        let validator = Validator(specs: [spec], rules: rules, options: ValidatorOptions(service: "huawei-evs"))
        let verdicts = try Self.verdicts(of: spec, validator: validator, rules: rules)
        let listing = try Self.listing("huawei-evs")
        let found = KnownBadReview.compare(service: "huawei-evs", verdicts: verdicts, listing: listing)
        // The suite's review test would fail, naming the file and saying how to review it.
        let rejection = try #require(found.first { $0.file == "CreateVolume/request.min.json" })
        #expect(found.allSatisfy { $0.kind == .unlistedRejection && $0.file.hasPrefix("CreateVolume/") })
        #expect(rejection.findings.map(\.rule) == [Rule.requestBodyConstraint])
        #expect(rejection.description.contains("not listed in golden/huawei-evs/KNOWN-BAD.md"))
        #expect(rejection.description.contains("if a reading allows it, the validator or the extraction is wrong"))
        // Once a person lists the file with a reason, the review passes again.
        var edited = listing + "\n## Broken on purpose\n\nThe test's rule requires imageRef for every volume type.\n\n"
        for discrepancy in found { edited += "- `\(discrepancy.file)`: no imageRef\n" }
        #expect(KnownBadReview.compare(service: "huawei-evs", verdicts: verdicts, listing: edited).isEmpty)
        // An entry without its reason does not count as reviewed.
        let unexplained = listing + "\n## Broken on purpose\n\n" + found.map { "- `\($0.file)`: no imageRef\n" }.joined()
        #expect(KnownBadReview.compare(service: "huawei-evs", verdicts: verdicts, listing: unexplained).map(\.kind) == found.map { _ in .unexplained })
    }

    @Test("an accepted file that is still listed is a difference too")
    func listedAcceptance() throws {
        let spec = try #require(Specs.service("baidu-bcc"))
        let verdicts = try Self.verdicts(of: spec, validator: Self.validator)
        let file = try #require(verdicts.keys.sorted().first)
        let listing = try Self.listing("baidu-bcc") + "\n## Wrongly listed\n\nA test entry.\n\n- `\(file)`: nothing wrong\n- `NoSuchOperation/x.json`: gone\n"
        let found = KnownBadReview.compare(service: "baidu-bcc", verdicts: verdicts, listing: listing)
        #expect(found.map(\.kind) == [.listedAcceptance, .missingFile])
        #expect(found[0].description.contains("the validator accepts it now"))
    }

    @Test("KNOWN-BAD.md names the doc's broken examples with their reasons")
    func knownBadListsReasons() throws {
        let evs = KnownBadListing.entries(in: try Self.listing("huawei-evs"))
        let trailingComma = try #require(evs.first { $0.file == "CreateVolume/example-request-2.txt" })
        #expect(trailingComma.reason == "Not JSON as printed")
        #expect(trailingComma.detail.contains("trailing comma"))
        #expect(evs.filter { $0.reason == "Placeholder error codes" }.allSatisfy { $0.file.contains("example-response-") })
        let cbs = KnownBadListing.entries(in: try Self.listing("tencent-cbs"))
        // The gateway's DiskId-for-DiskIds examples follow a reading now; only the enveloped-less one is listed.
        #expect(cbs.map(\.file) == ["DiskLogsList/example-response-200-1.json"])
    }

    @Test("the package's resources hold golden/ as committed: every service folder, every file, byte for byte")
    func resourcesAreTheCommittedFiles() throws {
        let manager = FileManager.default
        func services(in folder: URL) throws -> [String] {
            try manager.contentsOfDirectory(atPath: folder.path).filter { name in
                var isFolder: ObjCBool = false
                return manager.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
            }.sorted()
        }
        func files(under folder: URL) throws -> [String] {
            let enumerator = try #require(manager.enumerator(atPath: folder.path))
            return enumerator.compactMap { $0 as? String }.filter { path in
                var isFolder: ObjCBool = false
                return manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
            }.sorted()
        }
        let committed = try services(in: Self.root)
        // A service folder missing here is missing from the target's resources in Package.swift.
        #expect(try services(in: Goldens.bundled) == committed, "golden/'s service folders are the ConformanceGoldens resources")
        #expect(committed.count == Specs.all.count)
        for service in committed {
            let source = Self.root.appendingPathComponent(service)
            let bundled = Goldens.bundled.appendingPathComponent(service)
            let names = try files(under: source)
            #expect(try files(under: bundled) == names, "\(service)")
            let differing = try names.filter { try Data(contentsOf: source.appendingPathComponent($0)) != Data(contentsOf: bundled.appendingPathComponent($0)) }
            #expect(differing.isEmpty, "\(service): \(differing.prefix(5))")
        }
    }

    @Test("the golden loader returns JSON and names a missing file")
    func loader() throws {
        let value = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.full.json", root: Self.root)
        #expect(value["volume"]?["volume_type"] != nil)
        let bytes = try Goldens.data(service: "huawei-evs", operation: "CreateVolume", file: "request.min.json", root: Self.root)
        #expect(bytes.last == 0x0A)
        #expect(throws: GoldenLoadError.self) {
            try Goldens.load(service: "huawei-evs", operation: "NoSuchOperation", file: "request.full.json", root: Self.root)
        }
        do {
            _ = try Goldens.load(service: "huawei-evs", operation: "NoSuchOperation", file: "request.full.json", root: Self.root)
        } catch {
            #expect("\(error)".contains("NoSuchOperation/request.full.json"))
        }
    }

    @Test("synthesized CreateVolume requests satisfy the cross-field rules")
    func createVolumeRules() throws {
        let full = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.full.json", root: Self.root)
        let sources = ["imageRef", "snapshot_id", "backup_id"].filter { full["volume"]?[$0] != nil }
        #expect(sources.count <= 1)
        let type = full["volume"]?["volume_type"]?.stringValue
        if full["volume"]?["iops"] != nil { #expect(type == "GPSSD2" || type == "ESSD2") }
        if full["bssParam"]?["chargingMode"]?.stringValue == "prePaid" {
            #expect(full["bssParam"]?["periodNum"] != nil)
            #expect(full["bssParam"]?["periodType"] != nil)
        }
    }
}
