/// The templates of a site, linked to each other: every static `{{>name}}` and `{{<name}}` is
/// resolved when the library is built, so rendering never looks a partial up by name.
///
/// Immutable and `Sendable`: render pages from as many tasks as you like.
public struct TemplateLibrary: Sendable {
    /// What a static partial or parent name that names no template does.
    public enum MissingPartials: Sendable {
        /// `init` throws `unknownPartial` / `unknownParent` at the tag.
        case fail
        /// The tag renders nothing, as the Mustache spec asks.
        case renderEmpty
    }

    struct Entry: Sendable {
        let source: TemplateSource
        /// Bytes of static text in this template and the partials and parents it names: the
        /// output buffer starts at twice that.
        var sizeHint: Int
    }

    let entries: [Entry]
    /// Each entry's template, linked and flattened.
    let programs: [Program]
    let slots: [String: Int]
    /// The names of all templates, sorted.
    public let names: [String]
    let missingPartials: MissingPartials
    /// How deep partials, parents and lambda results may nest before rendering fails.
    public let recursionLimit: Int
    /// How much work one render may do before it fails: see `TemplateRenderer.work`.
    public let workLimit: Int
    /// How many bytes one render may write before it fails: past it, sections nested over lists are
    /// multiplying (a site's largest page allowed sets it higher).
    public let outputLimit: Int

    /// Links `templates`, keyed by the name partial tags use.
    public init(
        templates: [String: Template],
        missingPartials: MissingPartials = .fail,
        recursionLimit: Int = 100,
        workLimit: Int = 10_000_000,
        outputLimit: Int = 64 << 20
    ) throws(TemplateError) {
        let names = templates.keys.sorted()
        var slots: [String: Int] = [:]
        for (slot, name) in names.enumerated() { slots[name] = slot }
        var entries: [Entry] = []
        var programs: [Program] = []
        var references: [Set<Int>] = []
        entries.reserveCapacity(names.count)
        for name in names {
            guard let template = templates[name] else { continue }
            var linker = Linker(source: template.source, slots: slots, missingPartials: missingPartials)
            let nodes = try linker.link(template.nodes)
            entries.append(Entry(source: template.source, sizeHint: linker.staticSize))
            programs.append(Program(nodes))
            references.append(linker.referencedSlots)
        }
        let ownSizes = entries.map(\.sizeHint)
        for slot in entries.indices {
            var seen: Set<Int> = [slot]
            var pending = Array(references[slot])
            while let next = pending.popLast() {
                guard seen.insert(next).inserted else { continue }
                entries[slot].sizeHint += ownSizes[next]
                pending += references[next]
            }
        }
        self.entries = entries
        self.programs = programs
        self.slots = slots
        self.names = names
        self.missingPartials = missingPartials
        self.recursionLimit = recursionLimit
        self.workLimit = workLimit
        self.outputLimit = outputLimit
    }

    /// Blocks a child gives a parent (`{{<base}}{{$mian}}…`) that neither the parent nor any template it
    /// calls declares: a misspelt name, whose content would never show and whose tags were never checked.
    public func undeclaredBlocks() -> [TemplateError] {
        var declared: [Int: Set<String>?] = [:]
        // Nil when a template on the way names another by a variable (`{{>*kind}}`): which blocks that
        // one declares is known only as a page renders.
        func blocks(reachedFrom slot: Int) -> Set<String>? {
            if let known = declared[slot] { return known }
            var names: Set<String>? = []
            var seen: Set<Int> = []
            var pending = [slot]
            while let next = pending.popLast(), names != nil {
                guard seen.insert(next).inserted else { continue }
                names?.formUnion(programs[next].blocks.map(\.name))
                if programs[next].calls.contains(where: \.reference.isDynamic) { names = nil }
                pending += programs[next].calls.compactMap(\.reference.slot)
            }
            declared[slot] = names
            return names
        }
        var errors: [TemplateError] = []
        for (file, program) in programs.enumerated() {
            for (index, instruction) in program.instructions.enumerated() {
                guard case .parent(let call, _) = instruction, let slot = program.calls[call].reference.slot,
                      let names = blocks(reachedFrom: slot)
                else { continue }
                for definition in program.calls[call].overrides where !names.contains(program.definitions[definition].name) {
                    let kind = TemplateError.Kind.undeclaredBlock(program.definitions[definition].name, parent: self.names[slot], declared: names.sorted())
                    errors.append(entries[file].source.error(kind, at: program.locations[index]))
                }
            }
        }
        return errors
    }

