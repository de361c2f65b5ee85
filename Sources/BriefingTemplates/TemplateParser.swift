/// Builds the node tree from the tokenizer's tokens: matches sections with their closing tags,
/// gathers a parent tag's block definitions, and re-indents standalone blocks.
struct TemplateParser {
    private typealias Tag = TemplateTokenizer.Tag

    /// An opened section, inverted section, parent or block, collecting its children.
    private struct Frame {
        let tag: Tag?
        var children: [Node] = []
        var overrides: [BlockDefinition] = []

        var isParent: Bool { tag?.sigil == .parent }
    }

    static func parse(_ source: TemplateSource, delimiters: Delimiters = .standard) throws(TemplateError) -> [Node] {
        let bytes = Array(source.text.utf8)
        var tokenizer = TemplateTokenizer(bytes: bytes, source: source, delimiters: delimiters)
        let tokens = try tokenizer.tokenize()
        var parser = TemplateParser(bytes: bytes, source: source)
        return try parser.build(tokens)
    }

    /// How deep sections, inverted sections, parents and blocks may nest. Every later pass over the
    /// tree (linking, flattening, rendering) recurses once per level: 10,000 levels overflowed the stack.
    static let nestingLimit = 100

    private let bytes: [UInt8]
    private let source: TemplateSource
    private var frames: [Frame] = [Frame(tag: nil)]

    private init(bytes: [UInt8], source: TemplateSource) {
        self.bytes = bytes
        self.source = source
    }

    private mutating func build(_ tokens: [TemplateTokenizer.Token]) throws(TemplateError) -> [Node] {
        for token in tokens {
            switch token {
            case .text(let range, let startsLine, let location):
                appendText(bytes[range], startsLine: startsLine, location: location)
            case .tag(let tag):
                try add(tag)
            }
        }
        if let unclosed = frames.last?.tag {
            throw source.error(.unclosedSection(unclosed.spelledName), at: unclosed.location)
        }
        return frames[0].children
    }

    private mutating func appendText(_ text: ArraySlice<UInt8>, startsLine: Bool, location: TemplatePosition) {
        // Text inside a parent tag, between its blocks, is ignored.
        guard !frames[frames.count - 1].isParent else { return }
        let string = String(decoding: text, as: UTF8.self)
        if let last = frames[frames.count - 1].children.last, case .text(var previous) = last.kind {
            previous.string += string
            frames[frames.count - 1].children[frames[frames.count - 1].children.count - 1].kind = .text(previous)
        } else {
            frames[frames.count - 1].children.append(
                Node(kind: .text(Text(string: string, startsLine: startsLine)), location: location))
        }
    }

    private mutating func add(_ tag: Tag) throws(TemplateError) {
        let insideParent = frames[frames.count - 1].isParent
        switch tag.sigil {
        case .comment, .delimiters:
            return
        case .close:
            try close(with: tag)
            return
        case .block:
            try open(tag)
            return
        default:
            break
        }
        guard !insideParent else {
            let text = String(decoding: bytes[tag.range], as: UTF8.self)
            throw source.error(.unexpectedTagInParent(text), at: tag.location)
        }
        switch tag.sigil {
        case .variable, .unescaped:
            append(
                Node(kind: .variable(VariableName(tag.name), escaped: tag.sigil == .variable), location: tag.location))
        case .partial:
            let indentation = tag.isStandalone ? Self.string(tag.indentation) : ""
            append(Node(kind: .partial(reference(to: tag), indentation: indentation), location: tag.location))
        case .section, .inverted, .parent:
            try open(tag)
        case .comment, .delimiters, .close, .block:
            break
        }
    }

    private mutating func open(_ tag: Tag) throws(TemplateError) {
        // The first frame is the template itself.
        guard frames.count <= Self.nestingLimit else {
            throw source.error(.nestedTooDeep(limit: Self.nestingLimit), at: tag.location)
        }
        frames.append(Frame(tag: tag))
    }

