import ConformanceModel
import ConformanceServer
import Testing

/// The capture paths scenarios use.
@Suite("ValuePath")
struct ValuePathTests {
    let body: JSONValue = ["volume_ids": ["a", "b"], "volume": ["id": "v1", "size": 20, "ok": true],
                           "data": ["Disks": [["DiskName": "x", "DiskId": "1"], ["DiskName": "conformance-9", "DiskId": "2"]]]]

    @Test("members, indexes and filters resolve; misses are nil")
    func resolves() throws {
        #expect(ValuePath("volume_ids[1]")?.text(in: body) == "b")
        #expect(ValuePath("volume.size")?.text(in: body) == "20")
        #expect(ValuePath("volume.ok")?.text(in: body) == "true")
        #expect(ValuePath("data.Disks[DiskName=conformance-9].DiskId")?.text(in: body) == "2")
        #expect(ValuePath("data.Disks[DiskName=nobody].DiskId")?.text(in: body) == nil)
        #expect(ValuePath("volume_ids[5]")?.text(in: body) == nil)
        #expect(ValuePath("volume")?.text(in: body) == nil)
    }

    @Test("malformed paths are rejected, not crashed on", arguments: ["", "a[", "a[x]", "a..b", "[=v]", ".a"])
    func malformed(_ text: String) {
        #expect(ValuePath(text) == nil)
    }

    @Test("setting creates objects on the way")
    func sets() throws {
        let path = try #require(ValuePath("a.b"))
        #expect(path.setting("v", in: [:]) == ["a": ["b": "v"]])
    }

    @Test("templates fill known variables and report missing ones")
    func templates() {
        #expect(Template.fill("{{name}}-disk", ["name": "conformance-1"]) == "conformance-1-disk")
        #expect(Template.fill("{{unknown}}", [:]) == "{{unknown}}")
        #expect(Template.missing(in: ["{{a}} {{b}}"], variables: ["a": "1"]) == ["b"])
    }
}
