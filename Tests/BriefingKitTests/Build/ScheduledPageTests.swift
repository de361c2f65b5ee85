import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit

/// A page dated later than the build was published at once, with a warning, where Hugo and Jekyll hold it
/// back: a newsroom's scheduled or embargoed story, or a site moved from either, went out with the next
/// build, in every list, the feed and the sitemap. It is held back until its date now.
@Suite struct ScheduledPageTests {
    /// 2026-09-21T14:13:20Z, the fixture's clock.
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static let site = """
        -- Content/site.yaml --
        title: Briefing
        baseURL: https://example.org/
        -- Content/_index.md --
        ---
        title: Home
        ---
        Welcome.
        -- Content/news/out.md --
        ---
        title: Out now
        date: 2026-09-20
        tags: [sma]
        ---
        See [the embargoed story](embargoed.md) soon.
        -- Content/news/embargoed.md --
        ---
        title: Embargoed
        date: 2026-09-21T15:00:00Z
        tags: [sma, embargo]
        ---
        Not before three o'clock.
        -- Templates/layouts/tag.html --
        {{<base}}{{$main}}<h1>{{page.title}}</h1><ul>{{#pages}}<li><a href="{{url}}">{{title}}</a></li>{{/pages}}</ul>{{/main}}{{/base}}
        -- Templates/layouts/tags.html --
        {{<base}}{{$main}}<ul>{{#page.tags}}<li><a href="{{url}}">{{name}}</a></li>{{/page.tags}}</ul>{{/main}}{{/base}}
        """

    static func unlinked(_ files: String) -> String {
        files.replacingOccurrences(of: "See [the embargoed story](embargoed.md) soon.", with: "More soon.")
    }

    @Test func aPageDatedLaterIsHeldBackFromEveryListUntilItsDate() throws {
        let fixture = try SiteFixture(Self.unlinked(Self.site))
        try BuildCacheTests.age(fixture)
        let report = try fixture.build { $0.now = Self.now }
        #expect(report.warnings.map(\.description) == ["""
        Content/news/embargoed.md:3:7: warning: 'date' 2026-09-21T15:00:00Z is still to come: the page is held back until then, out of every list, the feed and the sitemap (build with --future to publish it now)
        date: 2026-09-21T15:00:00Z
              ^
        """])
        #expect(fixture.output("news/embargoed/index.html") == nil)
        #expect(fixture.output("tags/embargo/index.html") == nil)
        for path in ["news/index.html", "tags/sma/index.html", "feed.xml", "sitemap.xml"] {
            let text = try #require(fixture.output(path), "\(path)")
            #expect(text.contains("/news/out/"), "\(path)")
            #expect(!text.contains("mbargo"), "\(path)")
        }
        #expect(fixture.output("tags/index.html").map { $0.contains("/tags/sma/") && !$0.contains("mbargo") } == true)

        // Until three o'clock, a build with no file changed has nothing to do; the first after publishes it.
        #expect(try fixture.build { $0.now = Self.now.addingTimeInterval(2_000) }.stages.map(\.name) == ["nothing changed"])
        let later = try fixture.build { $0.now = Self.now.addingTimeInterval(3_600) }
        #expect(later.warnings.isEmpty, "\(later.warnings)")
        #expect(later.writer.unchanged < later.files)
        #expect(fixture.output("news/embargoed/index.html")?.contains("Embargoed") == true)
        #expect(fixture.output("news/index.html")?.contains("/news/embargoed/") == true)
        #expect(fixture.output("tags/embargo/index.html")?.contains("/news/embargoed/") == true)
        #expect(fixture.output("feed.xml")?.contains("<id>https://example.org/news/embargoed/</id>") == true)
        #expect(fixture.output("sitemap.xml")?.contains("<loc>https://example.org/news/embargoed/</loc>") == true)
    }

    /// `date: 2026-09-22` on the 21st in London is the 22nd in Seoul: a page dated today, wherever its
    /// editor is, is not held back. A day still to come everywhere is.
    @Test func aDayAloneIsDueOnceItHasBegunAnywhereOnEarth() throws {
        let files = Self.unlinked(Self.site).replacingOccurrences(of: "date: 2026-09-21T15:00:00Z", with: "date: 2026-09-22")
        // At 10:00 UTC on the 21st, the 22nd begins at UTC+14.
        let begins = try #require(ISO8601DateFormatter().date(from: "2026-09-21T10:00:00Z"))
        let before = try SiteFixture(files)
        let report = try before.build { $0.now = begins.addingTimeInterval(-1) }
        #expect(before.output("news/embargoed/index.html") == nil)
        #expect(report.warnings.map(\.message) == [
            "'date' 2026-09-22 is still to come: the page is held back until then, out of every list, the feed and the sitemap (build with --future to publish it now)",
        ])
        let after = try SiteFixture(files)
        #expect(try after.build { $0.now = begins }.warnings.isEmpty)
        #expect(after.output("news/embargoed/index.html") != nil)
    }

    /// Jekyll dates a post by its name, and holds back one named for a day to come.
    @Test func aJekyllPostNamedForADayToComeIsHeldBack() throws {
        let fixture = try SiteFixture(Self.unlinked(Self.site) + "\n-- Content/news/2026-09-30-talks.md --\n---\ntitle: Talks\n---\nSoon.\n")
        let report = try fixture.build { $0.now = Self.now }
        #expect(report.warnings.map(\.description).contains("""
        Content/news/2026-09-30-talks.md:1:1: warning: the date its file is named with, 2026-09-30 is still to come: the page is held back until then, out of every list, the feed and the sitemap (build with --future to publish it now)
        ---
        ^
        """))
        #expect(fixture.output("news/2026-09-30-talks/index.html") == nil)
    }

    @Test func futurePublishesItNowAndSaysSo() throws {
        let fixture = try SiteFixture(Self.site)
        let report = try fixture.build {
            $0.now = Self.now
            $0.includeFuture = true
        }
        #expect(report.warnings.map(\.message) == ["'date' 2026-09-21T15:00:00Z is still to come: published now (--future), dated then"])
        #expect(fixture.output("news/embargoed/index.html")?.contains("Embargoed") == true)
        #expect(fixture.output("news/out/index.html")?.contains(#"href="/news/embargoed/""#) == true)
    }

    /// A published page's link to one held back would lead readers to the 404 page until its date.
    @Test func aLinkToAPageHeldBackSaysWhyAndWhen() throws {
        let fixture = try SiteFixture(Self.site)
        #expect(fixture.failure { $0.now = Self.now }.first { $0.contains("error") } == """
        Content/news/out.md:6:5: error: link to 'embargoed.md', a page held back until its date, 2026-09-21T15:00:00Z (build with --future, or remove the link)
        See [the embargoed story](embargoed.md) soon.
            ^
        """)
    }

    @Test func theCommandLineTakesFuture() async throws {
        let fixture = try SiteFixture(Self.unlinked(Self.site).replacingOccurrences(of: "2026-09-21T15:00:00Z", with: "2999-01-01T00:00:00Z"))
        let held = try await BriefingCommand.run(["build", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(held.status == 0)
        #expect(held.stderr.contains("'date' 2999-01-01T00:00:00Z is still to come: the page is held back until then"))
        #expect(fixture.output("news/embargoed/index.html") == nil)
        let published = try await BriefingCommand.run(["build", "--future", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(published.status == 0)
        #expect(fixture.output("news/embargoed/index.html") != nil)
    }
}
