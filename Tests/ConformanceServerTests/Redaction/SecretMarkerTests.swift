import Conformance
import ConformanceModel
import ConformanceServer
import ConformanceTesting
import Foundation
import Synchronization
import Testing

/// The secret-marker property: a marker planted in every position and format
/// (`SecretMarkers.cases()`) reaches no recording (HAR, JSONL; by the recorder, the mock and
/// the proxy), no report (text, JSON, JUnit, curl replays) and no proxy answer. Each output is
/// searched as written and as read back (base64 bodies decoded).
@Suite("Secret markers")
struct SecretMarkerTests {
    static let cases = SecretMarkers.cases()

    /// Everything a recording holds, raw and decoded through the traffic readers.
    static func recordingText(_ path: String) throws -> String {
        var text = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        for record in try TrafficInput(path: path) {
            guard case .exchange(let exchange) = record else { continue }
            text += exchange.request.url + exchange.request.headers.map { $0.name + ": " + $0.value }.joined(separator: "\n")
            text += String(decoding: exchange.request.body ?? [], as: UTF8.self)
            text += (exchange.response?.headers ?? []).map { $0.name + ": " + $0.value }.joined(separator: "\n")
            text += String(decoding: exchange.response?.body ?? [], as: UTF8.self)
        }
        return text
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("markers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("every case plants its marker where it says (the test would see a leak)")
    func casesCarryTheirMarker() {
        #expect(Self.cases.count > 100)
        for planted in Self.cases {
            let exchange = planted.exchange
            let raw = exchange.request.url + exchange.request.headers.map(\.value).joined() + String(decoding: exchange.request.body ?? [], as: UTF8.self)
                + (exchange.response?.headers.map(\.value).joined() ?? "") + String(decoding: exchange.response?.body ?? [], as: UTF8.self)
            #expect(SecretMarkers.leaks(raw), "\(planted.position)")
        }
    }

    @Test("the recorder writes no marker, in HAR or JSONL", arguments: ["traffic.har", "traffic.jsonl"])
    func recorder(_ name: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        let recorder = try ExchangeRecorder(path: path)
        for planted in Self.cases { recorder.record(planted.exchange, started: Date(), duration: 0.001) }
        recorder.close()
        let text = try Self.recordingText(path)
        for planted in Self.cases {
            let single = Redaction.exchange(planted.exchange)
            let shown = single.request.url + single.request.headers.map(\.value).joined() + String(decoding: single.request.body ?? [], as: UTF8.self)
                + String(decoding: single.response?.body ?? [], as: UTF8.self) + (single.response?.headers.map(\.value).joined() ?? "")
            #expect(!SecretMarkers.leaks(shown), "\(planted.position): \(shown)")
        }
        #expect(!SecretMarkers.leaks(text))
        #expect(Array(try TrafficInput(path: path)).count == Self.cases.count, "every exchange reads back")
    }

    @Test("validate's reports (text, JSON, JUnit) and curl replays show no marker")
    func reports() throws {
        let validator = Validator()
        var report = ValidationReport(keepsEveryExchange: true)
        for planted in Self.cases {
            var result = validator.validate(planted.exchange)
            // A finding that quotes the secret, as a type error on the field would.
            let quoted = String(decoding: planted.exchange.request.body ?? Array(planted.exchange.request.url.utf8), as: UTF8.self)
            result.findings.append(Finding(exchange: planted.exchange.index, file: "markers", rule: Rule.requestBodyType, severity: .error, location: .requestBody,
                                           pointer: "/", message: "unexpected \(quoted.prefix(2000))", expected: "an object", actual: quoted))
            report.add(result, of: planted.exchange)
        }
        let outputs = [TextReport().render(report), try JSONReport.render(report), JUnitReport.render(report)]
        for output in outputs {
            #expect(!SecretMarkers.leaks(output))
            #expect(output.contains("redacted"))
        }
        let curls = report.exchanges.compactMap(\.curl)
        #expect(curls.count == Self.cases.count)
        for curl in curls { #expect(!SecretMarkers.leaks(curl), "\(curl)") }
    }

    @Test("the mock's recording over a real socket holds no marker", arguments: ["mock.har", "mock.jsonl"])
    func mock(_ name: String) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        let mock = MockVendorEndpoint(configuration: MockConfiguration(settleDelay: .milliseconds(20), recordPath: path))
        let base = try await mock.start()
        let client = UpstreamClient()
        var answers = ""
        for planted in Self.cases {
            var request = planted.exchange.request
            request.url = base.absoluteString + request.url
            let response = try await client.send(request, timeout: .seconds(60))
            answers += String(decoding: response.body ?? [], as: UTF8.self)
        }
        await client.shutdown()
        await mock.stop()
        let text = try Self.recordingText(path)
        #expect(!SecretMarkers.leaks(text))
        #expect(mock.engine.recordingStatus.count == Self.cases.count)
        _ = answers
    }

    @Test("the proxy's recording, its findings and its 502 answers hold no marker")
    func proxy() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("proxy.har").path
        let mock = MockVendorEndpoint(configuration: MockConfiguration(settleDelay: .milliseconds(20)))
        let upstream = try await mock.start()
        let rendered = Mutex(ValidationReport(keepsEveryExchange: true))
        let failures = Mutex<[String]>([])
        let proxy = ValidatingProxy(configuration: ProxyConfiguration(upstream: upstream, recordPath: path)) { event in
            switch event {
            case .validated(let exchange, let result): rendered.withLock { $0.add(result, of: exchange) }
            case .upstreamFailed(let request, let failure): failures.withLock { $0.append(Redaction.url(request.url) + " " + failure.reason) }
            }
        }
        let base = try await proxy.start()
        let client = UpstreamClient()
        for planted in Self.cases {
            var request = planted.exchange.request
            request.url = base.absoluteString + request.url
            _ = try await client.send(request, timeout: .seconds(60))
        }
        await proxy.stop()
        await mock.stop()
        // An upstream that refuses: the 502 answers name the request, without its secrets.
        let closed = ClosedPort()
        let refusing = ValidatingProxy(configuration: ProxyConfiguration(upstream: closed.url)) { event in
            if case .upstreamFailed(let request, let failure) = event { failures.withLock { $0.append(Redaction.url(request.url) + " " + failure.reason) } }
        }
        let refusingBase = try await refusing.start()
        var answers = ""
        for planted in Self.cases.prefix(30) {
            var request = planted.exchange.request
            request.url = refusingBase.absoluteString + request.url
            let response = try await client.send(request, timeout: .seconds(60))
            #expect(response.status == 502)
            answers += String(decoding: response.body ?? [], as: UTF8.self)
        }
        await client.shutdown()
        await refusing.stop()
        let report = rendered.withLock { $0 }
        #expect(report.summary.exchanges == Self.cases.count)
        for output in [TextReport().render(report), try JSONReport.render(report), JUnitReport.render(report), answers, failures.withLock { $0.joined(separator: "\n") }, try Self.recordingText(path)] {
            #expect(!SecretMarkers.leaks(output))
        }
    }
}
