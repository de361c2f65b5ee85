/// Runs linked programs (see `Program`), writing into one growing buffer of UTF-8 bytes.
///
/// Everything written comes from a valid `String` (template text, values, entities), so the bytes
/// are valid UTF-8 as they are; a page goes to its file and its hash as bytes, without the
/// bookkeeping (capacity, ASCII flag, count) that appending to a `String` does on every write.
///
/// The context stack (see `ContextStack`), the indentation and the block overrides in force are plain
/// arrays that grow and shrink as sections, partials and parents are entered and left, so a lookup or
/// a section allocates nothing.
struct TemplateRenderer {
    /// A block's content as a parent tag gave it: a definition of the program numbered `file`.
    private struct BlockOverride {
        let file: Int
        let definition: Int
    }

    private let library: TemplateLibrary
    private let strict: Bool
    /// How numbers are written; ASCII when nil.
    private let numbers: NumberStyle?
    private var output: [UInt8] = []
    /// The library's programs, then those parsed from lambda results.
    private var programs: [Program]
    /// Each program's static text and names, where its `Storage` keeps them (alive as long as `programs`):
    /// read through the storage object, every read retained it.
    private var texts: [UnsafeBufferPointer<UInt8>]
    private var names: [UnsafeBufferPointer<VariableName>]
    private var stack: ContextStack
    /// Written before each line of static text while inside indented partials and blocks.
    private var indentation: [UInt8] = []
    private var atLineStart = true
    /// Outermost first: the first definition of a name wins.
    private var overrides: [BlockOverride] = []
    private var depth = 0
    /// Sections, blocks and partials entered and not yet left: each is a level of this renderer's
    /// recursion, on a thread whose stack may be 512 KB.
    private var nesting = 0
    /// Deeper than any page needs (a layout, its partials and their sections rarely pass 30) and far
    /// from the stack's end: 100 partials of 100 nested sections each overflowed it.
    static let nestingLimit = 200
    /// Work done so far: each instruction run costs the context frames its lookup may search, each
    /// block the overrides it compares. Sections nested over lists multiply (three items nested 30 deep
    /// are 3^30 renders) below any depth limit; the busiest page of a 10,000-page site costs about
    /// 110,000, and an input that costs more than the library's default limit (10 million) would run
    /// for hours.
    private var work = 0
    /// The sources of lambda results' templates; file numbers past the library's entries.
    private var lambdaSources: [TemplateSource] = []

    init(library: TemplateLibrary, strict: Bool, numbers: NumberStyle?, context: UnsafePointer<TemplateValue>, capacity: Int) {
        self.library = library
        self.strict = strict
        self.numbers = numbers
        self.programs = library.programs
        self.texts = library.programs.map(\.storage.bytes)
        self.names = library.programs.map(\.storage.names)
        self.stack = ContextStack(context)
        self.output.reserveCapacity(capacity)
    }

    func finish() -> [UInt8] {
        output
    }

    /// Renders the whole program numbered `file` (a library slot, or a lambda result).
    mutating func render(file: Int) throws(TemplateError) {
        try render(file, 0..<programs[file].instructions.count)
    }

    /// Renders the instructions in `range` of the program numbered `file`.
    private mutating func render(_ file: Int, _ range: Range<Int>) throws(TemplateError) {
        var index = range.lowerBound
        while index < range.upperBound {
            try charge(stack.depth, at: index, of: file)
            switch programs[file].instructions[index] {
            case .text(let bytes):
                try writeStatic(bytes, at: index, of: file)
                index += 1
            case .variable(let name, let escaped):
                try interpolate(name, escaped: escaped, at: index, of: file)
                index += 1
            case .section(let section, let end):
                try renderSection(section, content: index + 1..<end, at: index, of: file)
                index = end
            case .invertedSection(let name, let end):
                if lookup(name, of: file)?.pointee.isFalsy ?? true {
                    try renderNested(file, index + 1..<end, openedAt: index, in: file)
                }
                index = end
            case .partial(let call):
                if let slot = try resolve(call, isParent: false, at: index, of: file) {
                    try renderPartial(slot, indentation: programs[file].calls[call].indentation, from: file, at: index)
                }
                index += 1
            case .parent(let call, let end):
                if let slot = try resolve(call, isParent: true, at: index, of: file) {
                    let mark = overrides.count
                    for definition in programs[file].calls[call].overrides {
                        overrides.append(BlockOverride(file: file, definition: definition))
                    }
                    try renderPartial(slot, indentation: programs[file].calls[call].indentation, from: file, at: index)
                    overrides.removeSubrange(mark...)
                }
                index = end
            case .block(let block, let end):
                try renderBlock(block, defaultContent: index + 1..<end, at: index, of: file)
                index = end
            }
        }
    }

