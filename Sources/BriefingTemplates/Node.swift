/// One piece of a parsed template. Every node keeps where it starts, so a render-time error
/// (an unknown variable in strict mode, a partial nested too deep) points at the template line.
struct Node: Sendable {
    /// Boxed, so that walking a node list copies one reference per node, not a whole payload.
    indirect enum Kind: Sendable {
        case text(Text)
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (unescaped).
        case variable(VariableName, escaped: Bool)
        case section(Section)
        case invertedSection(VariableName, [Node])
        /// `{{>name}}` or `{{>*name}}`; `indentation` is set when the tag stands alone on its line.
        case partial(PartialReference, indentation: String)
        /// `{{<name}}…{{/name}}`: the blocks it overrides, outermost definition winning.
        case parent(PartialReference, overrides: [BlockDefinition], indentation: String)
        /// `{{$name}}default{{/name}}` outside a parent tag: a place a parent's child may fill.
        case block(Block)
    }

    var kind: Kind
    let location: TemplatePosition
}

/// Static template text.
struct Text: Sendable {
    var string: String
    /// Whether the text starts a source line; used to re-indent blocks while parsing.
    var startsLine: Bool
}

/// A name as written in a tag, split once at parse time into its dotted parts.
struct VariableName: Sendable, Equatable, CustomStringConvertible {
    /// `["page", "title"]` for `page.title`; empty for the implicit iterator `.`.
    let components: [String]
    /// Each component's `TemplateMap.hash`, made once for every lookup of the name.
    let hashes: [UInt64]
    let text: String

    init(_ text: String) {
        self.text = text
        self.components =
            text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.hashes = components.map(TemplateMap.hash)
    }

    var isImplicitIterator: Bool { components.isEmpty }
    var description: String { text }
}

struct Section: Sendable {
    let name: VariableName
    var children: [Node]
    /// Where the unrendered source between the tags lies in the template's UTF-8, handed to a section
    /// lambda. A range, not a copy: nested sections would each copy the text of those inside them.
    let sourceRange: Range<Int>
    /// The delimiters in force at the opening tag; a section lambda's result is parsed with them.
    let delimiters: Delimiters
}

/// The template a partial or parent tag names: fixed (linked to a library slot when the library
/// is built) or dynamic (`{{>*name}}`, the template name is looked up in the context).
struct PartialReference: Sendable, Equatable {
    let name: String
    /// For `{{>*name}}`: the context name whose value names the template.
    let variable: VariableName?
    /// The library slot of a static name; nil until linked, and when the library lets it be missing.
    var slot: Int?

    init(name: String, isDynamic: Bool) {
        self.name = name
        self.variable = isDynamic ? VariableName(name) : nil
    }

    var isDynamic: Bool { variable != nil }
}

/// A block's content as given inside a parent tag.
struct BlockDefinition: Sendable {
    let name: String
    var children: [Node]
}

/// A block expansion site.
struct Block: Sendable {
    let name: String
    var defaultChildren: [Node]
    /// Prepended to every line of whichever content fills the block; to the lines after the
    /// first when the block is inline (only whitespace before it on its line).
    var indentation: String
    let isStandalone: Bool
    /// A block opened and closed on one line of its own (`  {{$body}}{{/body}}`): the line break
    /// the parser removed, put back after content that does not end with one.
    let lineBreak: String
}

struct Delimiters: Sendable, Equatable {
    var open: [UInt8]
    var close: [UInt8]

    static let standard = Delimiters(open: Array("{{".utf8), close: Array("}}".utf8))
}
