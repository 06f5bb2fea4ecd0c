import ConformanceModel
import Testing

@Suite("PathTemplate")
struct PathTemplateTests {
    @Test("segments, placeholder names, the shape and the version root of documented paths")
    func reading() {
        let show = PathTemplate("/v2/{project_id}/volumes/{volume_id}")
        #expect(show.segments == [.literal("v2"), .parameter("project_id"), .literal("volumes"), .parameter("volume_id")])
        #expect(show.parameterNames == ["project_id", "volume_id"])
        #expect(show.literals == ["v2", "volumes"])
        #expect(show.shape == "/v2/{}/volumes/{}")
        #expect(show.shape == PathTemplate("/v2/{tenant_id}/volumes/{id}").shape)
        #expect(!show.isVersionRoot)
        #expect(PathTemplate("/").segments.isEmpty && PathTemplate("/").shape == "/" && PathTemplate("/").isVersionRoot)
        #expect(PathTemplate("/{api_version}").isVersionRoot)
        #expect(!PathTemplate("/{volume_id}").isVersionRoot)
    }

    @Test("a placeholder inside other text is a literal for routing but still a parameter name, and is filled")
    func embedded() {
        let attach = PathTemplate("/v1/disks/{disk_id}:attach")
        #expect(attach.segments == [.literal("v1"), .literal("disks"), .literal("{disk_id}:attach")])
        #expect(attach.parameterNames == ["disk_id"])
        #expect(attach.filled { "<\($0)>" } == "/v1/disks/<disk_id>:attach")
    }

    @Test("filling replaces each placeholder with what the closure gives, and passes its error on")
    func filling() throws {
        struct Missing: Error, Equatable { var name: String }
        let path = PathTemplate("/v3/{project_id}/snapshots/{snapshot_id}/metadata/{key}")
        let values = ["project_id": "p1", "snapshot_id": "s 1", "key": "k"]
        let filled = try path.filled { (name: String) throws(Missing) -> String in
            guard let value = values[name] else { throw Missing(name: name) }
            return value.replacingOccurrences(of: " ", with: "%20")
        }
        #expect(filled == "/v3/p1/snapshots/s%201/metadata/k")
        #expect(throws: Missing(name: "snapshot_id")) {
            try path.filled { (name: String) throws(Missing) -> String in
                guard name == "project_id" else { throw Missing(name: name) }
                return "p1"
            }
        }
    }

    @Test("placeholders are the whole-segment ones, with the segment's position")
    func placeholders() {
        let path = PathTemplate("/v2/{project_id}/cloudvolumes/{volume_id}/tags/key{n}")
        #expect(path.placeholders.map(\.index) == [1, 3])
        #expect(path.placeholders.map(\.name) == ["project_id", "volume_id"])
        #expect(PathTemplate("/").placeholders.isEmpty)
    }
}
