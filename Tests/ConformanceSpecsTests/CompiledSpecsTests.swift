import ConformanceModel
import ConformanceSpecs
import Testing

@Suite("Specs compiled into Swift")
struct CompiledSpecsTests {
    @Test("every committed spec.json is compiled in, equal value for value")
    func roundTrip() throws {
        let ids = try Repository.serviceIDs()
        #expect(Specs.serviceIDs == ids)
        for id in ids {
            let committed = try Repository.spec(id)
            let compiled = try #require(Specs.service(id))
            #expect(compiled.operations.count == committed.operations.count, "\(id)")
            for (left, right) in zip(compiled.operations, committed.operations) where left != right {
                Issue.record("\(id) operation \(left.id) differs from spec.json; run `swift run conformance codegen`")
            }
            #expect(compiled == committed, "\(id)")
        }
    }

    @Test("lookup by service and operation id")
    func lookup() throws {
        let resize = try #require(Specs.operation(service: "huawei-ecs", id: "ResizeCloudserver"))
        #expect(resize.path == "/v1.1/{project_id}/cloudservers/{server_id}/resize")
        #expect(Specs.service("no-such-service") == nil)
        #expect(Specs.operation(service: "huawei-ecs", id: "NoSuchOperation") == nil)
    }
}
