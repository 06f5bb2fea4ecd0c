import Foundation
import Testing

/// `validate --format html` rendered by a real browser: headless Chromium loads the page, runs
/// its filter script, prints the resulting DOM and takes a screenshot (issue 17: reports were
/// text, JSON, JUnit and SARIF only). Skipped with a message when Chromium is not installed
/// (`.ci/run` installs Debian's `chromium`).
@Suite("CLI: HTML report in a browser", .serialized)
struct HTMLReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs headless Chromium with `arguments` and the page's URL; its standard output.
    static func browse(_ arguments: [String], url: String, folder: URL) throws -> String {
        let browser = try #require(chromium)
        let result = try Shell.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.appendingPathComponent("profile").path)"] + arguments + [url], timeout: 120)
        #expect(result.status == 0, "\(result.output.suffix(2000))")
        return result.output
    }

    @Test("the page shows the operations, the findings with their doc places and replays, and filters by rule and severity")
    func rendered() throws {
        guard Self.chromium != nil else {
            print("Chromium is not installed; the HTML report's browser test is skipped (bash .ci/run installs it)")
            return
        }
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two exchanges: ExtendVolumeV2 with new_size as a string (an error), ListVolumes clean.
        let traffic = folder.appendingPathComponent("traffic.jsonl")
        let base = "https://evs.cn-north-4.myhuaweicloud.com/v2/0a6fbea3a5b74ccba9e8f3a0a8b0fce5"
        try """
            {"request": {"method": "POST", "url": "\(base)/volumes/6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11/action", "headers": [{"name": "Content-Type", "value": "application/json"}, {"name": "X-Auth-Token", "value": "t"}], "body": "{\\"os-extend\\":{\\"new_size\\":\\"100\\"}}"}, "response": {"status": 202}}
            {"request": {"method": "GET", "url": "\(base)/cloudvolumes/detail", "headers": [{"name": "X-Auth-Token", "value": "t"}]}, "response": {"status": 200, "headers": [{"name": "Content-Type", "value": "application/json"}], "body": "{\\"count\\": 0, \\"volumes\\": []}"}}

            """.write(to: traffic, atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("report.html")
        let result = try CommandRunner.run(["validate", traffic.path, "--format", "html", "--output", page.path])
        #expect(result.status == 1, "\(result.standardError)")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Self-contained: no script, style, image or frame from elsewhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import"))

        let dom = try Self.browse(["--dump-dom"], url: page.absoluteString, folder: folder)
        #expect(dom.contains("ExtendVolumeV2") && dom.contains("ListVolumes"))
        #expect(dom.contains("request.body.type") && dom.contains("/os-extend/new_size"))
        #expect(dom.contains("CinderResizeVolumeOption"), "the doc place the finding cites")
        #expect(dom.contains("curl -X 'POST'"), "the replay")
        // The script ran: every finding shown (one error, one deprecation warning).
        #expect(dom.contains("id=\"shown\">2 findings shown"))

        // Filters preset from the address: only the error stays visible.
        let filtered = try Self.browse(["--dump-dom"], url: page.absoluteString + "#severity=error", folder: folder)
        #expect(filtered.contains("id=\"shown\">1 finding shown"))
        #expect(filtered.contains("data-severity=\"warning\" hidden=\"\"") || filtered.contains("hidden=\"\" data-severity=\"warning\""), "the warning is hidden")

        let screenshot = folder.appendingPathComponent("report.png")
        _ = try Self.browse(["--screenshot=\(screenshot.path)", "--window-size=1280,1200"], url: page.absoluteString, folder: folder)
        let png = try Data(contentsOf: screenshot)
        #expect(png.count > 10_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot of the page")
    }

    @Test("coverage and verify write the same page: verify with its scenario table, coverage with its bars")
    func coverageAndVerify() throws {
        let folder = try CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("verify.html")
        let recording = folder.appendingPathComponent("run.har")
        let verify = try CommandRunner.run(["verify", "--service", "tencent-cbs", "--format", "html", "--output", page.path, "--record", recording.path])
        #expect(verify.status == 0, "\(verify.standardError)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<pre id=\"scenarios\">") && html.contains("tencent-cbs.disk-lifecycle"))
        #expect(html.contains("<td>DiskCreate</td>"))
        let coverage = try CommandRunner.run(["coverage", "--service", "tencent-cbs", "--format", "html", recording.path])
        #expect(coverage.status == 0, "\(coverage.standardError)")
        #expect(coverage.standardOutput.contains("<table id=\"coverage\">") && coverage.standardOutput.contains("<td>tencent-cbs</td>"))
    }
}
