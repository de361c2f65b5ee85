import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// A whole site written as files, built with the real pipeline, and its output read back.
@Suite struct SiteBuilderTests {
    static let site = """
    -- Content/site.yaml --
    title: Alliance Briefing
    baseURL: https://example.org/
    language: en
    author: Briefing Desk
    -- Content/_index.md --
    ---
    title: Home
    ---
    Read the [explainer](alliance/explainer.md) and the [tripwire](deterrence/tripwire.md#why-it-works).
    -- Content/alliance/_index.md --
    ---
    title: The alliance
    ---
    Pages on the alliance.
    -- Content/alliance/explainer.md --
    ---
    title: The explainer
    date: 2026-03-01
    authors: [Min-ji Park, Daniel Reyes]
    ---
    First paragraph of the explainer, which is long enough to be an excerpt.

    ## Why it matters
    See [the SMA history](../burden-sharing/sma.md#history).
    ## Why it matters
    Twice.
    -- Content/alliance/history.md --
    ---
    title: History
    date: 2026-01-15
    ---
    The armistice.
    -- Content/burden-sharing/sma.md --
    ---
    title: The SMA
    date: 2026-02-10
    slug: special-measures
    ---
    ## History
    Since 1991.
    -- Content/deterrence/tripwire.md --
    ---
    title: Tripwire
    date: 2026-04-02
    ---
    ## Why it works
    Troops on the ground. ![Map](map.png)
    -- Content/deterrence/map.png --
    GIF89a
    -- Content/news/draft.md --
    ---
    title: Not yet
    draft: true
    ---
    Secret.
    """

    @Test func buildsPagesSectionsHomeAnd404() throws {
        let fixture = try SiteFixture(SiteBuilderTests.site)
        let report = try fixture.build()
        #expect(report.pages == 8)
        #expect(report.warnings.isEmpty)

        let explainer = try #require(fixture.output("alliance/explainer/index.html"))
        #expect(explainer.contains("<h1>The explainer</h1><time datetime=\"2026-03-01\">1 March 2026</time><p class=\"by\">Min-ji Park and Daniel Reyes</p>"))
        #expect(explainer.contains("<h2 id=\"why-it-matters\">Why it matters</h2>"))
        #expect(explainer.contains("<h2 id=\"why-it-matters-1\">Why it matters</h2>"))
        #expect(explainer.contains("<a href=\"/burden-sharing/special-measures/#history\">the SMA history</a>"))
        #expect(explainer.contains("<nav><a href=\"#why-it-matters\">Why it matters</a><a href=\"#why-it-matters-1\">Why it matters</a></nav>"))

        let section = try #require(fixture.output("alliance/index.html"))
        #expect(section.contains("<li><a href=\"/alliance/explainer/\">The explainer</a> First paragraph of the explainer, which is long enough to be an excerpt.</li><li><a href=\"/alliance/history/\">History</a> The armistice.</li>"))

        let home = try #require(fixture.output("index.html"))
        #expect(home.contains("<a href=\"/alliance/explainer/\">explainer</a>"))
        #expect(home.contains("<a href=\"/deterrence/tripwire/#why-it-works\">tripwire</a>"))
        #expect(home.contains("<nav><a href=\"/burden-sharing/\">Burden sharing</a><a href=\"/deterrence/\">Deterrence</a><a href=\"/alliance/\">The alliance</a></nav>"))

        #expect(fixture.output("deterrence/tripwire/index.html")?.contains("<img src=\"/deterrence/map.png\" alt=\"Map\" decoding=\"async\">") == true)
        #expect(fixture.output("deterrence/map.png") == "GIF89a\n")
        #expect(fixture.output("404.html")?.contains("<h1>Page not found</h1><a href=\"/\">Home</a>") == true)
        #expect(fixture.output("assets/style.css") == "body { color: black; }\n")
        #expect(fixture.output("news/draft/index.html") == nil)
    }

    @Test func draftsAreBuiltWhenAskedFor() throws {
        let fixture = try SiteFixture(SiteBuilderTests.site)
        try fixture.build { $0.includeDrafts = true }
        #expect(fixture.output("news/draft/index.html")?.contains("Secret.") == true)
    }

    @Test func everyURLHonoursTheBasePath() throws {
        let fixture = try SiteFixture(SiteBuilderTests.site)
        try fixture.build { $0.baseURL = "https://example.org/briefings/" }
        let home = try #require(fixture.output("index.html"))
        #expect(home.contains("<a href=\"/briefings/alliance/explainer/\">explainer</a>"))
        #expect(home.contains("<a href=\"/briefings/alliance/\">The alliance</a>"))
        #expect(fixture.output("deterrence/tripwire/index.html")?.contains("src=\"/briefings/deterrence/map.png\"") == true)
        #expect(fixture.output("404.html")?.contains("<a href=\"/briefings/\">Home</a>") == true)
    }

    @Test func aSecondBuildKeepsUnchangedFilesAndRemovesStaleOnes() throws {
        let fixture = try SiteFixture(SiteBuilderTests.site)
        try fixture.build()
        let unchanged = fixture.root.appendingPathComponent("Output/burden-sharing/special-measures/index.html")
        let before = try FileManager.default.attributesOfItem(atPath: unchanged.path)[.modificationDate] as? Date
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/alliance/history.md"))
        Thread.sleep(forTimeInterval: 0.01)
        let report = try fixture.build()
        #expect(fixture.output("alliance/history/index.html") == nil)
        #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Output/alliance/history").path) == false)
        #expect(report.writer.removed == 1)
        // The alliance list, the feed and the sitemap showed the removed page; nothing else changed.
        #expect(report.writer.written == 3)
        let after = try FileManager.default.attributesOfItem(atPath: unchanged.path)[.modificationDate] as? Date
        #expect(before == after)
    }

    @Test func checkWritesNothingAndStillReportsErrors() throws {
        let fixture = try SiteFixture(SiteBuilderTests.site + """

        -- Content/alliance/broken.md --
        ---
        title: Broken
        layout: missing
        ---
        """)
        #expect(fixture.failure { $0.writeOutput = false } == [
            "Content/alliance/broken.md:3:9: error: layout 'missing' not found in Templates/layouts/ (known: 404, base, home, page, section)\nlayout: missing\n        ^",
        ])
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Output").path))
    }

    @Test func checkOfAGoodSiteLeavesNoOutputFolder() throws {
        let fixture = try SiteFixture(SiteBuilderTests.site)
        let report = try fixture.build { $0.writeOutput = false }
        #expect(report.pages == 8)
        #expect((report.writer.written, report.writer.unchanged, report.writer.removed) == (0, 0, 0))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Output").path))
    }
}
