import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport
import BriefingTemplates

/// The compiled templates: which layout a page gets, what a theme must have, and a site restyling the
/// HTML of its transforms.
@Suite struct ThemeTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    -- Content/_index.md --
    ---
    title: Home
    ---
    -- Content/news/_index.md --
    ---
    title: News
    ---
    -- Content/news/a.md --
    ---
    title: A
    ---
    -- Content/news/special.md --
    ---
    title: Special
    layout: wide
    ---
    -- Content/alliance/b.md --
    ---
    title: B
    ---
    -- Templates/layouts/news/page.html --
    {{<base}}{{$main}}<h1 class="news">{{page.title}}</h1>{{/main}}{{/base}}
    -- Templates/layouts/wide.html --
    {{<base}}{{$main}}<h1 class="wide">{{page.title}}</h1>{{/main}}{{/base}}
    """

    @Test func aPageGetsItsLayoutByFrontMatterThenSectionThenKind() throws {
        let stages = try SiteStages(SiteFixture(ThemeTests.site))
        func layout(_ path: String) throws -> String { try stages.theme.layout(for: stages.model[try stages.id(path)]) }
        #expect(try layout("news/special.md") == "wide")
        #expect(try layout("news/a.md") == "news/page")
        #expect(try layout("news/_index.md") == "section")
        #expect(try layout("alliance/b.md") == "page")
        #expect(try layout("_index.md") == "home")
    }

    @Test func aLayoutNamingNoFileIsAnErrorAtItsLine() throws {
        let fixture = try SiteFixture(ThemeTests.site + """

        -- Content/news/lost.md --
        ---
        title: Lost
        layout: narrow
        ---
        """)
        #expect(fixture.failure() == [
            "Content/news/lost.md:3:9: error: layout 'narrow' not found in Templates/layouts/ (known: 404, base, home, news/page, page, section, wide)\nlayout: narrow\n        ^",
        ])
    }

    @Test func aMissingPartialIsABuildErrorNamingIt() throws {
        let fixture = try SiteFixture(ThemeTests.site)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Templates/partials/callout.html"))
        #expect(fixture.failure() == ["error: Templates/partials/callout.html not found: it writes the HTML of callouts (> [!NOTE]); copy it from the default theme, which 'briefing init NEW-FOLDER' writes"])
    }

    @Test func aLayoutAndAPartialCannotShareAName() throws {
        let fixture = try SiteFixture(ThemeTests.site + """

        -- Templates/partials/wide.html --
        <hr>
        """)
        #expect(fixture.failure() == [
            "Templates/partials/wide.html:1:1: error: the name 'wide' is used by Templates/layouts/wide.html too; layouts and partials share one set of names\n<hr>\n^",
        ])
    }

    @Test func aSiteRestylesItsCallouts() throws {
        let fixture = try SiteFixture(ThemeTests.site + """

        -- Content/alliance/c.md --
        ---
        title: C
        ---
        > [!WARNING] Mind this
        > Careful.
        -- Templates/partials/callout.html --
        <div class="box {{kind}}" title="{{label}}">{{#title}}<strong>{{title}}</strong>{{/title}}
        {{{content}}}
        </div>
        """)
        try fixture.build()
        #expect(fixture.output("alliance/c/index.html")?.contains("""
            <div class="box warning" title="Warning"><strong>Mind this</strong>
            <p>Careful.</p>
            </div>
            """) == true)
    }

    /// A runaway layout cost each page its full work budget (a quarter of a second): 45 minutes at
    /// 10,000 pages to report one mistake. After the first, every render fails at once with its error.
    @Test func afterARunawayRenderEveryRenderFailsAtOnceWithItsError() throws {
        let fixture = try SiteFixture(ThemeTests.site + "\n-- Templates/layouts/loops.html --\n{{> loop}}\n-- Templates/partials/loop.html --\n{{> loop}}\n")
        let theme = try SiteStages(fixture).theme
        let runaway = RunawayTemplate()
        let context: TemplateValue = ["page": ["title": "T"], "site": [:]]
        #expect(throws: Diagnostic.self) { try theme.render("wide", context: context, language: 0, runaway: nil) }
        let first = #expect(throws: Diagnostic.self) { try theme.render("loops", context: context, language: 0, runaway: runaway) }
        #expect(first?.message.contains("nested more than") == true)
        #expect(runaway.first == first)
        let next = #expect(throws: Diagnostic.self) { try theme.render("wide", context: context, language: 0, runaway: runaway) }
        #expect(next == first)
    }
}
