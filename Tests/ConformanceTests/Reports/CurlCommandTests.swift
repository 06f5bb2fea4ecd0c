import Conformance
import ConformanceModel
import Testing

/// `curl` replays of large and non-JSON bodies.
@Suite struct CurlCommandTests {
    @Test func aFiftyMegabyteBodyIsNotEchoed() {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
        let command = CurlCommand.command(for: Exchange.Request(method: "PUT", url: "/upload", body: body))
        #expect(command.utf8.count < 1024)
        #expect(command.contains(#"--data-binary @"${REQUEST_BODY_FILE}" # the recorded body of 52428800 bytes is not shown"#))
    }

    @Test func aFormBodyLosesItsPassword() {
        let command = CurlCommand.command(for: Exchange.Request(method: "POST", url: "/login", headers: [.init(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                                                                body: Array("user=alice&password=hunter2hunter2&remember=1".utf8)))
        #expect(command.contains("'user=alice&password=<redacted>&remember=1'"))
        #expect(!command.contains("hunter2"))
    }
}
