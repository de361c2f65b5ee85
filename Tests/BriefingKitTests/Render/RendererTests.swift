import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// The render stage run by hand after load, assemble, theme and Markdown, with no write session (as
/// `briefing check` runs it): every planned file made once, template errors at their position, and
/// excerpts ready before the lists that show them.
@Suite struct RendererTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    paginate: 1
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
    date: 2026-01-01
    tags: [Alliance]
    ---
    First paragraph of A, its excerpt.
    -- Content/news/b.md --
    ---
    title: B
    date: 2026-01-02
    summary: B in one line.
    ---
    Body of B.
    -- Content/news/map.png --
    PNG
    -- Templates/layouts/tags.html --
    {{<base}}{{$main}}{{#page.tags}}<a href="{{url}}">{{name}}</a>{{/page.tags}}{{/main}}{{/base}}
    -- Templates/layouts/tag.html --
    {{<base}}{{$main}}<ul>{{#pages}}<li>{{title}}</li>{{/pages}}</ul>{{/main}}{{/base}}
    """

    static func render(_ stages: SiteStages) -> Renderer.Output {
        let markdown = stages.markdown()
        let states = markdown.prepare(reusing: { _ in nil }, progress: SiteStages.progress)
        let context = TemplateContext(
            model: stages.model, states: states,
            data: stages.loaded.data.templateValue, year: 2026, theme: stages.theme.html
        )
        // The site's layouts are known to be there: a missing one fails `SiteStages` first.
        let layouts = try! stages.theme.layouts(of: stages.model)
        let renderer = Renderer(
            model: stages.model, theme: stages.theme, pageLayouts: layouts, markdown: markdown, context: context, target: nil,
            progress: SiteStages.progress, now: Date(timeIntervalSince1970: 1_790_000_000)
        )
        return renderer.render(states, templatesKey: Theme.fingerprint(stages.loaded.templates))
    }

    @Test func everyPlannedOutputGetsExactlyOneFile() throws {
        // Held to the end: files copied as they are are read from its folder.
        let fixture = try SiteFixture(RendererTests.site)
        let stages = try SiteStages(fixture)
        let output = withExtendedLifetime(fixture) { RendererTests.render(stages) }
        #expect(output.diagnostics.isEmpty)
        #expect(output.files.map(\.path.value).sorted() == stages.model.outputs.map(\.path.value).sorted())
        #expect(output.files.map(\.path.value).sorted() == [
            "404.html", "assets/style.css", "feed.xml", "index.html", "news/a/index.html", "news/b/index.html", "news/index.html",
            "news/map.png", "news/page/2/index.html", "robots.txt", "sitemap.xml", "tags/alliance/index.html", "tags/index.html",
        ])
        // Nothing is kept without a session, and every page has its Markdown record.
        #expect(output.files.allSatisfy { !$0.staged })
        #expect(output.records.allSatisfy { $0 != nil })
        let map = try #require(output.files.first { $0.path.value == "news/map.png" })
        #expect(map.entry == SiteWriter.Manifest.Entry(hash: ContentHash("PNG\n"), size: 4))
    }

    @Test func aTemplateErrorIsADiagnosticAtItsPosition() throws {
        let fixture = try SiteFixture(RendererTests.site + """

        -- Templates/layouts/news/page.html --
        {{<base}}{{$main}}
        <h1>{{page.title}}</h1>
        <p>{{page.subtitle}}</p>{{/main}}{{/base}}
        """)
        let output = RendererTests.render(try SiteStages(fixture))
        // Both pages of news/ fail, and nothing else does: one message says so, naming the first.
        #expect(output.diagnostics.map(\.description) == [
            "Templates/layouts/news/page.html:3:4: error: unknown variable 'page.subtitle' (rendering Content/news/a.md, and 1 other page)"
                + "\n<p>{{page.subtitle}}</p>{{/main}}{{/base}}\n   ^",
        ])
        #expect(!output.files.contains { $0.path.value.hasPrefix("news/a/") || $0.path.value.hasPrefix("news/b/") })
    }

    @Test func excerptsOfPagesWithoutASummaryAreReadyForTheLists() throws {
        let fixture = try SiteFixture(RendererTests.site)
        try fixture.build()
        // Newest first, one to a list page: B on the section's first page, A on its second.
        #expect(fixture.output("news/index.html")?.contains("<li><a href=\"/news/b/\">B</a> B in one line.</li>") == true)
        #expect(fixture.output("news/page/2/index.html")?.contains("<li><a href=\"/news/a/\">A</a> First paragraph of A, its excerpt.</li>") == true)
    }
}
