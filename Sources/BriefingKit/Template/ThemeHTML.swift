import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// The HTML Markdown transforms write, rendered from the theme's partials so a site restyles a callout,
/// a FAQ block, a data table or a citation marker by editing `Templates/partials/`. A partial that
/// wraps Markdown content marks the place with `{{{content}}}`: what comes before it opens the wrapper,
/// what comes after closes it. Every partial sees the theme's words in the page's language as `t`, as
/// layouts do.
struct ThemeHTML: Sendable {
    /// The partials transforms use, each with what it is for, as errors name them.
    static let partials: KeyValuePairs<String, String> = [
        "callout": "callouts (> [!NOTE])",
        "faq": "FAQ sections",
        "data-table": "tables placed from data (```table) and pipe tables",
        "cite": "citation markers ([1])",
        "figure-cite": "figures cited with [](figure:id)",
        "footnote-ref": "footnote references ([^1])",
        "footnotes": "the Notes section of a page with footnotes",
        "footnote-back": "the links from a note back to its citations",
        "strikethrough": "struck-through text (~~text~~)",
        "code-block": "code blocks",
        "image": "images",
        "image-figure": "images with a title, shown as figures",
    ]

    /// Partials a theme made before they existed may lack: an error only where a page needs one.
    static let optionalPartials: KeyValuePairs<String, String> = [
        "language-quote": "quotations in another language (> [!LANG] ar)",
        "task-mark": "the boxes of task lists (- [x] …)",
    ]

    private let library: TemplateLibrary
    /// Each language's words, by the language's number, and the same as templates see them (`t`).
    let strings: [StringTable]
    let t: [TemplateValue]
    /// The FAQ wrappers of each language, by its number: rendered once, since they are the same for every
    /// question and section of every page in it.
    private let faq: [FAQWrappers]
    private static let idMark = "\u{2}id\u{2}"

    private struct FAQWrappers {
        var question: Wrapper
        var answer: Wrapper
        /// A FAQ section's wrapper, rendered with a mark where its heading's id goes and cut at the marks.
        var sectionAroundID: (open: [String], close: [String])
    }

    struct Wrapper: Sendable {
        var open: String
        var close: String
    }

    init(library: TemplateLibrary, strings: [StringTable] = [.empty("en")]) throws(Diagnostic) {
        self.library = library
        self.strings = strings
        let t = strings.map(\.templateValue)
        self.t = t
        faq = try zip(t, strings).map { t, table throws(Diagnostic) in
            let numbers = table.numbers
            let question = try ThemeHTML.wrapper(
                library, "faq", ["isSection": false, "isQuestion": true, "isAnswer": false, "headingID": nil, "t": t], numbers: numbers
            )
            let answer = try ThemeHTML.wrapper(
                library, "faq", ["isSection": false, "isQuestion": false, "isAnswer": true, "headingID": nil, "t": t], numbers: numbers
            )
            let section = try ThemeHTML.wrapper(
                library, "faq", ["isSection": true, "isQuestion": false, "isAnswer": false, "headingID": .string(ThemeHTML.idMark), "t": t],
                numbers: numbers
            )
            return FAQWrappers(
                question: question, answer: answer,
                sectionAroundID: (section.open.components(separatedBy: ThemeHTML.idMark), section.close.components(separatedBy: ThemeHTML.idMark))
            )
        }
    }

    func hasPartial(_ name: String) -> Bool { library.contains(name) }

    /// A partial's HTML as one piece, without the line break that ends the file, for a page in the
    /// language numbered `language`.
    func html(_ partial: String, _ context: TemplateValue, language: Int) throws(Diagnostic) -> String {
        var html = try ThemeHTML.render(library, partial, context.setting("t", t[language]), numbers: strings[language].numbers)
        while html.hasSuffix("\n") { html.removeLast() }
        return html
    }

    /// A partial that wraps content, cut where its `{{{content}}}` goes.
    func wrapper(_ partial: String, _ context: TemplateValue, language: Int) throws(Diagnostic) -> Wrapper {
        try ThemeHTML.wrapper(library, partial, context.setting("t", t[language]), numbers: strings[language].numbers)
    }

    /// The wrappers of a FAQ's questions and answers.
    func faqQuestion(language: Int) -> Wrapper { faq[language].question }
    func faqAnswer(language: Int) -> Wrapper { faq[language].answer }

    /// The wrapper of a FAQ section labelled by the heading with this id. Heading ids are slugs, which
    /// HTML escaping leaves as they are, so putting one in place of the mark is rendering it.
    func faqSection(headingID: String, language: Int) -> Wrapper {
        let around = faq[language].sectionAroundID
        return Wrapper(open: around.open.joined(separator: headingID), close: around.close.joined(separator: headingID))
    }

