import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// Turns GitHub alerts into asides: a block quote whose first line is `[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (in any case), optionally followed by a title
/// (`> [!TIP] Pro tip`), rendered by the theme's `callout` partial.
///
/// The quote's blocks move into the aside, so later transforms still see them: block quotes
/// nested in a callout become callouts too, and its headings still get ids. A `[!KIND]` of none of
/// the five kinds leaves its quote as it is, with a warning: a misspelt kind is more likely than a
/// quote that starts that way.
struct Callouts: DocumentTransform {
    enum Kind: String, CaseIterable {
        case note, tip, important, warning, caution

        /// The aside's accessible name in the page's language (`calloutNote` in the string table);
        /// without a title, readers of the page see a label drawn by the style sheet for its
        /// `callout-KIND` class instead.
        func label(in strings: StringTable) -> String {
            strings.word("callout" + rawValue.capitalized, english: rawValue.capitalized)
        }
    }

    /// `[!참고]`: a kind written as a language's label for it (the string table's `calloutNote`), where a
    /// marker names it in English; the message for it, or nil for a marker that is no label.
    private func translatedMarker(_ written: String, context: TransformContext) -> String? {
        guard written.hasPrefix("[!"), written.hasSuffix("]") else { return nil }
        let inside = written.dropFirst(2).dropLast().lowercased()
        guard let kind = Kind.allCases.first(where: { kind in
            inside != kind.rawValue && context.model.languages.indices.contains { kind.label(in: context.theme.strings[$0]).lowercased() == inside }
        }) else { return nil }
        let marker = "[!\(kind.rawValue.uppercased())]"
        return "'\(written)' is no callout marker: a marker names its kind in English, \(marker), and the page labels it in its "
            + "language; the quote stays as it is"
    }

    /// Whether raw HTML stands in a callout's title, which shows it as written: its addresses lead nowhere,
    /// and are neither resolved nor warned of.
    static func isInTitle(_ html: MarkdownNode) -> Bool {
        var inline = html
        while let parent = inline.parent, parent.kind != .paragraph { inline = parent }
        guard let paragraph = inline.parent, let quote = paragraph.parent, quote.kind == .blockQuote, quote.firstChild == paragraph,
              let marker = MarkerLine(paragraph), Kind(rawValue: marker.kind.lowercased()) != nil
        else { return false }
        return marker.nodes.contains(inline)
    }

    /// A title is a line of text; its emphasis is Markdown's, which renders in any site.
    static let rawHTMLInTitleAdvice = "a callout's title takes Markdown instead: **bold**, *emphasis*, `code`, links"

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        // Collect first: the walk must be over before the tree changes. A quote nested in
        // another is still reached after the outer one has moved it into its aside.
        let quotes = document.root.descendants(ofKind: .blockQuote)
        for quote in quotes {
            guard let paragraph = quote.firstChild, paragraph.kind == .paragraph else { continue }
            guard let marker = MarkerLine(paragraph) else {
                if let written = MarkerLine.misspelled(paragraph) {
                    context.diagnostics.warning(translatedMarker(written, context: context) ?? MarkerLine.misspelling(written), at: quote.start)
                } else if let marker = MarkerLine.emphasized(paragraph) {
                    context.diagnostics.warning(
                        "'\(marker)' in bold or italics is no callout marker, so the quote stays as it is: write it plain, \(marker), at the start of the quote",
                        at: quote.start
                    )
                } else if let (marker, written, title) = MarkerLine.unspaced(paragraph) {
                    context.diagnostics.warning(
                        "'\(written)' runs the title into the callout marker, so it stays a quote (as on GitHub): write a space after the marker, like \(marker) \(title)",
                        at: quote.start
                    )
                }
                continue
            }
            // `[!LANG] ar` is a quotation in another language, which `LanguageQuotes` has seen to.
            if marker.kind.lowercased() == LanguageQuotes.marker { continue }
            guard let kind = Kind(rawValue: marker.kind.lowercased()) else {
                context.diagnostics.warning(
                    "unknown callout '[!\(marker.kind)]' stays a quote (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)", at: quote.start
                )
                continue
            }
            // Only a site that trusts raw HTML still has it here (`RawHTMLText` took it out of the others).
            let rawHTML = marker.nodes.lazy.flatMap { [$0] + $0.descendants(ofKind: .htmlInline) }.first { $0.kind == .htmlInline }
            if let rawHTML {
                context.diagnostics.warning("raw HTML in a callout's title is shown as written, tags and all; \(Callouts.rawHTMLInTitleAdvice)", at: rawHTML)
            }
            // A title with links, notes or figures keeps them: its inlines move into a paragraph of their
            // own, rendered once every transform has made its HTML (a figure's value and marker).
            let titleInlines = marker.hasMarkup ? document.makeParagraph() : nil
            if let titleInlines {
                if !marker.leadingTitle.isEmpty { try? titleInlines.appendChild(document.makeText(marker.leadingTitle)) }
                for node in marker.markup { try? titleInlines.appendChild(node) }
                // Raw HTML in a title is shown as written, as in a title of plain text.
                for html in titleInlines.descendants(ofKind: .htmlInline) { try? html.replace(with: document.makeText(html.literal ?? "")) }
            }
            for node in marker.nodes where node.parent == paragraph { node.unlink() }
            if paragraph.firstChild == nil {
                paragraph.unlink()
            }
            // A reader would meet a labelled box with nothing in it; one with no title either is left out.
            if quote.firstChild == nil {
                let isEmpty = marker.title.isEmpty
                context.diagnostics.warning(
                    "the callout '[!\(marker.kind)]' has no text\(isEmpty ? ", and is left out" : ""): write it on the lines after the marker, each starting with '>'",
                    at: quote.start
                )
                if isEmpty {
                    quote.unlink()
                    continue
                }
            }
            // Named once it is known to be shown: a callout left out takes no number ("Note (2)").
            let label = context.regionName(kind.label(in: context.theme.strings[context.page.language]))
            let aside = document.makeCustomBlock(onEnter: "", onExit: "")
            // Cannot fail: a custom block holds any block, and the quote's parent (document,
            // block quote, list item or custom block) takes a custom block in its place.
            for child in quote.children {
                try? aside.appendChild(child)
            }
            try? quote.replace(with: aside)
            let title = marker.title.isEmpty ? titleInlines.map { PlainText.collapsingWhitespace($0.plainText) } ?? "" : marker.title
            context.whenTheHTMLIsMade { context in
                do throws(Diagnostic) {
                    let wrapper = try context.theme.wrapper("callout", [
                        "kind": .string(kind.rawValue), "label": .string(label), "title": title.isEmpty ? .null : .string(title),
                        "titleHTML": titleInlines.map { .html(PipeTables.inlineHTML($0)) } ?? .null,
                    ], language: context.page.language)
                    aside.onEnter = wrapper.open
                    aside.onExit = wrapper.close
                } catch {
                    context.diagnostics.append(error)
                }
            }
        }
    }
}

