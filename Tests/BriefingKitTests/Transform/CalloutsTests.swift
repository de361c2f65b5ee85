import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct CalloutsTests {
    /// Callouts, then heading ids, as a page build runs them.
    private func rendered(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> (html: String, warnings: [String]) {
        let result = TransformHarness.run(markdown, [Callouts(), HeadingAnchors(siteLevels: 2...3)], options: options)
        return (result.html, result.diagnostics.map(\.description))
    }

    @Test func titleBecomesAParagraphAboveTheBody() {
        let result = rendered("> [!NOTE] Did you know?\n> The SMA is renewed every *five* years.\n")
        #expect(result.html == """
            <aside class="callout callout-note" aria-label="Note">
            <p class="callout-title">Did you know?</p>
            <p>The SMA is renewed every <em>five</em> years.</p>
            </aside>

            """)
        #expect(result.warnings.isEmpty)
    }

    /// A title was plain text: its link was lost, its figure shown as nothing, and its note's mark went
    /// while the note stayed, its link back leading nowhere.
    @Test func aTitleKeepsItsLinksNotesAndFigures() {
        let markdown = "> [!NOTE] About [](figure:troops) troops[^t] and [the SMA](https://www.state.gov/)\n> Body.\n\n[^t]: A note.\n"
        let data = TableDirectiveTests.data
        let result = TransformHarness.run(markdown, [Footnotes(), FigureCitations(figures: data.figures), Callouts()], data: data)
        #expect(result.html.contains(
            "<p class=\"callout-title\">About <span class=\"figure\" data-figure=\"troops\">28,500</span><sup class=\"cite\">"
        ))
        #expect(result.html.contains("troops<sup class=\"footnote-ref\">&#8288;<a href=\"#fn-1\" id=\"fnref-1\""))
        #expect(result.html.contains(" and <a href=\"https://www.state.gov/\">the SMA</a></p>"))
        #expect(result.diagnostics.isEmpty)
        let emphasized = TransformHarness.run("> [!TIP] *See [the SMA](https://www.state.gov/)*\n> Body.\n", [Callouts()])
        #expect(emphasized.html.contains("<p class=\"callout-title\"><em>See <a href=\"https://www.state.gov/\">the SMA</a></em></p>"))
    }

    @Test func markerSplitOverSeveralTextNodes() throws {
        let document = MarkdownDocument(markdown: "> [!TIP] Pro tip\n> Body.\n")
        let text = try #require(document.root.descendants().first { $0.kind == .text })
        for piece in ["[", "!TIP", "]", " Pro tip"] {
            try text.insertBefore(document.makeText(piece))
        }
        text.unlink()
        var context = TransformHarness.run("", []).context
        Callouts().apply(to: document, context: &context)
        context.finish()
        #expect(context.diagnostics.all.isEmpty)
        #expect(document.renderHTML() == """
            <aside class="callout callout-tip" aria-label="Tip">
            <p class="callout-title">Pro tip</p>
            <p>Body.</p>
            </aside>

            """)
    }

    @Test func withoutTitleTheAsideOnlyHasItsLabel() {
        #expect(rendered("> [!TIP]\n> Read the annex first.\n\nAfter.\n").html == """
            <aside class="callout callout-tip" aria-label="Tip">
            <p>Read the annex first.</p>
            </aside>
            <p>After.</p>

            """)
    }

    @Test(arguments: [
        ("[!NOTE]", "note", "Note"),
        ("[!TIP]", "tip", "Tip"),
        ("[!IMPORTANT]", "important", "Important"),
        ("[!WARNING]", "warning", "Warning"),
        ("[!CAUTION]", "caution", "Caution"),
        ("[!note]", "note", "Note"),
        ("[!Warning]", "warning", "Warning"),
    ])
    func everyKindInAnyCase(marker: String, kind: String, label: String) {
        #expect(rendered("> \(marker)\n> Body.\n").html == """
            <aside class="callout callout-\(kind)" aria-label="\(label)">
            <p>Body.</p>
            </aside>

            """)
    }

    @Test func bodyWithAListAndMoreParagraphs() {
        let markdown = """
            > [!IMPORTANT] Before the vote
            > - Read the *treaty*
            > - Count the troops
            >
            > Then decide.
            >
            > ## Details

            """
        #expect(rendered(markdown).html == """
            <aside class="callout callout-important" aria-label="Important">
            <p class="callout-title">Before the vote</p>
            <ul>
            <li>Read the <em>treaty</em></li>
            <li>Count the troops</li>
            </ul>
            <p>Then decide.</p>
            <h2 id="details">Details</h2>
            </aside>

            """)
    }

    /// An empty landmark is noise to a screen reader: a marker with no title and no text makes none.
    @Test func aMarkerAloneIsLeftOut() {
        let result = rendered("> [!CAUTION]\n\nText.\n")
        #expect(result.html == "<p>Text.</p>\n")
        #expect(result.warnings == [
            "Content/alliance/page.md:1:1: warning: the callout '[!CAUTION]' has no text, and is left out: write it on the lines after the marker, "
                + "each starting with '>'\n> [!CAUTION]\n^",
        ])
    }

    /// A callout left out took a number all the same: the page's one note was "Note (2)". An image with an
    /// id on the line under a callout's marker stands alone in the callout, as it does without the id.
    @Test func aCalloutLeftOutTakesNoNumberAndAFigureMayOpenOne() {
        let result = rendered("> [!NOTE]\n\n> [!NOTE]\n> Real note.\n")
        #expect(result.html.hasPrefix(#"<aside class="callout callout-note" aria-label="Note">"#))
        let figure = TransformHarness.run(
            "> [!NOTE] Where they are\n> ![Map](https://example.org/m.png \"The bases {#bases}\")\n",
            [Images(contentFolder: nil, contentFiles: []), Callouts()]
        )
        #expect(figure.diagnostics.isEmpty, "\(figure.diagnostics)")
        #expect(figure.html.contains(#"<figure class="image-figure" id="bases">"#))
    }

    @Test func hardBreakAfterTheMarkerGoesWithIt() {
        #expect(rendered("> [!NOTE] Title\\\n> Body.\n").html == """
            <aside class="callout callout-note" aria-label="Note">
            <p class="callout-title">Title</p>
            <p>Body.</p>
            </aside>

            """)
    }

    /// Emphasis and code in a title are kept (they were only with a link beside them); raw HTML is shown.
    @Test func aTitleKeepsItsMarkupAndShowsRawHTMLAsWritten() {
        let markdown = "> [!WARNING] <b>Don't</b> & \"*quote*\" `x<y`\n> Body.\n"
        let expected = """
            <aside class="callout callout-warning" aria-label="Warning">
            <p class="callout-title">&lt;b&gt;Don't&lt;/b&gt; &amp; &quot;<em>quote</em>&quot; <code>x&lt;y</code></p>
            <p>Body.</p>
            </aside>

            """
        #expect(rendered(markdown).html == expected)
        // Raw HTML is allowed in unsafe mode, but not in a title: said so, with what to write instead.
        let unsafe = rendered(markdown, options: MarkdownOptions(unsafe: true))
        #expect(unsafe.html == expected)
        #expect(unsafe.warnings == [
            "Content/alliance/page.md:1:14: warning: raw HTML in a callout's title is shown as written, tags and all; a callout's title takes Markdown instead: **bold**, *emphasis*, `code`, links\n> [!WARNING] <b>Don't</b> & \"*quote*\" `x<y`\n             ^",
        ])
    }

    /// A site that does not trust raw HTML was told to trust it, though a title would show it as written all the same.
    @Test func rawHTMLInATitleIsToldToUseMarkdown() {
        let result = TransformHarness.run("> [!NOTE] Title with <b>bold</b>\n> Body.\n\nText <b>bold</b>.\n", [RawHTMLText(), Callouts()])
        #expect(result.html.hasPrefix("<aside class=\"callout callout-note\" aria-label=\"Note\">\n<p class=\"callout-title\">Title with bold</p>"))
        #expect(result.diagnostics.map(\.message) == [
            "raw HTML is left out: its tags are dropped and its text kept; a callout's title takes Markdown instead: **bold**, *emphasis*, `code`, links",
            "raw HTML is left out: its tags are dropped and its text kept; set markdown.unsafe: true in site.yaml if you trust it",
        ])
    }

    @Test func calloutsNestedInListsAndQuotes() {
        let markdown = """
            - > [!NOTE]
              > In a list.

            > [!WARNING] Outer
            > > [!TIP] Inner
            > > Nested.

            > Plain quote
            > > [!CAUTION]
            > > Inside it.

            """
        #expect(rendered(markdown).html == """
            <ul>
            <li>
            <aside class="callout callout-note" aria-label="Note">
            <p>In a list.</p>
            </aside>
            </li>
            </ul>
            <aside class="callout callout-warning" aria-label="Warning">
            <p class="callout-title">Outer</p>
            <aside class="callout callout-tip" aria-label="Tip">
            <p class="callout-title">Inner</p>
            <p>Nested.</p>
            </aside>
            </aside>
            <blockquote>
            <p>Plain quote</p>
            <aside class="callout callout-caution" aria-label="Caution">
            <p>Inside it.</p>
            </aside>
            </blockquote>

            """)
    }

    @Test func unknownKindStaysAQuoteAndIsReported() {
        let result = rendered("Intro.\n\n> [!INFO] Heads up\n> Body.\n\n- > [!Danger]\n")
        #expect(result.html == """
            <p>Intro.</p>
            <blockquote>
            <p>[!INFO] Heads up
            Body.</p>
            </blockquote>
            <ul>
            <li>
            <blockquote>
            <p>[!Danger]</p>
            </blockquote>
            </li>
            </ul>

            """)
        #expect(result.warnings == [
            "Content/alliance/page.md:3:1: warning: unknown callout '[!INFO]' stays a quote (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)\n> [!INFO] Heads up\n^",
            "Content/alliance/page.md:6:3: warning: unknown callout '[!Danger]' stays a quote (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)\n- > [!Danger]\n  ^",
        ])
    }

    /// A marker written almost right stayed a plain quote without a word: a space inside the brackets, a
    /// kind in Korean, a language's code inside the brackets.
    @Test func aMarkerWrittenAlmostRightIsAWarning() {
        let result = rendered("> [!NOTE ] Spaced.\n\n> [!팁] 읽기 팁\n\n> [!LANG ko] 동맹은 중요하다.\n")
        #expect(result.html.hasPrefix("<blockquote>\n<p>[!NOTE ] Spaced.</p>\n</blockquote>\n"))
        #expect(result.warnings == [
            "Content/alliance/page.md:1:1: warning: '[!NOTE ]' is no callout marker: write the kind alone between '[!' and ']', like [!NOTE], then a space before a title; the quote stays as it is\n> [!NOTE ] Spaced.\n^",
            "Content/alliance/page.md:3:1: warning: '[!팁]' is no callout marker: write the kind alone between '[!' and ']', like [!NOTE], then a space before a title; the quote stays as it is\n> [!팁] 읽기 팁\n^",
            "Content/alliance/page.md:5:1: warning: '[!LANG ko]' is no marker: write the language's code after it, like [!LANG] ko; the quote stays as it is\n> [!LANG ko] 동맹은 중요하다.\n^",
        ])
    }

    /// `**[!NOTE]**` stayed a plain quote without a word.
    @Test func anEmphasizedMarkerIsAWarning() {
        let result = rendered("> **[!NOTE]** Read this.\n\n> *[!tip]*\n> Body.\n\n> **[!SIC]** stays.\n")
        #expect(result.html.hasPrefix("<blockquote>\n<p><strong>[!NOTE]</strong> Read this.</p>"))
        #expect(result.warnings.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:1:1: warning: '[!NOTE]' in bold or italics is no callout marker, so the quote stays as it is: write it plain, [!NOTE], at the start of the quote",
            "Content/alliance/page.md:3:1: warning: '[!tip]' in bold or italics is no callout marker, so the quote stays as it is: write it plain, [!tip], at the start of the quote",
        ])
    }

    /// `［!NOTE］`, with the full-width brackets of a CJK input method, stayed a quote without a word.
    @Test func aMarkerInFullWidthPunctuationIsAWarning() {
        let result = rendered("> ［!NOTE］ 참고\n\n> [！TIP] 팁\n\n> ［!LANG］ ko\n")
        #expect(result.html.hasPrefix("<blockquote>\n<p>［!NOTE］ 참고</p>\n</blockquote>\n"))
        let message = "is written with full-width punctuation, which makes no marker: type it as"
        #expect(result.warnings == [
            "Content/alliance/page.md:1:1: warning: '［!NOTE］' \(message) [!NOTE] in ASCII; the quote stays as it is\n> ［!NOTE］ 참고\n^",
            "Content/alliance/page.md:3:1: warning: '[！TIP]' \(message) [!TIP] in ASCII; the quote stays as it is\n> [！TIP] 팁\n^",
            "Content/alliance/page.md:5:1: warning: '［!LANG］' \(message) [!LANG] in ASCII; the quote stays as it is\n> ［!LANG］ ko\n^",
        ])
    }

    /// `>[!IMPORTANT]Read this` stayed a quote without a word. (`[!NOTE]: Title` is a link reference definition.)
    @Test func aTitleRunIntoItsMarkerIsAWarning() {
        let result = rendered(">[!IMPORTANT]Read this first\n> Body.\n\n> [!tip]2026 figures\n\n> [!NOTE]참고 사항\n")
        #expect(result.html.hasPrefix("<blockquote>\n<p>[!IMPORTANT]Read this first\nBody.</p>\n</blockquote>\n"))
        let message = "runs the title into the callout marker, so it stays a quote (as on GitHub): write a space after the marker, like"
        #expect(result.warnings == [
            "Content/alliance/page.md:1:1: warning: '[!IMPORTANT]Read' \(message) [!IMPORTANT] Read\n>[!IMPORTANT]Read this first\n^",
            "Content/alliance/page.md:4:1: warning: '[!tip]2026' \(message) [!tip] 2026\n> [!tip]2026 figures\n^",
            "Content/alliance/page.md:6:1: warning: '[!NOTE]참고' \(message) [!NOTE] 참고\n> [!NOTE]참고 사항\n^",
        ])
    }

    @Test(arguments: [
        "> A plain quote.\n> Two lines.\n",
        "> [!NOTE]'s length.\n",
        "> [!NOTE], said the editor.\n",
        "> Text first [!NOTE]\n",
        "> [!NOTE]s are short.\n",
        "> [!NOTE]*s* are short.\n",
        "> `[!NOTE]` in code\n",
        "> [!]\n",
        "> [!NOTE\n",
        "> Paragraph.\n>\n> [!NOTE] Not on the first line\n",
        "> - [!NOTE] In a list\n",
    ])
    func otherQuotesAreUntouched(markdown: String) {
        let result = rendered(markdown)
        #expect(result.html == MarkdownDocument(markdown: markdown).renderHTML())
        #expect(result.warnings.isEmpty)
    }
}
