extension Template {
    /// The node tree, one node a line with its position, children indented: what parser tests
    /// compare against.
    ///
    /// ```
    /// text "Hello, " @1:1
    /// {{#people}} @1:8
    ///   {{name}} @1:19
    /// ```
    var outline: String {
        var lines: [String] = []
        Self.outline(nodes, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func outline(_ nodes: [Node], depth: Int, into lines: inout [String]) {
        let pad = String(repeating: "  ", count: depth)
        for node in nodes {
            let at = " @\(node.location)"
            switch node.kind {
            case .text(let text):
                lines.append(pad + "text " + text.string.debugDescription + at)
            case .variable(let name, let escaped):
                lines.append(pad + (escaped ? "{{\(name)}}" : "{{{\(name)}}}") + at)
            case .section(let section):
                lines.append(pad + "{{#\(section.name)}}" + at)
                outline(section.children, depth: depth + 1, into: &lines)
            case .invertedSection(let name, let children):
                lines.append(pad + "{{^\(name)}}" + at)
                outline(children, depth: depth + 1, into: &lines)
            case .partial(let reference, let indentation):
                lines.append(pad + "{{>\(spelled(reference))}}" + at + indented(indentation))
            case .parent(let reference, let overrides, let indentation):
                lines.append(pad + "{{<\(spelled(reference))}}" + at + indented(indentation))
                for definition in overrides {
                    lines.append(pad + "  {{$\(definition.name)}}")
                    outline(definition.children, depth: depth + 2, into: &lines)
                }
            case .block(let block):
                let standalone = block.isStandalone ? " standalone" : ""
                lines.append(pad + "{{$\(block.name)}}" + at + standalone + indented(block.indentation))
                outline(block.defaultChildren, depth: depth + 1, into: &lines)
            }
        }
    }

    private static func spelled(_ reference: PartialReference) -> String {
        reference.isDynamic ? "*" + reference.name : reference.name
    }

    private static func indented(_ indentation: String) -> String {
        indentation.isEmpty ? "" : " indent " + indentation.debugDescription
    }
}
