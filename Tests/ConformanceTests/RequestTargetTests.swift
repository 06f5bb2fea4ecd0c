import Testing
@testable import Conformance

@Suite("Request targets")
struct RequestTargetTests {
    @Test("host without user info and port, lower-cased; segments; query items decoded")
    func fullURL() {
        let target = RequestTarget(url: "https://user:secret@EVS.ap-southeast-1.MyHuaweiCloud.com:443/v2/proj//cloudvolumes/detail?limit=10&name=a%20b+c&flag#part")
        #expect(target.host == "evs.ap-southeast-1.myhuaweicloud.com")
        #expect(target.path == "/v2/proj//cloudvolumes/detail")
        #expect(target.segments == ["v2", "proj", "cloudvolumes", "detail"])
        #expect(target.query.map(\.name) == ["limit", "name", "flag"])
        #expect(target.queryValue("name") == "a b c")
        #expect(target.queryValue("flag") == "")
        #expect(target.queryValue("absent") == nil)
    }

    @Test("a path alone, a URL without a path, and an IPv6 host with a port")
    func shapes() {
        let pathOnly = RequestTarget(url: "/v2/p/volumes?next=https://example.com/x")
        #expect(pathOnly.host == nil)
        #expect(pathOnly.segments == ["v2", "p", "volumes"])
        #expect(pathOnly.queryValue("next") == "https://example.com/x")

        let bare = RequestTarget(url: "http://mock.local")
        #expect(bare.host == "mock.local")
        #expect(bare.path == "/")
        #expect(bare.segmentCount == 0)

        let ipv6 = RequestTarget(url: "http://[::1]:8080/v1/x")
        #expect(ipv6.host == "[::1]")
        #expect(ipv6.segments == ["v1", "x"])
    }

    @Test("escaped segments are decoded, and the router sees the decoded bytes")
    func escapes() {
        let target = RequestTarget(url: "https://h/v2/p/cloudvolumes/a%2Fb%20c?x=1")
        #expect(target.segments == ["v2", "p", "cloudvolumes", "a/b c"])
        #expect(target.segment(3) == "a/b c")
        #expect(target.path == "/v2/p/cloudvolumes/a%2Fb%20c")
    }
}
