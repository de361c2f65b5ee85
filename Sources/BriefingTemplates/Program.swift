/// A linked template flattened into one array of instructions whose operands are integers and
/// ranges: rendering walks it without copying node payloads, which cost a reference count for
/// each string and array they hold. A section's, block's or block definition's content is the run
/// of instructions after it, up to its `end`; static text is a range of `bytes`.
struct Program: Sendable {
    enum Instruction: Sendable {
        case text(Range<Int>)
        /// A name in `names`.
        case variable(Int, escaped: Bool)
        /// A section in `sections`.
        case section(Int, end: Int)
        /// A name in `names`.
        case invertedSection(Int, end: Int)
        /// A call in `calls`.
        case partial(Int)
        /// A call in `calls`, followed by its block definitions' contents.
        case parent(Int, end: Int)
        /// A block site in `blocks`.
        case block(Int, end: Int)
    }

    struct SectionInfo: Sendable {
        /// In `names`.
        let name: Int
        /// Where the unrendered source between the tags lies in the template's UTF-8, for a section lambda.
        let sourceRange: Range<Int>
        /// The delimiters in force at the opening tag; a section lambda's result is parsed with them.
        let delimiters: Delimiters
    }

    /// A partial or parent tag.
    struct Call: Sendable {
        let reference: PartialReference
        /// In `bytes`.
        let indentation: Range<Int>
        /// A parent's block definitions, in `definitions`.
        let overrides: Range<Int>
    }

    struct Definition: Sendable {
        let name: String
        let content: Range<Int>
    }

    struct BlockSite: Sendable {
        let name: String
        /// In `bytes`: prepended to every line of whichever content fills the block.
        let indentation: Range<Int>
        let isStandalone: Bool
        /// In `bytes`: the line break the parser removed after a standalone block.
        let lineBreak: Range<Int>
    }

    private(set) var instructions: [Instruction] = []
    /// Where each instruction's tag starts, for errors.
    private(set) var locations: [TemplatePosition] = []
    private(set) var bytes: [UInt8] = []
    private(set) var names: [VariableName] = []
    private(set) var sections: [SectionInfo] = []
    private(set) var calls: [Call] = []
    private(set) var definitions: [Definition] = []
    private(set) var blocks: [BlockSite] = []

    init(_ nodes: [Node]) {
        append(nodes)
    }

    private mutating func append(_ nodes: [Node]) {
        for node in nodes {
            let start = instructions.count
            instructions.append(.text(0..<0))
            locations.append(node.location)
            switch node.kind {
            case .text(let text):
                instructions[start] = .text(store(text.string))
            case .variable(let name, let escaped):
                instructions[start] = .variable(store(name), escaped: escaped)
            case .section(let section):
                sections.append(SectionInfo(name: store(section.name), sourceRange: section.sourceRange, delimiters: section.delimiters))
                let index = sections.count - 1
                append(section.children)
                instructions[start] = .section(index, end: instructions.count)
            case .invertedSection(let name, let children):
                let index = store(name)
                append(children)
                instructions[start] = .invertedSection(index, end: instructions.count)
            case .partial(let reference, let indentation):
                calls.append(Call(reference: reference, indentation: store(indentation), overrides: 0..<0))
                instructions[start] = .partial(calls.count - 1)
            case .parent(let reference, let overrides, let indentation):
                var contents: [Definition] = []
                for definition in overrides {
                    let first = instructions.count
                    append(definition.children)
                    contents.append(Definition(name: definition.name, content: first..<instructions.count))
                }
                // After the contents, which may hold parents of their own.
                let first = definitions.count
                definitions += contents
                calls.append(Call(reference: reference, indentation: store(indentation), overrides: first..<definitions.count))
                instructions[start] = .parent(calls.count - 1, end: instructions.count)
            case .block(let block):
                blocks.append(BlockSite(
                    name: block.name, indentation: store(block.indentation), isStandalone: block.isStandalone,
                    lineBreak: store(block.lineBreak)
                ))
                let index = blocks.count - 1
                append(block.defaultChildren)
                instructions[start] = .block(index, end: instructions.count)
            }
        }
    }

    private mutating func store(_ text: String) -> Range<Int> {
        let start = bytes.count
        bytes += text.utf8
        return start..<bytes.count
    }

    private mutating func store(_ name: VariableName) -> Int {
        names.append(name)
        return names.count - 1
    }
}
