import ConformanceModel
import ConformanceSpecs
import Foundation
import Testing
@testable import Conformance

/// The committed `golden/` folder: every doc example not in KNOWN-BAD.md validates clean, and
/// every KNOWN-BAD.md entry names a file that still breaks the tables.
@Suite("Goldens: committed files")
struct GoldenFilesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("golden")
    static let validator = Validator()

    @Test("doc examples not listed in KNOWN-BAD.md validate clean; listed ones do not", arguments: Specs.all.map(\.service))
    func examples(service: String) throws {
        let spec = try #require(Specs.service(service))
        let folder = Self.root.appendingPathComponent(service)
        let listing = try String(contentsOf: folder.appendingPathComponent(GoldenSet.knownBadName), encoding: .utf8)
        let listed = KnownBadListing.files(in: listing)
        var checked = 0
        for operation in spec.operations {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(operation.id).path).sorted()
            for name in names {
                let relative = "\(operation.id)/\(name)"
                let role = try #require(GoldenNaming.role(of: name, operation: operation), "\(relative) has a golden name")
                let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
                guard let payload = try? JSONValue.parse(text) else {
                    #expect(listed.contains(relative), "\(relative) is not JSON and not listed in KNOWN-BAD.md")
                    continue
                }
                let file = GoldenFile(path: "\(service)/\(relative)", text: text, operation: operation.id, role: role, isExample: name.hasPrefix("example-"))
                let errors = GoldenCheck.errors(of: file, payload: payload, operation: operation, service: spec, rules: Rules.body, validator: Self.validator)
                if listed.contains(relative) {
                    #expect(!errors.isEmpty, "\(relative) is listed in KNOWN-BAD.md but validates clean")
                } else {
                    #expect(errors.isEmpty, "\(relative): \(errors.map { "\($0.rule) \($0.pointer) \($0.message)" })")
                }
                checked += 1
            }
        }
        #expect(checked > 0)
        // Every listed file exists.
        for relative in listed {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path), "KNOWN-BAD.md lists \(relative), which does not exist")
        }
    }

    @Test("KNOWN-BAD.md lists the findings of the doc's broken examples")
    func knownBadListsFindings() throws {
        let evs = try String(contentsOf: Self.root.appendingPathComponent("huawei-evs/KNOWN-BAD.md"), encoding: .utf8)
        // 6.1.1's second create example has a trailing comma.
        #expect(evs.contains("## CreateVolume/example-request-2.txt"))
        #expect(evs.contains("`request.body.malformed`"))
        #expect(evs.contains("trailing comma"))
        let cbs = try String(contentsOf: Self.root.appendingPathComponent("tencent-cbs/KNOWN-BAD.md"), encoding: .utf8)
        #expect(cbs.contains("## DiskCreate/example-request-1.json"))
        #expect(cbs.contains("`request.body.missing-field` at `/DiskChargeType`"))
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
