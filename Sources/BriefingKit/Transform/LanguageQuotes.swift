import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// A quotation in another language or script than its page's: a block quote whose first line is
/// `[!LANG] ar` keeps its blocks inside the theme's `language-quote` partial, with `lang` and `dir`, so
/// browsers lay Arabic out right to left inside an English page, and screen readers and the Nu checker
/// know its language. The direction is the site's for one of its languages, else its script's.
struct LanguageQuotes: DocumentTransform {
    static let marker = "lang"
    let languages: [Language]

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        // Collect first: the walk must be over before the tree changes.
        for quote in document.root.descendants(ofKind: .blockQuote) {
            guard let paragraph = quote.firstChild, paragraph.kind == .paragraph,
                  let marker = MarkerLine(paragraph), marker.kind.lowercased() == LanguageQuotes.marker
            else { continue }
            let words = marker.title.split(separator: " ")
            guard let code = words.first.flatMap({ Language.canonicalCode(String($0)) }) else {
                let written = marker.title.isEmpty ? "[!LANG]" : "[!LANG] " + marker.title
                context.diagnostics.warning("'\(written)' needs a language code, like [!LANG] ar; the quote stays as it is", at: quote.start)
                continue
            }
            guard words.count == 1 else {
                context.diagnostics.warning(
                    "'[!LANG] \(marker.title)': [!LANG] takes a language code alone; put the words on the quote's next line. The quote stays as it is",
                    at: quote.start
                )
                continue
            }
            guard context.theme.hasPartial("language-quote") else {
                context.diagnostics.error("Templates/partials/language-quote.html not found: it writes the HTML of quotations in another language", at: quote)
                continue
            }
            let wrapper: ThemeHTML.Wrapper
            do throws(Diagnostic) {
                wrapper = try context.theme.wrapper(
                    "language-quote", ["lang": .string(code), "dir": .string(direction(of: code).rawValue)], language: context.page.language
                )
            } catch {
                context.diagnostics.append(error)
                continue
            }
            for node in marker.nodes { node.unlink() }
            if paragraph.firstChild == nil { paragraph.unlink() }
            let block = document.makeCustomBlock(onEnter: wrapper.open, onExit: wrapper.close)
            // Cannot fail: a custom block holds any block, and takes the quote's place wherever it was.
            for child in quote.children { try? block.appendChild(child) }
            try? quote.replace(with: block)
        }
    }

    private func direction(of code: String) -> Language.Direction {
        Self.direction(of: code, languages: languages)
    }

    private static func direction(of code: String, languages: [Language]) -> Language.Direction {
        languages.first { $0.code == code }?.direction ?? Language.direction(ofCode: code)
    }

    /// The page's language, when the node is in a quotation in another, or on a page written in another
    /// (`lang:` in its front matter): the theme's words there (a note's or source's label) are the page's,
    /// and say so.
    static func pageLanguage(around node: MarkdownNode, context: TransformContext) -> Language? {
        guard let written = quotation(around: node, languages: context.model.languages) ?? context.model.ownLanguage(of: context.page)
        else { return nil }
        let page = context.model.languages[context.page.language]
        return written.code == page.code ? nil : page
    }

    /// The language of the innermost `[!LANG]` quotation around a node, while the quotes are still
    /// quotes: a note defined in one keeps it where the Notes list it.
    static func quotation(around node: MarkdownNode, languages: [Language]) -> (code: String, direction: Language.Direction)? {
        var ancestor = node.parent
        while let current = ancestor, current.kind != .document {
            ancestor = current.parent
            guard current.kind == .blockQuote, let paragraph = current.firstChild, paragraph.kind == .paragraph,
                  let marker = MarkerLine(paragraph), marker.kind.lowercased() == Self.marker,
                  !marker.title.contains(" "), let code = Language.canonicalCode(marker.title)
            else { continue }
            return (code, direction(of: code, languages: languages))
        }
        return nil
    }
}