/// The first line of a quote's first paragraph, when it starts with a `[!KIND]` marker: callouts, and
/// quotations in another language (`LanguageQuotes`).
struct MarkerLine {
    var kind: String
    /// The rest of the line without markup, trimmed; empty when there is none.
    var title: String
    /// The line's inlines and the break that ends it: what the aside takes the place of.
    var nodes: [MarkdownNode]
    /// The title's inlines after the marker's text, when any of them is markup (emphasis, code, a link…).
    var markup: [MarkdownNode] = []
    var hasMarkup: Bool { !markup.isEmpty }
    /// The title's text in the marker's own text node, before `markup`.
    var leadingTitle = ""

    init?(_ paragraph: MarkdownNode) {
        var nodes: [MarkdownNode] = []
        var next = paragraph.firstChild
        while let node = next {
            nodes.append(node)
            if node.kind == .softBreak || node.kind == .lineBreak { break }
            next = node.next
        }
        // cmark versions differ in whether they split text at `[`, `!` and `]`, so the marker
        // may span several text nodes; it must lie in text, though: `[!NOTE]` in a code span
        // is code, not a marker.
        let leadingText = nodes.prefix { $0.kind == .text }
        let text = leadingText.map { $0.literal ?? "" }.joined()
        guard let (kind, titleStart) = MarkerLine.marker(in: text) else { return nil }
        let rest = nodes.dropFirst(leadingText.count).map(Self.sourceText).joined()
        // A title is set apart by a space: `[!NOTE]*s*` is no more a marker than `[!NOTE]s`.
        guard titleStart != nil || rest.isEmpty else { return nil }
        self.kind = kind
        title = ((titleStart ?? "") + rest).trimmingCharacters(in: .whitespaces)
        self.nodes = nodes
        let inlines = nodes.dropFirst(leadingText.count).filter { $0.kind != .softBreak && $0.kind != .lineBreak }
        // Any markup but raw HTML (shown as written) keeps the title's inlines: `**Bold** first` lost its
        // bold unless a link or a strikethrough came with it.
        if inlines.contains(where: { $0.kind != .text && $0.kind != .htmlInline }) { markup = Array(inlines) }
        leadingTitle = String((titleStart ?? "").drop { PlainText.isWhitespace($0.unicodeScalars.first!) })
    }

    /// `[!KIND]`, then nothing or whitespace and a title: the kind, and the title's text in `text`.
    /// Checked by hand, not with a Regex: every block quote of every page asks, and building a Regex
    /// each time cost more than parsing the page.
    private static func marker(in text: String) -> (kind: String, titleStart: Substring?)? {
        guard text.utf8.starts(with: "[!".utf8) else { return nil }
        let afterBang = text.utf8.index(text.utf8.startIndex, offsetBy: 2)
        guard let close = text.utf8[afterBang...].firstIndex(where: { !PlainText.isASCIILetter($0) }),
              close > afterBang, text.utf8[close] == UInt8(ascii: "]")
        else { return nil }
        let kind = String(text[afterBang..<close])
        let rest = text[text.utf8.index(after: close)...]
        guard let first = rest.unicodeScalars.first else { return (kind, nil) }
        return PlainText.isWhitespace(first) ? (kind, rest) : nil
    }

