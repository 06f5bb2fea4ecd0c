import Foundation
import Testing

/// `conformance check` (one body against one operation) and `validate`'s one-line stop on a
/// file that is not traffic (issue 17: a golden body gave 32 "not JSON" lines, README.md 504).
@Suite("CLI: check, and validate on what is not traffic")
struct CheckCommandTests {
    static let createVolume = "golden/huawei-evs/CreateVolume"

    @Test("a conforming request body passes; exit 0")
    func conformingRequest() throws {
        let result = try CommandRunner.run(["check", "--operation", "huawei-evs/CreateVolume", "\(Self.createVolume)/request.min.json"])
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    }

    @Test("a request body whose size is a string: one error at /volume/size, exit 1; JSON format carries the operation")
    func brokenRequest() throws {
        // EVS 创建云硬盘: volume.size is an Integer (表 请求参数 volume).
        let body = #"{"volume": {"availability_zone": "az-1", "size": "ten", "volume_type": "SATA"}}"#
        let result = try CommandRunner.run(["check", "--operation", "huawei-evs/CreateVolume", "--format", "json", "-"], input: Data(body.utf8))
        #expect(result.status == 1, "\(result.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let text = String(describing: report)
        #expect(text.contains("/volume/size"))
        #expect(text.contains("CreateVolume"))
        #expect(result.standardError.contains("1 error finding in the request body of huawei-evs/CreateVolume"))
    }

    @Test("--response STATUS checks a response body: the doc's 202 example passes, its 400 example with code XXX fails")
    func responses() throws {
        let ok = try CommandRunner.run(["check", "--operation", "huawei-evs/CreateVolume", "--response", "202", "\(Self.createVolume)/example-response-202-1.json"])
        #expect(ok.status == 0, "\(ok.standardOutput)\(ok.standardError)")
        let placeholder = try CommandRunner.run(["check", "--operation", "huawei-evs/CreateVolume", "--response", "400", "\(Self.createVolume)/example-response-400-1.json"])
        #expect(placeholder.status == 1)
        #expect(placeholder.standardOutput.contains("XXX"))
    }

    @Test("bad --operation values are one line and exit 2", arguments: [
        (["check", "--operation", "CreateVolume", "x.json"], "SERVICE/OPERATION_ID"),
        (["check", "--operation", "nope/CreateVolume", "README.md"], "no service nope"),
        (["check", "--operation", "huawei-evs/createvolume", "README.md"], "did you mean CreateVolume"),
        (["check", "--operation", "huawei-evs/CreateVolume", "/nonexistent.json"], "/nonexistent.json: no such file"),
    ])
    func badOperation(arguments: [String], mention: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(mention), "\(result.standardError)")
    }

    @Test("validate on a JSON body stops with one line that says so and suggests check", arguments: ["\(createVolume)/request.full.json", "README.md"])
    func notTraffic(file: String) throws {
        let result = try CommandRunner.run(["validate", file])
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty, "\(result.standardOutput.prefix(500))")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError.prefix(2000))")
        #expect(result.standardError.contains("not traffic"))
        if file.hasSuffix(".json") {
            #expect(result.standardError.contains("conformance check --operation SERVICE/OPERATION_ID \(file)"))
        }
    }

    @Test("traffic with some broken lines still reports each of them, after the first exchange too")
    func brokenLinesInTraffic() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mixed.jsonl")
        let exchange = #"{"request": {"method": "GET", "url": "https://evs.example.com/v2/0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c/cloudvolumes/detail"}, "response": {"status": 200}}"#
        try "not json\n\(exchange)\nnot json either\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.components(separatedBy: "conformance: skipped:").count - 1 == 2, "\(result.standardError)")
    }
}
