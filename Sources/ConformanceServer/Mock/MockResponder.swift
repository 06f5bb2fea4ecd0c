import ConformanceModel
import Hummingbird
import HTTPTypes
import NIOCore
import NIOHTTP1

/// Adapts Hummingbird requests to ``MockEngine``: collects the body (up to
/// ``maximumBodySize``), hands the engine an `Exchange.Request`, and writes its answer back.
struct MockResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let engine: MockEngine
    /// Larger bodies get 413; the documented bodies are a few kilobytes.
    static let maximumBodySize = 4 << 20

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let exchangeRequest: Exchange.Request
        do {
            let buffer = try await request.collectBody(upTo: Self.maximumBodySize)
            let body = buffer.readableBytes > 0 ? Array(buffer.readableBytesView) : nil
            var headers = request.headers.map { Exchange.Header(name: $0.name.canonicalName, value: $0.value) }
            // HTTP/1's Host header arrives as the :authority pseudo-header, not a field; AK/SK
            // signatures cover `host`, so it is put back (added by the verify helper).
            if let authority = request.head.authority, !headers.contains(where: { $0.name.caseInsensitiveEquals("Host") }) {
                headers.insert(Exchange.Header(name: "Host", value: authority), at: 0)
            }
            exchangeRequest = Exchange.Request(
                method: request.method.rawValue,
                url: request.uri.string,
                headers: headers,
                body: body
            )
        } catch let error as HTTPParserError {
            // Broken framing (a bad chunk size, say): Hummingbird answers 400 and closes.
            throw error
        } catch is NIOTooManyBytesError {
            return Response(status: .contentTooLarge, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"error_code":"APIGW.0201","error_msg":"Request entity too large"}"#)))
        } catch {
            // The body did not arrive whole (a deadline passed, the client went away).
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "conformance mock: the request body did not arrive whole\n")))
        }
        let answer = engine.respond(to: exchangeRequest)
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        let body = answer.body.map { ByteBuffer(bytes: $0) } ?? ByteBuffer()
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields, body: .init(byteBuffer: body))
    }
}
