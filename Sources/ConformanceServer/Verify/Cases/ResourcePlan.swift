import ConformanceModel

/// How the generated cases of one service get the resources their requests name: which
/// documented calls create (or find) each one, which path parameters and body members take it,
/// and which ids only the embedded mock (or the user's `--resource`) can give.
///
/// The plan is data, one value per service (``ResourcePlan/all``); ``CaseGenerator`` derives
/// everything else from the spec: a case whose path names `{snapshot_id}` runs after the
/// snapshot recipe, a delete or a documented state change gets a fresh resource of its own.
public struct ResourcePlan: Sendable {
    /// The calls that provide one variable.
    public struct Recipe: Sendable {
        /// The variable the recipe provides (`volume_id`).
        public var variable: String
        /// Variables its steps use, provided by other recipes first.
        public var needs: [String]
        /// The steps: create (or list) and wait for the documented state.
        public var steps: [ScenarioStep]
        /// Constants the recipe makes true once its steps passed (`metadata_key` once the key is
        /// written).
        public var provides: [String: String]
        /// Whether one resource may serve every case (false: a transfer changes its volume's
        /// state, so every case that needs one makes its own).
        public var shared: Bool

        public init(_ variable: String, needs: [String] = [], steps: [ScenarioStep], provides: [String: String] = [:], shared: Bool = true) {
            self.variable = variable
            self.needs = needs
            self.steps = steps
            self.provides = provides
            self.shared = shared
        }

        /// Whether the recipe changes anything (it then needs `--allow-mutations` on a live endpoint).
        public var mutates: Bool { steps.contains { $0.effect.mutates } }
    }

    /// Steps that bring a resource of its own into one documented state, for the negative cases
    /// of operations whose precondition does not allow that state (StateMachine.Precondition):
    /// EVS offers a volume for transfer (`awaiting-transfer`, A.3) or attaches it (`in-use`).
    public struct StateSetup: Sendable {
        /// The variable the precondition's target takes (`volume_id`).
        public var variable: String
        /// The state the steps leave the resource in.
        public var state: String
        /// The variable that holds the resource afterwards (`transfer_volume_id`).
        public var provides: String
        /// The steps, from creating the resource (each create registers its cleanup).
        public var steps: [ScenarioStep]

        public init(_ variable: String, state: String, provides: String, steps: [ScenarioStep]) {
            self.variable = variable
            self.state = state
            self.provides = provides
            self.steps = steps
        }
    }

    public var service: String
    /// In dependency order.
    public var recipes: [Recipe]
    /// Path parameter → variable where the names differ (`target_project_id` → `project_id`).
    public var parameters: [String: String]
    /// Body member name → variable: the member gets the variable's id (an array member a
    /// one-element array), wherever it appears (`DiskIds` → `disk_id`).
    public var bodyMembers: [String: String]
    /// Body member name → a value that fits the plan's resources (`new_size` above the recipe
    /// volume's 10 GB, EVS 6.1.7 "必须大于原有云硬盘容量").
    public var bodyValues: [String: JSONValue]
    /// Ids no documented call of the service creates, valid on the embedded mock only (its
    /// fixtures); a live run needs them from `--resource NAME=ID`.
    public var mockFixtures: [String: String]
    /// Operation → variables its positive and boundary cases need a fresh resource for, beyond
    /// what the spec says (DELETE methods and documented state effects): the Tencent gateway's
    /// `DiskDelete` is a POST, and its disk states are not documented.
    public var fresh: [String: [String]]
    /// Operation → steps that bring a fresh resource into the state the operation needs
    /// (a disk is attached before it is detached).
    public var preparations: [String: [ScenarioStep]]
    /// Variable → a value the docs give for it, used on every endpoint (EVS 5.2 查询接口的版本信息:
    /// `api_version` "取值为：v1、v2").
    public var samples: [String: String]
    /// The states the plan can bring a resource into, for precondition cases.
    public var stateSetups: [StateSetup]

    public init(service: String, recipes: [Recipe] = [], parameters: [String: String] = [:], bodyMembers: [String: String] = [:], bodyValues: [String: JSONValue] = [:], mockFixtures: [String: String] = [:], fresh: [String: [String]] = [:], preparations: [String: [ScenarioStep]] = [:], samples: [String: String] = [:], stateSetups: [StateSetup] = []) {
        self.stateSetups = stateSetups
        self.service = service
        self.recipes = recipes
        self.parameters = parameters
        self.bodyMembers = bodyMembers
        self.bodyValues = bodyValues
        self.mockFixtures = mockFixtures
        self.fresh = fresh
        self.preparations = preparations
        self.samples = samples
    }

    /// The recipe providing `variable`.
    public func recipe(for variable: String) -> Recipe? {
        recipes.first { $0.variable == variable }
    }

    /// The variable a path parameter takes.
    public func variable(forParameter name: String) -> String {
        parameters[name] ?? name
    }

