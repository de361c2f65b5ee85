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
}
