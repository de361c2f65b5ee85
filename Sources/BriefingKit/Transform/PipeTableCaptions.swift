import BriefingMarkdown
import BriefingSupport
import Foundation

/// What surrounds a pipe table: its `Table:` caption (above or after it) and its `Source:` line, found,
/// taken apart and read.
extension PipeTables {
    /// What a table takes from the paragraphs around it: its caption, the number typed in it, its sources
    /// (read when the page's sources are numbered) and where they are written; and a second caption,
    /// shown as text, which the check for captions that belong to no table leaves to the warning given here.
    struct Surroundings {
        var caption: MarkdownNode?
        var typedNumber: Int?
        var sources: () -> [SourceReference] = { [] }
        var sourcesPosition: SourcePosition?
        var secondCaption: MarkdownNode?
    }

    /// The paragraphs that give a table its caption (`Table: …`, right after it or right above it, where
    /// Korean reports put `<표 3> …`) and sources (`Source: …`, after it): they move into the table's
    /// block, so later transforms still see their links. A caption between two tables is the first's,
    /// unless the first already has one, or its `Source:` line comes between.
    func takeCaptionAndSources(
        after table: MarkdownNode, into block: MarkdownNode, markers: Markers, andBelow below: Bool, context: inout TransformContext
    ) -> Surroundings {
        var taken = Surroundings()
        var hasSources = false
        if let above = block.previous, above.kind == .paragraph,
           let (caption, marker) = PipeTables.captionAbove(above, markers: markers, document: table.document, context: &context) {
            if marker.emphasized { PipeTables.unwrapEmphasis(of: caption) }
            taken.caption = caption
            taken.typedNumber = marker.number
            if let first = block.firstChild { try? first.insertBefore(caption) } else { try? block.appendChild(caption) }
        }
        var next = below ? table.next : nil
        while let node = next, node.kind == .paragraph, taken.caption == nil || !hasSources {
            next = node.next
            if markers.startsCaption(PipeTables.leadingText(of: node)?.literal ?? "") {
                // Right above the next table, it is that table's.
                if taken.caption != nil || hasSources, PipeTables.startsTable(node.next, diagnostics: context.diagnostics) { break }
                if taken.caption != nil {
                    context.diagnostics.warning(
                        "this table already has its caption above it, so readers see this one as text: keep one of the two", at: node
                    )
                    taken.secondCaption = node
                    continue
                }
            }
            if taken.caption == nil, let marker = PipeTables.takeMarker(markers.caption, numbered: true, from: node, diagnostics: &context.diagnostics) {
                // `Source:` on the line right under the caption is the sources, not more of the caption.
                if let sourceLine = PipeTables.split(node, atLineWhere: markers.startsSource, in: table.document) {
                    try? node.insertAfter(sourceLine)
                    context.diagnostics.place(sourceLine, at: PipeTables.leadingText(of: sourceLine)?.start ?? node.start)
                    next = sourceLine
                }
                // A caption typed in italics or bold (`*Table: …*`) is styled as every caption is.
                if marker.emphasized { PipeTables.unwrapEmphasis(of: node) }
                taken.caption = node
                taken.typedNumber = marker.number
                // First in the block, as readers see it above the rows: a note it cites is numbered before the cells'.
                if let first = block.firstChild { try? first.insertBefore(node) } else { try? block.appendChild(node) }
            } else if !hasSources, PipeTables.takeMarker(markers.source, numbered: false, from: node, diagnostics: &context.diagnostics) != nil {
                taken.sources = PipeTables.sources(in: node, figures: figures, context: &context)
                taken.sourcesPosition = context.diagnostics.position(of: node)
                hasSources = true
                try? block.appendChild(node)
            } else {
                break
            }
        }
        return taken
    }

    /// The caption in the paragraph right above a table: the whole paragraph, or its lines from one that
    /// starts with a caption's marker (after a line of prose, or a quotation's `[!LANG] ko`), split off.
    private static func captionAbove(
        _ paragraph: MarkdownNode, markers: Markers, document: MarkdownDocument, context: inout TransformContext
    ) -> (MarkdownNode, TakenMarker)? {
        if let marker = takeMarker(markers.caption, numbered: true, from: paragraph, diagnostics: &context.diagnostics) { return (paragraph, marker) }
        guard let lines = split(paragraph, atLineWhere: markers.startsCaption, in: document) else { return nil }
        try? paragraph.insertAfter(lines)
        context.diagnostics.place(lines, at: leadingText(of: lines)?.start ?? paragraph.start)
        guard let marker = takeMarker(markers.caption, numbered: true, from: lines, diagnostics: &context.diagnostics) else { return nil }
        return (lines, marker)
    }

