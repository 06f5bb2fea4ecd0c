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
        func quote(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var lines = ["digraph \(quote("\(service) \(resource)")) {", "  rankdir=LR;", "  node [shape=ellipse];"]
        for state in states { lines.append("  \(quote(state));") }
        for transition in transitions {
            let style = transition.tolerated ? " [style=dashed, tooltip=\(quote(transition.note ?? ""))]" : " [tooltip=\(quote(transition.citation?.sentence ?? ""))]"
            lines.append("  \(quote(transition.from)) -> \(quote(transition.to))\(style);")
        }
        for effect in effects {
            let box = "op: " + effect.operations.joined(separator: ", ")
            lines.append("  \(quote(box)) [shape=box, fontsize=10];")
            lines.append("  \(quote(box)) -> \(quote(effect.state)) [style=dotted];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
