#if canImport(XCTest)
import Conformance
import ConformanceModel
import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// XCTest helper: fails the test once per error finding of `exchange`, with a readable message
/// that names the rule, the pointer, expected and actual values and the doc section.
@discardableResult
public func XCTAssertConforming(
    _ exchange: Exchange,
    validator: Validator = .shared,
    file: StaticString = #filePath,
    line: UInt = #line
) -> ExchangeResult {
    let result = validator.validate(exchange)
    for message in ConformanceMessage.errors(of: result, exchange: exchange) {
        XCTFail(message, file: file, line: line)
    }
    return result
}

/// `XCTAssertConforming` for Foundation's request, response and body.
@discardableResult
public func XCTAssertConforming(
    _ request: URLRequest,
    _ response: HTTPURLResponse?,
    _ data: Data?,
    validator: Validator = .shared,
    file: StaticString = #filePath,
    line: UInt = #line
) -> ExchangeResult {
    XCTAssertConforming(Exchange(request: request, response: response, data: data), validator: validator, file: file, line: line)
}
#endif
