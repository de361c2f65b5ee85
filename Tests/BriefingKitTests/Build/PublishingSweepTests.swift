import Foundation
import Testing
@testable import BriefingKit

/// What a ninth sweep found an editor could publish by mistake, or link wrongly without a word: Markdown
/// saved under another extension, links between the two languages of a page, sources' local addresses.
@Suite struct PublishingSweepTests {
    /// `upper.MD` and `long.markdown` were copied to the site as files: a draft's text went public.
    @Test func markdownUnderAnotherExtensionIsAnErrorNotAFile() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/news/upper.MD --
        ---
        title: Upper
        draft: true
        ---
        Secret draft.
        -- Content/news/long.markdown --
        ---
        title: Long
        ---
        Text.
        -- Content/Data/figures.csv --
        a,b
        1,2
        -- Content/news/notes.txt --
        Published as a file, as any other.
        """)
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/Data/figures.csv:1:1: error: 'Content/Data/figures.csv' is in a folder named 'Data', which is not 'data' (the folder of data files is named in lowercase): rename the folder, or it is published as files",
            "Content/news/long.markdown:1:1: error: 'long.markdown' is Markdown, but pages are read only from files ending in '.md' (lowercase); rename it to 'long.md', or it would be published as it is written, drafts included",
            "Content/news/upper.MD:1:1: error: 'upper.MD' is Markdown, but pages are read only from files ending in '.md' (lowercase); rename it to 'upper.md', or it would be published as it is written, drafts included",
        ])
        #expect(fixture.output("news/upper.MD") == nil)
    }

    /// An English page's link to `tripwire.ko.md` led to the English page; a Korean page's link to
    /// `force.md` failed as "a draft" when only the English was one, though the Korean page it means is out.
    @Test func linksBetweenLanguagesGoWhereTheyName() throws {
        let site = MultilingualSiteTests.site
            .replacingOccurrences(of: "Troops on the line. See [the force](force.md).", with: """
                Troops on the line. See [the force](force.md), [인계철선](tripwire.ko.md#전선) and [the home page](../_index.ko.md).
                """)
            .replacingOccurrences(of: "title: The force\ndate: 2026-03-01\n", with: "title: The force\ndate: 2026-03-01\ndraft: true\n")
            .replacingOccurrences(of: "2만 8,500명.", with: "## 전선\n\n2만 8,500명.")
            .replacingOccurrences(of: "전선의 병력. [병력](force.md)을 보십시오.", with: "## 전선\n\n전선의 병력. [병력](force.md)을 보십시오.")
        let fixture = try SiteFixture(site, templates: MultilingualSiteTests.templates)
        #expect(fixture.failure() == [
            "Content/deterrence/force.ko.md:1:1: warning: a translation whose original is missing or a draft: no en page in this build has the translation key 'deterrence/force'\n---\n^",
            "Content/deterrence/tripwire.md:7:25: error: link to 'force.md', a draft left out of this build (build with --drafts, or remove the link)\n"
                + "Troops on the line. See [the force](force.md), [인계철선](tripwire.ko.md#전선) and [the home page](../_index.ko.md).\n"
                + "                        ^",
        ])
        try fixture.write("""
            -- Content/deterrence/tripwire.md --
            ---
            title: Tripwire
            date: 2026-04-08
            updated: 2026-05-02
            tags: [deterrence]
            ---
            Troops on the line. See [인계철선](tripwire.ko.md#전선) and [the home page](../_index.ko.md).
            """)
        try fixture.build()
        let english = try #require(fixture.output("deterrence/tripwire/index.html"))
        #expect(english.contains(#"<a href="/ko/deterrence/inggye/#%EC%A0%84%EC%84%A0">인계철선</a>"#))
        #expect(english.contains(#"<a href="/ko/">the home page</a>"#))
        let korean = try #require(fixture.output("ko/deterrence/inggye/index.html"))
        #expect(korean.contains(#"<a href="/ko/deterrence/force/">병력</a>"#))
    }
}
