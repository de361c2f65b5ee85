import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct HeadingAnchorsTests {
    private func anchored(
        _ markdown: String,
        _ anchors: HeadingAnchors = HeadingAnchors(siteLevels: 2...3),
        options: MarkdownOptions = MarkdownOptions()
    ) -> (html: String, toc: TableOfContents, ids: Set<String>, headings: [AnchoredHeading]) {
        let result = TransformHarness.run(markdown, [anchors], options: options)
        let headings = result.context.headings
        return (result.html, headings.tableOfContents, headings.linkableIDs(), headings.headings)
    }

    /// A figure's `{#map}` took the id of the heading "Map" above it: links to #map, from other pages too,
    /// silently reached the figure.
    @Test func aHeadingWhoseIdATableOrImageTookIsWarnedOf() {
        let markdown = "## Map\n\n![A map](map.svg \"The bases {#map}\")\n\n## Payments\n"
        let result = TransformHarness.run(markdown, [Images(contentFolder: nil, contentFiles: [], checksImageFiles: false), HeadingAnchors(siteLevels: 2...3)])
        #expect(result.html.contains("<h2 id=\"map-1\">Map</h2>"))
        #expect(result.diagnostics.map(\.message).filter { $0.contains("heading's id") } == [
            "this heading's id would be 'map', which a table or image on the page has ({#map}): links to #map reach that instead, and the heading is #map-1; give the table or image another id",
        ])
    }

    /// `## Source 1` became #source-1-1 without a word, and `[see](#source-1)` led to the Sources list.
    @Test func aHeadingWhoseIdThePageUsesForItsOwnIsWarnedOf() {
        let markdown = "| a |\n|---|\n| 1 |\n\nSource: [S](https://s.example/)\n\n## Source 1\n\n## Main\n\n## Sources\n"
        let result = TransformHarness.run(markdown, [PipeTables(), HeadingAnchors(siteLevels: 2...3)])
        #expect(result.html.contains(#"<h2 id="source-1-1">Source 1</h2>"#))
        #expect(result.diagnostics.map { "\($0.location?.line ?? 0): \($0.message)" } == [
            "7: this heading's id would be 'source-1', which the page gives an element of its own (a source, a note or a part of the theme): links to #source-1 reach that instead, and the heading is #source-1-1; reword the heading if links are meant for it",
            "9: this heading's id would be 'main', which the page gives an element of its own (a source, a note or a part of the theme): links to #main reach that instead, and the heading is #main-1; reword the heading if links are meant for it",
        ])
    }

    @Test func keepsInlineMarkup() {
        let html = anchored("## The *SMA* and `cost` [sharing](/sma/)\n").html
        #expect(html == """
            <h2 id="the-sma-and-cost-sharing">The <em>SMA</em> and <code>cost</code> <a href="/sma/">sharing</a></h2>

            """)
    }

    /// A heading of text alone is escaped without cmark; it must come out as cmark writes it.
    @Test(arguments: [
        "Burden sharing", "Cost & benefit", "A \"tripwire\"? 'Ironclad'", "1 &lt; 2 &amp; 3 > 2", "Seoul/Washington",
        "\\<not html\\>", "Zoë’s 한국 🇰🇷 — 'quotes' \"too\"", "Plain -- and... smart",
    ])
    func plainTextHeadingsAreEscapedAsCmarkEscapesThem(_ title: String) {
        for options in [MarkdownOptions(), MarkdownOptions(smartPunctuation: true)] {
            let heading = MarkdownDocument(markdown: "## \(title)\n", options: options).root.descendants(ofKind: .heading)[0]
            #expect(heading.children.count == 1 && heading.children[0].kind == .text, "\(title)")
            #expect(HeadingAnchors.innerHTML(of: heading.children) == heading.children.map { $0.renderHTML() }.joined(), "\(title)")
        }
    }

    @Test func everyLevelGetsAnIdAndBodyIsUntouched() {
        let html = anchored("# Alliance\n\nText.\n\n#### Deep *dive*\n\n> ### Quoted\n").html
        #expect(html == """
            <h1 id="alliance">Alliance</h1>
            <p>Text.</p>
            <h4 id="deep-dive">Deep <em>dive</em></h4>
            <blockquote>
            <h3 id="quoted">Quoted</h3>
            </blockquote>

            """)
    }

    @Test func escapesTextAndKeepsSafeMode() {
        #expect(anchored("## a < b & \"c\"\n").html == "<h2 id=\"a-b-c\">a &lt; b &amp; &quot;c&quot;</h2>\n")
        #expect(anchored("## <b>Bold</b>\n").html
            == "<h2 id=\"bold\"><!-- raw HTML omitted -->Bold<!-- raw HTML omitted --></h2>\n")
        #expect(anchored("## <b>Bold</b>\n", options: MarkdownOptions(unsafe: true)).html
            == "<h2 id=\"bold\"><b>Bold</b></h2>\n")
    }

    @Test func setextHeadingOverTwoLines() {
        let result = anchored("Line one\nline *two*\n===\n")
        #expect(result.html == "<h1 id=\"line-one-line-two\">Line one\nline <em>two</em></h1>\n")
        #expect(result.headings.map(\.title) == ["Line one line two"])
    }

    @Test func duplicatesAreNumberedInDocumentOrder() {
        let result = anchored("## Intro\n## Intro\n## Intro 1\n## Intro\n## FAQ\n### FAQ\n")
        #expect(result.headings.map(\.id) == ["intro", "intro-1", "intro-1-1", "intro-2", "faq", "faq-1"])
        #expect(result.ids == ["intro", "intro-1", "intro-1-1", "intro-2", "faq", "faq-1"])
    }

    @Test func reservedIdsAreAvoided() {
        let result = anchored("## Main\n## TOC title\n## Main\n## Sources title\n")
        #expect(result.headings.map(\.id) == ["main-1", "toc-title-1", "main-2", "sources-title-1"])
        #expect(!result.ids.contains("main"))
    }

    @Test(arguments: [
        ("북한의 핵", "북한의-핵"),
        ("Über uns", "über-uns"),
        ("U\u{308}ber uns", "über-uns"),
        ("US–South Korea: “Ironclad” — or titanium?", "us-south-korea-ironclad-or-titanium"),
        ("Burden-sharing   in  2026", "burden-sharing-in-2026"),
        ("--- Edge --", "edge"),
        ("What's the SMA?", "whats-the-sma"),
        ("हिन्दी भाषा", "हिन्दी-भाषा"),
        ("Ελληνικά ΚΕΙΜΕΝΑ", "ελληνικά-κειμενα"),
        ("日本語の見出し", "日本語の見出し"),
        ("🚀 Launch & $1.2 billion", "launch-12-billion"),
        ("!!!", "section"),
        ("", "section"),
    ])
    func slugs(title: String, slug: String) {
        #expect(HeadingAnchors.slug(title) == slug)
    }

    @Test func unicodeHeadingsInHTML() {
        let result = anchored("## 북한의 핵\n## Über uns\n")
        #expect(result.html == "<h2 id=\"북한의-핵\">북한의 핵</h2>\n<h2 id=\"über-uns\">Über uns</h2>\n")
    }

    @Test func emptyHeadings() {
        let result = anchored("##\n\n## *\\** !\n\n#\n")
        #expect(result.html == "<h2 id=\"section\"></h2>\n<h2 id=\"section-1\"><em>*</em> !</h2>\n<h1 id=\"section-2\"></h1>\n")
        #expect(result.headings.map(\.title) == ["", "* !", ""])
    }

    @Test func headingsReportLevelTitleAndPosition() {
        let result = anchored("Intro\n\n## The *SMA*\n\n- item\n\n  ### In a list\n")
        #expect(result.headings == [
            AnchoredHeading(level: 2, id: "the-sma", title: "The SMA", position: SourcePosition(line: 3, column: 1)),
            AnchoredHeading(level: 3, id: "in-a-list", title: "In a list", position: SourcePosition(line: 7, column: 3)),
        ])
    }

    @Test func tocNestsByLevel() {
        let markdown = """
            # Page title
            ## Alliance
            ### History
            #### Armistice
            ### Today
            ## Burden-sharing
            #### Skipped a level
            ## Deterrence

            """
        let toc = anchored(markdown, HeadingAnchors(siteLevels: 2...4)).toc
        #expect(toc == TableOfContents(entries: [
            TOCEntry(level: 2, id: "alliance", title: "Alliance", children: [
                TOCEntry(level: 3, id: "history", title: "History", children: [
                    TOCEntry(level: 4, id: "armistice", title: "Armistice"),
                ]),
                TOCEntry(level: 3, id: "today", title: "Today"),
            ]),
            TOCEntry(level: 2, id: "burden-sharing", title: "Burden-sharing", children: [
                TOCEntry(level: 4, id: "skipped-a-level", title: "Skipped a level"),
            ]),
            TOCEntry(level: 2, id: "deterrence", title: "Deterrence"),
        ]))
    }

    /// A correction struck out in a heading is no part of the heading as it reads: the contents, the id
    /// and the FAQ question say "The new plan", while the heading shows both.
    @Test func struckOutWordsAreLeftOutOfTheContentsAndTheId() {
        let result = TransformHarness.run("## The ~~old~~ new plan\n\n## ~~Draft~~ Final\n", [Strikethrough(), HeadingAnchors(siteLevels: 2...3)])
        #expect(result.html == #"<h2 id="the-new-plan">The <del>old</del> new plan</h2>"# + "\n" + #"<h2 id="final">"# + "<del>Draft</del> Final</h2>\n")
        #expect(result.context.headings.tableOfContents == TableOfContents(entries: [
            TOCEntry(level: 2, id: "the-new-plan", title: "The new plan"), TOCEntry(level: 2, id: "final", title: "Final"),
        ]))
    }

    /// `## Who pays {#who-pays}` gives the heading its id, as Hugo, Pandoc and kramdown read it: the
    /// braces were kept as text and the id made of them.
    @Test func aHeadingGivesItsOwnIdInBraces() {
        let result = anchored("## Who pays {#who-pays}\n\n## 분담금 *규모* {#sma_total}\n\n## Not one {#bad id}\n\n## Again {#who-pays}\n")
        #expect(result.html == """
            <h2 id="who-pays">Who pays</h2>
            <h2 id="sma_total">분담금 <em>규모</em></h2>
            <h2 id="not-one-bad-id">Not one {#bad id}</h2>
            <h2 id="who-pays-1">Again</h2>

            """)
        #expect(result.toc.entries.map(\.title) == ["Who pays", "분담금 규모", "Not one {#bad id}", "Again"])
        let messages = TransformHarness.run("## Not one {#bad id}\n\n## A {#a}\n\n## B {#a}\n", [HeadingAnchors(siteLevels: 2...3)]).diagnostics.map(\.description)
        #expect(messages == [
            "Content/alliance/page.md:1:12: warning: '{#bad id}' at the end of the heading is not an id, which is letters, digits, '-' and '_' "
                + "(such as {#key-figures}): it is shown as written\n## Not one {#bad id}\n           ^",
            "Content/alliance/page.md:5:6: error: the id 'a' is taken on this page (by another heading, a table or an image, or an element "
                + "the page gives its sources, notes or theme): give this heading another\n## B {#a}\n     ^",
        ])
    }

    /// A heading's HTML was made before the images in it were: they came out as cmark writes them, without
    /// the size, `decoding` and `loading` every other image has.
    @Test func imagesInAHeadingAreMadeAsEverywhereElse() {
        let result = TransformHarness.run(
            "![A](https://example.org/a.png)\n\n## Bases ![Map](https://example.org/map.png)\n",
            [Images(contentFolder: nil, contentFiles: []), HeadingAnchors(siteLevels: 2...3)]
        )
        #expect(result.html.hasSuffix(
            #"<h2 id="bases-map">Bases <img src="https://example.org/map.png" alt="Map" loading="lazy" decoding="async"></h2>"# + "\n"
        ))
    }

    /// `\{#x}` is braces as text; a heading whose words ask for an id another gave itself is warned of.
    @Test func anEscapedIdIsTextAndATakenNaturalIdIsWarnedOf() {
        let result = TransformHarness.run("## Set \\{#not-an-id}\n\n## Background {#why}\n\n## Why\n\n## ~~Withdrawn~~\n", [Strikethrough(), HeadingAnchors(siteLevels: 2...3)])
        #expect(result.html == """
            <h2 id="set-not-an-id">Set {#not-an-id}</h2>
            <h2 id="why">Background</h2>
            <h2 id="why-1">Why</h2>
            <h2 id="withdrawn"><del>Withdrawn</del></h2>

            """)
        #expect(result.context.headings.tableOfContents.entries.map(\.title) == ["Set {#not-an-id}", "Background", "Why", "Withdrawn"])
        #expect(result.diagnostics.map(\.message) == [
            "this heading's id would be 'why', which a heading before gave itself ({#why}): links to #why reach that one, and this heading is #why-1; "
                + "give one of them another id",
        ])
    }

    @Test func defaultLevelsLeaveOutH1AndH4() {
        let result = anchored("# Title\n### Orphan\n## A\n#### Deep\n### B\n")
        #expect(result.toc == TableOfContents(entries: [
            TOCEntry(level: 3, id: "orphan", title: "Orphan"),
            TOCEntry(level: 2, id: "a", title: "A", children: [
                TOCEntry(level: 3, id: "b", title: "B"),
            ]),
        ]))
        #expect(result.ids == ["title", "orphan", "a", "deep", "b"])
    }

    @Test func noHeadings() {
        let result = anchored("Just text.\n")
        #expect(result.toc == TableOfContents())
        #expect(result.ids.isEmpty)
        #expect(result.html == "<p>Just text.</p>\n")
    }
}
