import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct FootnotesTests {
    /// Footnotes, FAQ sections and heading ids, as a page build runs them.
    private func rendered(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> (html: String, messages: [String]) {
        let result = TransformHarness.run(markdown, [Footnotes(), FAQSections(), HeadingAnchors(siteLevels: 2...3)], options: options)
        return (result.html, result.diagnostics.map(\.description))
    }

    private func back(_ number: Int, _ label: String, _ id: String) -> String {
        "<a href=\"#\(id)\" aria-label=\"Back to the text, citation \(label)\"><span aria-hidden=\"true\">↩</span>&#xA0;\(label)</a>"
    }

    private func ref(_ number: Int, _ id: String) -> String {
        "<sup class=\"footnote-ref\">&#8288;<a href=\"#fn-\(number)\" id=\"\(id)\" aria-label=\"Note \(number)\">\(number)</a></sup>"
    }

    @Test func notesAreNumberedByFirstCitationAndListedAtTheEnd() {
        let result = rendered("""
            Seoul pays[^sma] and Washington asks[^ask]. Again[^sma].

            [^ask]: In 2019, five times as much.
            [^sma]: Under the *Special Measures Agreement*.

            The end.
            """)
        #expect(result.html == """
            <p>Seoul pays\(ref(1, "fnref-1")) and Washington asks\(ref(2, "fnref-2")). Again\(ref(1, "fnref-1-2")).</p>
            <p>The end.</p>
            <section class="footnotes" aria-labelledby="notes-title">
            <h2 id="notes-title">Notes</h2>
            <ol>
            <li id="fn-1">
            <p>Under the <em>Special Measures Agreement</em>. <span class="footnote-back">\(back(1, "1a", "fnref-1")) \(back(1, "1b", "fnref-1-2"))</span></p>
            </li>
            <li id="fn-2">
            <p>In 2019, five times as much. <span class="footnote-back">\(back(2, "2", "fnref-2"))</span></p>
            </li>
            </ol>
            </section>

            """)
        #expect(result.messages.isEmpty)
    }

    /// cmark alone would read these as link reference definitions and link `[^1]` to them.
    /// A definition inside a quote or a list item was not read as one, as GitHub reads it: each
    /// citation of it was an error at the definition's own line.
    /// Smart punctuation curled a mark's label (`[^don’t]`) and not its definition's: never defined.
    @Test func labelsWithQuotesDashesAndDotsMatchUnderSmartPunctuation() {
        let result = rendered("""
            One[^don't], two[^a--b], three[^x...] and four[^"q"].

            [^don't]: A.
            [^a--b]: B.
            [^x...]: C.
            [^"q"]: D.
            """, options: MarkdownOptions(smartPunctuation: true))
        #expect(result.messages.isEmpty)
        #expect(result.html.contains("<li id=\"fn-4\">\n<p>D."))
    }

    /// An input method's wide colon (`[^가]：`) made no definition, and the message did not say why.
    @Test func aDefinitionWithAWideColonIsNamed() {
        let result = rendered("논평[^가].\n\n[^가]： 국회 기준.\n")
        #expect(result.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:1:3: error: footnote '[^가]' is not defined: add a line '[^가]: …' (defined here: none); its definition's colon is the wide '：' of an input method: type ':'",
            "Content/alliance/page.md:3:1: error: footnote '[^가]' is not defined: add a line '[^가]: …' (defined here: none); its definition's colon is the wide '：' of an input method: type ':'",
        ])
    }

    /// A label with a space made no note, and the page showed `[^ 2]` without a word; with a line that
    /// defines it, cmark and GitHub read a link, and the message was about a link to the note's words.
    @Test func aLabelWithASpaceIsNamed() {
        let spaced = rendered("Cited[^ 2] and [^1 ], not \\[^a b].\n\n[^ 2]: A note.\n")
        #expect(spaced.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:1:6: warning: '[^ 2]' is shown as typed, not as a note: a note's label holds no space, so write [^2] here and in the note's line",
            "Content/alliance/page.md:1:16: warning: '[^1 ]' is shown as typed, not as a note: a note's label holds no space, so write [^1] here and in the note's line",
            "Content/alliance/page.md:3:1: warning: '[^ 2]' is shown as typed, not as a note: a note's label holds no space, so write [^2] here and in the note's line",
        ])
        let model = TransformHarness.run("", []).context.model
        let linked = TransformHarness.run("Cited[^note 1].\n\n[^note 1]: Other.\n", [Footnotes(), InternalLinks(model: model, contentFiles: [])])
        #expect(linked.messageLines == [
            "Content/alliance/page.md:1:6: error: '[^note 1]' is no footnote but a link to 'Other.', which the line '[^note 1]: …' defines: "
                + "a note's label holds no space, so write [^note-1] here and in the note's line",
        ])
    }

    /// `\[^1]` is how an editor shows the syntax itself; it was read as a mark of a note never defined.
    @Test func anEscapedMarkIsText() {
        let result = rendered("To cite a note, type \\[^1] or &#91;^1] after the word.\n")
        #expect(result.messages.isEmpty)
        #expect(result.html == "<p>To cite a note, type [^1] or [^1] after the word.</p>\n")
        let cited = rendered("Escaped \\[^n] and cited[^n].\n\n[^n]: The note.\n")
        #expect(cited.html.hasPrefix("<p>Escaped [^n] and cited\(ref(1, "fnref-1")).</p>"))
    }

    @Test func aDefinitionInAQuoteOrAListItemIsANote() {
        let result = rendered("Cite.[^inside] and x[^li]\n\n> [^inside]: Definition inside a quote.\n\n- [^li]: in list\n")
        #expect(result.messages.isEmpty)
        #expect(result.html.contains("Definition inside a quote."))
        #expect(result.html.contains("in list"))
        #expect(result.html.contains(ref(1, "fnref-1")) && result.html.contains(ref(2, "fnref-2")))
    }

    /// Columns on a definition's first line were counted as if `[^label]: ` were four characters wide.
    @Test func messagesAboutANotesFirstLinePointWhereTheEditorWrote() {
        let model = TransformHarness.run("", []).context.model
        let result = TransformHarness.run(
            "Text.[^a] More.[^cell]\n\n  [^a]: [x](nope1.md)\n\n[^cell]:   Cell note with a [link](nope2.md)\n    and [more](nope3.md)\n",
            [Footnotes(), InternalLinks(model: model, contentFiles: [])]
        )
        #expect(result.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["3:9", "5:29", "6:9"])
    }

    @Test func aDefinitionThatLooksLikeALinkReferenceIsStillANote() {
        let result = rendered("See[^1] and[^w].\n\n[^1]: https://example.org\n[^w]: Word \"title\"\n")
        #expect(result.html.contains("<li id=\"fn-1\">\n<p>https://example.org <span"))
        #expect(result.html.contains("<li id=\"fn-2\">\n<p>Word &quot;title&quot; <span"))
        #expect(!result.html.contains("<a href=\"https://example.org\">"))
        #expect(result.messages.isEmpty)
    }

    @Test func indentedLinesContinueANoteWithSeveralBlocks() {
        let result = rendered("Text[^long].\n\n[^long]: First paragraph\n    continues.\n\n    Second paragraph.\n\n        code in the note\n\nAfter.\n")
        #expect(result.html == """
            <p>Text\(ref(1, "fnref-1")).</p>
            <p>After.</p>
            <section class="footnotes" aria-labelledby="notes-title">
            <h2 id="notes-title">Notes</h2>
            <ol>
            <li id="fn-1">
            <p>First paragraph
            continues.</p>
            <p>Second paragraph.</p>
            <pre><code>code in the note
            </code></pre>
            <p><span class="footnote-back">\(back(1, "1", "fnref-1"))</span></p>
            </li>
            </ol>
            </section>

            """)
    }

    /// cmark-gfm writes the mark inside the link: a link in a link, which HTML forbids.
    @Test func aMarkInALinksTextGoesRightAfterTheLink() {
        let result = rendered("Read [the *agreement*[^a] and[^b]](https://www.state.gov/)[^c] now.\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n")
        #expect(result.html.hasPrefix(
            "<p>Read <a href=\"https://www.state.gov/\">the <em>agreement</em> and</a>" + ref(1, "fnref-1") + ref(2, "fnref-2") + ref(3, "fnref-3") + " now.</p>"
        ))
        #expect(result.messages.isEmpty)
    }

    @Test func codeIsLeftAlone() {
        let markdown = "```\n[^1]: not a note, and [^1] no reference\n```\n\n`[^1]` neither.\n"
        let result = rendered(markdown)
        #expect(result.html == "<pre><code>[^1]: not a note, and [^1] no reference\n</code></pre>\n<p><code>[^1]</code> neither.</p>\n")
        #expect(result.messages.isEmpty)
    }

    @Test func undefinedReferenceAndDuplicateDefinitionAreErrorsAtTheirPlace() {
        let result = rendered("Cited[^a], missing[^b].\n\n[^a]: One.\n[^a]: Two.\n[^c]: Never cited.\n")
        #expect(result.messages == [
            """
            Content/alliance/page.md:4:1: error: footnote '[^a]' is defined twice (first at line 3): rename or remove one
            [^a]: Two.
            ^
            """,
            """
            Content/alliance/page.md:1:19: error: footnote '[^b]' is not defined: add a line '[^b]: …' (defined here: [^a], [^c])
            Cited[^a], missing[^b].
                              ^
            """,
            """
            Content/alliance/page.md:5:1: warning: footnote '[^c]' is never cited: cite it with [^c] or remove it
            [^c]: Never cited.
            ^
            """,
        ])
        #expect(!result.html.contains("Never cited"))
        #expect(!result.html.contains("Two."))
    }

    /// A note cited only from a note that is never cited was listed, its link back to a mark that the
    /// left-out note took with it leading nowhere; a note cited from a note that is cited is kept.
    @Test func aNoteCitedOnlyFromANoteLeftOutIsLeftOutToo() {
        let result = rendered("Body.[^1]\n\n[^1]: One, see [^kept].\n[^old]: Old, cites [^detail].\n[^detail]: Detail.\n[^kept]: Kept.\n")
        #expect(result.messages == [
            "Content/alliance/page.md:4:1: warning: footnote '[^old]' is never cited: cite it with [^old] or remove it\n[^old]: Old, cites [^detail].\n^",
            "Content/alliance/page.md:5:1: warning: footnote '[^detail]' is cited only in [^old], which the text never cites: both are left out; "
                + "cite one from the text or remove them\n[^detail]: Detail.\n^",
        ])
        #expect(!result.html.contains("Detail.") && !result.html.contains("fnref-3") && !result.html.contains("fn-3"))
        #expect(result.html.contains(#"<li id="fn-2">"#) && result.html.contains("Kept."))
    }

    /// A note defined inside a quotation in another language lost it where the Notes list it; its links
    /// back, the theme's words, keep the page's.
    @Test func aNoteDefinedInAQuotationKeepsItsLanguage() {
        let markdown = "> [!LANG] ar\n> السلام عليكم.[^ar]\n>\n> [^ar]: ترجمة غير رسمية.\n\nText.[^en]\n\n[^en]: English.\n"
        let html = TransformHarness.run(markdown, [Footnotes(), LanguageQuotes(languages: [])]).html
        #expect(html.contains(#"<li id="fn-1" lang="ar" dir="rtl">"# + "\n<p>ترجمة غير رسمية. <span class=\"footnote-back\" lang=\"en\" dir=\"ltr\">"))
        #expect(html.contains("<li id=\"fn-2\">\n<p>English. <span class=\"footnote-back\"><a"))
    }

    @Test func labelsMatchWhateverTheirCase() {
        let result = rendered("A[^Note].\n\n[^NOTE]: Text.\n")
        #expect(result.html.contains(ref(1, "fnref-1")))
        #expect(result.messages.isEmpty)
    }

    @Test func headingsNeverTakeANoteID() {
        let result = rendered("## FN 1\n\n## Notes title\n\nA[^x].\n\n[^x]: Y.\n")
        #expect(result.html.hasPrefix("<h2 id=\"fn-1-1\">FN 1</h2>\n<h2 id=\"notes-title-1\">Notes title</h2>\n"))
    }

    @Test func aFAQAtTheEndLeavesTheNotesOutside() {
        let result = rendered("A[^x].\n\n## FAQ\n\n### Why?\nBecause.\n\n[^x]: Y.\n")
        #expect(result.html.hasSuffix("</section>\n<section class=\"footnotes\" aria-labelledby=\"notes-title\">\n<h2 id=\"notes-title\">Notes</h2>\n<ol>\n<li id=\"fn-1\">\n<p>Y. <span class=\"footnote-back\">\(back(1, "1", "fnref-1"))</span></p>\n</li>\n</ol>\n</section>\n"))
    }

    @Test func aPageWithoutFootnotesIsParsedAsItIs() {
        let source = MarkdownSource(body: "Plain [text] and a [link](x.md).\n", options: MarkdownOptions())
        #expect(!source.footnotes.mentionsFootnotes)
        #expect(source.footnotes.definitions.isEmpty)
    }

    @Test func citationLettersGoPastZ() {
        #expect(Footnotes.letters(0) == "a")
        #expect(Footnotes.letters(25) == "z")
        #expect(Footnotes.letters(26) == "aa")
        #expect(Footnotes.letters(27) == "ab")
    }
}
