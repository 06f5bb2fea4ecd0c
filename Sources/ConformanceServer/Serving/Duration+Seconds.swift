extension Duration {
    /// Whole seconds as `5 s`, others with one decimal, `0.5 s`: how the servers' messages
    /// name their timeouts.
    var secondsText: String {
        let value = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\((value * 10).rounded() / 10) s"
    }
}
