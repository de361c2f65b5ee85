/// Renders linked nodes into one growing buffer of UTF-8 bytes.
///
/// Everything written comes from a valid `String` (template text, values, entities), so the bytes
/// are valid UTF-8 as they are; a page goes to its file and its hash as bytes, without the
/// bookkeeping (capacity, ASCII flag, count) that appending to a `String` does on every write.
///
/// The context stack, the indentation and the block overrides in force are plain arrays that
/// grow and shrink as sections, partials and parents are entered and left, so a lookup or a
/// section allocates nothing.
struct TemplateRenderer {
    /// A block's content as a parent tag gave it, with the template it was written in.
    private struct BlockOverride {
        let name: String
        let children: [Node]
        let file: Int
    }

    private let library: TemplateLibrary
    private let strict: Bool
    private var output: [UInt8] = []
    private var stack: [TemplateValue]
    /// Written before each line of static text while inside indented partials and blocks.
    private var indentation = ""
    private var atLineStart = true
    /// Outermost first: the first definition of a name wins.
    private var overrides: [BlockOverride] = []
    private var depth = 0
    /// Templates parsed from lambda results; file numbers past the library's entries.
    private var lambdaSources: [TemplateSource] = []

    init(library: TemplateLibrary, strict: Bool, context: TemplateValue, capacity: Int) {
        self.library = library
        self.strict = strict
        self.stack = [context]
        self.stack.reserveCapacity(16)
        self.output.reserveCapacity(capacity)
    }

    func finish() -> [UInt8] {
        output
    }

    /// Renders `nodes` of the template numbered `file` (a library slot, or a lambda result).
    mutating func render(_ nodes: [Node], file: Int) throws(TemplateError) {
        for node in nodes {
            switch node.kind {
            case .text(let text):
                writeStatic(text)
            case .variable(let name, let escaped):
                try interpolate(name, escaped: escaped, at: node.location, file: file)
            case .section(let section):
                try renderSection(section, at: node.location, file: file)
            case .invertedSection(let name, let children):
                if lookup(name)?.isFalsy ?? true {
                    try render(children, file: file)
                }
            case .partial(let reference, let indentation):
                let slot = try resolve(reference, isParent: false, at: node.location, file: file)
                guard let slot else { continue }
                try renderPartial(slot, indentation: indentation, at: node.location, file: file)
            case .parent(let reference, let definitions, let indentation):
                let slot = try resolve(reference, isParent: true, at: node.location, file: file)
                guard let slot else { continue }
                let mark = overrides.count
                for definition in definitions {
                    overrides.append(BlockOverride(name: definition.name, children: definition.children, file: file))
                }
                try renderPartial(slot, indentation: indentation, at: node.location, file: file)
                overrides.removeSubrange(mark...)
            case .block(let block):
                try renderBlock(block, file: file)
            }
        }
    }

    // MARK: Tags

    private mutating func interpolate(_ name: VariableName, escaped: Bool, at location: TemplatePosition, file: Int)
        throws(TemplateError)
    {
        guard let value = lookup(name) else {
            if strict { throw source(of: file).error(.unknownVariable(name.text), at: location) }
            return
        }
        switch value {
        case .null, .list, .map:
            return
        case .string(let text):
            guard !text.isEmpty else { return }
            startValue()
            if escaped { writeEscaped(text) } else { writeRaw(text) }
        case .html(let html):
            guard !html.isEmpty else { return }
            startValue()
            writeRaw(html)
        case .int(let number):
            startValue()
            writeRaw(String(number))
        case .double(let number):
            startValue()
            writeRaw(Self.format(number))
        case .bool(let flag):
            startValue()
            writeRaw(flag ? "true" : "false")
        case .lambda(let lambda):
            let rendered = try renderLambdaResult(
                lambda.body(nil), named: name, delimiters: .standard, at: location, file: file)
            guard !rendered.isEmpty else { return }
            startValue()
            if escaped { writeEscaped(rendered) } else { writeRaw(rendered) }
        }
    }

    private mutating func renderSection(_ section: Section, at location: TemplatePosition, file: Int)
        throws(TemplateError)
    {
        guard let value = lookup(section.name) else { return }
        switch value {
        case .list(let items):
            for item in items {
                stack.append(item)
                try render(section.children, file: file)
                stack.removeLast()
            }
        case .lambda(let lambda):
            let text = lambda.body(section.sourceText)
            let rendered = try renderLambdaResult(
                text, named: section.name, delimiters: section.delimiters, at: location, file: file)
            guard !rendered.isEmpty else { return }
            startValue()
            writeRaw(rendered)
        default:
            guard !value.isFalsy else { return }
            stack.append(value)
            try render(section.children, file: file)
            stack.removeLast()
        }
    }

