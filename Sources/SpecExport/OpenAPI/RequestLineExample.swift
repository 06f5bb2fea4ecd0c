import ConformanceModel
import Foundation

/// Parameter values a doc's request example spells out in its request line.
///
/// Baidu prints the request of its example as a line (004 "Request Instance":
/// `PUT /v2/volume/v-3zmCcxbR?purchaseReserved&clientToken=be31b98c-… HTTP/1.1`); its path and
/// query give each parameter a documented value, which the export writes as the parameter's
/// `example`, so that a generic client's first request uses an id the docs show (the mock,
/// like Baidu, knows disks by `v-` ids). Segments still written as placeholders
/// (`{project_id}`) give nothing.
enum RequestLineExample {
    /// `name → value` for the path and query parameters of `operation`'s first request line.
    static func values(for operation: ConformanceModel.Operation) -> [String: String] {
        let methods = ["GET ", "PUT ", "POST ", "DELETE ", "PATCH ", "HEAD "]
        for example in operation.examples where example.kind == .request {
            for text in [example.title, example.text].compactMap({ $0 }) {
                guard let method = methods.first(where: { text.contains($0) && $0.hasPrefix(operation.method.uppercased() + " ") }),
                      let start = text.range(of: method) else { continue }
                let target = text[start.upperBound...].prefix { !$0.isWhitespace }
                guard target.hasPrefix("/") else { continue }
                let values = match(String(target), template: operation.path)
                if !values.isEmpty { return values }
            }
        }
        return [:]
    }

    /// The values of `target` (`/path?query`) for the placeholders of `template` and its query keys.
    static func match(_ target: String, template: String) -> [String: String] {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let segments = parts[0].split(separator: "/")
        let templateSegments = PathTemplate(template).segments
        guard segments.count == templateSegments.count else { return [:] }
        var values: [String: String] = [:]
        for (segment, pattern) in zip(segments, templateSegments) {
            switch pattern {
            case .parameter(let name):
                guard !segment.hasPrefix("{") else { continue }
                values[name] = String(segment).removingPercentEncoding ?? String(segment)
            case .literal(let text):
                if segment != text { return [:] }
            }
        }
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = nameValue.count == 2 ? String(nameValue[1]) : ""
                values[String(nameValue[0])] = value.removingPercentEncoding ?? value
            }
        }
        return values
    }
}
