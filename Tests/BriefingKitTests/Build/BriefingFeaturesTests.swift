import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// Tables, figures, sources, related reading, tags, pagination and feeds, through whole-site builds.
@Suite struct BriefingFeaturesTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/briefings/
    author: Desk
    paginate: 2
    related: 2
    -- Content/data/key-figures.csv --
    Metric,Value,Source,Source URL
    US troops,"about 28,500",DefenseTech.org,https://defensetech.org/
    Budget,$52.8 billion,Statista,https://www.statista.com/
    -- Content/data/figures.yaml --
    us-troops:
      value: "28,500"
      label: US troops in South Korea
      source: DefenseTech.org
      url: https://defensetech.org/
      asOf: 2025-11-01
    -- Content/data/people.json --
    {"lead": "Min-ji Park", "count": 3}
    -- Content/alliance/explainer.md --
    ---
    title: Explainer
    date: 2026-03-01
    tags: [alliance, troops]
    sources:
      - title: US forces in Korea
        publisher: DefenseTech.org
        url: https://defensetech.org/
    ---
    About [](figure:us-troops) troops, or [roughly 28,500 people](figure:us-troops).

    ```table
    data: key-figures.csv
    caption: Key figures
    columns: {Metric: What, Value: How much, Source: Source}
    ```
    -- Content/alliance/history.md --
    ---
    title: History
    date: 2026-02-01
    tags: [alliance]
    ---
    The armistice.
    -- Content/alliance/modernization.md --
    ---
    title: Modernization
    date: 2026-01-01
    ---
    Titanium.
    -- Content/news/troops.md --
    ---
    title: Troops news
    date: 2026-04-01
    tags: [troops]
    ---
    News.
    """

    static let templates = SiteFixture.templates + """

    -- Templates/layouts/page.html --
    {{<base}}{{$main}}{{{page.content}}}<ol>{{#page.sources}}<li id="{{id}}">{{title}}</li>{{/page.sources}}</ol><ul class="related">{{#page.related}}<li>{{title}}</li>{{/page.related}}</ul><p>{{#page.tags}}<a href="{{url}}">{{name}}</a>{{/page.tags}}</p><p>{{data.people.lead}}</p>{{/main}}{{/base}}
    -- Templates/layouts/section.html --
    {{<base}}{{$main}}<ul>{{#pages}}<li>{{title}}</li>{{/pages}}</ul>{{#pagination}}<p>{{current}}/{{total}} prev={{prev}} next={{next}}</p>{{/pagination}}{{/main}}{{/base}}
    -- Templates/layouts/tags.html --
    {{<base}}{{$main}}{{#page.tags}}<a href="{{url}}">{{name}} ({{count}})</a>{{/page.tags}}{{/main}}{{/base}}
    -- Templates/layouts/tag.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1>{{#pages}}<li>{{title}}</li>{{/pages}}{{/main}}{{/base}}
    """

    private func built() throws -> SiteFixture {
        let fixture = try SiteFixture(BriefingFeaturesTests.site, templates: BriefingFeaturesTests.templates)
        let report = try fixture.build()
        #expect(report.warnings.isEmpty)
        return fixture
    }

    @Test func figuresKeepTheWritersWordsAndCiteTheirSource() throws {
        let page = try #require(try built().output("alliance/explainer/index.html"))
        let marker = "<sup class=\"cite\">&#8288;<a href=\"#source-1\" aria-label=\"Source 1\">[1]</a></sup>"
        #expect(page.contains("<p>About <span class=\"figure\" data-figure=\"us-troops\">28,500</span>\(marker) troops, or <span class=\"figure\" data-figure=\"us-troops\">roughly 28,500 people</span>\(marker).</p>"))
    }

    /// A data file is read from pages in many folders: an address in it from the site's root is
    /// published under the base path, as a page's own root-relative links are.
    @Test func aFiguresAddressFromTheRootIsPublishedUnderTheBasePath() throws {
        let fixture = try SiteFixture(
            BriefingFeaturesTests.site.replacingOccurrences(of: "  url: https://defensetech.org/\n  asOf", with: "  url: /alliance/history/\n  asOf"),
            templates: BriefingFeaturesTests.templates.replacingOccurrences(
                of: "<li id=\"{{id}}\">{{title}}</li>", with: "<li id=\"{{id}}\"><a href=\"{{url}}\">{{title}}</a></li>"))
        _ = try fixture.build()
        let page = try #require(fixture.output("alliance/explainer/index.html"))
        #expect(page.contains("<a href=\"/briefings/alliance/history/\">"))
        #expect(!page.contains("href=\"/alliance/history/\""))
    }

    @Test func tableDirectivePlacesACaptionedTableWithSources() throws {
        let page = try #require(try built().output("alliance/explainer/index.html"))
        #expect(page.contains("""
        <figure class="data-table">
        <div class="table-wrap" role="region" tabindex="0" aria-label="Key figures">
        <table>
        <caption>Key figures</caption>
        <thead>
        <tr><th scope="col">What</th><th scope="col" class="num">How much</th><th scope="col">Source</th></tr>
        </thead>
        <tbody>
        <tr><th scope="row">US troops</th><td class="num">about 28,500</td><td><a href="https://defensetech.org/">DefenseTech.org</a></td></tr>
        <tr><th scope="row">Budget</th><td class="num">$52.8 billion</td><td><a href="https://www.statista.com/">Statista</a></td></tr>
        </tbody>
        </table>
        </div>
        <p class="table-source">Sources: <a href="https://defensetech.org/">DefenseTech.org</a><sup class="cite">&#8288;<a href="#source-1" aria-label="Source 1">[1]</a></sup>; <a href="https://www.statista.com/">Statista</a><sup class="cite">&#8288;<a href="#source-2" aria-label="Source 2">[2]</a></sup></p>
        </figure>
        """))
        #expect(page.contains("<ol><li id=\"source-1\">US forces in Korea</li><li id=\"source-2\">Statista</li></ol>"))
    }

    @Test func aKeyFiguresTableComesStraightFromFiguresYAML() throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site + """

        -- Content/news/figures.md --
        ---
        title: Figures
        ---
        ```table
        figures: all
        caption: Key figures
        columns: [Figure, Value, Source, As of]
        ```
        """, templates: BriefingFeaturesTests.templates)
        try fixture.build()
        let page = try #require(fixture.output("news/figures/index.html"))
        #expect(page.contains("<tr><th scope=\"row\">US troops in South Korea</th><td class=\"num\">28,500</td><td><a href=\"https://defensetech.org/\">DefenseTech.org</a></td><td>1 November 2025</td></tr>"))
        #expect(page.contains("<p class=\"table-source\">Source: <a href=\"https://defensetech.org/\">DefenseTech.org</a><sup class=\"cite\">&#8288;<a href=\"#source-1\" aria-label=\"Source 1\">[1]</a></sup></p>"))
    }

    @Test func dataFilesReachTemplates() throws {
        #expect(try built().output("alliance/history/index.html")?.contains("<p>Min-ji Park</p>") == true)
    }

    @Test func relatedReadingPrefersSharedTagsThenSectionThenRecency() throws {
        let fixture = try built()
        #expect(fixture.output("alliance/explainer/index.html")?.contains("<ul class=\"related\"><li>History</li><li>Troops news</li></ul>") == true)
        #expect(fixture.output("alliance/modernization/index.html")?.contains("<ul class=\"related\"><li>Explainer</li><li>History</li></ul>") == true)
    }

    @Test func tagPagesListTaggedPagesNewestFirst() throws {
        let fixture = try built()
        #expect(fixture.output("alliance/explainer/index.html")?.contains("<a href=\"/briefings/tags/alliance/\">alliance</a><a href=\"/briefings/tags/troops/\">troops</a>") == true)
        #expect(fixture.output("tags/index.html")?.contains("<a href=\"/briefings/tags/alliance/\">alliance (2)</a><a href=\"/briefings/tags/troops/\">troops (2)</a>") == true)
        #expect(fixture.output("tags/troops/index.html")?.contains("<h1>troops</h1><li>Troops news</li><li>Explainer</li>") == true)
    }

    /// A page whose tags name one tag twice (`Troops`, `troops`) was listed twice on its page and counted
    /// twice, and ranked above pages that share two real tags in related reading.
    @Test func aPageIsFiledUnderATagOnceWhateverNamesLeadThere() throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site, templates: BriefingFeaturesTests.templates)
        try fixture.write("""
        -- Content/news/twice.md --
        ---
        title: Twice
        date: 2026-01-01
        tags: [Troops, troops, TROOPS]
        ---
        Text.
        """)
        _ = try fixture.build()
        #expect(fixture.output("tags/index.html")?.contains(#"troops (3)</a>"#) == true)
        #expect(fixture.output("tags/troops/index.html")?.contains("<h1>troops</h1><li>Troops news</li><li>Explainer</li><li>Twice</li>") == true)
        #expect(fixture.output("alliance/explainer/index.html")?.contains("<ul class=\"related\"><li>History</li><li>Troops news</li></ul>") == true)
    }

    /// In a `--drafts` preview, a tag only drafts have got a tag page the sitemap listed and no `noindex`
    /// marked, where its drafts were kept out of both.
    @Test func aTagOnlyDraftsHaveIsNotAnnounced() throws {
        let templates = BriefingFeaturesTests.templates.replacingOccurrences(
            of: "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{#pages}}", with: "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{#page.draft}}noindex{{/page.draft}}{{#pages}}"
        )
        let fixture = try SiteFixture(BriefingFeaturesTests.site, templates: templates)
        try fixture.write("""
        -- Content/news/embargoed.md --
        ---
        title: Embargoed
        date: 2026-01-01
        draft: true
        tags: [embargoed-topic, troops]
        ---
        Text.
        """)
        _ = try fixture.build { $0.includeDrafts = true }
        #expect(fixture.output("tags/embargoed-topic/index.html")?.contains("<h1>embargoed-topic</h1>noindex<li>Embargoed</li>") == true)
        #expect(fixture.output("tags/troops/index.html")?.contains("noindex") == false)
        let sitemap = try #require(fixture.output("sitemap.xml"))
        #expect(!sitemap.contains("embargoed") && sitemap.contains("/tags/troops/"))
    }

    @Test func longSectionsArePaginated() throws {
        let fixture = try built()
        #expect(fixture.output("alliance/index.html")?.contains("<ul><li>Explainer</li><li>History</li></ul><p>1/2 prev= next=/briefings/alliance/page/2/</p>") == true)
        #expect(fixture.output("alliance/page/2/index.html")?.contains("<ul><li>Modernization</li></ul><p>2/2 prev=/briefings/alliance/ next=</p>") == true)
    }

    @Test func feedSitemapAndRobotsUseAbsoluteURLs() throws {
        let fixture = try built()
        let feed = try #require(fixture.output("feed.xml"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/briefings/feed.xml\"/>"))
        #expect(feed.contains("<id>https://example.org/briefings/news/troops/</id>"))
        #expect(fixture.output("sitemap.xml")?.contains("<loc>https://example.org/briefings/alliance/explainer/</loc>\n    <lastmod>2026-03-01</lastmod>") == true)
        #expect(fixture.output("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/briefings/sitemap.xml\n")
    }

    @Test func staleFiguresWarnAtTheirDate() throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site, templates: BriefingFeaturesTests.templates)
        let report = try fixture.build { $0.now = Date(timeIntervalSince1970: 1_848_528_000) }
        #expect(report.warnings.map(\.description) == ["""
        Content/data/figures.yaml:6:9: warning: figure 'us-troops' is as of 1 November 2025, 1002 days ago (more than 730); check for a newer number
          asOf: 2025-11-01
                ^
        """])
    }

    /// A date still to come is a typo (2052 for 2025) that readers would see as the figure's date.
    @Test func aFigureDatedInTheFutureIsAWarning() throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site, templates: BriefingFeaturesTests.templates)
        let report = try fixture.build { $0.now = Date(timeIntervalSince1970: 1_700_000_000) }
        #expect(report.warnings.map(\.description).filter { $0.hasPrefix("Content/data/") } == ["""
        Content/data/figures.yaml:6:9: warning: figure 'us-troops' is as of 1 November 2025, a date still to come; check the date
          asOf: 2025-11-01
                ^
        """])
    }

    /// A labelled box with nothing in it, and a question with no answer (shown alone, and left out of
    /// FAQPage JSON-LD), were built without a word.
    @Test func anEmptyCalloutAndAnUnansweredQuestionAreWarnings() throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site + """

        -- Content/news/empty.md --
        ---
        title: Empty
        ---
        > [!NOTE]

        ## FAQ

        ### Who pays?

        ### Who decides?

        The National Assembly.
        """, templates: BriefingFeaturesTests.templates)
        #expect(try fixture.build().warnings.map(\.description) == [
            "Content/news/empty.md:4:1: warning: the callout '[!NOTE]' has no text, and is left out: write it on the lines after the marker, each starting with '>'\n> [!NOTE]\n^",
            "Content/news/empty.md:8:1: warning: a FAQ question with no answer under it: readers see the question alone, and search engines are not given it\n### Who pays?\n^",
        ])
    }

    @Test func faqBecomesJSONLDMatchingTheVisibleAnswersAndCalloutsBecomeAsides() throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site + """

        -- Content/news/faq.md --
        ---
        title: FAQ page
        date: 2026-05-01
        ---
        > [!TIP] Pro tip
        > Read the *sources*.

        > [!SHOUT] Hey
        > Not a kind.

        ## Frequently asked questions
        ### What is the SMA?
        The cost-sharing deal: `</script>` safe.
        """, templates: BriefingFeaturesTests.templates + """

        -- Templates/layouts/page.html --
        {{<base}}{{$main}}{{{page.jsonLD}}}{{{page.content}}}{{/main}}{{/base}}
        """)
        let report = try fixture.build()
        #expect(report.warnings.map(\.description) == ["""
        Content/news/faq.md:8:1: warning: unknown callout '[!SHOUT]' stays a quote (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)
        > [!SHOUT] Hey
        ^
        """])
        let page = try #require(fixture.output("news/faq/index.html"))
        #expect(page.contains("<aside class=\"callout callout-tip\" aria-label=\"Tip\">\n<p class=\"callout-title\">Pro tip</p>\n<p>Read the <em>sources</em>.</p>\n</aside>"))
        #expect(page.contains("<section class=\"faq\" aria-labelledby=\"frequently-asked-questions\">"))
        #expect(page.contains(#"{"@type":"Question","name":"What is the SMA?","acceptedAnswer":{"@type":"Answer","text":"\u003cp\u003eThe cost-sharing deal: \u0026lt;/script\u0026gt; safe.\u003c/p\u003e"}}"#))
        #expect(!page.contains("\"</script> safe"))
    }

    @Test func aFAQHeadingWithNoQuestionsIsAWarning() throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site + """

        -- Content/news/empty-faq.md --
        ---
        title: Empty FAQ
        ---
        ## Frequently asked questions
        Nothing yet.
        """, templates: BriefingFeaturesTests.templates)
        #expect(try fixture.build().warnings.map(\.description) == ["""
        Content/news/empty-faq.md:4:1: warning: a FAQ heading with no questions under it: add sub-headings, one per question
        ## Frequently asked questions
        ^
        """])
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        var name: String
        var files: String
        var expected: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "unknown figure", files: "-- Content/news/bad.md --\n---\ntitle: Bad\n---\nSome [](figure:us-tropps) here.", expected: """
        Content/news/bad.md:4:6: error: unknown figure 'us-tropps' (figures.yaml defines: us-troops)
        Some [](figure:us-tropps) here.
             ^
        """),
        BadInput(name: "missing data file", files: "-- Content/news/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: troops.csv\n```", expected: """
        Content/news/bad.md:5:7: error: data file 'troops.csv' not found in Content/data/ (there: figures.yaml, key-figures.csv, people.json)
        data: troops.csv
              ^
        """),
        BadInput(name: "data path traversal", files: "-- Content/news/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: ../../site.yaml\n```", expected: """
        Content/news/bad.md:5:7: error: 'data' names a file directly in Content/data/, without folders or '..'
        data: ../../site.yaml
              ^
        """),
        BadInput(name: "missing column", files: "-- Content/news/bad.md --\n---\ntitle: Bad\n---\n```table\ndata: key-figures.csv\ncolumns: [Metric, Amount]\n```", expected: """
        Content/news/bad.md:6:19: error: column 'Amount' not found in key-figures.csv (columns: 'Metric', 'Value', 'Source', 'Source URL')
        columns: [Metric, Amount]
                          ^
        """),
        BadInput(name: "CSV with an unterminated quote", files: "-- Content/data/key-figures.csv --\nMetric,Value\n\"Troops,28500\n", expected: """
        Content/data/key-figures.csv:2:1: error: unterminated quoted field: add the closing "
        "Troops,28500
        ^
        """),
        BadInput(name: "CSV row with the wrong number of fields", files: "-- Content/data/key-figures.csv --\nMetric,Value\nTroops,28500,extra\n", expected: """
        Content/data/key-figures.csv:2:1: error: row has 3 fields but the header has 2
        Troops,28500,extra
        ^
        """),
        BadInput(name: "bad JSON", files: "-- Content/data/people.json --\n{\"lead\": \"Min-ji Park\",\n \"count\": }\n", expected: """
        Content/data/people.json:2:11: error: invalid JSON: expected a value (a string, number, object, array, true, false or null)
         "count": }
                  ^
        """),
        BadInput(name: "figure without a source", files: "-- Content/data/figures.yaml --\nus-troops:\n  value: \"28,500\"\n  label: Troops\n", expected: """
        Content/data/figures.yaml:1:1: error: figure 'us-troops' needs a 'source'
        us-troops:
        ^
        """),
    ]

    @Test(arguments: badInputs)
    func badInputIsAnErrorAtItsPosition(_ input: BadInput) throws {
        let fixture = try SiteFixture(BriefingFeaturesTests.site, templates: BriefingFeaturesTests.templates)
        try fixture.write(input.files)
        #expect(fixture.failure() == [input.expected])
    }
}
