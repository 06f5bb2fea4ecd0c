import ArgumentParser
import ConformanceServer

/// The timeouts and the connection limit `mock` and `proxy` share (``ServingLimits``).
struct ServingOptions: ParsableArguments {
    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Seconds a keep-alive connection may wait for its next request.", valueName: "seconds"))
    var idleTimeout: Double = 60

    @Option(name: .customLong("header-timeout"), help: ArgumentHelp("Seconds a request's head may take from its first byte (then 408).", valueName: "seconds"))
    var headerTimeout: Double = 10

    @Option(name: .customLong("body-timeout"), help: ArgumentHelp("Seconds a request's body may take after its head (then 408).", valueName: "seconds"))
    var bodyTimeout: Double = 30

    @Option(name: .customLong("max-connections"), help: ArgumentHelp("Connections served at once; one more gets 503 and is closed.", valueName: "n"))
    var maxConnections: Int = 1024

    func validate() throws {
        for (flag, value) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout)] {
            guard value > 0, value <= 86_400 else { throw ValidationError("\(flag) \(value): expected 0 < seconds ≤ 86400") }
        }
        guard (1...1_000_000).contains(maxConnections) else { throw ValidationError("--max-connections \(maxConnections): expected 1 to 1000000") }
    }

    var limits: ServingLimits {
        ServingLimits(idleTimeout: .seconds(idleTimeout), headerTimeout: .seconds(headerTimeout), bodyTimeout: .seconds(bodyTimeout), maximumConnections: maxConnections)
    }
}