    // MARK: Tags

    private mutating func interpolate(_ name: Int, escaped: Bool, at index: Int, of file: Int) throws(TemplateError) {
        guard let value = lookup(name, of: file) else {
            if strict { throw error(.unknownVariable(names[file][name].text), at: index, of: file) }
            return
        }
        if let (bytes, isHTML) = TemplateValue.storedText(at: value) {
            guard !bytes.isEmpty else { return }
            startValue()
            if escaped, !isHTML { HTMLEscape.append(bytes, to: &output) } else { output += bytes }
            return
        }
        switch value.pointee {
        case .null:
            return
        case .list, .map:
            // A theme's typo in strict mode (`{{page.tags}}` for the tags' names): an error, not a blank.
            guard strict else { return }
            // A map's hint names one of its own keys (`page.date.iso`), not one it may lack.
            let key: String? = if case .map(let entries) = value.pointee { entries.keys.first } else { nil }
            let isList = if case .list = value.pointee { true } else { false }
            throw error(.notText(names[file][name].text, isList: isList, mapKey: key), at: index, of: file)
        case .string(let text):
            guard !text.isEmpty else { return }
            startValue()
            if escaped { writeEscaped(text) } else { writeRaw(text) }
        case .html(let html):
            guard !html.isEmpty else { return }
            startValue()
            writeRaw(html)
        case .htmlBytes(let html):
            guard !html.isEmpty else { return }
            startValue()
            output += html
        case .int(let number):
            startValue()
            writeNumber(String(number), escaped: escaped)
        case .double(let number):
            startValue()
            writeNumber(Self.format(number), escaped: escaped)
        case .bool(let flag):
            startValue()
            writeRaw(flag ? "true" : "false")
        case .lambda(let lambda):
            let rendered = try renderLambdaResult(
                lambda.body(nil), named: names[file][name], delimiters: .standard, at: index, of: file)
            guard !rendered.isEmpty else { return }
            startValue()
            if escaped { writeEscaped(rendered) } else { writeRaw(rendered) }
        }
    }

    private mutating func renderSection(_ section: Int, content: Range<Int>, at index: Int, of file: Int)
        throws(TemplateError)
    {
        let name = programs[file].sections[section].name
        guard let value = lookup(name, of: file) else { return }
        switch value.pointee {
        case .list(let items):
            try items.withUnsafeBufferPointer { (items: UnsafeBufferPointer<TemplateValue>) throws(TemplateError) in
                for item in items.indices {
                    stack.push(items.baseAddress! + item)
                    try renderNested(file, content, openedAt: index, in: file)
                    stack.pop()
                }
            }
        case .lambda(let lambda):
            let info = programs[file].sections[section]
            let text = source(of: file).text.utf8
            let start = text.index(text.startIndex, offsetBy: info.sourceRange.lowerBound)
            let sourceText = String(decoding: text[start..<text.index(start, offsetBy: info.sourceRange.count)], as: UTF8.self)
            let rendered = try renderLambdaResult(
                lambda.body(sourceText), named: names[file][info.name], delimiters: info.delimiters,
                at: index, of: file)
            guard !rendered.isEmpty else { return }
            startValue()
            writeRaw(rendered)
        default:
            guard !value.pointee.isFalsy else { return }
            stack.push(value)
            try renderNested(file, content, openedAt: index, in: file)
            stack.pop()
        }
    }