    /// Whether a paragraph is a pipe table yet to be made: a line of cells, then a delimiter row, as
    /// typed (smart punctuation has made `---` a dash in the tree), past a quote's `>` and indentation.
    static func startsTable(_ node: MarkdownNode?, diagnostics: PageDiagnostics) -> Bool {
        guard let node, node.kind == .paragraph, node.start.line > 0, node.end.line > node.start.line else { return false }
        let lines = (node.start.line...node.end.line).map { diagnostics.bodyLine($0).map { $0.drop { $0 == " " || $0 == ">" } } ?? "" }
        return lines.indices.dropFirst().contains { lines[$0 - 1].contains("|") && PipeTableRows.delimiterRow(lines[$0]) != nil }
    }

    /// The lines of a paragraph from the first after its first line that `starts`, moved into a paragraph
    /// of their own; nil when it has none.
    static func split(_ paragraph: MarkdownNode, atLineWhere starts: (String) -> Bool, in document: MarkdownDocument) -> MarkdownNode? {
        var child = paragraph.firstChild
        while let node = child {
            child = node.next
            guard node.kind == .softBreak || node.kind == .lineBreak, let start = child,
                  let text = leadingText(of: paragraph, from: start), let literal = text.literal, starts(literal)
            else { continue }
            let lines = document.makeParagraph()
            var moving = child
            while let next = moving {
                moving = next.next
                try? lines.appendChild(next)
            }
            node.unlink()
            return lines
        }
        return nil
    }

    /// The text a paragraph starts with, inside emphasis around its start too (`*Source:* …`,
    /// `**Table:** …`, as a word processor's paste has them).
    static func leadingText(of paragraph: MarkdownNode) -> MarkdownNode? {
        paragraph.firstChild.flatMap { leadingText(of: paragraph, from: $0) }
    }

    private static func leadingText(of paragraph: MarkdownNode, from first: MarkdownNode) -> MarkdownNode? {
        var node = first
        while node.kind == .emphasis || node.kind == .strong, let inner = node.firstChild { node = inner }
        return node.kind == .text ? node : nil
    }

    /// What a caption's or a source line's marker left, when it was all a paragraph had in emphasis
    /// (`*Table: What Seoul pays*`): its text, without the emphasis.
    static func unwrapEmphasis(of paragraph: MarkdownNode) {
        while let only = paragraph.firstChild, only.next == nil, only.kind == .emphasis || only.kind == .strong {
            while let inner = only.firstChild { try? only.insertBefore(inner) }
            only.unlink()
        }
    }

    /// A marker taken off the start of a paragraph: the number typed after a caption's word, if any.
    struct TakenMarker {
        var number: Int?
        /// Whether the marker was in emphasis (`*Table: …*`, `**Table:** …`): the caption's own emphasis
        /// is then the paste's, not the editor's.
        var emphasized = false
    }

    /// Whether the paragraph starts with one of the markers, as `Markers.match` reads them; if so, takes
    /// it (and the spaces after it) out, and the emphasis that held only the marker (`**Source:**`).
    /// The text left after the marker is placed where it now starts in the line: a message about a note's
    /// mark in a caption pointed as far left as the marker is long.
    static func takeMarker(
        _ markers: [String], numbered: Bool, from paragraph: MarkdownNode, diagnostics: inout PageDiagnostics
    ) -> TakenMarker? {
        guard let first = leadingText(of: paragraph), let literal = first.literal else { return nil }
        let emphasized = first.parent != paragraph
        guard let (end, number) = Markers.match(markers, in: literal[...], numbered: numbered) else {
            return takeEmphasizedWord(markers, numbered: numbered, first, diagnostics: &diagnostics)
        }
        let rest = literal[end...].drop { $0 == " " }
        if rest.isEmpty {
            var emptied = first
            while let parent = emptied.parent, parent != paragraph, parent.firstChild == emptied, emptied.next == nil { emptied = parent }
            let after = emptied.next
            emptied.unlink()
            // `**Source:** [State](…)`: the space after the emphasis went with the marker.
            if let after, after.kind == .text, let text = after.literal, text.first == " " {
                let start = diagnostics.position(of: after)
                let trimmed = text.drop { $0 == " " }
                if trimmed.isEmpty { after.unlink() } else {
                    after.literal = String(trimmed)
                    diagnostics.place(after, at: SourcePosition(line: start.line, column: start.column + text.utf8.count - trimmed.utf8.count))
                }
            }
        } else {
            let start = diagnostics.position(of: first)
            first.literal = String(rest)
            let dropped = literal.utf8.count - rest.utf8.count
            diagnostics.place(first, at: SourcePosition(line: start.line, column: start.column + dropped))
        }
        return TakenMarker(number: number, emphasized: emphasized)
    }

    /// `*Source*: [State](…)`: the marker's word in emphasis, its colon after it.
    private static func takeEmphasizedWord(
        _ markers: [String], numbered: Bool, _ word: MarkdownNode, diagnostics: inout PageDiagnostics
    ) -> TakenMarker? {
        guard word.next == nil, let emphasis = word.parent, emphasis.kind == .emphasis || emphasis.kind == .strong,
              emphasis.firstChild == word, let after = emphasis.next, after.kind == .text, let text = after.literal,
              let literal = word.literal, let (end, number) = Markers.match(markers, in: (literal + text)[...], numbered: numbered)
        else { return nil }
        let joined = literal + text
        guard joined.utf8.distance(from: joined.startIndex, to: end) > literal.utf8.count else { return nil }
        let rest = joined[end...].drop { $0 == " " }
        let start = diagnostics.position(of: after)
        emphasis.unlink()
        if rest.isEmpty {
            after.unlink()
        } else {
            after.literal = String(rest)
            diagnostics.place(after, at: SourcePosition(line: start.line, column: start.column + text.utf8.count - rest.utf8.count))
        }
        return TakenMarker(number: number)
    }