    public func contains(_ name: String) -> Bool {
        slots[name] != nil
    }

    /// Renders the template registered as `name` against `context`.
    ///
    /// In strict mode an interpolation of a name that resolves to no key is an error; a key whose
    /// value is `null` still renders empty, and sections over missing names stay legal.
    /// Numbers (`.int`, `.double`) are written in `numbers`' digits when given.
    public func render(_ name: String, context: TemplateValue, strict: Bool = false, numbers: NumberStyle? = nil) throws(TemplateError) -> String {
        String(decoding: try renderUTF8(name, context: context, strict: strict, numbers: numbers), as: UTF8.self)
    }

    /// The same as UTF-8 bytes, for output that goes to a file as it is.
    public func renderUTF8(
        _ name: String, context: TemplateValue, strict: Bool = false, numbers: NumberStyle? = nil
    ) throws(TemplateError) -> [UInt8] {
        guard let slot = slots[name] else {
            let kind = TemplateError.Kind.unknownTemplate(name)
            throw TemplateError(kind: kind, templateName: name, path: name, line: 0, column: 0, lineText: "")
        }
        let entry = entries[slot]
        return try withUnsafePointer(to: context) { (context: UnsafePointer<TemplateValue>) throws(TemplateError) in
            var renderer = TemplateRenderer(
                library: self,
                strict: strict,
                numbers: numbers,
                context: context,
                capacity: entry.sizeHint * 2
            )
            try renderer.render(file: slot)
            return renderer.finish()
        }
    }
}

/// Resolves static partial and parent names to library slots.
private struct Linker {
    let source: TemplateSource
    let slots: [String: Int]
    let missingPartials: TemplateLibrary.MissingPartials
    var staticSize = 0
    var referencedSlots: Set<Int> = []

    mutating func link(_ nodes: [Node]) throws(TemplateError) -> [Node] {
        var linked: [Node] = []
        linked.reserveCapacity(nodes.count)
        for var node in nodes {
            switch node.kind {
            case .text(let text):
                staticSize += text.string.utf8.count
            case .variable:
                break
            case .partial(var reference, let indentation):
                reference.slot = try slot(of: reference, at: node.location, missing: .unknownPartial(reference.name))
                node.kind = .partial(reference, indentation: indentation)
            case .parent(var reference, var overrides, let indentation):
                reference.slot = try slot(of: reference, at: node.location, missing: .unknownParent(reference.name))
                for index in overrides.indices {
                    overrides[index].children = try link(overrides[index].children)
                }
                node.kind = .parent(reference, overrides: overrides, indentation: indentation)
            case .section(var section):
                section.children = try link(section.children)
                node.kind = .section(section)
            case .invertedSection(let name, let children):
                node.kind = .invertedSection(name, try link(children))
            case .block(var block):
                block.defaultChildren = try link(block.defaultChildren)
                node.kind = .block(block)
            }
            linked.append(node)
        }
        return linked
    }

    private mutating func slot(
        of reference: PartialReference,
        at location: TemplatePosition,
        missing: TemplateError.Kind
    ) throws(TemplateError) -> Int? {
        guard !reference.isDynamic else { return nil }
        if let slot = slots[reference.name] {
            referencedSlots.insert(slot)
            return slot
        }
        if missingPartials == .fail { throw source.error(missing, at: location) }
        return nil
    }
}