    /// Renders the template in library slot `slot` for a partial or parent tag of `file`, with the
    /// tag's indentation (in `file`'s bytes) added to the one in force.
    private mutating func renderPartial(_ slot: Int, indentation extra: Range<Int>, from file: Int, at index: Int)
        throws(TemplateError)
    {
        guard depth < library.recursionLimit else {
            throw error(.recursionTooDeep(limit: library.recursionLimit), at: index, of: file)
        }
        depth += 1
        let saved = indentation.count
        if !extra.isEmpty {
            indentation += UnsafeBufferPointer(rebasing: texts[file][extra])
            atLineStart = true
        }
        try renderNested(slot, 0..<programs[slot].instructions.count, openedAt: index, in: file)
        indentation.removeSubrange(saved...)
        depth -= 1
    }

    private mutating func renderBlock(_ block: Int, defaultContent: Range<Int>, at index: Int, of file: Int) throws(TemplateError) {
        try charge(overrides.count, at: index, of: file)
        var content = defaultContent
        var contentFile = file
        if let override = overrides.first(where: { programs[$0.file].definitions[$0.definition].name == programs[file].blocks[block].name }) {
            content = programs[override.file].definitions[override.definition].content
            contentFile = override.file
        }
        let site = programs[file].blocks[block]
        let saved = indentation.count
        let start = output.count
        if !site.indentation.isEmpty {
            indentation += UnsafeBufferPointer(rebasing: texts[file][site.indentation])
            // An inline block's first line follows the whitespace already written before it.
            atLineStart = site.isStandalone
        }
        try renderNested(contentFile, content, openedAt: index, in: file)
        indentation.removeSubrange(saved...)
        if !site.lineBreak.isEmpty, output.count > start, output.last != .newline {
            try writeStatic(site.lineBreak, at: index, of: file)
        }
    }

    private mutating func charge(_ units: Int, at index: Int, of file: Int) throws(TemplateError) {
        work += units
        guard work <= library.workLimit, output.count <= library.outputLimit else {
            throw error(.renderedTooMuch(work: library.workLimit, megabytes: library.outputLimit >> 20), at: index, of: file)
        }
    }

    /// Renders `range` of the program numbered `file` one level deeper than the tag at `index` of `caller`.
    private mutating func renderNested(_ file: Int, _ range: Range<Int>, openedAt index: Int, in caller: Int) throws(TemplateError) {
        guard nesting < Self.nestingLimit else {
            throw error(.renderedTooDeep(limit: Self.nestingLimit), at: index, of: caller)
        }
        nesting += 1
        try render(file, range)
        nesting -= 1
    }

    /// The template library slot for a partial or parent tag; nil renders nothing.
    private func resolve(_ call: Int, isParent: Bool, at index: Int, of file: Int) throws(TemplateError) -> Int? {
        let reference = programs[file].calls[call].reference
        if let slot = reference.slot { return slot }
        var name = reference.name
        if let variable = reference.variable {
            guard let value = stack.lookup(variable) else {
                if strict { throw error(.unknownVariable(variable.text), at: index, of: file) }
                return nil
            }
            guard case .string(let dynamicName) = value.pointee else { return nil }
            name = dynamicName
        }
        if let slot = library.slots[name] { return slot }
        if library.missingPartials == .fail {
            throw error(isParent ? .unknownParent(name) : .unknownPartial(name), at: index, of: file)
        }
        return nil
    }

