import ConformanceModel
import ConformanceServer
import Foundation
import Synchronization
import Testing

/// The live runner's safety rules (DESIGN.md): nothing changes without `--allow-mutations`,
/// nothing is touched that the run did not create, and what it created is deleted even when a
/// step fails or the run is interrupted.
@Suite("Verify safety")
struct VerifySafetyTests {
    @Test("a life cycle never touches a volume it did not create")
    func foreignVolumeUntouched() async throws {
        try await withMock { url, client in
            let project = VerifyConfiguration.defaultProjectID
            let (status, created) = try await evsRequest(client, url, "POST", "/v2.1/\(project)/cloudvolumes",
                                                         body: ["volume": ["name": "someone-elses-volume", "availability_zone": "az-1", "size": 10, "volume_type": "SATA"]])
            #expect(status == 202)
            let foreign = try #require(created?["volume_ids"]?.arrayValue?.first?.stringValue)
            try await Task.sleep(for: .milliseconds(100))
            let (_, before) = try await evsRequest(client, url, "GET", "/v2/\(project)/cloudvolumes/\(foreign)")

            let transport = RecordingTransport(client)
            let outcome = await VerifyRunner(configuration: mockConfiguration(url, scenarios: ["huawei-evs.read-only", "huawei-evs.volume-lifecycle"]), transport: transport).run()
            #expect(outcome.passed, "\(outcome.scenarios.map { "\($0.id): \($0.failure ?? "ok")" })")

            // No request that changes anything names the foreign volume.
            for request in transport.requests where request.method != "GET" {
                #expect(!request.url.contains(foreign), "\(request.method) \(request.url)")
                #expect(!String(decoding: request.body ?? [], as: UTF8.self).contains(foreign))
            }
            let (after, now) = try await evsRequest(client, url, "GET", "/v2/\(project)/cloudvolumes/\(foreign)")
            #expect(after == 200)
            #expect(now?["volume"]?["name"] == "someone-elses-volume")
            #expect(now?["volume"]?["size"] == before?["volume"]?["size"])
            #expect(now?["volume"]?["status"] == "available")
        }
    }

    @Test("a step that mutates an id the run did not create is refused before anything is sent")
    func refusesForeignMutation() async throws {
        try await withMock { url, client in
            let project = VerifyConfiguration.defaultProjectID
            _ = try await evsRequest(client, url, "POST", "/v2.1/\(project)/cloudvolumes",
                                     body: ["volume": ["name": "someone-elses-volume", "availability_zone": "az-1", "size": 10, "volume_type": "SATA"]])
            let rogue = Scenario(id: "huawei-evs.rogue", service: "huawei-evs", title: "extend the first listed volume", steps: [
                ScenarioStep("list", operation: "ListVolumes", expect: [200], captures: ["volume_id": "volumes[0].id"]),
                ScenarioStep("extend someone else's volume", operation: "ResizeVolume", path: ["volume_id": "{{volume_id}}"],
                             body: .json(["os-extend": ["new_size": 50]]), expect: [202], effect: .mutate(variable: "volume_id")),
            ])
            let transport = RecordingTransport(client)
            let outcome = await VerifyRunner(configuration: mockConfiguration(url), transport: transport).run([rogue])
            let failure = try #require(outcome.scenarios.first?.failure)
            #expect(failure.contains("was not created by this run"))
            #expect(transport.requests.allSatisfy { $0.method == "GET" })
        }
    }

    @Test("without --allow-mutations against an endpoint it does not own, only reads go out")
    func readOnlyByDefault() async throws {
        try await withMock { url, client in
            let transport = RecordingTransport(client)
            let outcome = await VerifyRunner(configuration: mockConfiguration(url, owns: false, allowMutations: false), transport: transport).run()
            let ran = outcome.scenarios.filter { $0.skipped == nil }.map(\.id)
            #expect(Set(ran) == ["huawei-evs.read-only", "tencent-cbs.read-only"])
            for request in transport.requests {
                let readOnlyPost = request.url.hasSuffix("/disk/list") || request.url.hasSuffix("/disk/inspect")
                #expect(request.method == "GET" || readOnlyPost, "\(request.method) \(request.url)")
            }
            // Embedded-mock-only scenarios name the reason.
            let ecs = try #require(outcome.scenarios.first { $0.id == "huawei-ecs.resize" })
            #expect(ecs.skipped?.contains("embedded mock") == true)
        }
    }

    @Test("what a scenario created is deleted when a later step fails")
    func cleanupAfterFailure() async throws {
        try await withMock { url, client in
            let lifecycle = ScenarioCatalog.huaweiEVSVolumeLifecycle
            var steps = Array(lifecycle.steps.prefix(4))
            // A step that cannot pass: 299 is never answered.
            steps.append(ScenarioStep("expect the impossible", operation: "ShowVolume", path: ["volume_id": "{{volume_id}}"], expect: [299]))
            steps.append(lifecycle.steps[4])
            let failing = Scenario(id: "huawei-evs.failing", service: "huawei-evs", title: "fails after create", steps: steps)
            let outcome = await VerifyRunner(configuration: mockConfiguration(url), transport: client).run([failing])
            let scenario = try #require(outcome.scenarios.first)
            #expect(scenario.failure?.contains("expect the impossible") == true)
            #expect(scenario.steps.last?.verdict == .skipped("an earlier step failed"))
            let cleanup = try #require(scenario.cleanup.first)
            #expect(cleanup.verdict == .passed)
            let id = try #require(cleanup.name.split(separator: " ").last.map(String.init))
            try await Task.sleep(for: .milliseconds(150))
            let (status, _) = try await evsRequest(client, url, "GET", "/v2/\(VerifyConfiguration.defaultProjectID)/cloudvolumes/\(id)")
            #expect(status == 404)
            #expect(outcome.leftBehind.isEmpty)
        }
    }

    @Test("an interrupted run still deletes what it created")
    func cleanupAfterInterrupt() async throws {
        try await withMock { url, client in
            let created = Mutex<String?>(nil)
            let holder = Mutex<Task<VerifyOutcome, Never>?>(nil)
            let transport = RecordingTransport(client) { request, response in
                // Interrupt right after the volume was created.
                if request.method == "POST", request.url.hasSuffix("/cloudvolumes"), response.status == 202 {
                    let id = (try? JSONValue.parse(bytes: response.body ?? []))?["volume_ids"]?.arrayValue?.first?.stringValue
                    created.withLock { $0 = id }
                    holder.withLock { $0?.cancel() }
                }
            }
            let runner = VerifyRunner(configuration: mockConfiguration(url, scenarios: ["huawei-evs.volume-lifecycle", "tencent-cbs.disk-lifecycle"]), transport: transport)
            let task = Task { await runner.run() }
            holder.withLock { $0 = task }
            let outcome = await task.value
            #expect(outcome.interrupted)
            let id = try #require(created.withLock { $0 })
            #expect(outcome.scenarios.first?.cleanup.first?.verdict == .passed)
            #expect(outcome.scenarios.last?.skipped == "interrupted")
            try await Task.sleep(for: .milliseconds(150))
            let (status, _) = try await evsRequest(client, url, "GET", "/v2/\(VerifyConfiguration.defaultProjectID)/cloudvolumes/\(id)")
            #expect(status == 404)
        }
    }
}