    /// The plan of `service` (an empty plan for a service without one).
    public static func plan(for service: String) -> ResourcePlan {
        all.first { $0.service == service } ?? ResourcePlan(service: service)
    }

    public static let all: [ResourcePlan] = [huaweiEVS, tencentCBS, huaweiECS, baiduBCC]
}

extension ResourcePlan {
    /// EVS: an availability zone, a volume (6.1.1, waited to `available`, A.3), a snapshot of
    /// it (6.2.1, waited to `available`, A.4), a metadata key on both, a volume type, and a transfer of a volume of its own (9.1 changes the volume to
    /// `awaiting-transfer`, A.3, so the transfer is never shared).
    static let huaweiEVS = ResourcePlan(
        service: "huawei-evs",
        recipes: [
            Recipe("zone", steps: [
                ScenarioStep("pick an availability zone", operation: "ListOsAvailabilityZone", expect: [200], captures: ["zone": "availabilityZoneInfo[0].zoneName"]),
            ]),
            Recipe("volume_id", needs: ["zone"], steps: evsVolume("volume_id", suffix: "volume")),
            Recipe("snapshot_id", needs: ["volume_id"], steps: [
                ScenarioStep("snapshot the volume", operation: "CreateSnapshot",
                             body: .json(["snapshot": ["volume_id": "{{volume_id}}", "name": "{{name}}-snapshot"]]),
                             expect: [202], captures: ["snapshot_id": "snapshot.id"],
                             effect: .create(variable: "snapshot_id", cleanup: CleanupStep(ScenarioCatalog.deleteSnapshot))),
                ScenarioStep("wait until the snapshot is available", operation: "ShowSnapshot", path: ["snapshot_id": "{{snapshot_id}}"], expect: [200],
                             until: .value(path: "snapshot.status", in: ["available"], failing: ["error"])),
            ]),
            Recipe("metadata_key", needs: ["volume_id", "snapshot_id"], steps: [
                ScenarioStep("write a metadata key on the volume", operation: "CreateVolumeMetadata", path: ["volume_id": "{{volume_id}}"],
                             body: .json(["metadata": ["conformance": "{{run_id}}"]]), expect: [200], effect: .mutate(variable: "volume_id")),
                ScenarioStep("write a metadata key on the snapshot", operation: "CreateSnapshotMetadata", path: ["snapshot_id": "{{snapshot_id}}"],
                             body: .json(["metadata": ["conformance": "{{run_id}}"]]), expect: [200], effect: .mutate(variable: "snapshot_id")),
            ], provides: ["metadata_key": "conformance"], shared: false),
            Recipe("type_id", steps: [
                ScenarioStep("pick a volume type", operation: "ListTypes", expect: [200], captures: ["type_id": "volume_types[0].id"]),
            ]),
            Recipe("transfer_id", needs: ["zone"], steps: evsTransfer, shared: false),
        ],
        parameters: ["target_project_id": "project_id", "key": "metadata_key", "version": "api_version"],
        // `auth_key`: accepting a transfer takes the key its offer answered (8.2.2.3 `auth_key`).
        bodyMembers: ["volume_id": "volume_id", "snapshot_id": "snapshot_id", "instance_uuid": "server_id", "auth_key": "auth_key"],
        bodyValues: ["new_size": 20],
        mockFixtures: ["server_id": ScenarioCatalog.mockServerID],
        // os-reserve leaves its volume `reserved` (A.3), which no later case expects.
        fresh: ["ReserveVolume": ["volume_id"]],
        // os-detach needs an `in-use` volume (8.2.1.x 卸载云硬盘; the mock answers EVS.1031
        // otherwise): the fresh volume is attached first and waited to `in-use`.
        preparations: ["DetachVolume": evsAttach],
        samples: ["api_version": "v2"],
        // Stable states a volume of the case's own can be brought into: offered for transfer
        // (8.2.2.4, until the cleanup withdraws the offer) and attached to the mock's server.
        stateSetups: [
            StateSetup("volume_id", state: "awaiting-transfer", provides: "transfer_volume_id", steps: evsTransfer),
            StateSetup("volume_id", state: "in-use", provides: "volume_id", steps: evsVolume("volume_id", suffix: "volume") + evsAttach),
        ]
    )

    /// A volume of its own, offered for transfer (8.2.2.4 创建云硬盘过户; A.3 `awaiting-transfer`);
    /// the cleanup withdraws the offer (8.2.2.6), then deletes the volume.
    static let evsTransfer: [ScenarioStep] = evsVolume("transfer_volume_id", suffix: "transfer-volume") + [
        ScenarioStep("offer the volume for transfer", operation: "CreateOsVolumeTransfer",
                     body: .json(["transfer": ["name": "{{name}}-transfer", "volume_id": "{{transfer_volume_id}}"]]),
                     expect: [202], captures: ["transfer_id": "transfer.id", "auth_key": "transfer.auth_key"],
                     effect: .create(variable: "transfer_id", cleanup: CleanupStep(ScenarioStep("cancel the transfer", operation: "DeleteOsVolumeTransfer",
                                                                                                  path: ["transfer_id": "{{transfer_id}}"], expect: [202], effect: .delete(variable: "transfer_id"))))),
    ]

