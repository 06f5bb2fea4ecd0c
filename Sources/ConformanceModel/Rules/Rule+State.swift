extension Rule {
    /// The state tracker's rules, in catalog order.
    static let state: [RuleID] = [stateUnknownValue, statePrecondition, stateTransition, stateRelation]

    /// A resource status value the state table does not list. Information for the machines the
    /// docs leave open (the Tencent gateway's `DiskState`, of which only examples show values).
    public static let stateUnknownValue = RuleID("state.unknown-value", .error, .state, "A resource status value the state table does not list (info where the docs list no states).")

    /// An operation was accepted while the resource was, as last seen in a response, in a state
    /// the docs do not allow for it (EVS 6.1.7 接口约束: extend only when available or in-use).
    public static let statePrecondition = RuleID("state.precondition", .error, .state, "An operation was accepted while the resource was in a state the docs do not allow for it.")

    /// A resource moved between two states with no documented (or tolerated) path between them.
    public static let stateTransition = RuleID("state.transition", .error, .state, "A resource moved between two states with no documented path between them.")

    /// A request value breaks a documented relation to the resource's value last seen in a
    /// response (EVS: `new_size` "必须大于原有云硬盘容量", greater than the volume's size).
    public static let stateRelation = RuleID("state.relation", .error, .state, "A request value breaks a documented relation to the resource's last seen value (new_size > size).")
}