    /// Each link of a `Source:` line is a source; a line without links is one source, its text. The links
    /// stay in the tree, read when the sources are cited: by then `InternalLinks` has checked a link to a
    /// page or file of the site and written its address.
    private static func sources(
        in paragraph: MarkdownNode, figures: FigureCitations?, context: inout TransformContext
    ) -> () -> [SourceReference] {
        let links = paragraph.descendants(ofKind: .link)
        guard !links.isEmpty else {
            let text = paragraph.plainText.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                context.diagnostics.warning("this Source: line names no source: write it after the colon, as 'Source: [publisher](https://…)'", at: paragraph)
            }
            return { text.isEmpty ? [] : [SourceReference(title: text, url: nil)] }
        }
        var sources: [LineSource] = []
        // Strikethrough is made later: here `~~` is still text, and a link between two is a retracted source.
        var struck = false
        var words: [String] = []
        var leftOut: [MarkdownNode] = []
        for node in paragraph.descendants() {
            if node.kind == .link {
                let url = node.url ?? ""
                if let figures, url.hasPrefix(FigureCitations.scheme) {
                    // Taken out of the tree, where `FigureCitations` would show the figure's value on a line that shows
                    // only sources, and cite it (a struck-through one too) in the page's Sources.
                    if !struck, let source = figures.source(of: String(url.dropFirst(FigureCitations.scheme.count)), cited: node, context: &context) {
                        sources.append(.figure(source))
                    }
                    node.url = ""
                    node.unlink()
                    continue
                }
                if struck { continue }
                // Reported by InternalLinks, as any link of the page.
                if LinkURL.rejection(of: url) != nil { continue }
                sources.append(.link(node))
            } else if node.kind == .text || node.kind == .code, !Self.isInLink(node, below: paragraph), var literal = node.literal {
                // A note's mark would be lost with the words: said so where it is, and nowhere else.
                for mark in node.kind == .text ? Footnotes.references(in: literal).reversed() : [] {
                    context.diagnostics.warning(
                        "the footnote mark '[^\(mark.label)]' on a Source: line is not shown (only the line's links are), nor is its note: move the mark to the end of the caption",
                        at: Footnotes.position(of: node, offset: mark.offset, diagnostics: context.diagnostics)
                    )
                    context.marksLeftOut.insert(FootnoteSource.key(mark.label))
                    literal.removeSubrange(mark.range)
                }
                let pieces = literal.components(separatedBy: "~~")
                if pieces.count % 2 == 0 { struck.toggle() }
                words += pieces.flatMap { $0.split { " ,;&·".contains($0) } }.map(String.init).filter { $0 != "and" }
                leftOut.append(node)
            }
        }
        // Gone from the tree, as from the page: a footnote mark among them would number a note that no
        // mark leads to.
        for node in leftOut { node.unlink() }
        // Only links become sources, and the line shows them alone: words beside them would be lost.
        if !words.isEmpty {
            context.diagnostics.warning(
                "only the links of a Source: line are shown and listed, so '\(words.joined(separator: " "))' is left out: "
                    + "write it in the caption or a footnote",
                at: paragraph
            )
        }
        // A source line in a quotation in another language (`[!LANG] ko`) names its sources in that language:
        // the page's Sources list marks them so, for a screen reader's voice.
        let pageCode = context.page.metadata.lang ?? context.model.languages[context.page.language].code
        let quoted = LanguageQuotes.quotation(around: paragraph, languages: context.model.languages).map(\.code).flatMap { $0 == pageCode ? nil : $0 }
        return {
            // Two figures of one publication are one source on the line.
            var seen: Set<String> = []
            return sources.map { source in
                switch source {
                case .figure(let figure):
                    return figure
                case .link(let link):
                    let url = link.url ?? "", title = PlainText.collapsingWhitespace(link.plainText)
                    return SourceReference(title: title.isEmpty ? url : title, url: url.isEmpty ? nil : url, language: quoted)
                }
            }.filter { seen.insert($0.title + "\u{0}" + ($0.url ?? "")).inserted }
        }
    }

    /// A source a `Source:` line names: a link, read once `InternalLinks` wrote its address, or a figure's.
    private enum LineSource {
        case link(MarkdownNode)
        case figure(SourceReference)
    }

    private static func isInLink(_ node: MarkdownNode, below top: MarkdownNode) -> Bool {
        var ancestor = node.parent
        while let current = ancestor, current != top {
            if current.kind == .link { return true }
            ancestor = current.parent
        }
        return false
    }
}
