import Conformance
import ConformanceModel
import ConformanceSpecs

/// The traffic the benchmark validates: create-volume requests and show-volume responses
/// built from the EVS documentation's own examples, nine conforming exchanges for every one
/// that breaks the contract in the request or the response.
enum BenchmarkCorpus {
    static let project = "0a6fbea3a5b74ccba9e8f3a0a8b0fce5"
    static let volume = "6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11"

    static let createBody = #"{"volume": {"availability_zone": "ap-southeast-1a", "size": 10, "name": "EVS-Test", "volume_type": "SAS", "metadata": {"hw:passthrough": "true"}, "multiattach": true, "enterprise_project_id": "0"}, "OS-SCH-HNT:schedule_r_hints": {"dedicated_storage_id": "1b6198f2-20a6-5dcc-aa21-58c1af5dc488"}}"#
    static let createResponse = #"{"job_id": "70a599e0-31e7-49b7-b260-868f441e862b", "volume_ids": ["e1fa3e72-8c92-4871-9152-bf66fef0afe9"]}"#

    /// The doc's show-volume example (§6.1.5), the larger of the two bodies.
    static let showResponse: String = {
        Specs.operation(service: "huawei-evs", id: "ShowVolume")?.examples.first { $0.kind == .response && $0.status == 200 }?.text ?? "{}"
    }()

    /// Fresh header lists per exchange, as a traffic reader makes them (one shared array would
    /// have every thread count references on the same object).
    static var headers: [Exchange.Header] {
        [Exchange.Header(name: "X-Auth-Token", value: "MIIbenchmarktoken"), Exchange.Header(name: "Content-Type", value: "application/json")]
    }

    /// One create-volume and one show-volume exchange; `broken` breaks both.
    static func pair(index: Int, broken: Bool) -> [Exchange] {
        let create = broken ? createBody.replacingOccurrences(of: #""size": 10"#, with: #""size": "10""#) : createBody
        let show = broken ? showResponse.replacingOccurrences(of: #""status": "available""#, with: #""status": "melting""#) : showResponse
        return [
            Exchange(request: .init(method: "POST", url: "https://evs.ap-southeast-1.myhuaweicloud.com/v2.1/\(project)/cloudvolumes", headers: headers, body: Array(create.utf8)),
                     response: .init(status: 202, body: Array(createResponse.utf8)), index: index * 2),
            Exchange(request: .init(method: "GET", url: "https://evs.ap-southeast-1.myhuaweicloud.com/v2/\(project)/cloudvolumes/\(volume)", headers: headers),
                     response: .init(status: 200, body: Array(show.utf8)), index: index * 2 + 1),
        ]
    }

    /// `pairs` pairs, one in ten broken.
    static func exchanges(pairs: Int) -> [Exchange] {
        (0..<pairs).flatMap { pair(index: $0, broken: $0 % 10 == 9) }
    }
}
