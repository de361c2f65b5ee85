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

    let instructions: [Instruction]
    /// Where each instruction's tag starts, for errors.
    let locations: [TemplatePosition]
    /// The static text and the names, read by address while rendering (see `Storage`).
    let storage: Storage
    let sections: [SectionInfo]
    let calls: [Call]
    let definitions: [Definition]
    let blocks: [BlockSite]

    init(_ nodes: [Node]) {
        var builder = Builder()
        builder.append(nodes)
        instructions = builder.instructions
        locations = builder.locations
        sections = builder.sections
        calls = builder.calls
        definitions = builder.definitions
        blocks = builder.blocks
        storage = Storage(bytes: builder.bytes, names: builder.names)
    }

    /// Memory of the program's own for the parts a render reads at every tag. Read out of an array, each
    /// static text and each lookup retained and released the array, an atomic add on a cache line that
    /// renders on the other cores add to as well, for every program is shared by all of them.
    final class Storage: @unchecked Sendable {
        // Sendable: written once in `init`, then only read.
        let bytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<VariableName>

        init(bytes: [UInt8], names: [VariableName]) {
            let ownBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = ownBytes.initialize(from: bytes)
            let ownNames = UnsafeMutableBufferPointer<VariableName>.allocate(capacity: names.count)
            _ = ownNames.initialize(from: names)
            self.bytes = UnsafeBufferPointer(ownBytes)
            self.names = UnsafeBufferPointer(ownNames)
        }

        deinit {
            UnsafeMutableBufferPointer(mutating: names).deinitialize()
            UnsafeMutableBufferPointer(mutating: names).deallocate()
            UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        }
    }
}

/// Flattens nodes into a program's parts.
private struct Builder {
    var instructions: [Program.Instruction] = []
    var locations: [TemplatePosition] = []
    var bytes: [UInt8] = []
    var names: [VariableName] = []
    var sections: [Program.SectionInfo] = []
    var calls: [Program.Call] = []
    var definitions: [Program.Definition] = []
    var blocks: [Program.BlockSite] = []

    mutating func append(_ nodes: [Node]) {
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
                sections.append(Program.SectionInfo(name: store(section.name), sourceRange: section.sourceRange, delimiters: section.delimiters))
                let index = sections.count - 1
                append(section.children)
                instructions[start] = .section(index, end: instructions.count)
            case .invertedSection(let name, let children):
                let index = store(name)
                append(children)
                instructions[start] = .invertedSection(index, end: instructions.count)
            case .partial(let reference, let indentation):
                calls.append(Program.Call(reference: reference, indentation: store(indentation), overrides: 0..<0))
                instructions[start] = .partial(calls.count - 1)
            case .parent(let reference, let overrides, let indentation):
                var contents: [Program.Definition] = []
                for definition in overrides {
                    let first = instructions.count
                    append(definition.children)
                    contents.append(Program.Definition(name: definition.name, content: first..<instructions.count))
                }
                // After the contents, which may hold parents of their own.
                let first = definitions.count
                definitions += contents
                calls.append(Program.Call(reference: reference, indentation: store(indentation), overrides: first..<definitions.count))
                instructions[start] = .parent(calls.count - 1, end: instructions.count)
            case .block(let block):
                blocks.append(Program.BlockSite(
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
