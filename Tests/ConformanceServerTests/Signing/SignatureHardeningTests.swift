import ConformanceModel
import ConformanceServer
import Foundation
import Synchronization
import Testing

/// The signers against the vendors' own published examples, and the verifier against the
/// tampering a captured request invites.
@Suite struct SignatureHardeningTests {
    // MARK: Published examples

    /// Baidu's "Generate Authentication String" example (AK a×32, SK b×32, UploadPart of
    /// `myfolder/readme.txt` to bucket `test`, 2015-04-27T08:23:49Z, 1800 s, default signed
    /// headers), whose signature the "Include the Authentication String into the Header" page
    /// prints: d74a0436….
    @Test func baiduPublishedExample() {
        let signer = BaiduBCESigner(accessKey: String(repeating: "a", count: 32), secretKey: String(repeating: "b", count: 32))
        let request = SignableRequest(
            method: "PUT", url: "/v1/test/myfolder/readme.txt?partNumber=9&uploadId=a44cc9bab11cbd156984767aad637851",
            headers: [
                .init(name: "Host", value: "bj.bcebos.com"), .init(name: "Date", value: "Mon, 27 Apr 2015 16:23:49 +0800"),
                .init(name: "Content-Type", value: "text/plain"), .init(name: "Content-Length", value: "8"),
                .init(name: "Content-Md5", value: "NFzcPqhviddjRNnSOGo4rw=="), .init(name: "x-bce-date", value: "2015-04-27T08:23:49Z"),
            ],
            body: Array("Example\n".utf8)
        )
        let prefix = "bce-auth-v1/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/2015-04-27T08:23:49Z/1800"
        #expect(signer.signature(request, authStringPrefix: prefix, signedHeaders: []) == "d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e")
        var signed = request
        signed.setHeader("Authorization", prefix + "//d74a04362e6a848f5b39b15421cb449427f419c95a480fd6b8cf9fc783e2999e")
        let date = BaiduBCESigner.parse("2015-04-27T08:23:49Z")!
        #expect(signer.verify(signed, now: date.addingTimeInterval(60)) == .accepted)
        #expect(!signer.verify(signed, now: date.addingTimeInterval(1801)).isAccepted, "expired after its 1800 s")
    }

    /// Huawei's "API签名指南" example: GET …/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=…
    /// at 20191115T033655Z, signed headers content-type;host;x-sdk-date, whose canonical request
    /// the guide hashes to b25362e6… (its secret key is masked, so the signature itself is
    /// checked against HMAC-SHA256 of the published string to sign).
    @Test func huaweiPublishedExample() {
        let request = SignableRequest(
            method: "GET", url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            headers: [.init(name: "Content-Type", value: "application/json"), .init(name: "Host", value: "service.region.example.com"), .init(name: "X-Sdk-Date", value: "20191115T033655Z")]
        )
        let names = ["content-type", "host", "x-sdk-date"]
        let canonical = HuaweiAKSKSigner.canonicalRequest(request, signedHeaders: names)
        #expect(SigningEncoding.sha256Hex(Array(canonical.utf8)) == "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a")
        let toSign = "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a"
        #expect(HuaweiAKSKSigner.stringToSign(request, signedHeaders: names, date: "20191115T033655Z") == toSign)
        let signer = HuaweiAKSKSigner(accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "test-secret")
        let signed = signer.sign(request)
        #expect(signed.header("Authorization") == "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=" + SigningEncoding.hmacHex(key: "test-secret", toSign))
    }

    // MARK: Huawei tampering

    static let now = Date(timeIntervalSince1970: 1_704_164_645)
    let huawei = HuaweiAKSKSigner(accessKey: "AK0001", secretKey: "SK-secret")

