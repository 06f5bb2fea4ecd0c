import ConformanceModel

/// Hand-written rules the vendors' tables cannot carry, each citing the sentence it encodes.
///
/// The tables say which fields exist and what they hold; sentences in descriptions,
/// constraint sections and error-code messages say how fields depend on each other. Those
/// sentences are encoded here as data, per service, one file each.
public enum Rules {
    /// Every cross-field body rule, all services.
    public static let body: [BodyRule] = HuaweiEVSRules.body

    /// Every resource life cycle, all services.
    public static let stateMachines: [StateMachine] = [
        HuaweiEVSStateMachines.volume, HuaweiEVSStateMachines.snapshot,
        OtherStateMachines.server, OtherStateMachines.disk, OtherStateMachines.baiduVolume,
    ]

    /// The body rules for one operation of one service.
    public static func body(service: String, operation: String) -> [BodyRule] {
        body.filter { $0.service == service && $0.operations.contains(operation) }
    }
}
