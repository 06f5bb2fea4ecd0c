import ConformanceModel

/// Hand-made exchanges for the validator tests.
enum ExchangeBuilder {
    static let token = [Exchange.Header(name: "X-Auth-Token", value: "MIIT-test-token")]
    static let project = "0a6fbea3a5b74ccba9e8f3a0a8b0fce5"
    static let volume = "6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11"
    static let job = "70a599e0-31e7-49b7-b260-868f441e862b"

    static func exchange(_ method: String, _ url: String, headers: [Exchange.Header] = token, body: String? = nil, status: Int? = nil, response: String? = nil) -> Exchange {
        Exchange(
            request: Exchange.Request(method: method, url: "https://evs.example.com" + url, headers: headers, body: body.map { Array($0.utf8) }),
            response: status.map { Exchange.Response(status: $0, headers: [], body: response.map { Array($0.utf8) }) }
        )
    }

    /// A conforming `ShowJob` answer with `status` and extra top-level members.
    static func jobBody(status: String = "SUCCESS", jobID: String = "\"\(job)\"", extra: String = "") -> String {
        #"{"status": "\#(status)", "job_id": \#(jobID), "job_type": "extendVolume", "begin_time": "2024-05-01T08:00:00.000Z", "end_time": "", "entities": {"volume_id": "\#(volume)"}\#(extra)}"#
    }

    /// A conforming `CreateVolume` request with `volume` members replaced or added.
    static func createVolumeBody(_ volume: String = #""availability_zone": "az1", "size": 10, "volume_type": "SSD""#, extra: String = "") -> String {
        #"{"volume": {\#(volume)}\#(extra)}"#
    }
}
