import BriefingMarkdown
import BriefingSupport
import Foundation

/// What follows a pipe table: its `Table:` caption and its `Source:` line, found, taken apart and read.
extension PipeTables {
    /// The paragraphs right after a table that give its caption (`Table: …`) and sources (`Source: …`):
    /// both move into the table's block, so later transforms still see their links (the sources are read
    /// when the page's sources are numbered).
    func takeCaptionAndSources(
        after table: MarkdownNode, into block: MarkdownNode, markers: Markers, context: inout TransformContext
    ) -> (caption: MarkdownNode?, sources: () -> [SourceReference], sourcesPosition: SourcePosition?) {
        var caption: MarkdownNode?
        var sources: (() -> [SourceReference])?
        var sourcesPosition: SourcePosition?
        var next = table.next
        while let node = next, node.kind == .paragraph, caption == nil || sources == nil {
            next = node.next
            if caption == nil, PipeTables.dropPrefix(markers.caption, from: node, diagnostics: &context.diagnostics) {
                // `Source:` on the line right under the caption is the sources, not more of the caption.
                if let sourceLine = PipeTables.splitAtSourceLine(node, markers: markers, in: table.document) {
                    try? node.insertAfter(sourceLine)
                    context.diagnostics.place(sourceLine, at: sourceLine.firstChild?.start ?? node.start)
                    next = sourceLine
                }
                caption = node
                // First in the block, as readers see it above the rows: a note it cites is numbered before the cells'.
                if let first = block.firstChild { try? first.insertBefore(node) } else { try? block.appendChild(node) }
            } else if sources == nil, PipeTables.dropPrefix(markers.source, from: node, diagnostics: &context.diagnostics) {
                sources = PipeTables.sources(in: node, context: &context)
                sourcesPosition = context.diagnostics.position(of: node)
                try? block.appendChild(node)
            } else {
                break
            }
        }
        return (caption, sources ?? { [] }, sourcesPosition)
    }

    /// What a caption line and a source line start with: `Table:` and `Source:` (or `Sources:`), and the
    /// words of the page's language (`표:`, `출처:` or `자료:`; the string table's `tableCaptionMarker` and
    /// `tableSourceMarker`, each text or a list).
    struct Markers {
        var caption = ["Table:"]
        var source = ["Sources:", "Source:"]
        /// The words to suggest: the language's own first one (`출처:`, `표:`) where its table has them, else the English.
        private(set) var ownCaption = "Table:"
        private(set) var ownSource = "Source:"

        init(_ strings: StringTable) {
            let captions = strings.texts("tableCaptionMarker"), sources = strings.texts("tableSourceMarker")
            caption += captions.filter { !caption.contains($0) }
            source += sources.filter { !source.contains($0) }
            ownCaption = captions.first ?? ownCaption
            ownSource = sources.first ?? ownSource
        }

        /// These and, inside a `[!LANG] ko` quotation, that language's (`출처:` in a Korean quotation on
        /// an English page), when the site has its words.
        func inQuotation(around node: MarkdownNode, context: TransformContext) -> Markers {
            guard node.parent?.kind != .document,
                  let quoted = LanguageQuotes.quotation(around: node, languages: context.model.languages),
                  let index = context.model.languages.firstIndex(where: { $0.code == quoted.code }), index != context.page.language
            else { return self }
            var markers = self
            let own = Markers(context.theme.strings[index])
            markers.caption += own.caption.filter { !caption.contains($0) }
            markers.source += own.source.filter { !source.contains($0) }
            return markers
        }

        func startsSource(_ text: String) -> Bool { source.contains { Self.end(of: $0, in: text) != nil } }
        func startsCaption(_ text: String) -> Bool { caption.contains { Self.end(of: $0, in: text) != nil } }

        /// Where a marker ends in text that starts with it, as an editor types it: its colon ASCII or
        /// full-width (`표：`, as Korean and Japanese input methods write it), with a space before it or
        /// not (`출처 :`).
        static func end(of marker: String, in text: String) -> String.Index? {
            let stem = self.stem(of: marker)
            guard stem.count < marker.count else { return text.hasPrefix(marker) ? text.index(text.startIndex, offsetBy: marker.count) : nil }
            guard text.hasPrefix(stem) else { return nil }
            var rest = text.dropFirst(stem.count)
            if rest.first == " " { rest = rest.dropFirst() }
            guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
            return rest.index(after: rest.startIndex)
        }

        /// The marker's word without its colon (`Table`, `표`): what a page must hold to have the marker.
        static func stem(of marker: String) -> Substring {
            marker.hasSuffix(":") ? marker.dropLast() : marker[...]
        }
    }

    /// The lines of a caption paragraph from one that starts with `Source:` on, moved into a paragraph
    /// of their own; nil when it has none.
    private static func splitAtSourceLine(_ caption: MarkdownNode, markers: Markers, in document: MarkdownDocument) -> MarkdownNode? {
        var child = caption.firstChild
        while let node = child {
            child = node.next
            guard node.kind == .softBreak || node.kind == .lineBreak, let text = child, text.kind == .text,
                  let literal = text.literal, markers.startsSource(literal)
            else { continue }
            let sources = document.makeParagraph()
            var moving = child
            while let next = moving {
                moving = next.next
                try? sources.appendChild(next)
            }
            node.unlink()
            return sources
        }
        return nil
    }

    /// Whether the paragraph starts with one of the markers, as `Markers.end` reads them; if so, takes it
    /// (and the spaces after it) out.
    /// The text left after the marker is placed where it now starts in the line: a message about a note's
    /// mark in a caption pointed as far left as the marker is long.
    static func dropPrefix(_ prefixes: [String], from paragraph: MarkdownNode, diagnostics: inout PageDiagnostics) -> Bool {
        guard let first = paragraph.firstChild, first.kind == .text, let literal = first.literal,
              let end = prefixes.lazy.compactMap({ Markers.end(of: $0, in: literal) }).first
        else { return false }
        let rest = literal[end...].drop { $0 == " " }
        if rest.isEmpty {
            first.unlink()
        } else {
            let start = diagnostics.position(of: first)
            first.literal = String(rest)
            let dropped = literal.utf8.count - rest.utf8.count
            diagnostics.place(first, at: SourcePosition(line: start.line, column: start.column + dropped))
        }
        return true
    }

    /// Each link of a `Source:` line is a source; a line without links is one source, its text. The links
    /// stay in the tree, read when the sources are cited: by then `InternalLinks` has checked a link to a
    /// page or file of the site and written its address.
    private static func sources(in paragraph: MarkdownNode, context: inout TransformContext) -> () -> [SourceReference] {
        let links = paragraph.descendants(ofKind: .link)
        guard !links.isEmpty else {
            let text = paragraph.plainText.trimmingCharacters(in: .whitespaces)
            return { text.isEmpty ? [] : [SourceReference(title: text, url: nil)] }
        }
        var sources: [MarkdownNode] = []
        // Strikethrough is made later: here `~~` is still text, and a link between two is a retracted source.
        var struck = false
        var words: [String] = []
        var leftOut: [MarkdownNode] = []
        for node in paragraph.descendants() {
            if node.kind == .link {
                let url = node.url ?? ""
                if struck { continue }
                // Reported by InternalLinks, as any link of the page.
                if LinkURL.rejection(of: url) != nil { continue }
                sources.append(node)
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
            sources.map { link in
                let url = link.url ?? "", title = PlainText.collapsingWhitespace(link.plainText)
                return SourceReference(title: title.isEmpty ? url : title, url: url.isEmpty ? nil : url, language: quoted)
            }
        }
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
