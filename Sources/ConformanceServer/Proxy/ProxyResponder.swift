import ConformanceModel
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// Forwards each Hummingbird request to the upstream and hands the exchange to the
/// ``ValidatingProxy`` to validate and record.
struct ProxyResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let proxy: ValidatingProxy
    /// Larger request bodies get 413; block-storage requests are a few kilobytes.
    static let maximumBodySize = 16 << 20

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let body: [UInt8]?
        do {
            let buffer = try await request.collectBody(upTo: Self.maximumBodySize)
            body = buffer.readableBytes > 0 ? Array(buffer.readableBytesView) : nil
        } catch let error as HTTPParserError {
            // Broken framing (a bad chunk size, say): Hummingbird answers 400 and closes.
            throw error
        } catch is NIOTooManyBytesError {
            return Self.plain(.contentTooLarge, "conformance proxy: request body larger than \(Self.maximumBodySize) bytes\n")
        } catch {
            return Self.plain(.badRequest, "conformance proxy: the request body did not arrive whole\n")
        }
        let headers = request.headers.map { Exchange.Header(name: $0.name.canonicalName, value: $0.value) }
        let answer = await proxy.forward(method: request.method.rawValue, target: request.uri.string, headers: headers, body: body)
        var fields = HTTPFields()
        for header in HopByHopHeaders.forwardable(answer.headers) {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: answer.body ?? [])))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
