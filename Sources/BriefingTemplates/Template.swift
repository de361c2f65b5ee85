/// A Mustache template, parsed once into a node tree and rendered many times through a
/// `TemplateLibrary`, which links its partials and parents.
public struct Template: Sendable {
    /// The name partials and parents use to refer to this template.
    public var name: String { source.name }
    /// The path shown in errors, such as `Templates/layouts/base.html`.
    public var path: String { source.path }

    let source: TemplateSource
    let nodes: [Node]

    /// Parses `source`; `path` (the name when omitted) is what errors show.
    public init(source: String, name: String, path: String? = nil) throws(TemplateError) {
        try self.init(source: source, name: name, path: path, delimiters: .standard)
    }

    init(source: String, name: String, path: String?, delimiters: Delimiters) throws(TemplateError) {
        self.source = TemplateSource(name: name, path: path ?? name, text: source)
        self.nodes = try TemplateParser.parse(self.source, delimiters: delimiters)
    }

    /// The templates this one names in `{{>name}}` and `{{<name}}` tags, dynamic names excepted.
    public var referencedTemplates: Set<String> {
        var names = Set<String>()
        Self.collectReferences(in: nodes, into: &names)
        return names
    }

    private static func collectReferences(in nodes: [Node], into names: inout Set<String>) {
        for node in nodes {
            switch node.kind {
            case .partial(let reference, _):
                if !reference.isDynamic { names.insert(reference.name) }
            case .parent(let reference, let overrides, _):
                if !reference.isDynamic { names.insert(reference.name) }
                for definition in overrides { collectReferences(in: definition.children, into: &names) }
            case .section(let section):
                collectReferences(in: section.children, into: &names)
            case .invertedSection(_, let children):
                collectReferences(in: children, into: &names)
            case .block(let block):
                collectReferences(in: block.defaultChildren, into: &names)
            case .text, .variable:
                break
            }
        }
    }
}