    /// Parses a lambda's result as a template and renders it against the current context.
    private mutating func renderLambdaResult(
        _ text: String,
        named name: VariableName,
        delimiters: Delimiters,
        at index: Int,
        of file: Int
    ) throws(TemplateError) -> String {
        guard depth < library.recursionLimit else {
            throw error(.recursionTooDeep(limit: library.recursionLimit), at: index, of: file)
        }
        let caller = source(of: file)
        let label = " (lambda '\(name.text)' at \(programs[file].locations[index]))"
        let template = try Template(
            source: text, name: caller.name + label, path: caller.path + label, delimiters: delimiters)
        lambdaSources.append(template.source)
        programs.append(Program(template.nodes))
        texts.append(programs[programs.count - 1].storage.bytes)
        names.append(programs[programs.count - 1].storage.names)

        let savedOutput = output
        let savedIndentation = indentation
        output = []
        indentation = []
        depth += 1
        try render(file: programs.count - 1)
        depth -= 1
        let rendered = String(decoding: output, as: UTF8.self)
        output = savedOutput
        indentation = savedIndentation
        return rendered
    }

    // MARK: Lookup

    /// Where the value the name numbered `name` in `file` resolves to lies (see `ContextStack.lookup`).
    private func lookup(_ name: Int, of file: Int) -> UnsafePointer<TemplateValue>? {
        // The name is read where it lies: a copy of it retained its three arrays, for every tag rendered.
        stack.lookup(names[file].baseAddress! + name)
    }

    private func source(of file: Int) -> TemplateSource {
        file < library.entries.count ? library.entries[file].source : lambdaSources[file - library.entries.count]
    }

    private func error(_ kind: TemplateError.Kind, at index: Int, of file: Int) -> TemplateError {
        source(of: file).error(kind, at: programs[file].locations[index])
    }

    // MARK: Output

    /// Template text, `range` of `file`'s bytes: indented after each line break while inside an
    /// indented partial or block. The indentation of nested partials adds up, so a line may carry
    /// megabytes of it: the output limit is checked at every line, not only between instructions.
    private mutating func writeStatic(_ range: Range<Int>, at index: Int, of file: Int) throws(TemplateError) {
        guard !indentation.isEmpty else {
            output += UnsafeBufferPointer(rebasing: texts[file][range])
            return
        }
        let bytes = texts[file]
        var start = range.lowerBound
        while start < range.upperBound {
            // A line at a time, found byte by byte in the buffer: `firstIndex(of:)` on its slice went
            // through the generic collection, a call per byte, for every line of every indented partial.
            var end = start
            while end < range.upperBound, bytes[end] != UInt8.newline { end += 1 }
            end = min(end + 1, range.upperBound)
            if atLineStart {
                try charge(0, at: index, of: file)
                output += indentation
            }
            output += UnsafeBufferPointer(rebasing: bytes[start..<end])
            atLineStart = bytes[end - 1] == .newline
            start = end
        }
    }

    /// Before an interpolated value: indent it if it starts a line, but never its own lines.
    private mutating func startValue() {
        if atLineStart, !indentation.isEmpty {
            output += indentation
        }
        atLineStart = false
    }

    private mutating func writeRaw(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func writeNumber(_ number: String, escaped: Bool) {
        if let numbers { numbers.append(number, escaped: escaped, to: &output) } else { writeRaw(number) }
    }

    private mutating func writeEscaped(_ text: String) {
        HTMLEscape.append(text, to: &output)
    }

    /// Whole numbers print without a fraction (`3`, not `3.0`); others with the shortest digits that read
    /// back as the same number, written out in full (`0.0000001`, not Swift's `1e-07`) unless that takes
    /// more than 20 zeros, when the exponent is written as a reader writes it (`1e-25`, `2.5e30`).
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int(number))
        }
        let shortest = String(number)
        guard let e = shortest.firstIndex(of: "e"), let exponent = Int(shortest[shortest.index(after: e)...])
        else { return shortest.hasSuffix(".0") ? String(shortest.dropLast(2)) : shortest }
        let mantissa = shortest[..<e]
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        let digits = mantissa.filter(\.isNumber)
        guard (-20...20).contains(exponent) else { return mantissa + "e" + String(exponent) }
        // Swift's mantissa has one digit before its point: the point moves `exponent` places from there.
        let point = 1 + exponent
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        return sign + digits.prefix(point) + "." + digits.dropFirst(point)
    }
}
