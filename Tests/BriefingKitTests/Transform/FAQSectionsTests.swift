import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct FAQSectionsTests {
    /// FAQ sections, then heading ids, as a page build runs them.
    private func rendered(_ markdown: String) -> (html: String, entries: [FAQSections.Entry], toc: TableOfContents, warnings: [String]) {
        let result = TransformHarness.run(markdown, [FAQSections(), HeadingAnchors(siteLevels: 2...3)])
        return (result.html, result.context.report.faq, result.context.headings.tableOfContents, result.diagnostics.map(\.message))
    }

    private let threeQuestions = """
        # Alliance costs

        Opening.

        ## Frequently asked questions

        Answers to what readers ask most.

        ### What is the SMA?

        The *Special Measures Agreement*.

        ### Who pays?

        Both governments.

        ### How often is it renewed?

        Every five years.

        """

    @Test func introAndThreeQuestions() {
        let result = rendered(threeQuestions)
        #expect(result.html == """
            <h1 id="alliance-costs">Alliance costs</h1>
            <p>Opening.</p>
            <section class="faq" aria-labelledby="frequently-asked-questions">
            <h2 id="frequently-asked-questions">Frequently asked questions</h2>
            <p>Answers to what readers ask most.</p>
            <div class="faq-item">
            <h3 id="what-is-the-sma">What is the SMA?</h3>
            <div class="faq-answer">
            <p>The <em>Special Measures Agreement</em>.</p>
            </div>
            </div>
            <div class="faq-item">
            <h3 id="who-pays">Who pays?</h3>
            <div class="faq-answer">
            <p>Both governments.</p>
            </div>
            </div>
            <div class="faq-item">
            <h3 id="how-often-is-it-renewed">How often is it renewed?</h3>
            <div class="faq-answer">
            <p>Every five years.</p>
            </div>
            </div>
            </section>

            """)
        #expect(result.entries == [
            FAQSections.Entry(question: "What is the SMA?", answer: "<p>The <em>Special Measures Agreement</em>.</p>"),
            FAQSections.Entry(question: "Who pays?", answer: "<p>Both governments.</p>"),
            FAQSections.Entry(question: "How often is it renewed?", answer: "<p>Every five years.</p>"),
        ])
    }

    /// A table directive's table is HTML by the time FAQ sections are read: it answers all the same.
    @Test func anAnswerThatIsOnlyATableDirective() {
        let markdown = "## FAQ\n\n### How many troops?\n\n```table\ndata: troops.csv\ncaption: Troops & bases\nsource: USFK\n```\n"
        let result = TransformHarness.run(markdown, [TableDirective(data: TableDirectiveTests.data), FAQSections()], data: TableDirectiveTests.data)
        #expect(result.diagnostics.isEmpty)
        #expect(result.context.report.faq.map(\.question) == ["How many troops?"])
        #expect(result.context.report.faq[0].answer == "<p>Troops &amp; bases</p><ul><li>Country: Korea; Troops: 28,500; Since: 1950</li>"
            + "<li>Country: Japan; Troops: 55,000; Since: 1945</li></ul><p>Source: USFK</p>")
    }

    /// A pipe table's note marks and source numbers went into the answer's text ("a 11 b Source: X [3]"),
    /// where a paragraph's are left out; its cells are named by their columns.
    @Test func anAnswerTablesMarksAreLeftOutOfItsText() {
        let markdown = "## FAQ\n\n### Who pays?\n\n| a | b |\n|---|---|\n| x[^n] | 2 |\n\nSource: [State](https://www.state.gov/)\n\n[^n]: A note.\n"
        let result = TransformHarness.run(markdown, [PipeTables(), Footnotes(), FAQSections()])
        #expect(result.context.report.faq.map(\.answer) == ["<ul><li>a: x; b: 2</li></ul><p>Source: State</p>"])
    }

    /// A link in the answer's HTML is an absolute address, encoded and escaped; any other is its text.
    @Test func anAnswersLinksAreAbsoluteAndEscaped() {
        let result = rendered("## FAQ\n### Who?\n[Desk](mailto:desk@example.org), [map](#map), [q](https://a.example/?q=\"x\"&y=<1>), [up](../x.md)\n")
        #expect(result.entries.map(\.answer) == [
            #"<p><a href="mailto:desk@example.org">Desk</a>, <a href="https://example.org/alliance/page/#map">map</a>, "#
                + #"<a href="https://a.example/?q=%22x%22&amp;y=%3C1%3E">q</a>, up</p>"#,
        ])
    }

    /// What the sweep found the first version leave out or let in: a task's state, struck cells, an
    /// e-mail address, a link to a heading, an answer of trusted raw HTML, a script's text, empty paragraphs.
    @Test func anAnswerKeepsWhatReadersSeeAndOnlyThat() {
        let markdown = """
            ## FAQ
            ### Done?
            - [x] First

            Write to [the desk](mailto:desk@example.org) or see [history](#history). <script>alert(3)</script>

            ![Map](map.png)

            | Item | Note |
            |---|---|
            | ~~Old~~ New | |
            ### Raw?
            <div class="box">Boxed answer.</div>

            ## History

            """
        let options = MarkdownOptions(unsafe: true)
        let result = TransformHarness.run(markdown, [PipeTables(), Strikethrough(), TaskLists(), FAQSections(), HeadingAnchors(siteLevels: 2...3)], options: options)
        #expect(result.context.report.faq.map(\.answer) == [
            "<ul><li>Done: First</li></ul><p>Write to <a href=\"mailto:desk@example.org\">the desk</a> or see "
                + "<a href=\"https://example.org/alliance/page/#history\">history</a>. </p><ul><li>Item: New</li></ul>",
            "<p>Boxed answer.</p>",
        ])
        #expect(result.messageLines.isEmpty)
    }

    @Test func tableOfContentsStillListsTheQuestions() {
        #expect(rendered(threeQuestions).toc == TableOfContents(entries: [
            TOCEntry(level: 2, id: "frequently-asked-questions", title: "Frequently asked questions", children: [
                TOCEntry(level: 3, id: "what-is-the-sma", title: "What is the SMA?"),
                TOCEntry(level: 3, id: "who-pays", title: "Who pays?"),
                TOCEntry(level: 3, id: "how-often-is-it-renewed", title: "How often is it renewed?"),
            ]),
        ]))
    }

    @Test func nextHeadingOfTheSameLevelEndsTheSection() {
        let result = rendered("## FAQ\n### Why?\nBecause.\n#### Detail\nMore.\n## Sources\nA list.\n")
        #expect(result.html == """
            <section class="faq" aria-labelledby="faq">
            <h2 id="faq">FAQ</h2>
            <div class="faq-item">
            <h3 id="why">Why?</h3>
            <div class="faq-answer">
            <p>Because.</p>
            <h4 id="detail">Detail</h4>
            <p>More.</p>
            </div>
            </div>
            </section>
            <h2 id="sources">Sources</h2>
            <p>A list.</p>

            """)
        #expect(result.entries == [FAQSections.Entry(question: "Why?", answer: "<p>Because.</p><h4>Detail</h4><p>More.</p>")])
    }

    @Test func sectionAtLevelThreeWithLevelFourQuestions() {
        let result = rendered("## Troops\n### FAQs\n#### How many?\n28,500.\n#### Where?\nCamp Humphreys.\n### Bases\nText.\n")
        #expect(result.html == """
            <h2 id="troops">Troops</h2>
            <section class="faq" aria-labelledby="faqs">
            <h3 id="faqs">FAQs</h3>
            <div class="faq-item">
            <h4 id="how-many">How many?</h4>
            <div class="faq-answer">
            <p>28,500.</p>
            </div>
            </div>
            <div class="faq-item">
            <h4 id="where">Where?</h4>
            <div class="faq-answer">
            <p>Camp Humphreys.</p>
            </div>
            </div>
            </section>
            <h3 id="bases">Bases</h3>
            <p>Text.</p>

            """)
        #expect(result.entries.map(\.question) == ["How many?", "Where?"])
    }

    /// The JSON-LD answer is the page's in the tags search engines read there: raw HTML left out, a
    /// site's link made absolute.
    @Test func answerTextJoinsBlocksAndKeepsCode() {
        let markdown = """
            ## FAQ
            ### What does `sma --check` do?
            It checks:

            - the *cost*   table,
            - the `troops.csv`
              file.

            ```
            sma --check
            ```
            > Quoted, with a <span>tag</span>\\
            > and a [link](/x/).
            ### Empty?
            ### Last?
            Yes.

            """
        let result = rendered(markdown)
        #expect(result.entries == [
            FAQSections.Entry(
                question: "What does sma --check do?",
                answer: "<p>It checks:</p><ul><li>the <em>cost</em> table,</li><li>the troops.csv file.</li></ul><p>sma --check</p>"
                    + "<div><p>Quoted, with a tag<br>and a <a href=\"https://example.org/x/\">link</a>.</p></div>"
            ),
            FAQSections.Entry(question: "Empty?", answer: ""),
            FAQSections.Entry(question: "Last?", answer: "<p>Yes.</p>"),
        ])
        #expect(result.html == """
            <section class="faq" aria-labelledby="faq">
            <h2 id="faq">FAQ</h2>
            <div class="faq-item">
            <h3 id="what-does-sma-check-do">What does <code>sma --check</code> do?</h3>
            <div class="faq-answer">
            <p>It checks:</p>
            <ul>
            <li>the <em>cost</em>   table,</li>
            <li>the <code>troops.csv</code>
            file.</li>
            </ul>
            <pre><code>sma --check
            </code></pre>
            <blockquote>
            <p>Quoted, with a <!-- raw HTML omitted -->tag<!-- raw HTML omitted --><br />
            and a <a href="/x/">link</a>.</p>
            </blockquote>
            </div>
            </div>
            <div class="faq-item">
            <h3 id="empty">Empty?</h3>
            <div class="faq-answer">
            </div>
            </div>
            <div class="faq-item">
            <h3 id="last">Last?</h3>
            <div class="faq-answer">
            <p>Yes.</p>
            </div>
            </div>
            </section>

            """)
    }

    @Test(arguments: ["FAQ", "FAQs", "faq", "Faqs", "Frequently Asked Questions", "FREQUENTLY  asked\tquestions", "*FAQ*", "자주 하는 질문", "묻고 답하기"])
    func headingTitlesThatStartASection(title: String) {
        #expect(rendered("## \(title) ##\n### Q?\nA.\n").entries == [FAQSections.Entry(question: "Q?", answer: "<p>A.</p>")])
    }

    @Test(arguments: ["FAQ about bases", "Questions", "F.A.Q.", "Frequently asked", "FAQ!"])
    func otherHeadingTitlesDoNot(title: String) {
        let markdown = "## \(title)\n### Q?\nA.\n"
        let result = rendered(markdown)
        #expect(result.entries.isEmpty)
        #expect(!result.html.contains("faq-item"))
    }

    @Test(arguments: [
        "## FAQ\n\nNone yet.\n",
        "## FAQ\n#### Too deep?\nYes.\n",
        "## FAQ\n## Next\n### Q?\n",
        "###### FAQ\nNo level seven.\n",
    ])
    func sectionWithoutQuestionsIsUntouched(markdown: String) {
        let result = rendered(markdown)
        #expect(result.entries.isEmpty)
        #expect(result.warnings == ["a FAQ heading with no questions under it: add sub-headings, one per question"])
        #expect(result.html == TransformHarness.run(markdown, [HeadingAnchors(siteLevels: 2...3)]).html)
    }

    @Test func sectionEndsWithItsContainer() {
        let result = rendered("> ## FAQ\n> ### Inside?\n> Yes.\n\n### Outside?\nNo.\n")
        #expect(result.html == """
            <blockquote>
            <section class="faq" aria-labelledby="faq">
            <h2 id="faq">FAQ</h2>
            <div class="faq-item">
            <h3 id="inside">Inside?</h3>
            <div class="faq-answer">
            <p>Yes.</p>
            </div>
            </div>
            </section>
            </blockquote>
            <h3 id="outside">Outside?</h3>
            <p>No.</p>

            """)
    }

    @Test func faqHeadingsInsideASectionDoNotNest() {
        let result = rendered("## FAQ\n### FAQ\n#### Deeper?\nText.\n### Other?\nMore.\n")
        #expect(result.html.components(separatedBy: "<section class=\"faq\"").count == 2)
        #expect(result.entries == [
            FAQSections.Entry(question: "FAQ", answer: "<h4>Deeper?</h4><p>Text.</p>"),
            FAQSections.Entry(question: "Other?", answer: "<p>More.</p>"),
        ])
        #expect(!result.html.contains("<section class=\"faq\" aria-labelledby=\"faq-1\">"))
    }

    @Test func calloutInAnAnswerMovesWithIt() {
        let result = TransformHarness.run(
            "## FAQ\n### Safe?\n> [!WARNING]\n> Mostly.\n", [Callouts(), FAQSections(), HeadingAnchors(siteLevels: 2...3)]
        )
        #expect(result.context.report.faq == [FAQSections.Entry(question: "Safe?", answer: "<div><p>Mostly.</p></div>")])
        #expect(result.html == """
            <section class="faq" aria-labelledby="faq">
            <h2 id="faq">FAQ</h2>
            <div class="faq-item">
            <h3 id="safe">Safe?</h3>
            <div class="faq-answer">
            <aside class="callout callout-warning" aria-label="Warning">
            <p>Mostly.</p>
            </aside>
            </div>
            </div>
            </section>

            """)
    }

    /// The id a FAQ heading gives itself names the section; a `{#…}` that is no id stays part of the title.
    @Test func aFAQHeadingMayGiveItsOwnID() {
        let result = rendered("## Frequently asked questions {#questions}\n### Q?\nA.\n")
        #expect(result.entries == [FAQSections.Entry(question: "Q?", answer: "<p>A.</p>")])
        #expect(result.html.contains("<section class=\"faq\" aria-labelledby=\"questions\">"))
        #expect(result.html.contains("<h2 id=\"questions\">Frequently asked questions</h2>"))
        #expect(rendered("## FAQ {#not an id}\n### Q?\nA.\n").entries.isEmpty)
    }

    @Test func twoSectionsPointAtTheirOwnHeadings() {
        let result = rendered("## FAQ\n### One?\nA.\n## FAQ\n### Two?\nB.\n")
        let sections = result.html.split(separator: "\n").filter { $0.hasPrefix("<section") }
        #expect(sections == [
            "<section class=\"faq\" aria-labelledby=\"faq\">",
            "<section class=\"faq\" aria-labelledby=\"faq-1\">",
        ])
    }
}
