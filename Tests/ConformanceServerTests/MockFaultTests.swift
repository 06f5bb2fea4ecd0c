import Conformance
import ConformanceModel
import ConformanceServer
import Testing

/// Each fault produces the finding it promises; without faults the same traffic is clean.
@Suite struct MockFaultTests {
    static let project = MockHarness.project
    let common = #""TenantUuid": "system", "ClusterUuid": "c1", "Region": "r1""#

    func harness(_ faults: String) throws -> MockHarness {
        MockHarness(MockConfiguration(settleDelay: .seconds(60), faults: try MockFaults(parsing: faults)))
    }

    @Test func grammar() throws {
        #expect(try MockFaults(parsing: "wrong-types,undocumented-codes,rate=0.2,seed=7") == MockFaults(kinds: [.wrongTypes, .undocumentedCodes], rate: 0.2, seed: 7))
        #expect(try MockFaults(parsing: "all").kinds == Set(MockFaults.Kind.allCases))
        #expect(try MockFaults(parsing: "").isEmpty)
        #expect(throws: MockFaults.ParseError.self) { try MockFaults(parsing: "wrong-type") }
        #expect(throws: MockFaults.ParseError.self) { try MockFaults(parsing: "rate=2") }
    }

    @Test func wrongTypes() throws {
        let mock = try harness("wrong-types")
        mock.send("GET", "/v2/\(Self.project)/cloudvolumes/detail")
        #expect(mock.rules.contains(Rule.responseBodyType))
    }

    @Test func missingFields() throws {
        let mock = try harness("missing-fields")
        mock.send("POST", "/v1/tencent/disk/list", body: "{\(common)}", headers: [:])
        #expect(mock.rules.contains(Rule.responseBodyMissingField))
    }

    @Test func undocumentedCodes() throws {
        let mock = try harness("undocumented-codes")
        mock.send("GET", "/v2/\(Self.project)/cloudvolumes/detail")
        mock.send("GET", "/v2/\(Self.project)/cloudvolumes/6d6f636b-0000-4000-8000-00000000ffff")
        #expect(mock.rules.contains(Rule.responseStatusUndocumented))
        #expect(mock.rules.contains(Rule.responseErrorCodeUndocumented))
    }

    @Test func illegalTransitions() throws {
        let mock = try harness("illegal-transitions")
        let created = mock.send("POST", "/v2.1/\(Self.project)/cloudvolumes", body: #"{"volume": {"availability_zone": "az-1", "size": 10, "volume_type": "SSD"}}"#)
        let id = try #require(created.json?["volume_ids"]?.arrayValue?.first?.stringValue)
        mock.send("GET", "/v2/\(Self.project)/cloudvolumes/\(id)")
        let extend = mock.send("POST", "/v2.1/\(Self.project)/cloudvolumes/\(id)/action", body: #"{"os-extend": {"new_size": 20}}"#)
        #expect(extend.status == 202)
        #expect(mock.rules.contains(Rule.statePrecondition))
    }

    /// Clean by construction (goldens and refusals come from the same specs and validator); it
    /// shows that `rate=0` and no faults spoil nothing.
    @Test func rateZeroAndNoFaultsAreClean() throws {
        for faults in ["all,rate=0", ""] {
            let mock = try harness(faults)
            mock.send("GET", "/v2/\(Self.project)/cloudvolumes/detail")
            mock.send("POST", "/v1/tencent/disk/list", body: "{\(common)}", headers: [:])
            #expect(mock.errors == [])
        }
    }
}
