import ConformanceModel

/// JUnit XML for CI systems: one `<testsuite>` per input file, one `<testcase>` per exchange
/// (named method, path and operation id; class name the service, or `unmatched`), a
/// `<failure>` listing the error findings of a failing exchange, warnings and infos as
/// `<system-out>`, and each unreadable entry as a test case with an `<error>`.
///
/// Needs a `ValidationReport` made with `keepsEveryExchange: true`. Text is XML-escaped and
/// characters XML 1.0 cannot carry are replaced, so any recording gives well-formed XML.
public enum JUnitReport {
    public static func render(_ report: ValidationReport) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let summary = report.summary
        out += "<testsuites name=\"conformance\" tests=\"\(summary.exchanges + summary.unreadable)\" failures=\"\(summary.failed)\" errors=\"\(summary.unreadable)\">\n"
        let byFile = Dictionary(grouping: report.exchanges) { $0.file ?? "" }
        let unreadableByFile = Dictionary(grouping: report.unreadable, by: \.file)
        var files = report.files
        for file in byFile.keys.sorted() where !files.contains(file) { files.append(file) }
        for file in files {
            let exchanges = byFile[file] ?? []
            let broken = unreadableByFile[file] ?? []
            let failures = exchanges.filter { !$0.passed }.count
            out += "  <testsuite name=\"\(escape(file))\" tests=\"\(exchanges.count + broken.count)\" failures=\"\(failures)\" errors=\"\(broken.count)\" skipped=\"0\">\n"
            out += versionProperties
            for exchange in exchanges {
                out += testCase(exchange)
            }
            for error in broken {
                out += "    <testcase classname=\"unreadable\" name=\"\(escape(position(error)))\">\n"
                out += "      <error message=\"\(escape(error.reason))\" type=\"traffic.unreadable\">\(escape(error.description))</error>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// The producer, as JUnit's `<properties>` of a suite (the one place JUnit has for it).
    static var versionProperties: String {
        "    <properties>\n      <property name=\"\(ToolInfo.name).version\" value=\"\(escape(ToolInfo.version))\"/>\n    </properties>\n"
    }

    static func testCase(_ exchange: ReportedExchange) -> String {
        let classname = exchange.operation == nil ? "unmatched" : (exchange.service ?? "conformance")
        var out = "    <testcase classname=\"\(escape(classname))\" name=\"\(escape("#\(exchange.index) \(exchange.title)"))\""
        let errors = exchange.findings.filter { $0.severity == .error }
        let others = exchange.findings.filter { $0.severity != .error }
        if errors.isEmpty && others.isEmpty { return out + "/>\n" }
        out += ">\n"
        if let first = errors.first {
            let body = errors.map(describe).joined(separator: "\n") + (exchange.curl.map { "\nreplay: " + $0 } ?? "")
            out += "      <failure message=\"\(escape(first.message))\" type=\"\(escape(first.rule.id))\">\(escape(body))</failure>\n"
        }
        if !others.isEmpty {
            out += "      <system-out>\(escape(others.map(describe).joined(separator: "\n")))</system-out>\n"
        }
        return out + "    </testcase>\n"
    }

    static func describe(_ finding: Finding) -> String {
        var text = "\(finding.severity.rawValue) \(finding.rule) \(finding.pointer): \(finding.message)"
        if let expected = finding.expected { text += " (expected \(expected))" }
        if let actual = finding.actual { text += " (actual \(actual))" }
        if let source = finding.source { text += " [\(source)]" }
        return text
    }

    static func position(_ error: TrafficReadError) -> String {
        switch error.position {
        case .file: "file"
        case .entry(let index): "entry \(index)"
        case .line(let line): "line \(line)"
        }
    }

    /// XML text and attribute escaping; characters not allowed in XML 1.0 become U+FFFD.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += "&#\(scalar.value);"
            default:
                let value = scalar.value
                let allowed = (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
                if allowed { result.unicodeScalars.append(scalar) } else { result += "\u{FFFD}" }
            }
        }
        return result
    }
}
