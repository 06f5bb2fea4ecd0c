import Conformance
import ConformanceModel
import ConformanceServer
import ConformanceSpecs
import Foundation
import Testing

/// Serialized: generating every service's cases validates a few thousand requests, and several
/// at once would hold the few concurrency threads other suites' deadline timers need.
@Suite("generated verify cases", .serialized)
struct CaseGeneratorTests {
    static let evs = Specs.service("huawei-evs")!

    func cases(_ selection: CaseSelection, service: String = "huawei-evs") -> [Scenario] {
        CaseGenerator(spec: Specs.service(service)!, selection: selection).scenarios().filter { $0.kind != nil }
    }

    @Test("the same seed gives the same cases; another seed draws others")
    func seeded() {
        let first = cases(CaseSelection(seed: 7, maxCasesPerOperation: 3))
        let again = cases(CaseSelection(seed: 7, maxCasesPerOperation: 3))
        let other = cases(CaseSelection(seed: 8, maxCasesPerOperation: 3))
        #expect(first.map(\.id) == again.map(\.id))
        #expect(first.map(\.steps) == again.map(\.steps))
        #expect(first.map(\.id) != other.map(\.id))
        // The budget holds per operation, and each operation keeps a positive case.
        let byOperation = Dictionary(grouping: first, by: { $0.operation! })
        #expect(byOperation.values.allSatisfy { $0.count <= 3 })
        #expect(byOperation.values.allSatisfy { $0.contains { $0.kind == .positive } })
    }

    /// EVS documents `GET /` twice (ListRoot, ListRoot2) and `GET /{version}` twice (ShowRoot,
    /// ShowRoot2): no request reaches the second of each apart from the first.
    @Test("every documented operation of every service gets a case, but for a route another operation documents first")
    func everyOperation() {
        for spec in Specs.all {
            let covered = Set(cases(CaseSelection(), service: spec.service).compactMap(\.operation))
            var seen = Set<String>()
            let reachable = spec.operations.filter { seen.insert($0.routeKey).inserted }.map(\.id)
            #expect(covered == Set(reachable), "\(spec.service): \(Set(reachable).subtracting(covered).sorted())")
        }
        #expect(Set(Self.evs.operations.map(\.id)).subtracting(cases(CaseSelection()).compactMap(\.operation)) == ["ListRoot2", "ShowRoot2"])
    }

    @Test("--operations, --include and --exclude narrow the cases")
    func narrowing() {
        let only = cases(CaseSelection(maxCasesPerOperation: nil, operations: ["CreateVolume"], kinds: [.negative]))
        #expect(!only.isEmpty)
        #expect(only.allSatisfy { $0.operation == "CreateVolume" && $0.kind == .negative })
        let glob = cases(CaseSelection(operations: ["huawei-evs/*Snapshot"], kinds: [.positive]))
        #expect(Set(glob.compactMap(\.operation)) == Set(Self.evs.operations.map(\.id).filter { $0.hasSuffix("Snapshot") }))
    }

    /// EVS 6.1.1 请求参数: `size` 1–32768 (数据盘 10–32768), `volume_type` one of SATA…ESSD2,
    /// `availability_zone` 是 (required); hand-read from the document.
    @Test("negative cases break the documented constraints of CreateVolume and expect 400")
    func createVolumeNegatives() throws {
        let negatives = cases(CaseSelection(maxCasesPerOperation: nil, operations: ["CreateVolume"], kinds: [.negative]))
        let rejections = negatives.compactMap { $0.steps.last }.filter { !$0.anonymous }.compactMap(\.rejection)
        // An id that names no snapshot may also be answered with the service's not-found 404 (A.2, A.1 EVS.5404).
        #expect(rejections.allSatisfy { $0.statuses == [400] || ($0.constraint.contains("names no") && $0.statuses == [400, 404]) })
        let constraints = rejections.map(\.constraint)
        #expect(constraints.contains { $0.hasPrefix("/volume/size") && $0.contains("32768") })
        #expect(constraints.contains { $0.hasPrefix("/volume/availability_zone") })
        #expect(constraints.contains { $0.hasPrefix("/volume/volume_type") })
        let sizes = negatives.compactMap(\.steps.last).filter { $0.rejection?.constraint.hasPrefix("/volume/size") == true }
        #expect(sizes.allSatisfy { $0.rejection?.preferredCodes.first == "EVS.1010" && $0.rejection?.citation?.document.hasPrefix("002_") == true })
        let values = sizes.map { step -> JSONValue? in
            guard case .json(let body)? = step.body else { return nil }
            return body["volume"]?["size"]
        }
        #expect(values.contains { $0?.doubleValue == 32769 })
        #expect(values.contains { $0?.doubleValue == 0 })
        #expect(values.contains { $0?.stringValue == "ten" })
        #expect(values.contains { $0 == nil })
    }

