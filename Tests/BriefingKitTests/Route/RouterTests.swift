import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// Every output path and URL comes from the router: routes of pages, list pages and tags, URLs under a
/// sub-path, and the plan of every file a build writes.
@Suite struct RouterTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/briefings/
    paginate: 2
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
    tags: [North Korea]
    ---
    -- Content/news/b.md --
    ---
    title: B
    date: 2026-01-02
    ---
    -- Content/news/c.md --
    ---
    title: C
    date: 2026-01-03
    slug: see
    ---
    -- Content/news/map.png --
    PNG
    """

    @Test func pageRoutesFollowTheFileAndItsSlug() throws {
        #expect(Router.pageRoute(kind: .home, folder: "", name: "_index") == "")
        #expect(Router.pageRoute(kind: .section, folder: "news/korea", name: "_index") == "news/korea/")
        #expect(Router.pageRoute(kind: .page, folder: "news", name: "tripwire") == "news/tripwire/")
        #expect(Router.pageRoute(kind: .page, folder: "", name: "about") == "about/")

        let stages = try SiteStages(SiteFixture(RouterTests.site))
        #expect(stages.model[try stages.id("news/c.md")].route == "news/see/")
        #expect(stages.model[try stages.id("news/_index.md")].route == "news/")
        #expect(stages.model[try stages.id("_index.md")].route == "")
    }

    @Test func listPagesAndTagsHaveTheirOwnRoutes() throws {
        let stages = try SiteStages(SiteFixture(RouterTests.site))
        let news = stages.model[try stages.id("news/_index.md")]
        let router = stages.model.router
        #expect(router.route(of: news) == "news/")
        #expect(router.route(of: news, listPage: 2) == "news/page/2/")
        #expect(router.tagRoute("north-korea") == "tags/north-korea/")
    }

    @Test func urlsAndPermalinksStartWithTheBasePath() throws {
        let stages = try SiteStages(SiteFixture(RouterTests.site))
        let router = stages.model.router
        let news = stages.model[try stages.id("news/_index.md")]
        #expect(router.url("news/see/") == "/briefings/news/see/")
        #expect(router.url("") == "/briefings/")
        #expect(router.permalink("news/see/") == "https://example.org/briefings/news/see/")
        #expect(router.url(of: news, listPage: 2) == "/briefings/news/page/2/")
        #expect(stages.model.url(of: news) == "/briefings/news/")
    }

    @Test func thePlanListsEveryOutputTagsFirst() throws {
        let stages = try SiteStages(SiteFixture(RouterTests.site))
        #expect(RouterTests.plan(stages.model) == [
            "tags/north-korea/index.html ← the page of tag 'North Korea'",
            "tags/index.html ← the index of tags",
            "index.html ← Content/_index.md",
            "news/index.html ← Content/news/_index.md",
            "news/page/2/index.html ← page 2 of Content/news/_index.md's list",
            "news/a/index.html ← Content/news/a.md",
            "news/b/index.html ← Content/news/b.md",
            "news/see/index.html ← Content/news/c.md",
            "404.html ← the 404 page",
            "feed.xml ← the Atom feed",
            "sitemap.xml ← the sitemap",
            "robots.txt ← the generated robots.txt",
            "news/map.png ← Content/news/map.png",
            "assets/style.css ← Templates/assets/style.css",
        ])
    }

    @Test func aBaseURLWithoutAHostPlansNoFeedOrSitemap() throws {
        let stages = try SiteStages(SiteFixture("""
        -- Content/site.yaml --
        title: Briefing
        baseURL: /briefings/
        -- Content/_index.md --
        ---
        title: Home
        ---
        """))
        #expect(!stages.model.router.writesFeeds)
        #expect(RouterTests.plan(stages.model) == [
            "index.html ← Content/_index.md",
            "404.html ← the 404 page",
            "robots.txt ← the generated robots.txt",
            "assets/style.css ← Templates/assets/style.css",
        ])
    }

    @Test(arguments: ["../escape.html", "a/../b.html", "./a.html", "a/./b.html", "a//b.html", "/etc/passwd", "a/", "", ".", ".."])
    func anOutputPathCannotLeaveTheOutputFolder(_ path: String) {
        #expect(OutputPath(path) == nil)
    }

    @Test func anOutputPathKeepsAPlainRelativePath() {
        #expect(OutputPath("news/page/2/index.html")?.value == "news/page/2/index.html")
        #expect(OutputPath("..hidden/a.html")?.value == "..hidden/a.html")
    }

    @Test func twoOutputsAtOnePathAreAnErrorNamingBoth() throws {
        let fixture = try SiteFixture("""
        -- Content/site.yaml --
        title: Briefing
        baseURL: https://example.org/
        -- Content/_index.md --
        ---
        title: Home
        ---
        -- Content/feed.xml --
        <feed/>
        """)
        #expect(throws: BuildFailure.self) { try SiteStages(fixture) }
        #expect(fixture.failure() == [
            "Content/feed.xml:1:1: error: Content/feed.xml and the Atom feed would both be written to feed.xml: rename or remove one",
        ])
    }

    /// A staging build could not keep crawlers off, nor a site keep a path out of search: Content/robots.txt
    /// was an error beside the generated one. It is the one published.
    @Test func aSitesOwnRobotsFileIsTheOnePublished() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/robots.txt --\nUser-agent: *\nDisallow: /\n")
        _ = try fixture.build()
        #expect(fixture.output("robots.txt")?.hasPrefix("User-agent: *\nDisallow: /\n") == true)
    }

    @Test func aPageOverAListPageIsAnErrorNamingBoth() throws {
        let fixture = try SiteFixture(RouterTests.site + """

        -- Content/news/page/2.md --
        ---
        title: Two
        ---
        """)
        #expect(fixture.failure() == [
            "Content/news/page/2.md:1:1: error: Content/news/page/2.md and page 2 of Content/news/_index.md's list would both be written to news/page/2/index.html: rename or remove one",
        ])
    }

    /// Each planned output as `path ← what makes it`, in plan order.
    static func plan(_ model: SiteModel) -> [String] {
        model.outputs.map { "\($0.path) ← \($0.kind.describe(in: model))" }
    }
}
