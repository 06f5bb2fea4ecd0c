import Conformance
import ConformanceModel

/// What the proxy reports for each request it handled: the validated exchange, or the upstream
/// failure it answered with 502 (not validated: the upstream said nothing to check).
public enum ProxiedExchange: Sendable {
    case validated(Exchange, ExchangeResult)
    case upstreamFailed(Exchange.Request, UpstreamFailure)
}