    /// 6.1.1 表 6-2: `X-Auth-Token` 必选, `X-Client-Token` "36位的UUID格式字符串"; A.2 lists 401
    /// and 403; A.1 EVS.2218 "invalid X-Client-Token in header".
    @Test("CreateVolume's header cases: one without credentials expecting 401 or 403, one with a broken X-Client-Token expecting EVS.2218")
    func createVolumeHeaderNegatives() throws {
        let steps = cases(CaseSelection(maxCasesPerOperation: nil, operations: ["CreateVolume"], kinds: [.negative])).compactMap(\.steps.last)
        let anonymous = try #require(steps.first { $0.anonymous })
        #expect(anonymous.rejection?.statuses == [401, 403])
        #expect(anonymous.headers.isEmpty)
        let token = try #require(steps.first { $0.headers["X-Client-Token"] != nil })
        #expect(token.headers["X-Client-Token"] == "not-a-uuid")
        #expect(token.rejection?.statuses == [400])
        #expect(token.rejection?.preferredCodes.first == "EVS.2218")
        // The Tencent gateway documents no credential header: no such case.
        let tencent = CaseGenerator(spec: Specs.all.first { $0.service == "tencent-cbs" }!, selection: CaseSelection(maxCasesPerOperation: nil, kinds: [.negative])).scenarios()
        #expect(!tencent.contains { $0.steps.last?.anonymous == true })
    }

    @Test("boundary cases put documented bounds at their edges")
    func boundaries() {
        let bounds = cases(CaseSelection(maxCasesPerOperation: nil, operations: ["CreateVolume"], kinds: [.boundary]))
        let sizes = bounds.compactMap { scenario -> String? in
            guard case .json(let body)? = scenario.steps.last?.body else { return nil }
            return scenario.id.contains("volume-size") ? body["volume"]?["size"]?.doubleValue.map { String(Int($0)) } : nil
        }
        #expect(Set(sizes) == ["1", "32768"])
        #expect(bounds.allSatisfy { $0.steps.last?.rejection == nil })
    }

    @Test("a case that deletes a resource makes its own first, and the shared resources come first")
    func chaining() {
        let all = CaseGenerator(spec: Self.evs, selection: CaseSelection(operations: ["DeleteSnapshot", "ShowSnapshot"], kinds: [.positive])).scenarios()
        #expect(all.prefix { $0.sharesResources }.map(\.id) == ["huawei-evs.resource.zone", "huawei-evs.resource.volume_id", "huawei-evs.resource.snapshot_id"])
        let delete = all.first { $0.operation == "DeleteSnapshot" }!
        #expect(delete.steps.map(\.operation) == ["CreateSnapshot", "ShowSnapshot", "DeleteSnapshot"])
        #expect(delete.steps.last?.effect == .delete(variable: "snapshot_id"))
        let show = all.first { $0.operation == "ShowSnapshot" }!
        #expect(show.steps.count == 1 && show.steps[0].effect == .read)
    }

    @Test("a DELETE removes what its path names last: a metadata key written first, on the run's own volume")
    func deleteTakesTheLastPathName() {
        let all = CaseGenerator(spec: Self.evs, selection: CaseSelection(operations: ["DeleteVolumeMetadataItem"], kinds: [.positive])).scenarios()
        let delete = all.first { $0.operation == "DeleteVolumeMetadataItem" }!
        #expect(delete.steps.map(\.operation) == ["CreateVolumeMetadata", "CreateSnapshotMetadata", "DeleteVolumeMetadataItem"])
        #expect(delete.steps.last?.path["key"] == "{{metadata_key}}")
        // Deleting a key changes the volume; the volume itself is not deleted.
        #expect(delete.steps.last?.effect == .mutate(variable: "volume_id"))
    }

