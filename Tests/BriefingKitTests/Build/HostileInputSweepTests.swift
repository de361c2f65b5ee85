import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// What an adversarial sweep of the release binary found: input that crashed the build (exit 132), cut
/// HTML short at a NUL, took seconds per page, wrote or deleted where it must not, or was reported without
/// the position an editor needs. Each is now refused at its position, or built as a reader expects.
@Suite struct HostileInputSweepTests {
    typealias Case = InvalidSiteTests.Case

    /// Before, `Int` arithmetic on these trapped: exit 132 and no message.
    static let hugeSettings: [Case] = [
        Case(name: "paginate near Int.max", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\npaginate: 9223372036854775807\n", expected: """
        Content/site.yaml:3:11: error: 'paginate' must be a whole number from 1 to 10000
        paginate: 9223372036854775807
                  ^
        """),
        Case(name: "maxPageMB whose bytes overflow", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmaxPageMB: 8796093022208\n", expected: """
        Content/site.yaml:3:12: error: 'maxPageMB' must be a whole number from 1 to 1024
        maxPageMB: 8796093022208
                   ^
        """),
    ]

    /// A file where another output needs a folder: the write failed with "Is a directory" and no position.
    static let fileAndFolderCollisions: [Case] = [
        Case(name: "a page with the slug feed.xml", files: "-- Content/feeds.md --\n---\ntitle: Feeds\nslug: feed.xml\n---\n", expected: """
        Content/feeds.md:3:7: error: Content/feeds.md would be written inside feed.xml/, where the Atom feed is written as a file: rename one
        slug: feed.xml
              ^
        """),
        Case(name: "a page with the slug index.html", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: index.html\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: Content/deterrence/bad.md would be written inside deterrence/index.html/, where Content/deterrence/_index.md is written as a file: rename one
        slug: index.html
              ^
        """),
        Case(name: "a page named like the image beside it", files: "-- Content/deterrence/map.svg --\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"3\"></svg>\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: map.svg\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: Content/deterrence/bad.md would be written inside deterrence/map.svg/, where Content/deterrence/map.svg is written as a file: rename one
        slug: map.svg
              ^
        """),
    ]

    static let positions: [Case] = [
        Case(name: "a slug longer than a file name may be", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nslug: \(String(repeating: "a", count: 256))\n---\n", expected: """
        Content/deterrence/bad.md:3:7: error: slug '\(String(repeating: "a", count: 256))' must be one path segment of letters, digits, '-', '_' or '.', of at most 255 bytes
        slug: \(String(repeating: "a", count: 114))…
              ^
        """),
        Case(name: "a tag longer than a folder name may be", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ntags: [ok, \(String(repeating: "t", count: 300))]\n---\n", expected: """
        Content/deterrence/bad.md:3:12: error: a tag may have at most 255 bytes (this one has 300): it names its page's folder
        tags: [ok, \(String(repeating: "t", count: 109))…
                   ^
        """),
        Case(name: "a duplicate key, at the repeat", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2026-01-01\ntitle: Worse\n---\n", expected: """
        Content/deterrence/bad.md:4:1: error: invalid YAML: duplicate key 'title'
        title: Worse
        ^
        """),
        Case(name: "a control character in front matter, at its column", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nauthor: \"A\u{1}B\"\n---\n", expected: """
        Content/deterrence/bad.md:3:11: error: invalid YAML: control characters are not allowed
        author: "A␁B"
                  ^
        """),
        Case(name: "a NUL in a CSV cell", files: "-- Content/data/troops.csv --\nYear,Troops,Source,Source URL\n2025,1,DoD,\"https://a.example/?q=\u{0}\"\n", expected: """
        Content/data/troops.csv:2:34: error: a control character (U+0000) in the data; a CSV file holds text: remove it
        2025,1,DoD,"https://a.example/?q=␀"
                                         ^
        """),
        Case(name: "a footnote cited in a pipe table's cell", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nIntro.\n\n| a | b |\n|---|---|\n| x | y[^zz] |\n", expected: """
        Content/deterrence/bad.md:8:7: error: footnote '[^zz]' is not defined: add a line '[^zz]: …' (defined here: none)
        | x | y[^zz] |
              ^
        """),
    ]

    /// cmark wrote these as `href=""` in safe mode, silently, and as they are with `unsafe: true`.
    static let scriptLinks: [Case] = [
        Case(name: "a javascript: link with unsafe: true", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmarkdown:\n  unsafe: true\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSee [this](javascript:alert(1)).\n", expected: """
        Content/deterrence/bad.md:4:5: error: link: the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        See [this](javascript:alert(1)).
            ^
        """),
        Case(name: "a data: image, entity-encoded", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n![x](&#100;ata:text/html,x)\n", expected: """
        Content/deterrence/bad.md:4:1: error: image: the URL 'data:text/html,x' uses 'data:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)
        ![x](&#100;ata:text/html,x)
        ^
        """),
    ]

    @Test(arguments: hugeSettings + fileAndFolderCollisions + positions + scriptLinks)
    func refusedAtItsPositionWithOutputUnchanged(_ testCase: Case) async throws {
        try await InvalidSiteTests().failsWithAPositionAndLeavesOutputAlone(testCase)
    }

    /// `Int(width.rounded())` trapped on these (exit 132); an image no screen could show has no size.
    @Test(arguments: [#"width="1e19" height="10""#, #"width="NaN" height="10""#, #"viewBox="0 0 inf 10""#])
    func anSVGOfImpossibleSizeBuildsWithoutOne(_ size: String) throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/map.svg --
        <svg xmlns="http://www.w3.org/2000/svg" \(size)></svg>
        -- Content/deterrence/mapped.md --
        ---
        title: Mapped
        ---
        ![The bases](map.svg)
        """)
        try fixture.build()
        let html = try #require(fixture.output("deterrence/mapped/index.html"))
        #expect(html.contains(#"<img src="/deterrence/map.svg" alt="The bases""#))
        #expect(!html.contains("width="))
    }

    /// Each nested image rendered the text of all those inside it: 20,000 took 5 s, 40,000 took 15 s.
    /// cmark shows an image inside another's description as text, so only the outermost is made.
    @Test(.timeLimit(.minutes(1)))
    func nestedImagesCostWhatFlatOnesDo() throws {
        let depth = 20_000
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/map.svg --
        <svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>
        -- Content/deterrence/nested.md --
        ---
        title: Nested
        ---
        \(String(repeating: "![", count: depth))x\(String(repeating: "](map.svg)", count: depth))
        """)
        let started = ContinuousClock.now
        try fixture.build()
        #expect(ContinuousClock.now - started < .seconds(10))
        let html = try #require(fixture.output("deterrence/nested/index.html"))
        #expect(html.components(separatedBy: "<img ").count == 2)
        #expect(html.contains(#"<img src="/deterrence/map.svg" alt="x" width="4" height="3""#))
    }

    /// cmark keeps the HTML of a transform as a C string: a NUL from a YAML escape ended it inside an
    /// attribute, and the next tag's attributes (`onfocus=…`) joined the open one.
    @Test func aNULFromFrontMatterNeitherCutsNorOpensTheHTML() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/data/troops.csv --
        Year,Troops
        2025,28500
        -- Content/deterrence/nul.md --
        ---
        title: NUL
        ---
        ```table
        data: troops.csv
        caption: "Troops\\0"
        ```

        See [the source](https://example.org/?a= "x autofocus onfocus=alert(1) y").
        """)
        try fixture.build()
        let html = try #require(fixture.output("deterrence/nul/index.html"))
        #expect(!html.contains("\u{0}"))
        #expect(html.contains("Troops\u{FFFD}"))
        #expect(html.contains(#"<a href="https://example.org/?a=" title="x autofocus onfocus=alert(1) y">the source</a>"#))
        #expect(html.contains("</table>"))
    }

    /// `--output` below a link to Content/ passed the overlap check (the link was followed only for a
    /// folder that existed), and the site was written into Content/out/.
    @Test func anOutputFolderReachedThroughALinkIntoContentIsRefused() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let link = fixture.root.appendingPathComponent("content-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: fixture.root.appendingPathComponent("Content"))
        let messages = fixture.failure { $0.output = link.appendingPathComponent("out"); $0.force = true }
        #expect(messages == ["error: the output folder \(link.path)/out overlaps Content/; choose a folder of its own"])
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/out").path))
    }

    /// A file the site no longer has was deleted even when someone had changed it since the build wrote it.
    @Test func aChangedFileTheSiteNoLongerHasIsKeptWithAWarning() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/old.md --\n---\ntitle: Old\n---\nOld.\n-- Content/deterrence/older.md --\n---\ntitle: Older\n---\nOlder.\n")
        try fixture.build()
        let edited = fixture.root.appendingPathComponent("Output/deterrence/old/index.html")
        try Data("<p>My notes</p>\n".utf8).write(to: edited)
        for name in ["old", "older"] { try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/deterrence/\(name).md")) }
        let report = try fixture.build()
        #expect(report.warnings.map(\.description) == [
            "warning: \(fixture.root.appendingPathComponent("Output").path)/deterrence/old/index.html was changed since Briefing wrote it, so it is kept although the site no longer has it: delete it, or move it out of the output folder",
        ])
        #expect(fixture.output("deterrence/old/index.html") == "<p>My notes</p>\n")
        #expect(fixture.output("deterrence/older/index.html") == nil)
        #expect(report.writer.removed == 1)
    }

    /// Page text in a message went to the terminal as it was: an escape sequence in a link recoloured
    /// or retitled the editor's terminal.
    @Test func controlCharactersInMessagesShowAsPictures() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n[x](<\u{1B}[31mred\u{7}.md>)\n")
        let messages = fixture.failure()
        #expect(messages.count == 1)
        #expect(messages.first?.contains("\u{1B}") == false && messages.first?.contains("\u{7}") == false)
        #expect(messages.first?.contains("'␛[31mred␇.md'") == true)
    }

    @Test func aPageWithoutHostHasItsWarningAtBaseURL() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite.replacingOccurrences(of: "baseURL: https://example.org/", with: "baseURL: /briefings/"))
        let report = try fixture.build()
        #expect(report.warnings.map(\.location) == [SourceLocation(path: "Content/site.yaml", line: 2, column: 10)])
    }
}
