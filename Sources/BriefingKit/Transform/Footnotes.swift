import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// GitHub's footnotes: `[^label]` cites a note defined by a block `[^label]: text` (continued by lines
/// indented four spaces, several paragraphs allowed). Notes are numbered in the order they are first
/// cited and listed under a "Notes" heading at the end of the page's content, each with a link back to
/// every place that cites it (`1a`, `1b` for a note cited twice). The HTML is the theme's
/// `footnote-ref` and `footnotes` partials.
///
/// cmark never sees a definition as written: `MarkdownSource` rewrites its first line into an ordered
/// list item beforehand (see there why), and this transform finds those items by their line. An
/// undefined reference and a second definition of a label are errors; a note never cited is a warning
/// and is left out, as GitHub leaves it out.
struct Footnotes: DocumentTransform {
    static func noteID(_ number: Int) -> String { "fn-\(number)" }
    static func referenceID(_ number: Int, _ citation: Int) -> String { citation == 1 ? "fnref-\(number)" : "fnref-\(number)-\(citation)" }

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let source = context.footnotes
        guard source.mentionsFootnotes else { return }
        var definitions: [String: Note] = [:]
        var order: [Note] = []
        var duplicates: [MarkdownNode] = []
        var lists: [MarkdownNode] = []
        if !source.definitions.isEmpty {
            lists = document.root.descendants(ofKind: .list)
            for list in lists {
                for item in list.children {
                    // At the definition's column: `- [^1]: …` is also the start of the list item around it.
                    guard let definition = source.definitions[item.start.line], item.start.column == definition.column else { continue }
                    let key = FootnoteSource.key(definition.label)
                    if let first = definitions[key] {
                        context.diagnostics.error(
                            "footnote '[^\(definition.label)]' is defined twice (first at line \(first.definition.line + context.page.bodyLineOffset)): rename or remove one",
                            at: SourcePosition(line: definition.line, column: definition.column)
                        )
                        duplicates.append(item)
                    } else {
                        let language = LanguageQuotes.quotation(around: item, languages: context.model.languages) ?? context.model.ownLanguage(of: context.page)
                        let note = Note(definition: definition, item: item, language: language)
                        definitions[key] = note
                        order.append(note)
                    }
                }
            }
        }
        var cited: [String] = []
        var citations: [String: [String]] = [:]
        var numbers: [String: Int] = [:]
        // A mark in a link's text would be a link inside a link, which HTML forbids (browsers close the
        // outer one there): it goes right after the link, after the marks moved there before it.
        var lastMarkAfter: [MarkdownNode: MarkdownNode] = [:]
        // In document order, definitions still in place: a note cited only from another note is numbered
        // where that note is defined, as GitHub numbers it.
        // `\[^1]` is the text [^1], as on GitHub: only a page that writes an escape or an entity has one.
        let mayEscape = PlainText.contains("\\[", in: context.page.body) || PlainText.contains("&#", in: context.page.body)
        let marked = document.root.descendants(ofKind: .text).compactMap { text -> Marked? in
            guard let literal = text.literal, literal.utf8.count >= 4, literal.contains("[^") else { return nil }
            let escaped = mayEscape ? EscapedCharacters.offsets(of: UInt8(ascii: "["), in: text, diagnostics: context.diagnostics) : []
            for spaced in Self.spacedLabels(in: literal) where !escaped.contains(spaced.offset) {
                context.diagnostics.warning(
                    "'[^\(spaced.label)]' is shown as typed, not as a note: a note's label holds no space, so write [^\(Self.hyphenated(spaced.label))] "
                        + "here and in the note's line",
                    at: Self.position(of: text, offset: spaced.offset, diagnostics: context.diagnostics)
                )
            }
            var references = Self.references(in: literal)
            if mayEscape { references.removeAll { escaped.contains($0.offset) } }
            return references.isEmpty ? nil : Marked(text: text, literal: literal, references: references)
        }
        let unreached = Self.unreached(order, marked: marked)
        for entry in marked {
            let (text, literal, references) = (entry.text, entry.literal, entry.references)
            var pieces: [MarkdownNode] = []
            var copied = literal.utf8.startIndex
            for reference in references {
                let key = FootnoteSource.key(reference.label)
                guard definitions[key] != nil else {
                    let known = order.map { "[^\($0.definition.label)]" }.joined(separator: ", ")
                    // `[^1]： …` typed with an input method's wide colon defines nothing.
                    let wide = PlainText.contains("[^\(reference.label)]\u{FF1A}", in: context.page.body)
                        ? "; its definition's colon is the wide '：' of an input method: type ':'" : ""
                    context.diagnostics.error(
                        "footnote '[^\(reference.label)]' is not defined: add a line '[^\(reference.label)]: …' (defined here: \(known.isEmpty ? "none" : known))" + wide,
                        at: Self.position(of: text, offset: reference.offset, diagnostics: context.diagnostics)
                    )
                    continue
                }
                // In a note left out: numbered, it would take a number and a link back that lead nowhere.
                if let note = unreached.notesOfTexts[text], unreached.keys.contains(note) { continue }
                let number: Int
                if let known = numbers[key] {
                    number = known
                } else {
                    cited.append(key)
                    number = cited.count
                    numbers[key] = number
                    context.headings.reserve(Self.noteID(number))
                }
                citations[key, default: []].append(Self.referenceID(number, citations[key, default: []].count + 1))
                let citation = citations[key]!.count
                context.headings.reserve(Self.referenceID(number, citation))
                let html: String
                do throws(Diagnostic) {
                    let marked = LanguageQuotes.pageLanguage(around: text, context: context)
                    html = try context.theme.html("footnote-ref", [
                        "number": .int(number), "noteID": .string(Self.noteID(number)), "id": .string(Self.referenceID(number, citation)),
                        "pageLang": marked.map { .string($0.code) } ?? .null, "pageDir": marked.map { .string($0.direction.rawValue) } ?? .null,
                    ], language: context.page.language)
                } catch {
                    context.diagnostics.append(error)
                    return
                }
                if reference.range.lowerBound > copied { pieces.append(document.makeText(String(literal[copied..<reference.range.lowerBound]))) }
                let mark = document.makeCustomInline(onEnter: html, onExit: "")
                if let link = Self.outermostLink(around: text) {
                    try? (lastMarkAfter[link] ?? link).insertAfter(mark)
                    lastMarkAfter[link] = mark
                } else {
                    pieces.append(mark)
                }
                copied = reference.range.upperBound
            }
            guard copied > literal.utf8.startIndex else { continue }
            if copied < literal.utf8.endIndex { pieces.append(document.makeText(String(literal[copied...]))) }
            for piece in pieces { try? text.insertBefore(piece) }
            text.unlink()
        }
        for item in order.map(\.item) + duplicates { item.unlink() }
        for list in lists where list.firstChild == nil { list.unlink() }
        for note in order {
            let key = FootnoteSource.key(note.definition.label)
            guard numbers[key] == nil, !context.marksLeftOut.contains(key) else { continue }
            // A note that cites itself alone is never cited, as far as a reader goes.
            let citing = (unreached.citedBy[key] ?? []).filter { FootnoteSource.key($0) != key }
            context.diagnostics.warning(
                citing.isEmpty
                    ? "footnote '[^\(note.definition.label)]' is never cited: cite it with [^\(note.definition.label)] or remove it"
                    : "footnote '[^\(note.definition.label)]' is cited only in \(citing.map { "[^\($0)]" }.joined(separator: ", ")), "
                    + "which the text never cites: both are left out; cite one from the text or remove them",
                at: SourcePosition(line: note.definition.line, column: note.definition.column)
            )
        }
        guard !cited.isEmpty else { return }
        do throws(Diagnostic) {
            context.appendix = try appendNotes(
                cited.map { definitions[$0]! }, citations: cited.map { citations[$0]! }, to: document, theme: context.theme, language: context.page.language,
                pageLanguage: context.model.languages[context.page.language], isWrittenInAnother: context.model.ownLanguage(of: context.page) != nil
            )
        } catch {
            context.diagnostics.append(error)
        }
    }

    /// The outermost link or image whose text holds the node.
    private static func outermostLink(around node: MarkdownNode) -> MarkdownNode? {
        var link: MarkdownNode?
        var ancestor = node.parent
        while let current = ancestor, !current.kind.isBlock {
            if current.kind == .link || current.kind == .image { link = current }
            ancestor = current.parent
        }
        return link
    }

    private struct Note {
        var definition: FootnoteSource.Definition
        var item: MarkdownNode
        /// The language of the quotation it is defined in, if any: the Notes list it in that language.
        var language: (code: String, direction: Language.Direction)?
    }

    /// A text node that cites notes.
    private struct Marked {
        var text: MarkdownNode
        var literal: String
        var references: [Reference]
    }

    /// The notes no reader reaches: not cited from the text, nor from a note that is (a note cited only
    /// from a note that is never cited). `notesOfTexts` tells the note each citing text is in, if any;
    /// `citedBy` names, for each note left out, the notes left out that cite it.
    private static func unreached(
        _ notes: [Note], marked: [Marked]
    ) -> (keys: Set<String>, notesOfTexts: [MarkdownNode: String], citedBy: [String: [String]]) {
        var notesOfTexts: [MarkdownNode: String] = [:]
        var labels: [String: String] = [:]
        // Each note's own text nodes, a note inside another's last: it is the one they are in.
        for note in notes {
            let key = FootnoteSource.key(note.definition.label)
            labels[key] = note.definition.label
            for text in note.item.descendants(ofKind: .text) { notesOfTexts[text] = key }
        }
        var fromText: [String] = []
        var fromNote: [String: [String]] = [:]
        var citedBy: [String: [String]] = [:]
        for entry in marked {
            let keys = entry.references.map { FootnoteSource.key($0.label) }
            if let note = notesOfTexts[entry.text] {
                fromNote[note, default: []] += keys
                for key in keys where citedBy[key]?.contains(labels[note] ?? note) != true { citedBy[key, default: []].append(labels[note] ?? note) }
            } else {
                fromText += keys
            }
        }
        var reached: Set<String> = []
        while let key = fromText.popLast() {
            if reached.insert(key).inserted { fromText += fromNote[key] ?? [] }
        }
        return (Set(labels.keys).subtracting(reached), notesOfTexts, citedBy.filter { !reached.contains($0.key) })
    }

    /// The "Notes" section at the end of the content: a wrapper around each note's blocks, and the links
    /// back to its citations at the end of its last paragraph. A note defined in a quotation in another
    /// language is marked with it, and its links back, the theme's words, with the page's.
    private func appendNotes(
        _ notes: [Note], citations: [[String]], to document: MarkdownDocument, theme: ThemeHTML, language: Int, pageLanguage: Language,
        isWrittenInAnother: Bool
    ) throws(Diagnostic) -> MarkdownNode {
        // On a page written in another language than the theme's words, the section's heading is in the theme's.
        let sectionLanguage = isWrittenInAnother ? pageLanguage : nil
        let sectionHTML = try theme.wrapper("footnotes", [
            "isSection": true, "isNote": false, "titleID": .string(ThemeIDs.notesTitle), "number": .null, "id": .null,
            "lang": sectionLanguage.map { .string($0.code) } ?? .null, "dir": sectionLanguage.map { .string($0.direction.rawValue) } ?? .null,
        ], language: language)
        let section = document.makeCustomBlock(onEnter: sectionHTML.open, onExit: sectionHTML.close)
        for (index, note) in notes.enumerated() {
            let number = index + 1
            let foreign = note.language.flatMap { $0.code == pageLanguage.code ? nil : $0 }
            let noteHTML = try theme.wrapper("footnotes", [
                "isSection": false, "isNote": true, "titleID": .null, "number": .int(number), "id": .string(Self.noteID(number)),
                "lang": foreign.map { .string($0.code) } ?? .null, "dir": foreign.map { .string($0.direction.rawValue) } ?? .null,
            ], language: language)
            let wrapper = document.makeCustomBlock(onEnter: noteHTML.open, onExit: noteHTML.close)
            for child in note.item.children { try? wrapper.appendChild(child) }
            let ids = citations[index]
            let backlinks: [TemplateValue] = ids.enumerated().map { position, id in
                let label = theme.strings[language].number(number) + (ids.count == 1 ? "" : Self.letters(position))
                return ["id": .string(id), "label": .string(label), "isFirst": .bool(position == 0)]
            }
            let backHTML = try theme.html("footnote-back", [
                "number": .int(number), "backlinks": .list(backlinks),
                "pageLang": foreign == nil ? .null : .string(pageLanguage.code), "pageDir": .string(pageLanguage.direction.rawValue),
            ], language: language)
            let back = document.makeCustomInline(onEnter: backHTML, onExit: "")
            var last = wrapper.firstChild
            while let next = last?.next { last = next }
            if let last, last.kind == .paragraph {
                try? last.appendChild(document.makeText(" "))
                try? last.appendChild(back)
            } else {
                let paragraph = document.makeParagraph()
                try? paragraph.appendChild(back)
                try? wrapper.appendChild(paragraph)
            }
            try? section.appendChild(wrapper)
        }
        try? document.root.appendChild(section)
        return section
    }

    /// `a` … `z`, then `aa`, `ab` …: the letter of a note's 1st, 2nd … citation.
    static func letters(_ position: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        return position < 26 ? String(alphabet[position]) : letters(position / 26 - 1) + String(alphabet[position % 26])
    }

    struct Reference {
        var label: String
        var range: Range<String.Index>
        var offset: Int
    }

    /// Every `[^label]` of a text, left to right.
    static func references(in literal: String) -> [Reference] {
        var found: [Reference] = []
        let bytes = literal.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
            let caret = bytes.index(after: open)
            guard caret < bytes.endIndex, bytes[caret] == UInt8(ascii: "^") else {
                index = caret
                continue
            }
            let labelStart = bytes.index(after: caret)
            var end = labelStart
            while end < bytes.endIndex, !FootnoteSource.isLabelEnd(bytes[end]) { end = bytes.index(after: end) }
            guard end > labelStart, end < bytes.endIndex, bytes[end] == UInt8(ascii: "]") else {
                index = labelStart
                continue
            }
            let after = bytes.index(after: end)
            found.append(Reference(
                label: String(literal[labelStart..<end]), range: open..<after, offset: bytes.distance(from: bytes.startIndex, to: open)
            ))
            index = after
        }
        return found
    }

    /// A label written with spaces (`note 1`), as the label to write: `note-1`.
    static func hyphenated(_ label: String) -> String {
        label.split(whereSeparator: \.isWhitespace).joined(separator: "-")
    }

    /// `[^ 2]`, `[^note 1]`: a note's mark or line with a space in its label, which GitHub shows as typed.
    static func spacedLabels(in literal: String) -> [(label: String, offset: Int)] {
        var found: [(label: String, offset: Int)] = []
        let bytes = literal.utf8
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
            index = bytes.index(after: open)
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "^") else { continue }
            let labelStart = bytes.index(after: index)
            guard let close = bytes[labelStart...].prefix(64).firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") }),
                  bytes[close] == UInt8(ascii: "]")
            else { continue }
            let label = literal[labelStart..<close]
            guard label.contains(where: { $0 == " " || $0 == "\t" }), label.contains(where: { !$0.isWhitespace }) else { continue }
            found.append((String(label), bytes.distance(from: bytes.startIndex, to: open)))
            index = bytes.index(after: close)
        }
        return found
    }

    /// Where a reference starts: its text node's start plus the bytes before it (a text node is one line),
    /// or, for a text node of no known position, its block's.
    static func position(of text: MarkdownNode, offset: Int, diagnostics: PageDiagnostics) -> SourcePosition {
        guard diagnostics.ownPosition(of: text) != nil else { return diagnostics.position(of: text) }
        let start = diagnostics.position(of: text)
        return SourcePosition(line: start.line, column: start.column + offset)
    }
}
