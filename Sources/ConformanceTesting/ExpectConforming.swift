import Conformance
import ConformanceModel
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Swift Testing helper: validates `exchange` and records one `Issue` per error finding, with a
/// readable message (rule, pointer, expected and actual, doc section; secrets scrubbed).
/// Returns the validator's result so that a test can look at warnings too.
///
/// ```swift
/// @Test func extendVolume() async throws {
///     let (data, response) = try await session.data(for: request)
///     expectConforming(request, response as? HTTPURLResponse, data)
/// }
/// ```
@discardableResult
public func expectConforming(
    _ exchange: Exchange,
    validator: Validator = .shared,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ExchangeResult {
    let result = validator.validate(exchange)
    for message in ConformanceMessage.errors(of: result, exchange: exchange) {
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
    return result
}

/// `expectConforming` for Foundation's request, response and body.
@discardableResult
public func expectConforming(
    _ request: URLRequest,
    _ response: HTTPURLResponse?,
    _ data: Data?,
    validator: Validator = .shared,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ExchangeResult {
    expectConforming(Exchange(request: request, response: response, data: data), validator: validator, sourceLocation: sourceLocation)
}
