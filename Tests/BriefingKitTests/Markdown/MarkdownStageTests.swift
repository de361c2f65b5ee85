import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// The Markdown stage: a page's body through every transform, in order, and what the rest of the
/// build learns from it.
@Suite struct MarkdownStageTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    -- Content/_index.md --
    ---
    title: Home
    ---
    Welcome.
    -- Content/data/figures.yaml --
    troops:
      value: "28,500"
      label: US troops in Korea
      source: USFK
      url: https://www.usfk.mil/
    -- Content/news/a.md --
    ---
    title: A
    sources:
      - title: The SMA text
        url: https://example.com/sma
    ---
    First paragraph of A.

    ## Why it matters

    There are [](figure:troops) troops.

    > [!NOTE]
    > Read [B](b.md).

    ## Source 1

    Words.

    ## Frequently asked questions

    ### Who pays?

    Both governments.
    -- Content/news/b.md --
    ---
    title: B
    summary: B in one line.
    toc: false
    ---
    ## One

    ## Two

    Body of B.
    """

    @Test func aPageBodyIsRenderedThroughEveryTransform() throws {
        let stages = try SiteStages(SiteFixture(MarkdownStageTests.site))
        let output = stages.markdown().render(try stages.id("news/a.md"))
        #expect(output.body.htmlText == """
            <p>First paragraph of A.</p>
            <h2 id="why-it-matters">Why it matters</h2>
            <p>There are <span class="figure" data-figure="troops">28,500</span><sup class="cite">&#8288;<a href="#source-2" aria-label="Source 2">[2]</a></sup> troops.</p>
            <aside class="callout callout-note" aria-label="Note">
            <p>Read <a href="/news/b/">B</a>.</p>
            </aside>
            <h2 id="source-1-1">Source 1</h2>
            <p>Words.</p>
            <section class="faq" aria-labelledby="frequently-asked-questions">
            <h2 id="frequently-asked-questions">Frequently asked questions</h2>
            <div class="faq-item">
            <h3 id="who-pays">Who pays?</h3>
            <div class="faq-answer">
            <p>Both governments.</p>
            </div>
            </div>
            </section>

            """)
        #expect(output.body.toc.entries.map(\.id) == ["why-it-matters", "source-1-1", "frequently-asked-questions"])
        #expect(output.body.toc.entries.last?.children.map(\.id) == ["who-pays"])
        // Words of every text node: the figure's value counts as one; the full stop after the link to B is part of its word.
        #expect(output.body.wordCount == 23)
        #expect(output.body.sources.map(\.title) == ["The SMA text", "USFK"])
        #expect(output.body.sources.map(\.url) == ["https://example.com/sma", "https://www.usfk.mil/"])
        #expect(output.body.faq.map(\.question) == ["Who pays?"])
        #expect(output.body.faq.map(\.answer) == ["<p>Both governments.</p>"])
        #expect(output.record.facts.headingIDs == [
            "why-it-matters", "source-1-1", "frequently-asked-questions", "who-pays", "source-1", "source-2",
        ])
        #expect(output.record.facts.firstParagraph == "First paragraph of A.")
        #expect(output.record.diagnostics.map(\.message) == [
            "this heading's id would be 'source-1', which the page gives an element of its own (a source, a note or a part of the theme): "
                + "links to #source-1 reach that instead, and the heading is #source-1-1; reword the heading if links are meant for it",
        ])
        #expect(output.record.bodyHash == output.body.fingerprint)
    }

    @Test func aPageWithTocFalseShowsNoContentsAndKeepsNoExcerpt() throws {
        let stages = try SiteStages(SiteFixture(MarkdownStageTests.site))
        let output = stages.markdown().render(try stages.id("news/b.md"))
        #expect(output.body.htmlText == "<h2 id=\"one\">One</h2>\n<h2 id=\"two\">Two</h2>\n<p>Body of B.</p>\n")
        #expect(output.body.toc.entries.isEmpty)
        #expect(output.record.facts.headingIDs == ["one", "two"])
        // Lists show its summary, so its first paragraph is not kept.
        #expect(output.record.facts.firstParagraph == "")
    }

    @Test func prepareRendersWhatListsNeedAndLeavesTheRestWaiting() throws {
        let stages = try SiteStages(SiteFixture(MarkdownStageTests.site))
        let states = stages.markdown().prepare(reusing: { _ in nil }, progress: SiteStages.progress)
        let described = stages.model.pageIDs.map { id in
            let state = switch states[id.index] {
            case .reused: "reused"
            case .rendered: "rendered"
            case .waiting: "waiting"
            }
            return "\(stages.model[id].source.relativePath): \(state)"
        }
        // The news section has no _index.md: its page is made up, after the pages read from files.
        #expect(described == ["_index.md: rendered", "news/a.md: rendered", "news/b.md: waiting", "news/_index.md: rendered"])
        if case .rendered(_, let record) = states[try stages.id("news/a.md").index] {
            #expect(record.facts.firstParagraph == "First paragraph of A.")
        } else {
            Issue.record("news/a.md has no summary: lists need its excerpt before it renders")
        }
    }

    @Test func prepareTakesARecordItMayReuse() throws {
        let stages = try SiteStages(SiteFixture(MarkdownStageTests.site))
        let a = try stages.id("news/a.md")
        let record = PageRecord(bodyHash: 1, facts: PageFacts(headingIDs: [], firstParagraph: "Cached."), diagnostics: [], fragments: [])
        let states = stages.markdown().prepare(reusing: { $0 == a ? record : nil }, progress: SiteStages.progress)
        #expect(states[a.index].record?.facts.firstParagraph == "Cached.")
        #expect(states[a.index].record?.bodyHash == 1)
    }

    /// Callouts are made after links are resolved and before headings get ids: a link in a callout
    /// leads to the page's URL, and a heading in one is in the table of contents.
    @Test func transformsRunInTheirOrder() throws {
        let stages = try SiteStages(SiteFixture(MarkdownStageTests.site + """

        -- Content/news/c.md --
        ---
        title: C
        ---
        > [!TIP] Before you read
        > See [why](a.md#why-it-matters).
        >
        > ## Inside
        """))
        let output = stages.markdown().render(try stages.id("news/c.md"))
        #expect(output.body.htmlText == """
            <aside class="callout callout-tip" aria-label="Tip">
            <p class="callout-title">Before you read</p>
            <p>See <a href="/news/a/#why-it-matters">why</a>.</p>
            <h2 id="inside">Inside</h2>
            </aside>

            """)
        #expect(output.body.toc.entries.map(\.id) == ["inside"])
        #expect(output.record.fragments.map(\.fragment) == ["why-it-matters"])
    }
}
