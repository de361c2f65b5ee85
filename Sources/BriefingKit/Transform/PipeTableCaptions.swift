import BriefingMarkdown
import BriefingSupport
import Foundation

/// What follows a pipe table: its `Table:` caption and its `Source:` line, found, taken apart and read.
extension PipeTables {
    /// The paragraphs that give a table its caption (`Table: …`, right after it or right above it, where
    /// Korean reports put `<표 3> …`) and sources (`Source: …`, after it): they move into the table's
    /// block, so later transforms still see their links (the sources are read when the page's sources
    /// are numbered). A caption between two tables is the first's.
    func takeCaptionAndSources(
        after table: MarkdownNode, into block: MarkdownNode, markers: Markers, context: inout TransformContext
    ) -> (caption: MarkdownNode?, typedNumber: Int?, sources: () -> [SourceReference], sourcesPosition: SourcePosition?) {
        var caption: MarkdownNode?
        var typedNumber: Int?
        var sources: (() -> [SourceReference])?
        var sourcesPosition: SourcePosition?
        if let above = block.previous, above.kind == .paragraph,
           let taken = PipeTables.takeMarker(markers.caption, numbered: true, from: above, diagnostics: &context.diagnostics) {
            PipeTables.unwrapEmphasis(of: above)
            caption = above
            typedNumber = taken.number
            if let first = block.firstChild { try? first.insertBefore(above) } else { try? block.appendChild(above) }
        }
        var next = table.next
        while let node = next, node.kind == .paragraph, caption == nil || sources == nil {
            next = node.next
            if caption == nil, let taken = PipeTables.takeMarker(markers.caption, numbered: true, from: node, diagnostics: &context.diagnostics) {
                // `Source:` on the line right under the caption is the sources, not more of the caption.
                if let sourceLine = PipeTables.splitAtSourceLine(node, markers: markers, in: table.document) {
                    try? node.insertAfter(sourceLine)
                    context.diagnostics.place(sourceLine, at: PipeTables.leadingText(of: sourceLine)?.start ?? node.start)
                    next = sourceLine
                }
                // A caption typed in italics or bold (`*Table: …*`) is styled as every caption is.
                PipeTables.unwrapEmphasis(of: node)
                caption = node
                typedNumber = taken.number
                // First in the block, as readers see it above the rows: a note it cites is numbered before the cells'.
                if let first = block.firstChild { try? first.insertBefore(node) } else { try? block.appendChild(node) }
            } else if sources == nil, PipeTables.takeMarker(markers.source, numbered: false, from: node, diagnostics: &context.diagnostics) != nil {
                sources = PipeTables.sources(in: node, figures: figures, context: &context)
                sourcesPosition = context.diagnostics.position(of: node)
                try? block.appendChild(node)
            } else {
                break
            }
        }
        return (caption, typedNumber, sources ?? { [] }, sourcesPosition)
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

        /// Whether a line starts with a marker, as typed: raw lines keep the `*` or `_` of emphasis around it.
        func startsSource(_ text: String) -> Bool { Self.match(source, in: Self.unemphasized(text), numbered: false) != nil }
        func startsCaption(_ text: String) -> Bool { Self.match(caption, in: Self.unemphasized(text), numbered: true) != nil }

        private static func unemphasized(_ text: String) -> Substring {
            text.drop { $0 == "*" || $0 == "_" }
        }

        /// Where the first of the markers that starts the text ends, and the number typed after a
        /// caption's word (`Table 1:`, `표 2.`); nil when none starts it.
        static func match(_ markers: [String], in text: Substring, numbered: Bool) -> (end: String.Index, number: Int?)? {
            markers.lazy.compactMap { match($0, in: text, numbered: numbered) }.first
        }

        /// Where a marker ends in text that starts with it, as editors type it: in capitals or not
        /// (`SOURCE:`), its colon ASCII or full-width (`표：`, as Korean and Japanese input methods write it),
        /// with a space before it or not (`출처 :`); and for a caption with the number the editor gave the
        /// table (`Table 1:` or `Table 1.`, a word processor's habit; `<표 3>` or `[표 3]`, a Korean
        /// report's). A label the build's numbers cannot give (a chapter's `Table 2.1:`, `Table IV:`,
        /// `Table A1:`) ends at the marker's start: the caption is the whole line, as typed.
        static func match(_ marker: String, in text: Substring, numbered: Bool) -> (end: String.Index, number: Int?)? {
            let stem = self.stem(of: marker)
            guard stem.count < marker.count else {
                return text.hasPrefix(marker) ? (text.index(text.startIndex, offsetBy: marker.count), nil) : nil
            }
            if numbered, let first = text.first, let closing = bracketPairs[first] {
                return bracketed(stem, closing: closing, in: text)
            }
            guard let stemEnd = startIgnoringCase(stem, of: text) else { return nil }
            var rest = text[stemEnd...]
            let spaced = rest.first == " "
            if spaced { rest = rest.dropFirst() }
            var number: Int?
            if numbered, let label = label(at: rest, spaced: spaced) {
                if let digits = Int(label.number) {
                    number = digits
                    rest = rest.dropFirst(label.number.count)
                    if rest.first == " " { rest = rest.dropFirst() }
                } else {
                    var after = rest.dropFirst(label.whole.count)
                    if after.first == " " { after = after.dropFirst() }
                    guard let colon = after.first, colon == ":" || colon == "：" else { return nil }
                    return (text.startIndex, nil)
                }
            }
            guard let colon = rest.first, colon == ":" || colon == "：" || number != nil && colon == "." else { return nil }
            return (rest.index(after: rest.startIndex), number)
        }

        /// The table's label typed after the caption's word: digits (`1`; `1.` ends a sentence-like
        /// `Table 1. …`), or after a space one that starts with a digit or a capital (`2.1`, `3-1`, `IV`,
        /// `A1`). Its `number` is only the label, without a `.` that ends it.
        private static func label(at text: Substring, spaced: Bool) -> (number: Substring, whole: Substring)? {
            let whole = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) || $0 == "." || $0 == "-" }
            let number = whole.hasSuffix(".") ? whole.dropLast() : whole
            guard let first = number.first else { return nil }
            if number.count <= 4, number.allSatisfy({ $0.isASCII && $0.isNumber }) { return (number, whole) }
            return spaced && (first.isNumber || first.isUppercase) ? (number, whole) : nil
        }

        /// The brackets a Korean report puts around a caption's word and number: `<표 3>`, `[표 3]`,
        /// `〈표 3〉`, `《표 3》`, `【표 3】`, and their full-width forms.
        private static let bracketPairs: [Character: Character] = [
            "<": ">", "[": "]", "〈": "〉", "《": "》", "【": "】", "＜": "＞", "［": "］",
        ]

        private static func bracketed(_ stem: Substring, closing: Character, in text: Substring) -> (end: String.Index, number: Int?)? {
            guard let stemEnd = startIgnoringCase(stem, of: text.dropFirst()) else { return nil }
            var rest = text[stemEnd...]
            if rest.first == " " { rest = rest.dropFirst() }
            let label = rest.prefix { $0.isASCII && $0.isNumber || $0 == "." || $0 == "-" }
            guard label.first?.isNumber == true else { return nil }
            rest = rest.dropFirst(label.count)
            if rest.first == " " { rest = rest.dropFirst() }
            guard rest.first == closing else { return nil }
            // `<표 3-1>`, a chapter's numbering, is kept as typed.
            guard label.count <= 4, let number = Int(label) else { return (text.startIndex, nil) }
            return (rest.index(after: rest.startIndex), number)
        }

        /// The marker's word without its colon (`Table`, `표`): what a page must hold to have the marker.
        static func stem(of marker: String) -> Substring {
            marker.hasSuffix(":") ? marker.dropLast() : marker[...]
        }

        /// Where the text's start equal to the stem ends, ASCII letters compared in either case; nil when
        /// it starts otherwise.
        private static func startIgnoringCase(_ stem: Substring, of text: Substring) -> String.Index? {
            var index = text.utf8.startIndex
            for byte in stem.utf8 {
                guard index < text.utf8.endIndex, Self.folded(text.utf8[index]) == Self.folded(byte) else { return nil }
                index = text.utf8.index(after: index)
            }
            return index
        }

        private static func folded(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
        }

        /// Whether the body may hold the marker as its word is written: only a search spared, for the
        /// warning about a caption that follows no table (`TABLE:` and `table:` there go unwarned of).
        static func isWritten(_ marker: String, in body: Substring) -> Bool {
            PlainText.contains(String(stem(of: marker)), in: body)
        }
    }

    /// The lines of a caption paragraph from one that starts with `Source:` on, moved into a paragraph
    /// of their own; nil when it has none.
    private static func splitAtSourceLine(_ caption: MarkdownNode, markers: Markers, in document: MarkdownDocument) -> MarkdownNode? {
        var child = caption.firstChild
        while let node = child {
            child = node.next
            guard node.kind == .softBreak || node.kind == .lineBreak, let start = child,
                  let text = leadingText(of: start, from: start), let literal = text.literal, markers.startsSource(literal)
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
    }

    /// Whether the paragraph starts with one of the markers, as `Markers.match` reads them; if so, takes
    /// it (and the spaces after it) out, and the emphasis that held only the marker (`**Source:**`).
    /// The text left after the marker is placed where it now starts in the line: a message about a note's
    /// mark in a caption pointed as far left as the marker is long.
    static func takeMarker(
        _ markers: [String], numbered: Bool, from paragraph: MarkdownNode, diagnostics: inout PageDiagnostics
    ) -> TakenMarker? {
        guard let first = leadingText(of: paragraph), let literal = first.literal else { return nil }
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
        return TakenMarker(number: number)
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
                if struck { continue }
                if let figures, url.hasPrefix(FigureCitations.scheme) {
                    // Taken out of the tree, where `FigureCitations` would show the figure's value on a line that shows only sources.
                    if let source = figures.source(of: String(url.dropFirst(FigureCitations.scheme.count)), cited: node, context: &context) {
                        sources.append(.figure(source))
                    }
                    node.url = ""
                    node.unlink()
                    continue
                }
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
            sources.map { source in
                switch source {
                case .figure(let figure):
                    return figure
                case .link(let link):
                    let url = link.url ?? "", title = PlainText.collapsingWhitespace(link.plainText)
                    return SourceReference(title: title.isEmpty ? url : title, url: url.isEmpty ? nil : url, language: quoted)
                }
            }
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
