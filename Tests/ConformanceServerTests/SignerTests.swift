import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The AK/SK signers: round trips, rejections, the mock's answers, and an independent
/// computation of the same signatures by Python's `hmac`/`hashlib` (a different code path).
@Suite struct SignerTests {
    static let date = Date(timeIntervalSince1970: 1_704_164_645) // 2024-01-02T03:04:05Z
    let huawei = HuaweiAKSKSigner(accessKey: "AK0001", secretKey: "SK-secret")
    let baidu = BaiduBCESigner(accessKey: "AK0001", secretKey: "SK-secret")

    var request: SignableRequest {
        SignableRequest(method: "POST", url: "https://evs.example.com/v2.1/p1/cloud volumes/x?b=2&a=1&a=0&empty=",
                        headers: [.init(name: "Content-Type", value: "application/json"), .init(name: "Host", value: "evs.example.com")],
                        body: Array(#"{"a": 1}"#.utf8))
    }

    @Test func huaweiRoundTripAndRejections() {
        let signed = huawei.sign(request, date: Self.date)
        #expect(signed.header("X-Sdk-Date") == "20240102T030405Z")
        #expect(signed.header("Authorization")?.hasPrefix("SDK-HMAC-SHA256 Access=AK0001, SignedHeaders=content-type;host;x-sdk-date, Signature=") == true)
        #expect(huawei.verify(signed, now: Self.date) == .accepted)
        var tampered = signed
        tampered.body = Array(#"{"a": 2}"#.utf8)
        #expect(huawei.verify(tampered, now: Self.date) == .rejected("signature does not match"))
        #expect(HuaweiAKSKSigner(accessKey: "AK0001", secretKey: "other").verify(signed, now: Self.date) == .rejected("signature does not match"))
        #expect(!huawei.verify(signed, now: Self.date.addingTimeInterval(3600)).isAccepted)
        #expect(!huawei.verify(SignableRequest(method: "GET", path: "/", headers: [.init(name: "Authorization", value: "SDK-HMAC-SHA256 garbage")])).isAccepted)
    }

    @Test func baiduRoundTripAndRejections() {
        let signed = baidu.sign(request, date: Self.date, expiration: 1800)
        #expect(signed.header("Authorization")?.hasPrefix("bce-auth-v1/AK0001/2024-01-02T03:04:05Z/1800/host/") == true)
        #expect(baidu.verify(signed, now: Self.date) == .accepted)
        #expect(baidu.verify(signed, now: Self.date.addingTimeInterval(1801)) == .rejected("the signature expired"))
        var tampered = signed
        tampered.query.append(.init(name: "c", value: "3"))
        #expect(baidu.verify(tampered, now: Self.date) == .rejected("signature does not match"))
        #expect(!baidu.verify(SignableRequest(method: "GET", path: "/", headers: [.init(name: "Authorization", value: "bce-auth-v1/x")])).isAccepted)
    }

    /// Python computes both signatures from the raw parts with its own encoding and sorting.
    @Test func independentPythonComputationAgrees() throws {
        let script = #"""
        import hashlib, hmac, sys
        from urllib.parse import quote
        enc = lambda s: quote(s, safe='~')
        ak, sk = 'AK0001', 'SK-secret'
        method, path, body = 'POST', '/v2.1/p1/cloud volumes/x', b'{"a": 1}'
        query = [('b', '2'), ('a', '1'), ('a', '0'), ('empty', '')]
        headers = {'content-type': 'application/json', 'host': 'evs.example.com', 'x-sdk-date': '20240102T030405Z'}
        # Huawei APIG
        uri = '/'.join(enc(p) for p in path.split('/'))
        uri = uri if uri.endswith('/') else uri + '/'
        q = '&'.join(f'{enc(k)}={enc(v)}' for k, v in sorted(query))
        names = sorted(headers)
        canon = '\n'.join([method, uri, q, ''.join(f'{n}:{headers[n].strip()}\n' for n in names), ';'.join(names), hashlib.sha256(body).hexdigest()])
        sts = 'SDK-HMAC-SHA256\n20240102T030405Z\n' + hashlib.sha256(canon.encode()).hexdigest()
        print(hmac.new(sk.encode(), sts.encode(), hashlib.sha256).hexdigest())
        # Baidu bce-auth-v1, signing host only
        prefix = 'bce-auth-v1/AK0001/2024-01-02T03:04:05Z/1800'
        key = hmac.new(sk.encode(), prefix.encode(), hashlib.sha256).hexdigest()
        bq = '&'.join(sorted(f'{enc(k)}={enc(v)}' for k, v in query))
        bcanon = '\n'.join([method, quote(path, safe='/~'), bq, 'host:' + enc('evs.example.com')])
        print(hmac.new(key.encode(), bcanon.encode(), hashlib.sha256).hexdigest())
        """#
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let executable = try #require(python, "python3 is needed for the independent check (.ci/run installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        try #require(lines.count == 2)

        let signed = huawei.sign(request, date: Self.date)
        #expect(signed.header("Authorization")?.hasSuffix("Signature=" + lines[0]) == true)
        let bce = baidu.sign(request, date: Self.date, expiration: 1800)
        #expect(bce.header("Authorization") == "bce-auth-v1/AK0001/2024-01-02T03:04:05Z/1800/host/" + lines[1])
    }

    @Test func mockAcceptsGoodSignaturesAndRejectsBadOnes() {
        let mock = MockHarness()
        let signer = HuaweiAKSKSigner(accessKey: MockConfiguration.defaultAccessKey, secretKey: MockConfiguration.defaultSecretKey)
        let path = "/v2/\(MockHarness.project)/cloudvolumes/detail?limit=10"
        let signed = signer.sign(SignableRequest(method: "GET", url: path, headers: [.init(name: "Host", value: "127.0.0.1")]))
        let accepted = mock.send(Exchange.Request(method: "GET", url: path, headers: signed.headers))
        #expect(accepted.status == 200)
        var forged = signed
        forged.setHeader("Authorization", (signed.header("Authorization") ?? "").replacingOccurrences(of: "Signature=", with: "Signature=0"))
        let rejected = mock.send(Exchange.Request(method: "GET", url: path, headers: forged.headers))
        #expect(rejected.status == 401)
        #expect(rejected.json?["error_code"]?.stringValue == "APIGW.0301")
        let wrongKey = HuaweiAKSKSigner(accessKey: "SOMEONE-ELSE", secretKey: MockConfiguration.defaultSecretKey).sign(SignableRequest(method: "GET", url: path))
        #expect(mock.send(Exchange.Request(method: "GET", url: path, headers: wrongKey.headers)).status == 401)
    }
}
