import Conformance
import ConformanceModel
import ConformanceSpecs
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("Reports and redaction")
struct ReportTests {
    static let secrets = ["MIIT-har-secret-token-4f1c9a", "jsonl-signature-secret-99", "har-cookie-secret-77", "AK-secret-0042", "hunter2-password"]

    /// A report of the JSONL fixture plus an exchange with every kind of secret, and a finding
    /// that quotes the token.
    static func report(keepsEveryExchange: Bool) throws -> ValidationReport {
        let validator = Validator()
        var report = ValidationReport(keepsEveryExchange: keepsEveryExchange)
        for record in try JSONLReader(path: TrafficFixtures.path("evs.jsonl")) {
            switch record {
            case .exchange(let exchange): report.add(validator.validate(exchange), of: exchange)
            case .unreadable(let error): report.addUnreadable(error)
            }
        }
        let exchange = Exchange(
            request: Exchange.Request(
                method: "POST",
                url: "https://iam.example.com/v3/auth/tokens?Signature=jsonl-signature-secret-99&AccessKeyId=AK-secret-0042",
                headers: [
                    .init(name: "Authorization", value: "SDK-HMAC-SHA256 Access=AK-secret-0042, SignedHeaders=host, Signature=jsonl-signature-secret-99"),
                    .init(name: "Cookie", value: "session=har-cookie-secret-77"),
                    .init(name: "X-Auth-Token", value: "MIIT-har-secret-token-4f1c9a"),
                ],
                body: Array(#"{"auth": {"identity": {"password": {"user": {"name": "u", "password": "hunter2-password"}}}}, "note": "it's"}"#.utf8)
            ),
            response: Exchange.Response(status: 201, headers: [.init(name: "X-Subject-Token", value: "MIIT-har-secret-token-4f1c9a")]),
            index: 9,
            file: "extra.jsonl"
        )
        let finding = Finding(exchange: 9, file: "extra.jsonl", rule: Rule.requestParameterType, severity: .error, location: .requestHeader, pointer: "X-Auth-Token",
                              message: "token MIIT-har-secret-token-4f1c9a is not a token", expected: "a token", actual: "MIIT-har-secret-token-4f1c9a")
        report.add(exchange, service: nil, operation: nil, findings: [finding])
        return report
    }

    @Test("no secret value appears in text, JSON or JUnit output, nor in curl lines")
    func noSecrets() throws {
        let report = try Self.report(keepsEveryExchange: true)
        let outputs = [
            TextReport(colored: false).render(report),
            TextReport(colored: true).render(report),
            try JSONReport.render(report),
            JUnitReport.render(report),
        ]
        for output in outputs {
            for secret in Self.secrets {
                #expect(!output.contains(secret), "\(secret) leaked")
            }
            #expect(output.contains("<redacted>") || output.contains("&lt;redacted&gt;"))
        }
        let curls = report.exchanges.compactMap(\.curl)
        #expect(curls.count == 2)
        let curl = try #require(curls.last)
        #expect(curl.contains(#"-H 'Authorization: '"${AUTHORIZATION}""#))
        #expect(curl.contains(#"Signature='"${SIGNATURE}"'&AccessKeyId='"${ACCESSKEYID}""#))
        #expect(curl.contains(#""password": "<redacted>""#), "the body keeps its own layout; only the value is replaced")
        #expect(curl.contains(#"it'\''s"#), "single quotes are escaped for the shell")
    }

    @Test("the JSON report has summary and findings, and every finding every key")
    func jsonKeys() throws {
        let report = try Self.report(keepsEveryExchange: false)
        let json = try JSONReport.render(report)
        let value = try JSONValue.parse(json)
        #expect(value.objectValue.map { Set($0.keys) } == ["summary", "findings"])
        let summary = try #require(value["summary"])
        #expect(summary.objectValue.map { Set($0.keys) } == ["exchanges", "passed", "failed", "errors", "warnings", "infos", "unmatched", "unreadable", "unlisted", "rules"])
        #expect(summary["exchanges"] == 4)
        #expect(summary["unreadable"] == 1)
        #expect(summary["errors"] == JSONValue.integer(report.summary.errors))
        #expect(summary["rules"]?["request.body.type"] == 1)
        let findings = try #require(value["findings"]?.arrayValue)
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding.objectValue.map { Set($0.keys) } == ["exchange", "file", "operation", "rule", "severity", "location", "pointer", "message", "expected", "actual", "source", "sources"])
        }
    }

    @Test("JUnit XML is well-formed, with one test case per exchange and hostile text escaped")
    func junit() throws {
        var report = try Self.report(keepsEveryExchange: true)
        let hostile = Exchange(request: .init(method: "GET", url: "/a?<b>&c=\"d\"]]>\u{1}"), response: nil, index: 10, file: "extra.jsonl")
        report.add(hostile, service: nil, operation: nil, findings: [Finding(rule: Rule.routeUnmatched, severity: .error, location: .requestPath, pointer: "/a", message: "no route for <a> & \u{0}\u{FFFF}")])
        let xml = JUnitReport.render(report)
        let delegate = JUnitCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(delegate.suites == [try TrafficFixtures.path("evs.jsonl"), "extra.jsonl"])
        #expect(delegate.testCases == 6, "3 exchanges and 1 unreadable line, then 2 hand-made exchanges")
        #expect(delegate.failures == 3)
        #expect(delegate.errors == 1)
        #expect(delegate.failureText.contains("no route for <a> & "))
    }

    @Test("findings of passing exchanges are listed up to the limit, then only counted")
    func boundedListing() {
        var report = ValidationReport(passingListLimit: 3)
        let warning = Finding(rule: Rule.operationDeprecated, severity: .warning, location: .requestPath, pointer: "/", message: "deprecated")
        for index in 0..<5 {
            report.add(Exchange(request: .init(method: "GET", url: "/"), response: nil, index: index), service: "huawei-evs", operation: "X", findings: [warning])
        }
        #expect(report.summary.warnings == 5)
        #expect(report.summary.unlisted == 2)
        #expect(report.findings.count == 3)
        #expect(TextReport().render(report).contains("5 exchanges: 0 errors, 5 warnings, 0 infos, 0 unmatched, 0 unreadable (2 findings of passing exchanges not listed)"))
    }

    @Test("colour only for a terminal without NO_COLOR")
    func colour() {
        #expect(TextReport.wantsColor(isTerminal: true, environment: [:]))
        #expect(!TextReport.wantsColor(isTerminal: false, environment: [:]))
        #expect(!TextReport.wantsColor(isTerminal: true, environment: ["NO_COLOR": "1"]))
    }
}

/// Counts what a JUnit document holds.
final class JUnitCollector: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var testCases = 0
    var failures = 0
    var errors = 0
    var failureText = ""
    private var inFailure = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch elementName {
        case "testsuite": suites.append(attributeDict["name"] ?? "")
        case "testcase": testCases += 1
        case "failure": failures += 1; inFailure = true; failureText += attributeDict["message"] ?? ""
        case "error": errors += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
    }
}
