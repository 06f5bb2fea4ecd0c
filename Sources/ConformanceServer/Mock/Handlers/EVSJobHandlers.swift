import ConformanceModel
import Foundation

/// Asynchronous jobs (EVS 6.5.1 查询 job 的状态; ECS resize answers a `job_id` too): a job is
/// `RUNNING` until its resource settles, then `SUCCESS`. An unknown job id gets Common.0011
/// "No jobs found." (A.1, 400).
enum EVSJobHandlers {
    static let table: [([String], MockHandler)] = [
        (["ShowJob"], show),
    ]

    /// Registers a job and returns its id.
    static func start(_ type: String, volume: String?, size: Int?, context: MockContext, state: inout MockState) -> String {
        let id = state.nextID()
        state.jobs[id] = MockJob(id: id, type: type, volumeID: volume, size: size, begin: MockClock.timestamp(), done: context.settleAt)
        return id
    }

    static let show: MockHandler = { context, state in
        guard let id = context.parameters["job_id"], let job = state.jobs[id] else {
            return .error(code: "Common.0011", message: "No jobs found.")
        }
        let done = job.done <= context.now
        guard case .success(let status, var body) = context.success() else { return context.success() }
        var entities = body?["entities"] ?? .object([:])
        entities = entities.mockSetting(["volume_id"], to: job.volumeID.map(JSONValue.string))
        entities = entities.mockSetting(["size"], to: job.size.map(JSONValue.integer))
        entities = entities.mockSetting(["sub_jobs"], to: nil)
        body = body?.mockSetting(["job_id"], to: .string(job.id))
            .mockSetting(["job_type"], to: .string(job.type))
            .mockSetting(["status"], to: .string(done ? "SUCCESS" : "RUNNING"))
            .mockSetting(["begin_time"], to: .string(job.begin))
            .mockSetting(["end_time"], to: done ? .string(MockClock.timestamp()) : nil)
            .mockSetting(["error_code"], to: nil)
            .mockSetting(["fail_reason"], to: nil)
            .mockSetting(["entities"], to: entities)
        return .success(status: status, body: body)
    }

    /// ECS 变更云服务器规格 (v1.1): 200 `{job_id}`; the page's 接口约束 (only when `SHUTOFF`) is not
    /// modelled because the mock holds no servers.
    static let resizeServer: MockHandler = { context, state in
        let id = state.nextID()
        state.jobs[id] = MockJob(id: id, type: "resizeServer", volumeID: nil, size: nil, begin: MockClock.timestamp(), done: context.settleAt)
        guard case .success(let status, let body) = context.success() else { return context.success() }
        return .success(status: status, body: body?.mockSetting(["job_id"], to: .string(id)).mockSetting(["order_id"], to: nil))
    }
}