    /// `[!NOTE ]`, `[!LANG ko]`, `[!팁]`, `［!NOTE］`: a quote's first text that opens like a marker and is
    /// none, as written up to its `]`; nil for a quote that starts otherwise, or with a kind in a sentence
    /// (`[!NOTE]s are short`) or with nothing between the brackets.
    static func misspelled(_ paragraph: MarkdownNode) -> String? {
        // Every quote that is no callout comes here: most start with a word, and are looked at no further.
        guard let first = paragraph.firstChild, first.kind == .text, let text = first.literal,
              let opening = text.unicodeScalars.first, opening == "[" || opening == "\u{FF3B}"
        else { return nil }
        // The full-width brackets and `！` of a Korean, Japanese or Chinese input method make no marker either.
        let head = asASCII(text.prefix(40))
        guard head.hasPrefix("[!"), let close = head.firstIndex(of: "]") else { return nil }
        let written = String(text.prefix(head.distance(from: head.startIndex, to: close) + 1))
        let inside = head[head.index(head.startIndex, offsetBy: 2)..<close]
        guard !inside.isEmpty, written != head[...close] || !inside.utf8.allSatisfy(PlainText.isASCIILetter) else { return nil }
        return written
    }

    /// Text with full-width `［`, `］` and `！` as their ASCII forms.
    private static func asASCII(_ text: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{FF3B}": scalars.append("[")
            case "\u{FF3D}": scalars.append("]")
            case "\u{FF01}": scalars.append("!")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// `**[!NOTE]**`, `*[!TIP]*`: a marker of one of the kinds, emphasized; nil for anything else.
    static func emphasized(_ paragraph: MarkdownNode) -> String? {
        guard let first = paragraph.firstChild, first.kind == .strong || first.kind == .emphasis,
              let text = first.firstChild, text.kind == .text, let literal = text.literal, let close = closeOfKnownMarker(in: literal)
        else { return nil }
        return String(literal[...close])
    }

    /// The `]` of a marker of one of the five kinds at the start of `text` (`[!tip]`, in any case), nil for none.
    private static func closeOfKnownMarker(in text: String) -> String.Index? {
        guard text.hasPrefix("[!"), let close = text.prefix(20).firstIndex(of: "]"),
              Callouts.Kind(rawValue: text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()) != nil
        else { return nil }
        return close
    }

    /// Whether an inline is on the first line of a callout, after its marker: in its title.
    static func isInCalloutTitle(_ inline: MarkdownNode) -> Bool {
        guard let paragraph = inline.parent, paragraph.kind == .paragraph, let quote = paragraph.parent, quote.kind == .blockQuote,
              quote.firstChild == paragraph, let marker = MarkerLine(paragraph), Callouts.Kind(rawValue: marker.kind.lowercased()) != nil
        else { return false }
        return marker.nodes.contains(inline)
    }

    /// `[!IMPORTANT]Read this`, `[!NOTE]:Title`: a callout's marker with its title run into it, as written
    /// up to the title's first word, and that word; nil for a kind in a sentence (`[!NOTE]s are short`, `[!NOTE]'s`).
    static func unspaced(_ paragraph: MarkdownNode) -> (marker: String, written: String, title: String)? {
        var text = ""
        var next = paragraph.firstChild
        while let node = next, node.kind == .text {
            text += node.literal ?? ""
            next = node.next
        }
        guard let close = closeOfKnownMarker(in: text) else { return nil }
        let rest = text[text.index(after: close)...]
        guard let first = rest.first, first.isUppercase || first.isNumber || first == ":" || (first.isLetter && !first.isASCII) else { return nil }
        let title = rest.drop { $0 == ":" || $0 == " " }.prefix { !$0.isWhitespace }
        return (String(text[...close]), String(text[..<title.endIndex]), String(title))
    }

    static func misspelling(_ written: String) -> String {
        let typed = asASCII(written[...])
        if typed != written {
            return "'\(written)' is written with full-width punctuation, which makes no marker: type it as \(typed) in ASCII; the quote stays as it is"
        }
        let inside = written.dropFirst(2).dropLast().trimmingCharacters(in: .whitespaces)
        if inside.lowercased().hasPrefix(LanguageQuotes.marker + " ") {
            return "'\(written)' is no marker: write the language's code after it, like [!LANG] \(inside.dropFirst(LanguageQuotes.marker.count + 1)); the quote stays as it is"
        }
        return "'\(written)' is no callout marker: write the kind alone between '[!' and ']', like [!NOTE], then a space before a title; the quote stays as it is"
    }

    /// The characters an inline was written with, less its markup. Raw HTML counts as text
    /// here: a title is plain text, so `<b>` in one is shown, not interpreted.
    private static func sourceText(_ node: MarkdownNode) -> String {
        ([node] + node.descendants()).map { node in
            switch node.kind {
            case .text, .code, .htmlInline: node.literal ?? ""
            default: ""
            }
        }.joined()
    }
}