    private mutating func close(with closing: Tag) throws(TemplateError) {
        guard let open = frames.last?.tag else {
            throw source.error(.unexpectedClosingTag(closing.name), at: closing.location)
        }
        guard closing.name == open.name || closing.name == open.spelledName else {
            throw source.error(
                .mismatchedClosingTag(expected: open.spelledName, found: closing.name), at: closing.location)
        }
        let frame = frames.removeLast()
        switch open.sigil {
        case .section:
            let section = Section(
                name: VariableName(open.name),
                children: frame.children,
                sourceRange: open.range.upperBound..<closing.range.lowerBound,
                delimiters: open.delimiters
            )
            append(Node(kind: .section(section), location: open.location))
        case .inverted:
            append(Node(kind: .invertedSection(VariableName(open.name), frame.children), location: open.location))
        case .parent:
            let indentation = open.isStandalone ? Self.string(open.indentation) : ""
            let parent = Node.Kind.parent(reference(to: open), overrides: frame.overrides, indentation: indentation)
            append(Node(kind: parent, location: open.location))
        case .block:
            closeBlock(open, children: frame.children)
        default:
            break
        }
    }

    /// Block indentation is removed where the block is written and added where it is expanded.
    /// A standalone block's indentation is that of its first line (of its opening tag when
    /// empty); an inline block's is the whitespace before its opening tag, and applies to the
    /// lines after the first. Content loses it at every line start; an expansion site puts its
    /// own indentation back on whatever fills it.
    private mutating func closeBlock(_ open: Tag, children: [Node]) {
        let indentation = Self.string(
            open.isStandalone ? (children.isEmpty ? open.indentation : open.nextLineIndentation) : open.indentation)
        let content = Self.dedent(children, by: indentation)
        if frames[frames.count - 1].isParent {
            frames[frames.count - 1].overrides.append(BlockDefinition(name: open.name, children: content))
        } else {
            let block = Block(
                name: open.name,
                defaultChildren: content,
                indentation: indentation,
                isStandalone: open.isStandalone,
                lineBreak: Self.string(open.lineBreak)
            )
            append(Node(kind: .block(block), location: open.location))
        }
    }

    private mutating func append(_ node: Node) {
        frames[frames.count - 1].children.append(node)
    }

    private static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private func reference(to tag: Tag) -> PartialReference {
        PartialReference(name: tag.name, isDynamic: tag.isDynamic)
    }

    // MARK: Re-indentation

    static func dedent(_ nodes: [Node], by prefix: String) -> [Node] {
        guard !prefix.isEmpty else { return nodes }
        return nodes.map { node in
            var node = node
            switch node.kind {
            case .text(var text):
                text.string = stripLineStarts(text.string, startsLine: text.startsLine, prefix: prefix)
                node.kind = .text(text)
            case .partial(let reference, let indentation):
                node.kind = .partial(reference, indentation: strip(prefix, from: indentation))
            case .parent(let reference, let overrides, let indentation):
                node.kind = .parent(reference, overrides: overrides, indentation: strip(prefix, from: indentation))
            case .section(var section):
                section.children = dedent(section.children, by: prefix)
                node.kind = .section(section)
            case .invertedSection(let name, let children):
                node.kind = .invertedSection(name, dedent(children, by: prefix))
            case .block(var block):
                // A block with an indentation of its own already holds content relative to it.
                if block.isStandalone || !block.indentation.isEmpty {
                    block.indentation = strip(prefix, from: block.indentation)
                } else {
                    block.defaultChildren = dedent(block.defaultChildren, by: prefix)
                }
                node.kind = .block(block)
            case .variable:
                break
            }
            return node
        }
    }

    private static func stripLineStarts(_ text: String, startsLine: Bool, prefix: String) -> String {
        let bytes = Array(text.utf8)
        let prefix = Array(prefix.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        var atLineStart = startsLine
        while index < bytes.count {
            if atLineStart {
                var matched = 0
                while matched < prefix.count, index + matched < bytes.count, bytes[index + matched] == prefix[matched] {
                    matched += 1
                }
                index += matched
                atLineStart = false
                continue
            }
            result.append(bytes[index])
            atLineStart = bytes[index] == .newline
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `indentation` without as much of `prefix` as it starts with.
    private static func strip(_ prefix: String, from indentation: String) -> String {
        let matched = zip(prefix.utf8, indentation.utf8).prefix { $0 == $1 }.count
        return String(decoding: indentation.utf8.dropFirst(matched), as: UTF8.self)
    }
}
