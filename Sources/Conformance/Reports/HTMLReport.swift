import ConformanceModel

/// A validation report as one self-contained HTML page, for people rather than CI: a summary,
/// one row per operation the traffic reached (hit, passed, failed, with a bar; and, given the
/// specs, each service's operation coverage), then the findings grouped by exchange with the
/// doc place each one cites and the `curl` replay, and filters by rule and severity.
///
/// Self-contained: the style and the filter script are inline, nothing is fetched. Every text
/// from the traffic is HTML-escaped. The filters can be preset from the address's fragment
/// (`report.html#rule=request.body.type&severity=error`), so a link can point at one kind of
/// finding. Needs a `ValidationReport` made with `keepsEveryExchange: true` for the table.
public enum HTMLReport {
    /// `preformatted`: text shown as is under the summary (verify's scenario table).
    public static func render(_ report: ValidationReport, specs: [ServiceSpec] = [], title: String = "conformance report", preformatted: String? = nil) -> String {
        let summary = report.summary
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="generator" content="\(escape(ToolInfo.nameAndVersion))">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p id="summary" class="\(summary.errors > 0 || summary.unreadable > 0 ? "bad" : "good")">\(count(summary.exchanges, "exchange")): \(summary.passed) passed, \(summary.failed) failed; \(count(summary.errors, "error")), \(count(summary.warnings, "warning")), \(count(summary.infos, "info")); \(summary.unmatched) unmatched, \(summary.unreadable) unreadable</p>

            """
        if let preformatted { out += "<pre id=\"scenarios\">\(escape(preformatted))</pre>\n" }
        out += coverageSection(report, specs: specs)
        out += operationTable(report)
        out += findingsSection(report)
        out += "<script>\(script)</script>\n</body>\n</html>\n"
        return out
    }

    /// Per service: documented operations reached, as a bar (only with specs).
    static func coverageSection(_ report: ValidationReport, specs: [ServiceSpec]) -> String {
        guard !specs.isEmpty else { return "" }
        var reached: [String: Set<String>] = [:]
        for exchange in report.exchanges {
            if let service = exchange.service, let operation = exchange.operation { reached[service, default: []].insert(operation) }
        }
        var out = "<h2>Coverage</h2>\n<table id=\"coverage\">\n<tr><th>service</th><th>operations reached</th><th></th></tr>\n"
        for spec in specs where reached[spec.service] != nil {
            let hit = reached[spec.service]?.count ?? 0
            let total = Set(spec.operations.map(\.id)).count
            let percent = total == 0 ? 0 : Double(hit) * 100 / Double(total)
            out += "<tr><td>\(escape(spec.service))</td><td>\(hit)/\(total) (\(formatted(percent))%)</td><td>\(bar(percent, class: "hit"))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// One row per operation reached: hit, passed, failed.
    static func operationTable(_ report: ValidationReport) -> String {
        struct Row { var service: String; var operation: String; var hit = 0; var passed = 0; var failed = 0 }
        var rows: [String: Row] = [:]
        var order: [String] = []
        for exchange in report.exchanges {
            let service = exchange.service ?? "—"
            let operation = exchange.operation ?? "(no documented route)"
            let key = service + "\u{0}" + operation
            if rows[key] == nil { rows[key] = Row(service: service, operation: operation); order.append(key) }
            rows[key]!.hit += 1
            if exchange.passed { rows[key]!.passed += 1 } else { rows[key]!.failed += 1 }
        }
        var out = "<h2>Operations</h2>\n<table id=\"operations\">\n<tr><th>service</th><th>operation</th><th>hit</th><th>passed</th><th>failed</th><th></th></tr>\n"
        for key in order.sorted() {
            let row = rows[key]!
            let percent = Double(row.passed) * 100 / Double(max(row.hit, 1))
            out += "<tr class=\"\(row.failed > 0 ? "bad" : "good")\"><td>\(escape(row.service))</td><td>\(escape(row.operation))</td><td>\(row.hit)</td><td>\(row.passed)</td><td>\(row.failed)</td><td>\(bar(percent, class: "pass"))</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// The exchanges with findings, each with its findings, citations and replay; and the filters.
    static func findingsSection(_ report: ValidationReport) -> String {
        let listed = report.exchanges.filter { !$0.findings.isEmpty }
        let rules = Set(listed.flatMap { $0.findings.map(\.rule.id) }).sorted()
        var out = "<h2>Findings</h2>\n<p class=\"filters\"><label>rule <select id=\"rule\"><option value=\"\">all</option>"
        for rule in rules { out += "<option>\(escape(rule))</option>" }
        out += "</select></label> <label>severity <select id=\"severity\"><option value=\"\">all</option><option>error</option><option>warning</option><option>info</option></select></label> <span id=\"shown\"></span></p>\n"
        if listed.isEmpty { out += "<p>No findings.</p>\n" }
        for exchange in listed {
            let origin = "\(exchange.file.map { $0 == "-" ? "<stdin>" : $0 } ?? "") #\(exchange.index)"
            let route = exchange.operation.map { "\(exchange.service.map { $0 + " " } ?? "")\($0)" } ?? "no documented route"
            out += "<section class=\"exchange\">\n<h3>\(escape(origin)) <code>\(escape(exchange.method)) \(escape(exchange.target))</code> → \(escape(route)) · \(exchange.status.map(String.init) ?? "no response")</h3>\n<ul>\n"
            for finding in exchange.findings {
                let severity = finding.severity.rawValue
                out += "<li class=\"finding \(severity)\" data-rule=\"\(escape(finding.rule.id))\" data-severity=\"\(severity)\"><span class=\"severity\">\(severity)</span> <code>\(escape(finding.rule.id))</code> "
                if !finding.pointer.isEmpty { out += "<code>\(escape(finding.pointer))</code>: " }
                out += escape(finding.message)
                var detail: [String] = []
                if let expected = finding.expected { detail.append("expected \(expected)") }
                if let actual = finding.actual { detail.append("actual \(actual)") }
                if !detail.isEmpty { out += " (" + escape(detail.joined(separator: ", ")) + ")" }
                let places = finding.sources.isEmpty ? finding.source.map { [$0] } ?? [] : finding.sources
                for place in places { out += "<div class=\"cite\">\(escape(place.description))</div>" }
                out += "</li>\n"
            }
            out += "</ul>\n"
            if let curl = exchange.curl { out += "<pre class=\"replay\">\(escape(curl))</pre>\n" }
            out += "</section>\n"
        }
        for error in report.unreadable {
            out += "<p class=\"unreadable\">unreadable: \(escape(error.description))</p>\n"
        }
        return out
    }

    static func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }

    static func bar(_ percent: Double, class name: String) -> String {
        "<span class=\"bar\"><span class=\"\(name)\" style=\"width:\(formatted(percent))%\"></span></span>"
    }

    static func formatted(_ percent: Double) -> String {
        let tenths = Int((percent * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Text and attribute escaping.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
        table{border-collapse:collapse;margin-bottom:1em}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}
        .bar{display:inline-block;width:160px;height:10px;background:#f3d0d0}.bar span{display:block;height:10px}
        .bar .pass,.bar .hit{background:#3a3}#coverage .bar{background:#ddd}
        .good{color:#161}.bad{color:#a11}tr.good,tr.bad{color:inherit}tr.bad td:nth-child(5){color:#a11;font-weight:bold}
        .exchange{border-top:1px solid #ccc;margin-top:.8em}.exchange h3{font-size:14px}
        .finding{margin:.3em 0}.severity{display:inline-block;width:5em;font-weight:bold}
        .error .severity{color:#a11}.warning .severity{color:#a60}.info .severity{color:#168}
        .cite{color:#666;margin-left:5.3em;font-size:12px}
        pre.replay{background:#f6f6f6;padding:6px;white-space:pre-wrap;word-break:break-all;font-size:12px}
        """

    /// Shows the findings that pass both filters, hides exchanges left without any, and keeps
    /// the filters in the address's fragment.
    static let script = """
        (function(){
        var rule=document.getElementById('rule'),severity=document.getElementById('severity');
        var params=new URLSearchParams(location.hash.slice(1));
        if(params.get('rule'))rule.value=params.get('rule');
        if(params.get('severity'))severity.value=params.get('severity');
        function apply(){
          var shown=0;
          document.querySelectorAll('.exchange').forEach(function(section){
            var any=false;
            section.querySelectorAll('.finding').forEach(function(item){
              var ok=(!rule.value||item.dataset.rule===rule.value)&&(!severity.value||item.dataset.severity===severity.value);
              item.hidden=!ok;if(ok){any=true;shown++;}
            });
            section.hidden=!any;
          });
          document.getElementById('shown').textContent=shown+(shown===1?' finding':' findings')+' shown';
          var hash=[];if(rule.value)hash.push('rule='+rule.value);if(severity.value)hash.push('severity='+severity.value);
          history.replaceState(null,'',hash.length?'#'+hash.join('&'):location.pathname);
        }
        rule.onchange=apply;severity.onchange=apply;apply();
        })();
        """
}