    /// `[3]`, linked to the page's source number 3.
    /// `marked`: the page's language, for a marker inside a quotation in another one (its label is the
    /// page's words).
    func citationMarker(_ number: Int, language: Int, marked page: Language? = nil) throws(Diagnostic) -> String {
        try html("cite", .map(TemplateMap([("number", .int(number)), ("id", .string(ThemeIDs.source(number)))] + ThemeHTML.pageLanguage(page))), language: language)
    }

    /// A table through the `data-table` partial: `values` (its caption, columns and rows), and what every
    /// table shows besides, in the page's language: the label screen readers announce its scroll region
    /// by, its sources with their citation markers, and the line that introduces them. `sources` are
    /// numbered already, in the order the table lists them. `marked`: the page's language, for a table in
    /// a quotation in another one (its number and source line are the page's words).
    func dataTable(
        _ values: [(String, TemplateValue)], label: String, sources: [(source: SourceReference, number: Int)], language: Int,
        marked page: Language?
    ) throws(Diagnostic) -> String {
        let frame = try tableFrame(label: label, sources: sources, language: language, marked: page)
        return try html("data-table", .map(TemplateMap(values + frame + ThemeHTML.pageLanguage(page))), language: language)
    }

    /// `pageLang` and `pageDir`: the page's language where a partial's words are the page's but what is
    /// around them is in another (a `[!LANG]` quotation); empty elsewhere.
    static func pageLanguage(_ page: Language?) -> [(String, TemplateValue)] {
        [("pageLang", page.map { .string($0.code) } ?? .null), ("pageDir", page.map { .string($0.direction.rawValue) } ?? .null)]
    }

    /// What a table is announced by: its caption's words, or for a table without (a caption of no words,
    /// `Table: {#id}`, too) "Table" in the page's language.
    /// The name a table's scroll region is announced by: its caption's words, else its number ("Table 2"),
    /// else the string table's word for a table.
    func tableLabel(caption: MarkdownNode?, numberLabel: String?, language: Int) -> String {
        let words = caption.map { PlainText.collapsingWhitespace($0.plainText) } ?? ""
        return words.isEmpty ? numberLabel ?? strings[language].word("tableRegionLabel", english: "Table") : words
    }

    private func tableFrame(
        label: String, sources: [(source: SourceReference, number: Int)], language: Int, marked page: Language?
    ) throws(Diagnostic) -> [(String, TemplateValue)] {
        let table = strings[language]
        var values: [TemplateValue] = []
        for (position, (source, number)) in sources.enumerated() {
            values.append([
                "title": .string(source.title), "url": source.url.flatMap { LinkURL.isAllowed($0) ? .string(LinkURL.hrefEncoded($0)) : nil } ?? .null,
                "marker": .html(try citationMarker(number, language: language, marked: page)), "isFirst": .bool(position == 0),
            ])
        }
        return [
            ("label", .string(label)),
            ("sources", .list(values)), ("hasSources", .bool(!sources.isEmpty)), ("hasSeveralSources", .bool(sources.count > 1)),
            // `Sources: {sources}` in the page's language and number, as parts (see `StringTable`).
            ("sourceLine", table.isEmpty
                ? StringTable.parts(sources.count == 1 ? "Source: {sources}" : "Sources: {sources}")
                : table.pluralParts("tableSource", count: sources.count)),
        ]
    }

    /// Stands for the content while a wrapper renders: control characters no text of a template has.
    private static let contentMark = "\u{1}content\u{1}"

    private static func wrapper(
        _ library: TemplateLibrary, _ partial: String, _ context: TemplateValue, numbers: NumberStyle?
    ) throws(Diagnostic) -> Wrapper {
        let html = try render(library, partial, context.setting("content", .html(contentMark)), numbers: numbers)
        guard let mark = html.range(of: contentMark) else {
            throw .error("Templates/partials/\(partial).html must place the content with {{{content}}}")
        }
        // cmark starts and ends a custom block's HTML on lines of their own, so the line breaks around
        // the content are the partial's layout, not part of either half.
        return Wrapper(open: withoutLineBreaksAround(html[..<mark.lowerBound]), close: withoutLineBreaksAround(html[mark.upperBound...]))
    }

    private static func withoutLineBreaksAround(_ text: Substring) -> String {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start] == "\n" { start = text.index(after: start) }
        while end > start, text[text.index(before: end)] == "\n" { end = text.index(before: end) }
        return String(text[start..<end])
    }

    private static func render(
        _ library: TemplateLibrary, _ partial: String, _ context: TemplateValue, numbers: NumberStyle?
    ) throws(Diagnostic) -> String {
        do {
            return try library.render(partial, context: context, strict: true, numbers: numbers)
        } catch {
            throw Theme.diagnostic(error)
        }
    }
}
