import BriefingTemplates
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// What templates see: the values of a page's context, of lists, of tags and of the 404 page.
@Suite struct TemplateContextTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/briefings/
    author: Briefing Desk
    paginate: 2
    -- Content/_index.md --
    ---
    title: Home
    ---
    -- Content/news/_index.md --
    ---
    title: News
    summary: All the news.
    ---
    -- Content/news/a.md --
    ---
    title: A
    date: 2026-03-01
    tags: [North Korea, Alliance]
    mood: calm
    ---
    First paragraph of A.
    -- Content/news/b.md --
    ---
    title: B
    date: 2026-03-02
    tags: [North Korea]
    summary: B in one line.
    ---
    Body of B.
    -- Content/news/c.md --
    ---
    title: C
    date: 2026-03-03
    authors: [Min-ji Park, Daniel Reyes]
    ---
    First paragraph of C.
    -- Content/about/_index.md --
    ---
    title: About
    ---
    """

    static func context(_ stages: SiteStages) -> TemplateContext {
        let states = stages.markdown().prepare(reusing: { _ in nil }, progress: SiteStages.progress)
        return TemplateContext(
            model: stages.model, states: states,
            data: stages.loaded.data.templateValue, year: 2026, theme: stages.theme.html
        )
    }

    @Test func aPageHasItsOwnValues() throws {
        let stages = try SiteStages(SiteFixture(TemplateContextTests.site))
        let context = TemplateContextTests.context(stages)
        let page = try #require(context.context(for: try stages.id("news/a.md")).value["page"])
        #expect(page["kind"] == "page")
        #expect(page["isPage"] == true)
        #expect(page["title"] == "A")
        #expect(page["url"] == "/briefings/news/a/")
        #expect(page["permalink"] == "https://example.org/briefings/news/a/")
        #expect(page["date"] == ["iso": "2026-03-01", "display": "1 March 2026"])
        #expect(page["updated"] == .null)
        #expect(page["authorLine"] == "Briefing Desk")
        #expect(page["tags"] == [
            ["name": "North Korea", "url": "/briefings/tags/north-korea/"],
            ["name": "Alliance", "url": "/briefings/tags/alliance/"],
        ])
        #expect(page["hasTags"] == true)
        #expect(page["section"] == ["name": "news", "title": "News", "url": "/briefings/news/"])
        #expect(page["params"] == ["mood": "calm"])
        // B shares a tag with A; C is from the same section.
        #expect(page["related"]?.listTitles == ["B", "C"])
        #expect(page["hasRelated"] == true)
    }

    @Test func listsShowSummariesOrExcerpts() throws {
        let stages = try SiteStages(SiteFixture(TemplateContextTests.site))
        let context = TemplateContextTests.context(stages)
        let b = context.summary(try stages.id("news/b.md"))
        #expect(b["summary"] == "B in one line.")
        #expect(b["excerpt"] == "B in one line.")
        let c = context.summary(try stages.id("news/c.md"))
        #expect(c["summary"] == .null)
        #expect(c["excerpt"] == "First paragraph of C.")
        #expect(c["authorLine"] == "Min-ji Park and Daniel Reyes")
        #expect(c["url"] == "/briefings/news/c/")
    }

    @Test func siteSectionsMarkTheCurrentOne() throws {
        let stages = try SiteStages(SiteFixture(TemplateContextTests.site))
        let context = TemplateContextTests.context(stages)
        let site = try #require(context.context(for: try stages.id("news/b.md")).value["site"])
        #expect(site["title"] == "Briefing")
        #expect(site["homeURL"] == "/briefings/")
        #expect(site["assets"] == "/briefings/assets/")
        #expect(site["feedURL"] == "/briefings/feed.xml")
        #expect(site["year"] == 2026)
        #expect(site["ids"] == ThemeIDs.templateValue)
        guard case .list(let sections)? = site["sections"] else { Issue.record("no site.sections"); return }
        #expect(sections.map { $0["name"] } == ["about", "news"])
        #expect(sections.map { $0["isCurrent"] } == [false, true])
        #expect(sections[1]["pages"]?.listTitles == ["C", "B", "A"])

        let home = try #require(context.context(for: try stages.id("_index.md")).value["site"])
        guard case .list(let homeSections)? = home["sections"] else { Issue.record("no site.sections"); return }
        #expect(homeSections.map { $0["isCurrent"] } == [false, false])
    }

    @Test func aLongSectionIsListedOnPages() throws {
        let stages = try SiteStages(SiteFixture(TemplateContextTests.site))
        let context = TemplateContextTests.context(stages)
        let news = try stages.id("news/_index.md")
        let first = context.context(for: news).value
        #expect(first["pages"]?.listTitles == ["C", "B"])
        #expect(first["pagination"] == ["current": 1, "total": 2, "prev": nil, "next": "/briefings/news/page/2/"])
        let second = context.context(for: news, listPage: 2).value
        #expect(second["pages"]?.listTitles == ["A"])
        #expect(second["pagination"] == ["current": 2, "total": 2, "prev": "/briefings/news/", "next": nil])
        #expect(second["page"]?["url"] == "/briefings/news/page/2/")
        #expect(second["page"]?["permalink"] == "https://example.org/briefings/news/page/2/")
        // A short section has no pagination.
        #expect(context.context(for: try stages.id("about/_index.md")).value["pagination"] == .null)
    }

    @Test func tagsAndTheNotFoundPageHaveContextsOfTheirOwn() throws {
        let stages = try SiteStages(SiteFixture(TemplateContextTests.site))
        let context = TemplateContextTests.context(stages)
        let tags = context.tagsContext(language: 0).value
        #expect(tags["page"]?["url"] == "/briefings/tags/")
        #expect(tags["page"]?["tags"] == [
            ["name": "Alliance", "url": "/briefings/tags/alliance/", "count": 1, "countText": "1 briefing"],
            ["name": "North Korea", "url": "/briefings/tags/north-korea/", "count": 2, "countText": "2 briefings"],
        ])
        let northKorea = try #require(stages.model.taxonomy.tags.first { $0.name == "North Korea" })
        let tag = context.tagContext(northKorea).value
        #expect(tag["page"]?["title"] == "North Korea")
        #expect(tag["page"]?["kind"] == "tag")
        #expect(tag["pages"]?.listTitles == ["B", "A"])
        let notFound = context.notFoundContext(language: 0).value
        #expect(notFound["page"]?["title"] == "Page not found")
        #expect(notFound["page"]?["kind"] == "notFound")
        #expect(notFound["page"]?["url"] == "/briefings/404.html")
        #expect(notFound["hasPages"] == false)
    }

    @Test func theFingerprintChangesWhenAListedSummaryDoes() throws {
        let fixture = try SiteFixture(TemplateContextTests.site)
        func newsFingerprint() throws -> UInt64 {
            let stages = try SiteStages(fixture)
            let context = TemplateContextTests.context(stages)
            return context.fingerprint(of: context.context(for: try stages.id("news/_index.md")))
        }
        let before = try newsFingerprint()
        #expect(try newsFingerprint() == before)

        // B has a summary: lists show it, not B's body.
        try fixture.write("""
        -- Content/news/b.md --
        ---
        title: B
        date: 2026-03-02
        tags: [North Korea]
        summary: B in one line.
        ---
        Another body of B.
        """)
        #expect(try newsFingerprint() == before)

        try fixture.write("""
        -- Content/news/b.md --
        ---
        title: B
        date: 2026-03-02
        tags: [North Korea]
        summary: B in another line.
        ---
        Body of B.
        """)
        #expect(try newsFingerprint() != before)
    }
}

extension TemplateValue {
    /// The titles of a list of summaries.
    var listTitles: [String] {
        guard case .list(let items) = self else { return [] }
        return items.compactMap { item in
            if case .string(let title)? = item["title"] { return title }
            return nil
        }
    }
}