    var create: SignableRequest {
        huawei.sign(SignableRequest(method: "POST", url: "https://evs.example.com/v2.1/p1/cloudvolumes",
                                    headers: [.init(name: "Content-Type", value: "application/json"), .init(name: "Host", value: "evs.example.com")],
                                    body: Array(#"{"volume":{"size":10}}"#.utf8)), date: Self.now)
    }

    @Test func capturedRequestReplayedWithAnotherBody() {
        #expect(huawei.verify(create, now: Self.now) == .accepted)
        var replayed = create
        let original = SigningEncoding.sha256Hex(replayed.body)
        replayed.body = Array(#"{"volume":{"size":65536}}"#.utf8)
        replayed.setHeader("X-Sdk-Content-Sha256", original)
        #expect(!huawei.verify(replayed, now: Self.now).isAccepted, "an unsigned body hash header must not stand in for the body")
    }

    @Test func unsignedPayloadIsNotAccepted() {
        var request = SignableRequest(method: "POST", url: "https://evs.example.com/v2.1/p1/cloudvolumes",
                                      headers: [.init(name: "Host", value: "evs.example.com"), .init(name: "X-Sdk-Date", value: HuaweiAKSKSigner.format(Self.now))],
                                      body: Array(#"{"volume":{"size":10}}"#.utf8))
        // The client claims UNSIGNED-PAYLOAD and signs with it in place of the body's hash.
        let names = ["host", "x-sdk-date"]
        var canonical = HuaweiAKSKSigner.canonicalRequest(request, signedHeaders: names).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        canonical[canonical.count - 1] = "UNSIGNED-PAYLOAD"
        let toSign = "SDK-HMAC-SHA256\n\(HuaweiAKSKSigner.format(Self.now))\n" + SigningEncoding.sha256Hex(Array(canonical.joined(separator: "\n").utf8))
        request.setHeader("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")
        request.setHeader("Authorization", "SDK-HMAC-SHA256 Access=AK0001, SignedHeaders=host;x-sdk-date, Signature=" + SigningEncoding.hmacHex(key: "SK-secret", toSign))
        #expect(!huawei.verify(request, now: Self.now).isAccepted)
    }

    @Test(arguments: [["x-sdk-date"], ["host"], ["content-type"]])
    func hostAndDateMustBeSigned(_ names: [String]) {
        var request = create
        request.headers.removeAll { $0.name.caseInsensitiveEquals("Authorization") }
        // A genuine signature, but over too few headers.
        let signature = huawei.signature(request, signedHeaders: names, date: request.header("X-Sdk-Date")!)
        request.setHeader("Authorization", "SDK-HMAC-SHA256 Access=AK0001, SignedHeaders=\(names.joined(separator: ";")), Signature=\(signature)")
        #expect(!huawei.verify(request, now: Self.now).isAccepted)
    }

    // MARK: Baidu expiry

    let baidu = BaiduBCESigner(accessKey: "AK0001", secretKey: "SK-secret")
    var renewal: SignableRequest {
        SignableRequest(method: "PUT", url: "http://bcc.example.com/v2/volume/v-1?purchaseReserved", headers: [.init(name: "Host", value: "bcc.example.com")])
    }

    @Test func baiduExpiryIsCappedAndCheckedAgainstTheTimestamp() {
        let tenYearsAgo = Self.now.addingTimeInterval(-10 * 365 * 86_400)
        #expect(!baidu.verify(baidu.sign(renewal, date: tenYearsAgo, expiration: 2_000_000_000), now: Self.now).isAccepted, "a ten-year-old signature with a huge period")
        #expect(!baidu.verify(baidu.sign(renewal, date: Self.now.addingTimeInterval(-1801), expiration: 3600), now: Self.now).isAccepted, "capped at 1800 s")
        #expect(baidu.verify(baidu.sign(renewal, date: Self.now.addingTimeInterval(-1000), expiration: 3600), now: Self.now) == .accepted)
        #expect(!baidu.verify(baidu.sign(renewal, date: Self.now.addingTimeInterval(3600), expiration: 1800), now: Self.now).isAccepted, "dated in the future")
    }

    @Test func baiduHostMustBeSigned() {
        var request = renewal
        request.setHeader("x-bce-date", BaiduBCESigner.format(Self.now))
        let prefix = "bce-auth-v1/AK0001/\(BaiduBCESigner.format(Self.now))/1800"
        let signature = baidu.signature(request, authStringPrefix: prefix, signedHeaders: ["x-bce-date"])
        request.setHeader("Authorization", "\(prefix)/x-bce-date/\(signature)")
        #expect(!baidu.verify(request, now: Self.now).isAccepted)
    }

    // MARK: One text for every failure

    /// The mock answers an unknown access key, a wrong signature, an expired date and an
    /// unsigned host alike, so a client cannot learn which keys exist; the reasons reach the
    /// operator through `onSignatureRejected`.
    @Test func oneTextForEverySignatureFailure() {
        let reasons = Reasons()
        let mock = MockHarness(MockConfiguration(settleDelay: .milliseconds(30), onSignatureRejected: { reasons.add($0) }))
        let path = "/v2/\(MockHarness.project)/cloudvolumes/detail"
        let good = HuaweiAKSKSigner(accessKey: MockConfiguration.defaultAccessKey, secretKey: MockConfiguration.defaultSecretKey)
        let base = SignableRequest(method: "GET", url: path, headers: [.init(name: "Host", value: "127.0.0.1")])
        var forged = good.sign(base)
        forged.setHeader("Authorization", forged.header("Authorization")!.replacingOccurrences(of: "Signature=", with: "Signature=0"))
        var unsignedHost = base
        unsignedHost.setHeader("X-Sdk-Date", HuaweiAKSKSigner.format(Date()))
        unsignedHost.setHeader("Authorization", "SDK-HMAC-SHA256 Access=\(MockConfiguration.defaultAccessKey), SignedHeaders=x-sdk-date, Signature="
            + good.signature(unsignedHost, signedHeaders: ["x-sdk-date"], date: unsignedHost.header("X-Sdk-Date")!))
        let attempts = [
            HuaweiAKSKSigner(accessKey: "NOSUCHKEY", secretKey: "whatever").sign(base),
            forged,
            good.sign(base, date: Date().addingTimeInterval(-3600)),
            unsignedHost,
        ]
        var answers: Set<String> = []
        for attempt in attempts {
            let answer = mock.send(Exchange.Request(method: "GET", url: path, headers: attempt.headers))
            #expect(answer.status == 401)
            answers.insert((answer.json?["error_code"]?.stringValue ?? "") + " " + (answer.json?["error_msg"]?.stringValue ?? ""))
        }
        #expect(answers == ["APIGW.0301 Incorrect IAM authentication information: verify aksk signature fail"])
        #expect(reasons.count == 4)
        #expect(mock.send(Exchange.Request(method: "GET", url: path, headers: good.sign(base).headers)).status == 200)
    }
}

/// Collects the reasons the mock logs.
final class Reasons: Sendable {
    private let list = Mutex<[String]>([])
    func add(_ reason: String) { list.withLock { $0.append(reason) } }
    var count: Int { list.withLock { $0.count } }
}