    private mutating func renderPartial(_ slot: Int, indentation extra: String, at location: TemplatePosition, file: Int)
        throws(TemplateError)
    {
        guard depth < library.recursionLimit else {
            throw source(of: file).error(.recursionTooDeep(limit: library.recursionLimit), at: location)
        }
        depth += 1
        let saved = indentation
        if !extra.isEmpty {
            indentation += extra
            atLineStart = true
        }
        try render(library.entries[slot].nodes, file: slot)
        indentation = saved
        depth -= 1
    }

    private mutating func renderBlock(_ block: Block, file: Int) throws(TemplateError) {
        var children = block.defaultChildren
        var childFile = file
        if let override = overrides.first(where: { $0.name == block.name }) {
            children = override.children
            childFile = override.file
        }
        let saved = indentation
        let start = output.count
        if !block.indentation.isEmpty {
            indentation += block.indentation
            // An inline block's first line follows the whitespace already written before it.
            atLineStart = block.isStandalone
        }
        try render(children, file: childFile)
        indentation = saved
        if !block.lineBreak.isEmpty, output.count > start, output.last != .newline {
            writeStatic(Text(string: block.lineBreak, startsLine: false))
        }
    }

    /// The template library slot for a partial or parent tag; nil renders nothing.
    private func resolve(
        _ reference: PartialReference,
        isParent: Bool,
        at location: TemplatePosition,
        file: Int
    ) throws(TemplateError) -> Int? {
        if let slot = reference.slot { return slot }
        var name = reference.name
        if let variable = reference.variable {
            guard let value = lookup(variable) else {
                if strict { throw source(of: file).error(.unknownVariable(variable.text), at: location) }
                return nil
            }
            guard case .string(let dynamicName) = value else { return nil }
            name = dynamicName
        }
        if let slot = library.slots[name] { return slot }
        if library.missingPartials == .fail {
            throw source(of: file).error(isParent ? .unknownParent(name) : .unknownPartial(name), at: location)
        }
        return nil
    }

    /// Parses a lambda's result as a template and renders it against the current context.
    private mutating func renderLambdaResult(
        _ text: String,
        named name: VariableName,
        delimiters: Delimiters,
        at location: TemplatePosition,
        file: Int
    ) throws(TemplateError) -> String {
        guard depth < library.recursionLimit else {
            throw source(of: file).error(.recursionTooDeep(limit: library.recursionLimit), at: location)
        }
        let caller = source(of: file)
        let label = " (lambda '\(name.text)' at \(location))"
        let template = try Template(
            source: text, name: caller.name + label, path: caller.path + label, delimiters: delimiters)
        lambdaSources.append(template.source)
        let lambdaFile = library.entries.count + lambdaSources.count - 1

        let savedOutput = output
        let savedIndentation = indentation
        output = []
        indentation = ""
        depth += 1
        try render(template.nodes, file: lambdaFile)
        depth -= 1
        let rendered = String(decoding: output, as: UTF8.self)
        output = savedOutput
        indentation = savedIndentation
        return rendered
    }

    // MARK: Lookup

    /// The value a name resolves to, or nil when some part of it names no key.
    ///
    /// The first part is looked up from the top of the context stack down; the other parts only
    /// in the value found, as the spec asks.
    private func lookup(_ name: VariableName) -> TemplateValue? {
        let components = name.components
        guard let first = components.first else { return stack[stack.count - 1] }
        var index = stack.count - 1
        while index >= 0 {
            if case .map(let entries) = stack[index], let found = entries[first] {
                var value = found
                var part = 1
                while part < components.count {
                    guard case .map(let inner) = value, let next = inner[components[part]] else { return nil }
                    value = next
                    part += 1
                }
                return value
            }
            index -= 1
        }
        return nil
    }

    private func source(of file: Int) -> TemplateSource {
        file < library.entries.count ? library.entries[file].source : lambdaSources[file - library.entries.count]
    }

    // MARK: Output

    /// Template text: indented after each line break while inside an indented partial or block.
    private mutating func writeStatic(_ text: Text) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: text.string.utf8)
            return
        }
        for line in text.lines {
            if atLineStart { output.append(contentsOf: indentation.utf8) }
            output.append(contentsOf: line.utf8)
            atLineStart = line.utf8.last == .newline
        }
    }

    /// Before an interpolated value: indent it if it starts a line, but never its own lines.
    private mutating func startValue() {
        if atLineStart, !indentation.isEmpty {
            output.append(contentsOf: indentation.utf8)
        }
        atLineStart = false
    }

    private mutating func writeRaw(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func writeEscaped(_ text: String) {
        HTMLEscape.append(text, to: &output)
    }

    /// Whole numbers print without a fraction (`3`, not `3.0`); others in Swift's shortest form.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int(number))
        }
        return String(number)
    }
}
