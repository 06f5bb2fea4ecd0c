import ConformanceTesting
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `Goldens` as a dependent package calls it: through `import ConformanceTesting` alone, with no
/// `root:` (the package's resources) and with one (a working copy's folder).
@Suite("Goldens from the package's resources")
struct GoldensTests {
    @Test("loads a golden with no root: the payload the documents give")
    func bundled() throws {
        // Hand-read from specs/huawei-evs/docs/002_4af2597416b1ee7d.txt, 6.1.1 创建云硬盘, 表
        // CreateVolumeOption: availability_zone and volume_type are required (是), volume_type
        // lists "SATA" first; request.min.json holds the required fields with first values.
        let body = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.min.json")
        #expect(body["volume"]?["volume_type"] == "SATA")
        #expect(body["volume"]?["availability_zone"] != nil)
        let path = Goldens.path(service: "huawei-evs", operation: "CreateVolume", file: "request.min.json")
        #expect(path.path.hasPrefix(Goldens.bundled.path))
        #expect(path.path.contains(".resources") || path.path.contains(".bundle"), "\(path.path) is in a resource bundle")
    }

    @Test("a bundled golden response conforms: the goldens feed the validator")
    func feedsTheValidator() throws {
        let data = try Goldens.data(service: "huawei-evs", operation: "ShowVolume", file: "response-200.json")
        let url = try #require(URL(string: "https://evs.cn-north-4.myhuaweicloud.com/v2/0a6f0e2b4c0d4f2f9d1c3b5a7e9f1d3c/cloudvolumes/6d6f636b-0000-4000-8000-000000000001"))
        var request = URLRequest(url: url)
        request.setValue("token", forHTTPHeaderField: "X-Auth-Token")
        let response = try #require(HTTPURLResponse(url: url, statusCode: 200, httpVersion: "HTTP/1.1", headerFields: ["Content-Type": "application/json"]))
        let result = expectConforming(request, response, data)
        #expect(result.operationID == "ShowVolume")
    }

    @Test("root: reads a working copy's golden/ instead of the resources")
    func workingCopy() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("goldens-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("huawei-evs/CreateVolume")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"volume": {"volume_type": "ESSD2"}}"#.utf8).write(to: folder.appendingPathComponent("request.min.json"))

        let fresh = try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.min.json", root: root)
        #expect(fresh["volume"]?["volume_type"] == "ESSD2")
        #expect(try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.min.json")["volume"]?["volume_type"] == "SATA")
    }

    @Test("a missing golden is an error naming the file, with a hint for each source")
    func missing() throws {
        let bundled = try #require(throws: GoldenLoadError.self) {
            try Goldens.load(service: "huawei-evs", operation: "NoSuchOperation", file: "request.full.json")
        }
        #expect(bundled.description.contains("huawei-evs/NoSuchOperation/request.full.json"))
        #expect(bundled.description.contains("package's resources"))
        let elsewhere = try #require(throws: GoldenLoadError.self) {
            try Goldens.load(service: "huawei-evs", operation: "CreateVolume", file: "request.full.json", root: URL(fileURLWithPath: "/nonexistent/golden"))
        }
        #expect(elsewhere.description.hasPrefix("/nonexistent/golden/huawei-evs/CreateVolume/request.full.json: "))
        #expect(elsewhere.description.contains("conformance golden"))
    }
}