    @Test("a detach case attaches its own volume first; a volume's cleanup detaches and unreserves when the delete is refused")
    func detachPreparesAndCleanupUnblocks() {
        let all = CaseGenerator(spec: Self.evs, selection: CaseSelection(operations: ["DetachVolume"], kinds: [.positive])).scenarios()
        let detach = all.first { $0.operation == "DetachVolume" }!
        #expect(detach.steps.map(\.operation) == ["CreateVolume", "ShowVolume", "AttachVolume", "ShowVolume", "DetachVolume"])
        guard case .create(_, let cleanup, _) = detach.steps[0].effect else { Issue.record("the fresh volume has no cleanup"); return }
        #expect(cleanup.unblock.map(\.operation) == ["DetachVolume", "UnreserveVolume"])
        // The attach needs a server no EVS call creates: the case runs on the embedded mock, or with --resource server_id=ID.
        #expect(detach.reach != .anyEndpoint)
    }

    @Test("a volume the user names replaces the volume recipe, but a delete still gets a fresh volume")
    func userNamedResource() {
        let named = "0b3c0000-aaaa-4bbb-8ccc-000000000001"
        let all = CaseGenerator(spec: Self.evs, selection: CaseSelection(operations: ["ShowVolume", "DeleteVolume"], kinds: [.positive]), resources: ["volume_id": named]).scenarios()
        #expect(!all.contains { $0.id == "huawei-evs.resource.volume_id" })
        let show = all.first { $0.operation == "ShowVolume" }!
        #expect(show.steps.count == 1 && show.steps[0].path["volume_id"] == "{{volume_id}}")
        let delete = all.first { $0.operation == "DeleteVolume" }!
        #expect(delete.steps.first?.operation == "CreateVolume")
        #expect(delete.steps.last?.effect == .delete(variable: "volume_id"))
    }

    /// A.1: EVS.1010 "invalid volume size!", EVS.1039 "invalid sort_key!", EVS.2218 "invalid
    /// X-Client-Token in header", EVS.1003 "invalid volume name!"; EVS.5400 "Malformed request body.".
    @Test("error codes are matched to the field their message names")
    func fieldCodes() {
        #expect(FieldErrorCodes.codes(for: "/volume/size", in: Self.evs).first == "EVS.1010")
        #expect(FieldErrorCodes.codes(for: "sort_key", in: Self.evs) == ["EVS.1039"])
        #expect(FieldErrorCodes.codes(for: "X-Client-Token", in: Self.evs) == ["EVS.2218"])
        #expect(FieldErrorCodes.codes(for: "/volume/name", in: Self.evs).first == "EVS.1003")
        #expect(FieldErrorCodes.codes(for: "/volume/count", in: Self.evs).isEmpty)
        #expect(FieldErrorCodes.generic(in: Self.evs) == "EVS.5400")
        #expect(FieldErrorCodes.generic(in: Specs.service("baidu-bcc")!) == "BadRequest")
    }

