extension Rule {
    /// The verify runner's rules, in catalog order.
    static let verify: [RuleID] = [verifyNegativeAccepted]

    /// A generated negative case broke one documented constraint (a required field left out, a
    /// value past its documented bound, a value outside its enumeration, two fields the docs allow
    /// only one of), and the endpoint answered with success instead of the documented error. The
    /// finding names the broken constraint and cites the table or sentence that states it.
    public static let verifyNegativeAccepted = RuleID("verify.negative-accepted", .error, .verify, "A request that breaks a documented constraint was accepted instead of answered with the documented error.")
}
