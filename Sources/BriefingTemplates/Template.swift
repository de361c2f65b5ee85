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
    public var referencedTemplates: Set<String> { references.names }

    /// Whether a tag names its template by a value (`{{>*name}}`), which only rendering resolves.
    public var referencesTemplatesByValue: Bool { references.byValue }

    /// The names its variable and section tags look up (`{{page.title}}`, `{{#t.backToText}}`), each with
    /// the line and column of its tag, in the order they are written.
    public var lookups: [(name: String, line: Int, column: Int)] {
        var lookups: [(name: String, line: Int, column: Int)] = []
        Self.collectLookups(in: nodes, into: &lookups)
        return lookups
    }

    private static func collectLookups(in nodes: [Node], into lookups: inout [(name: String, line: Int, column: Int)]) {
        for node in nodes {
            let at = (line: node.location.line, column: node.location.column)
            switch node.kind {
            case .variable(let name, _):
                lookups.append((name.text, at.line, at.column))
            case .section(let section):
                lookups.append((section.name.text, at.line, at.column))
                collectLookups(in: section.children, into: &lookups)
            case .invertedSection(let name, let children):
                lookups.append((name.text, at.line, at.column))
                collectLookups(in: children, into: &lookups)
            case .parent(_, let overrides, _):
                for definition in overrides { collectLookups(in: definition.children, into: &lookups) }
            case .block(let block):
                collectLookups(in: block.defaultChildren, into: &lookups)
            case .text, .partial:
                break
            }
        }
    }

    private var references: (names: Set<String>, byValue: Bool) {
        var references: (names: Set<String>, byValue: Bool) = ([], false)
        Self.collectReferences(in: nodes, into: &references)
        return references
    }

    private static func collectReferences(in nodes: [Node], into references: inout (names: Set<String>, byValue: Bool)) {
        func add(_ reference: PartialReference) {
            if reference.isDynamic { references.byValue = true } else { references.names.insert(reference.name) }
        }
        for node in nodes {
            switch node.kind {
            case .partial(let reference, _):
                add(reference)
            case .parent(let reference, let overrides, _):
                add(reference)
                for definition in overrides { collectReferences(in: definition.children, into: &references) }
            case .section(let section):
                collectReferences(in: section.children, into: &references)
            case .invertedSection(_, let children):
                collectReferences(in: children, into: &references)
            case .block(let block):
                collectReferences(in: block.defaultChildren, into: &references)
            case .text, .variable:
                break
            }
        }
    }
}