    /// A.1: EVS.2142 "invalid filter limit, can not greater than 1000.", EVS.1023 "invalid filter
    /// limit!", EVS.2228 "input volume ids must not be over 60.", EVS.1018 "Type conversion error ,
    /// parameter type is unexpected".
    @Test("a finding's code: the one naming the broken bound first, the type-conversion code for a type error without a field code")
    func findingCodes() {
        func finding(_ rule: RuleID, _ pointer: String, _ message: String, expected: String? = nil) -> Finding {
            Finding(exchange: 0, operation: nil, rule: rule, severity: .error, location: .requestBody, pointer: pointer, message: message, expected: expected)
        }
        let limit = finding(Rule.requestParameterType, "limit", "query parameter 'limit' is above the documented maximum 1000")
        #expect(FieldErrorCodes.codes(for: limit, in: Self.evs).prefix(2) == ["EVS.2142", "EVS.1023"])
        let ids = finding(Rule.requestBodyRange, "/volume_ids", "61 items where at most 60 are documented", expected: "at most 60 items")
        #expect(FieldErrorCodes.codes(for: ids, in: Self.evs).first == "EVS.2228")
        // Another bound than the message's number: only the field's own codes.
        let below = finding(Rule.requestParameterType, "limit", "query parameter 'limit' is below the documented minimum 0")
        #expect(FieldErrorCodes.codes(for: below, in: Self.evs).first == "EVS.1023")
        let force = finding(Rule.requestBodyType, "/snapshot/force", "a string where a boolean is documented")
        #expect(FieldErrorCodes.codes(for: force, in: Self.evs) == ["EVS.1018"])
        // A field code wins over the type-conversion code.
        let size = finding(Rule.requestBodyType, "/volume/size", "a string where an integer is documented")
        #expect(FieldErrorCodes.codes(for: size, in: Self.evs).first == "EVS.1010")
    }

    /// A.1, read by hand: `EVS.1003 "invalid volume name!"` is about a volume's name, not a
    /// transfer's; `EVS.2231 "invalid iops value, …"` is about iops, not a tag's value; `EVS.1002
    /// "invalid volume id!"` names `volume_id`, not `volume`; a query filter prefers `EVS.1041
    /// "invalid filter availability-zone!"`, a body field `EVS.1036 "invalid availability zone!"`.
    @Test("a message names a field only where its words spell it alone")
    func wordRuns() {
        #expect(!FieldErrorCodes.codes(for: "/transfer/name", in: Self.evs).contains("EVS.1003"))
        #expect(!FieldErrorCodes.codes(for: "/tags/0/value", in: Self.evs).contains("EVS.2231"))
        #expect(FieldErrorCodes.codes(for: "/volume/iops", in: Self.evs).first == "EVS.2231")
        #expect(!FieldErrorCodes.codes(for: "/volume", in: Self.evs).contains("EVS.1002"))
        #expect(FieldErrorCodes.codes(for: "/snapshot/volume_id", in: Self.evs).first == "EVS.1002")
        #expect(FieldErrorCodes.codes(for: "/volume/availability_zone", in: Self.evs).first == "EVS.1036")
        #expect(FieldErrorCodes.codes(for: "availability_zone", in: Self.evs).first == "EVS.1041")
        // "the quantity of volume is invalid!" is about a quantity.
        #expect(!FieldErrorCodes.codes(for: "/volume", in: Self.evs).contains("EVS.1021"))
    }

    /// The findings come from the validator on requests written here; the expected codes are
    /// A.1's, read by hand: EVS.1001 "null volume!", EVS.1008 "null createVolume Req!", EVS.1016
    /// "… May specify only one of imageRef, snapshot_id, backup_id!", EVS.2232 "ESSD2 type must
    /// input iops and not input throughput.", EVS.2233 "GPSSD2 type must input iops and
    /// throughput.", EVS.2235 "only ESSD2 and GPSSD2 can set iops or throughput".
    @Test("a missing field or body, and a broken cross-field rule, get the code that says so")
    func nullAndConstraintCodes() throws {
        let validator = Validator(options: ValidatorOptions(service: "huawei-evs"))
        func code(_ body: JSONValue?) throws -> String? {
            let request = Exchange.Request(method: "POST", url: "https://evs.example.com/v2.1/0123456789abcdef0123456789abcdef/cloudvolumes",
                                           headers: [Exchange.Header(name: "X-Auth-Token", value: "t")], body: body.map { Array($0.canonicalText.utf8) })
            let result = validator.validate(Exchange(request: request, response: nil))
            #expect(result.operationID == "CreateVolume")
            let finding = try #require(result.findings.first { $0.severity == .error && $0.location == .requestBody })
            return FieldErrorCodes.codes(for: finding, operation: "CreateVolume", in: Self.evs).first
        }
        func volume(_ members: [String: JSONValue]) -> JSONValue {
            var volume: [String: JSONValue] = ["availability_zone": "az-1", "size": 10]
            volume.merge(members) { $1 }
            return ["volume": .object(volume)]
        }
        #expect(try code(["bssParam": ["chargingMode": "postPaid"]]) == "EVS.1001")
        #expect(try code(nil) == "EVS.1008")
        #expect(try code(volume(["volume_type": "SATA", "imageRef": "a", "snapshot_id": "b"])) == "EVS.1016")
        #expect(try code(volume(["volume_type": "GPSSD2", "throughput": 200])) == "EVS.2233")
        #expect(try code(volume(["volume_type": "ESSD2"])) == "EVS.2232")
        #expect(try code(volume(["volume_type": "SATA", "iops": 3000])) == "EVS.2235")
        #expect(try code(volume(["volume_type": "ESSD2", "iops": 3000, "throughput": 200])) == "EVS.2232")
    }

