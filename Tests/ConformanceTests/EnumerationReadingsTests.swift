import ConformanceModel
import ConformanceSpecs
import Testing
@testable import Conformance

/// A value list one table gives narrower than another table of the same service: the value
/// only the wider table lists is the docs disagreeing (a warning citing both), not an error.
/// Read by hand: 表 6-104 DiskDetail (§6.1.13, show an os-vendor volume) lists volume_type SATA,
/// SAS, GPSSD, SSD; 表 6-5 CreateVolumeOption (§6.1.1) lists those and GPSSD2, ESSD, ESSD2.
@Suite("Narrower value lists read beside the wider one")
struct EnumerationReadingsTests {
    typealias B = ExchangeBuilder

    static func show(volumeType: String) -> Exchange {
        B.exchange("GET", "/v2/\(B.project)/os-vendor-volumes/\(B.volume)", status: 200,
                   response: #"{"volume": {"id": "\#(B.volume)", "status": "available", "size": 10, "volume_type": "\#(volumeType)"}}"#)
    }

    static func findings(_ exchange: Exchange) -> [Finding] {
        Validator().validate(exchange).findings.filter { $0.pointer == "/volume/volume_type" }
    }

    @Test("GPSSD2 on the os-vendor page: a warning that cites both tables")
    func widerListIsAReading() throws {
        let finding = try #require(Self.findings(Self.show(volumeType: "GPSSD2")).first)
        #expect(finding.severity == .warning)
        #expect(finding.rule == Rule.responseBodyEnum)
        let sections = finding.sources.compactMap(\.section)
        #expect(sections.sorted() == ["6.1.1", "6.1.13"])
        #expect(finding.message.contains("GPSSD2"))
    }

    @Test("a value no table lists stays an error; a listed one gives nothing")
    func otherValues() {
        #expect(Self.findings(Self.show(volumeType: "FLOPPY")).map(\.severity) == [.error])
        #expect(Self.findings(Self.show(volumeType: "SSD")).isEmpty)
    }

    @Test("lists that share a name but not their values are not joined (a volume's status is not a job's)")
    func unrelatedListsStayApart() throws {
        let spec = try #require(Specs.service("huawei-evs"))
        let widened = EnumerationReadings.widened(spec)
        let job = try #require(widened.operations.first { $0.id == "ShowJob" }?.responses.first { $0.status == 200 }?.body?.property(named: "status")?.schema)
        #expect(job.enumeration != nil)
        #expect(job.readings.allSatisfy { $0.basis != .table || Set($0.schema.enumeration ?? []).isSuperset(of: job.enumeration ?? []) })
        #expect(!job.readings.contains { ($0.schema.enumeration ?? []).contains("available") })
    }
}
