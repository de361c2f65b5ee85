import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// `briefing check`: the whole site checked without writing, with the editor's checks on top.
@Suite struct CheckCommandTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    -- Content/news/a.md --
    ---
    title: A
    date: 2026-01-01
    ---
    ![](map.svg)

    #### Too deep
    See [b](../../news/b/) and [nowhere](../../news/nowhere/).
    -- Content/news/map.svg --
    <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>
    -- Content/news/b.md --
    ---
    title: B
    date: 2026-01-01
    summary: Fine.
    ---
    Fine.
    """

    @Test func warningsOnlyExitZeroAndWriteNothing() throws {
        let fixture = try SiteFixture(CheckCommandTests.site.replacingOccurrences(of: " and [nowhere](../../news/nowhere/)", with: ""))
        let result = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stderr == """
        Content/news/a.md:1:1: warning: page has no summary: add 'summary:' to the front matter for lists, feeds and search results
        ---
        ^
        Content/news/a.md:5:1: warning: image 'map.svg' has no alt text: describe it in the brackets, ![like this](map.svg)
        ![](map.svg)
        ^
        Content/news/a.md:7:1: warning: heading level 4 follows level 1: use h2 so the outline has no gap
        #### Too deep
        ^
        3 warnings

        """)
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Output").path))
    }

    /// The theme writes the page's title as its h1: a `# heading` in the body made a second, unnoticed.
    @Test func aLevelOneHeadingInTheBodyIsWarnedOf() throws {
        let fixture = try SiteFixture(CheckCommandTests.site.replacingOccurrences(of: "---\nFine.", with: "---\n# B again\n\nFine."))
        let result = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.stderr.contains("""
        Content/news/b.md:6:1: warning: a level-1 heading in the body: the page's title is its h1 already, and two make its outline unclear; use ## for its sections
        # B again
        ^
        """), "\(result.stderr)")
    }

    @Test func jsonForCIAndExitOneOnErrors() throws {
        let fixture = try SiteFixture(CheckCommandTests.site)
        let result = try BriefingCommand.run(["check", "--source", fixture.root.path, "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        #expect(json["warnings"] as? Int == 3)
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first { $0["severity"] as? String == "error" })
        #expect(first["message"] as? String == "link '../../news/nowhere/' leads to nothing this site publishes (read from /news/a/)")
        #expect(first["file"] as? String == "Content/news/a.md")
        #expect(first["line"] as? Int == 8)
        #expect(first["column"] as? Int == 28)
    }

    /// A link with no text is announced by its address alone; `[](figure:…)` citations get theirs later.
    @Test func aLinkWithoutTextIsAWarning() throws {
        let fixture = try SiteFixture(CheckCommandTests.site + """

        -- Content/news/c.md --
        ---
        title: C
        date: 2026-01-01
        summary: Links.
        ---
        See [](../../news/b/), [  ](../../news/b/) and [![Map of the bases](map.svg)](../../news/b/).
        """)
        let messages = fixture.failure { $0.qualityChecks = true }.filter { $0.hasPrefix("Content/news/c.md") }
        #expect(messages == [
            "Content/news/c.md:6:5: warning: link to '../../news/b/' has no text: a screen reader would read out its address; say where it leads, [like this](../../news/b/)\nSee [](../../news/b/), [  ](../../news/b/) and [![Map of the bases](map.svg)](../../news/b/).\n    ^",
            "Content/news/c.md:6:24: warning: link to '../../news/b/' has no text: a screen reader would read out its address; say where it leads, [like this](../../news/b/)\nSee [](../../news/b/), [  ](../../news/b/) and [![Map of the bases](map.svg)](../../news/b/).\n                       ^",
        ])
    }

    /// `*approx*` and `[MND](…)` in a CSV were shown as typed in every table of it, and check found no problem.
    @Test func markdownInADataFilesCellsIsAWarning() throws {
        let fixture = try SiteFixture(CheckCommandTests.site + """

        -- Content/data/mixed.csv --
        Year,Troops,Note
        2025,28500,*approx*
        2026,28500,see [MND](https://www.mnd.go.kr/)
        """)
        let messages = fixture.failure { $0.qualityChecks = true }.filter { $0.hasPrefix("Content/data/") }
        #expect(messages == [
            "Content/data/mixed.csv:2:12: warning: '*approx*' is shown as typed (and 1 more cell): a data file's cells are plain text, written into tables as they are\n2025,28500,*approx*\n           ^",
        ])
    }
}