    @Test("under the default budget every documented code a case can expect is still expected by one")
    func budgetKeepsEveryCode() {
        func codes(_ cases: [Scenario]) -> Set<String> { Set(cases.compactMap { $0.steps.last?.rejection?.preferredCodes.first }) }
        let all = codes(cases(CaseSelection(maxCasesPerOperation: nil)))
        let budgeted = cases(CaseSelection())
        #expect(codes(budgeted) == all)
        #expect(all.isSuperset(of: ["EVS.1001", "EVS.1008", "EVS.1016", "EVS.2218", "EVS.2232", "EVS.2233", "EVS.2235"]))
        let byOperation = Dictionary(grouping: budgeted, by: { $0.operation! })
        #expect(byOperation.values.allSatisfy { $0.count <= CaseSelection.defaultMaxCasesPerOperation })
    }

    /// A.1 by hand: EVS.1015 "new volume Size must be greater than old Size!", EVS.2219
    /// "url/project id/body conflict with X-Client-Token", EVS.5404 "Resource(...) could not be
    /// found.", EVS.2228 "input volume ids must not be over 60.", EVS.1061 "The Volume Tags is
    /// Exceed Max Limit Num."
    @Test("stateful negatives: a relation, an unknown id, a reused idempotency token, an item limit of a rule")
    func statefulNegatives() throws {
        let all = cases(CaseSelection(maxCasesPerOperation: nil))
        func rejection(_ id: String) throws -> ExpectedRejection {
            try #require(all.first { $0.id == id }?.steps.last?.rejection, "\(id)")
        }
        let resize = try #require(all.first { $0.id == "huawei-evs.ResizeVolume.negative.os-extend-new_size-not-greater-than-the-volume-s-size-10" })
        #expect(resize.steps.first?.operation == "CreateVolume", "the relation case makes its own volume, so its size is known")
        #expect(resize.steps.last?.body == .json(["os-extend": ["new_size": 10]]))
        #expect(try rejection(resize.id).preferredCodes.first == "EVS.1015")
        let marker = try rejection("huawei-evs.ListVolumes.negative.query-marker-names-no-resource")
        #expect(marker.preferredCodes.first == "EVS.5404" && marker.statuses.contains(404))
        let token = try #require(all.first { $0.id.hasPrefix("huawei-evs.CreateVolume.negative.header-x-client-token-of-an-earlier-request") })
        #expect(token.steps.count >= 2 && token.steps[token.steps.count - 2].headers["X-Client-Token"] == token.steps.last?.headers["X-Client-Token"])
        #expect(token.steps.last?.rejection?.preferredCodes == ["EVS.2219"])
        #expect(all.contains { $0.steps.last?.rejection?.preferredCodes.first == "EVS.2228" })
        #expect(all.contains { $0.steps.last?.rejection?.preferredCodes.first == "EVS.1061" })
        // 6.1.7 allows extending an available or in-use volume; one offered for transfer is neither.
        let awaiting = try #require(all.first { $0.id == "huawei-evs.ResizeVolume.negative.its-volume-awaiting-transfer" })
        #expect(awaiting.steps.contains { $0.operation == "CreateOsVolumeTransfer" })
        #expect(awaiting.steps.last?.path["volume_id"] == "{{transfer_volume_id}}")
        #expect(awaiting.steps.last?.rejection?.preferredCodes.first == "EVS.1064")
        #expect(awaiting.reach == .anyEndpoint, "the volume is the case's own")
    }
}
