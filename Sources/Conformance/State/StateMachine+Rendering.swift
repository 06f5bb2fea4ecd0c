import ConformanceModel

extension StateMachine {
    /// The machine as text tables: states, transitions (documented or tolerated, with the
    /// sentence or the reason), preconditions and effects.
    public var tableText: String {
        var lines = ["\(service) \(resource): \(states.count) states\(closed ? "" : " (open: other values are reported as information)")"]
        lines.append("  states: " + (states.isEmpty ? "(none documented)" : states.joined(separator: ", ")))
        if !transitions.isEmpty {
            let width = transitions.map { $0.from.count + $0.to.count + 3 }.max() ?? 0
            lines.append("  transitions:")
            for transition in transitions {
                let arrow = "\(transition.from) → \(transition.to)"
                let padding = String(repeating: " ", count: max(0, width - arrow.count))
                if let citation = transition.citation {
                    lines.append("    \(arrow)\(padding)  documented  §\(citation.section): \(citation.sentence)")
                } else {
                    lines.append("    \(arrow)\(padding)  tolerated   \(transition.note ?? "")")
                }
            }
        }
        for precondition in preconditions {
            lines.append("  precondition: \(precondition.operations.joined(separator: ", ")) only in \(precondition.allowed.joined(separator: ", ")) (\(precondition.target.map(\.description).joined(separator: ", "))) — §\(precondition.citation.section): \(precondition.citation.sentence)")
        }
        for effect in effects {
            lines.append("  effect: \(effect.operations.joined(separator: ", ")) → \(effect.state) — §\(effect.citation.section)")
        }
        for constraint in unchecked {
            lines.append("  not checked: \(constraint.operations.joined(separator: ", ")): \(constraint.reason) — “\(constraint.citation.sentence)”")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The machine as a Graphviz graph: documented transitions solid, tolerated ones dashed,
    /// and each operation's effect as a dotted edge from a box.
    public var dot: String {
        var lines = ["digraph \(Self.quote("\(service) \(resource)")) {", "  rankdir=LR;", "  node [shape=ellipse];"]
        lines += dotBody(indent: "  ", prefix: "")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Several machines as one Graphviz document: one digraph, each machine a cluster labelled
    /// with its service and resource, so that `dot -Tsvg` draws one picture (concatenated
    /// digraphs made it write one `<svg>` document per machine into one file). Node ids carry
    /// the machine's name, since machines share state names (`available`, `error`).
    public static func dot(_ machines: [StateMachine]) -> String {
        var lines = ["digraph \"conformance states\" {", "  rankdir=LR;", "  compound=true;", "  node [shape=ellipse];"]
        for (index, machine) in machines.enumerated() {
            let name = "\(machine.service) \(machine.resource)"
            lines.append("  subgraph \(quote("cluster_\(index)")) {")
            lines.append("    label=\(quote(name));")
            lines += machine.dotBody(indent: "    ", prefix: "\(name): ")
            lines.append("  }")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The statements of one machine; node ids start with `prefix` (labelled with the bare
    /// state name when there is one).
    func dotBody(indent: String, prefix: String) -> [String] {
        let quote = Self.quote
        let qualified = !prefix.isEmpty
        func node(_ name: String) -> String { prefix + name }
        func label(_ text: String) -> String { qualified ? " [label=\(quote(text))]" : "" }
        var lines: [String] = []
        for state in states { lines.append("\(indent)\(quote(node(state)))\(label(state));") }
        for transition in transitions {
            let style = transition.tolerated ? " [style=dashed, tooltip=\(quote(transition.note ?? ""))]" : " [tooltip=\(quote(transition.citation?.sentence ?? ""))]"
            lines.append("\(indent)\(quote(node(transition.from))) -> \(quote(node(transition.to)))\(style);")
        }
        for effect in effects {
            let box = "op: " + effect.operations.joined(separator: ", ")
            let boxLabel = qualified ? ", label=\(quote(box))" : ""
            lines.append("\(indent)\(quote(node(box))) [shape=box, fontsize=10\(boxLabel)];")
            lines.append("\(indent)\(quote(node(box))) -> \(quote(node(effect.state))) [style=dotted];")
        }
        return lines
    }

    /// A Graphviz quoted id.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