    /// `volume_id` attached to the server and waited to `in-use` (8.2.1.x 挂载云硬盘, A.3).
    static let evsAttach: [ScenarioStep] = [
        ScenarioStep("attach the volume first", operation: "AttachVolume", path: ["volume_id": "{{volume_id}}"],
                     body: .json(["os-attach": ["instance_uuid": "{{server_id}}", "mountpoint": "/dev/vdb"]]),
                     expect: [202], effect: .mutate(variable: "volume_id"), requires: ["server_id"]),
        ScenarioStep("wait until the volume is in use", operation: "ShowVolume", path: ["volume_id": "{{volume_id}}"], expect: [200],
                     until: .value(path: "volume.status", in: ["in-use"], failing: ["error"])),
    ]

    /// A 10 GB volume named `<run name>-<suffix>`, waited to `available`.
    static func evsVolume(_ variable: String, suffix: String) -> [ScenarioStep] {
        let delete = ScenarioStep("delete the volume", operation: "DeleteVolume", path: ["volume_id": "{{\(variable)}}"], expect: [200, 202], effect: .delete(variable: variable))
        // A case may leave the volume attached or reserved (6.1.8 deletes only `available`,
        // `error`, ... volumes, EVS.1046): the cleanup detaches and unreserves it when refused.
        let unblock = [
            ScenarioStep("detach the volume", operation: "DetachVolume", path: ["volume_id": "{{\(variable)}}"], body: .json(["os-detach": [:]]),
                         expect: [202], effect: .mutate(variable: variable)),
            ScenarioStep("unreserve the volume", operation: "UnreserveVolume", path: ["volume_id": "{{\(variable)}}"], body: .json(["os-unreserve": [:]]),
                         expect: [202], effect: .mutate(variable: variable)),
        ]
        return [
            ScenarioStep("create a volume", operation: "CreateVolume",
                         body: .json(["volume": ["name": .string("{{name}}-\(suffix)"), "availability_zone": "{{zone}}", "size": 10, "volume_type": "SATA",
                                                  "description": "created by conformance verify run {{run_id}}; deleted at the end of the run"]]),
                         expect: [202], captures: [variable: "volume_ids[0]", "job_id": "job_id"],
                         effect: .create(variable: variable, cleanup: CleanupStep(delete, unblock: unblock))),
            ScenarioStep("wait until the volume is available", operation: "ShowVolume", path: ["volume_id": "{{\(variable)}}"], expect: [200],
                         until: .value(path: "volume.status", in: ["available"], failing: ["error"])),
        ]
    }

    /// Tencent: a disk, found by its name after the create (whose answer carries no id). The
    /// server a disk attaches to is not created by any documented call.
    static let tencentCBS = ResourcePlan(
        service: "tencent-cbs",
        recipes: [
            Recipe("disk_id", steps: [
                ScenarioStep("create a disk", operation: "DiskCreate",
                             body: .golden(file: "request.min.json", set: ["DiskName": "{{name}}-disk", "DiskSize": 10, "DiskChargeType": "POSTPAID_BY_HOUR", "DiskCount": 1]),
                             expect: [200], effect: .create(variable: "disk_id", cleanup: CleanupStep(ScenarioCatalog.tencentDelete), lookup: ScenarioCatalog.tencentFind)),
            ]),
        ],
        bodyMembers: ["DiskIds": "disk_id", "DiskId": "disk_id", "InstanceId": "instance_id"],
        bodyValues: ["DiskSize": 20],
        mockFixtures: ["instance_id": "6d6f636b-5e52-4000-8000-000000000002"],
        fresh: ["DiskDelete": ["disk_id"], "DiskResize": ["disk_id"], "DiskAttach": ["disk_id"], "DiskDetach": ["disk_id"]],
        preparations: ["DiskDetach": [
            ScenarioStep("attach the disk first", operation: "DiskAttach", body: .golden(file: "request.min.json", set: ["DiskIds": ["{{disk_id}}"], "InstanceId": "{{instance_id}}"]),
                         expect: [200], effect: .mutate(variable: "disk_id"), requires: ["instance_id"]),
        ]]
    )

    /// ECS: the resize document has no create-server call.
    static let huaweiECS = ResourcePlan(service: "huawei-ecs", mockFixtures: ["server_id": ScenarioCatalog.mockServerID])

    /// BCC: the renewal document has no create-disk call.
    static let baiduBCC = ResourcePlan(service: "baidu-bcc", mockFixtures: ["volumeId": "v-conformance"])
}
