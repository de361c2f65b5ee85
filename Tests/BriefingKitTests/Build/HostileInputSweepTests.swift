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

    @Test(arguments: hugeSettings + fileAndFolderCollisions + positions + forbiddenCharacters + scriptLinks + silentLosses)
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
        // Half a second alone in a debug build; beside the suite's heavy tests on two cores, CI once took 10.4 s.
        // The quadratic cost this guards against took tens of seconds at this depth in a debug build.
        #expect(ContinuousClock.now - started < .seconds(30))
        let html = try #require(fixture.output("deterrence/nested/index.html"))
        #expect(html.components(separatedBy: "<img ").count == 2)
        #expect(html.contains(#"<img src="/deterrence/map.svg" alt="x" width="4" height="3""#))
    }

    /// `--output` below a link to Content/ passed the overlap check (the link was followed only for a
    /// folder that existed), and the site was written into Content/out/.
    @Test func anOutputFolderReachedThroughALinkIntoContentIsRefused() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let link = fixture.root.appendingPathComponent("content-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: fixture.root.appendingPathComponent("Content"))
        let messages = fixture.failure { $0.output = link.appendingPathComponent("out"); $0.force = true }
        // Named where the link leads, as the system resolves it.
        #expect(messages == ["error: the output folder \(fixture.root.path)/Content/out overlaps Content/; choose a folder of its own"])
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/out").path))
    }

    /// `--output link/../out` was resolved on paper, as the folder beside the link, where the system goes to
    /// the folder above the link's target: a whole site was written outside the folder given.
    @Test func anOutputPathThroughALinkAndDotDotGoesWhereTheSystemGoes() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let inner = fixture.root.appendingPathComponent("d1/d2")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.root.appendingPathComponent("lk"), withDestinationURL: inner)
        let report = try fixture.build { $0.output = URL(fileURLWithPath: fixture.root.path + "/lk/../y") }
        #expect(report.output.path == fixture.root.path + "/d1/y")
        #expect(FileManager.default.fileExists(atPath: fixture.root.path + "/d1/y/index.html"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.path + "/y"))
        #expect(FilePaths.resolved(fixture.root.path + "/lk/../new/./a/../b") == fixture.root.path + "/d1/new/b")
    }

    /// A file the site no longer has was deleted even when someone had changed it since the build wrote it;
    /// then kept with a warning and exit 0, and a deploy (`briefing build && rsync --delete`) published the
    /// retracted page again. The build stops at it, the output folder as it was; --force keeps it.
    @Test func aChangedFileTheSiteNoLongerHasStopsTheBuild() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/old.md --\n---\ntitle: Old\n---\nOld.\n-- Content/deterrence/older.md --\n---\ntitle: Older\n---\nOlder.\n")
        try fixture.build()
        let edited = fixture.root.appendingPathComponent("Output/deterrence/old/index.html")
        try Data("<p>My notes</p>\n".utf8).write(to: edited)
        for name in ["old", "older"] { try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/deterrence/\(name).md")) }
        let before = fixture.outputSnapshot()
        let output = fixture.root.appendingPathComponent("Output").path
        #expect(fixture.failure() == [
            "error: \(output)/deterrence/old/index.html was changed since Briefing wrote it, and the site no longer has it: delete it or move it out of the output "
                + "folder, or build with --force to keep it published; nothing in the output folder was changed",
        ])
        #expect(fixture.outputSnapshot() == before)
        let report = try fixture.build { $0.force = true }
        #expect(report.warnings.map(\.description) == [
            "warning: \(output)/deterrence/old/index.html was changed since Briefing wrote it, so it is kept although the site no longer has it (--force)",
        ])
        #expect(fixture.output("deterrence/old/index.html") == "<p>My notes</p>\n")
        #expect(fixture.output("deterrence/older/index.html") == nil)
        #expect(report.writer.removed == 1)
    }

    /// Page text in a message went to the terminal as it was: an escape sequence in a link recoloured
    /// or retitled the editor's terminal.
    @Test func controlCharactersInMessagesShowAsPictures() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n[x](<\u{1B}[31mred\u{7}.md>)\n")
        #expect(fixture.failure() == ["""
        Content/deterrence/bad.md:4:6: error: U+001B (a control character) is not text a page may show: remove it (and 1 more such character, on line 4)
        [x](<␛[31mred␇.md>)
             ^
        """])
        let tagged = Diagnostic.error("tag '\u{1B}]0;title\u{7}' is odd\nsee above", at: SourceLocation(path: "Content/\u{1B}[2J.md", line: 1, column: 1))
        #expect(tagged.description == "Content/␛[2J.md:1:1: error: tag '␛]0;title␇' is odd␊see above")
    }

    @Test func aPageWithoutHostHasItsWarningAtBaseURL() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite.replacingOccurrences(of: "baseURL: https://example.org/", with: "baseURL: /briefings/"))
        let report = try fixture.build()
        #expect(report.warnings.map(\.location) == [SourceLocation(path: "Content/site.yaml", line: 2, column: 10)])
    }

    /// A manifest no build wrote (emptied, overwritten) made every file of the folder someone else's:
    /// "pass --force", then "would write over" for each. It is named as the cause, and nothing is touched.
    /// So is a manifest cut short (a full disk, a copy stopped half way), in a line or between two: the
    /// files it lost were "not Briefing's", and `--force` would not write over them.
    @Test func aDamagedManifestIsNamed() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let manifest = fixture.root.appendingPathComponent("Output/.briefing-manifest")
        let written = try Data(contentsOf: manifest)
        let lines = written.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let betweenLines = Data(lines.prefix(lines.count - 3).joined(separator: [UInt8(ascii: "\n")])) + Data("\n".utf8)
        for damaged in [Data("garbage\n".utf8), written.dropLast(5), betweenLines] {
            try damaged.write(to: manifest)
            let before = fixture.outputSnapshot()
            #expect(fixture.failure() == [
                "error: \(fixture.root.appendingPathComponent("Output").path)/.briefing-manifest is damaged; Briefing cannot tell which files are its own: empty the folder and build again",
            ])
            #expect(fixture.outputSnapshot() == before)
        }
        try written.write(to: manifest)
        try fixture.build()
    }

    /// A table of a YAML list took its columns from the first record: a key only a later one had was
    /// dropped, and a list value showed as an empty cell.
    @Test func aYAMLTableKeepsEveryRecordsKeysAndRefusesNestedValues() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/data/bases.yaml --
        - {Base: Humphreys, Troops: 28500}
        - {Base: Osan, Aircraft: 90}
        -- Content/deterrence/bases.md --
        ---
        title: Bases
        ---
        ```table
        data: bases.yaml
        source: USFK
        ```
        """)
        try fixture.build()
        let html = try #require(fixture.output("deterrence/bases/index.html"))
        #expect(html.contains(#"<th scope="col" class="num">Aircraft</th>"#))
        #expect(html.contains(#"<td class="num">90</td>"#))
        try fixture.write("-- Content/data/bases.yaml --\n- {Base: Humphreys, Units: [2ID, 8A]}\n")
        #expect(fixture.failure() == ["""
        Content/deterrence/bases.md:5:7: error: data file 'bases.yaml' is not a table: use a CSV file or a YAML list of records of text and numbers
        data: bases.yaml
              ^
        """])
    }

    /// Footnote labels were lowercased, not case-folded as GitHub folds them: `[^ß]` missed `[^SS]`.
    @Test func footnoteLabelsMatchByCaseFolding() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/noted.md --\n---\ntitle: Noted\n---\nText.[^Straße]\n\n[^STRASSE]: A street.\n")
        try fixture.build()
        #expect(fixture.output("deterrence/noted/index.html")?.contains("A street.") == true)
    }

    /// From a third sweep: a page of one `##` over its `###`s had no table of contents (only top-level
    /// entries were counted), and a title of characters that draw nothing passed the empty-title check.
    @Test func oneSectionWithSubsectionsHasAContentsAndAnInvisibleTitleIsRefused() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

        -- Content/deterrence/outline.md --
        ---
        title: Outline
        ---
        ## Forces
        ### Army
        ### Air force
        """)
        try fixture.build()
        #expect(fixture.output("deterrence/outline/index.html")?.contains(##"<nav><a href="#forces">Forces</a></nav>"##) == true)
        try fixture.write("-- Content/deterrence/outline.md --\n---\ntitle: \"\u{3164}\u{200E}\"\n---\nText.\n")
        #expect(fixture.failure() == ["""
        Content/deterrence/outline.md:2:8: error: 'title' must not be empty
        title: "\u{3164}\u{200E}"
               ^
        """])
    }

    @Test func twoPagesAtOneURLNameNoFileThatDoesNotExist() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/page.md --\n---\ntitle: Page\n---\n-- Content/deterrence/page/2.md --\n---\ntitle: Two\n---\n")
        #expect(fixture.failure() == [
            "Content/deterrence/page.md:1:1: error: two pages have the URL '/deterrence/page/': this one and the page Briefing makes for Content/deterrence/page/\n---\n^",
        ])
    }

    @Test func aReversedTableOfContentsRangeSaysWhichEndWasTheDefault() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/deep.md --\n---\ntitle: Deep\ntoc: {from: 5}\n---\n")
        #expect(fixture.failure() == ["""
        Content/deterrence/deep.md:3:6: error: 'toc' goes from level 5 to 3 when not given: 'from' must not be deeper than 'to', like {from: 3, to: 5}
        toc: {from: 5}
             ^
        """])
    }

    /// A time without a zone stayed as written in `<time>`, while the feed and the sitemap wrote it as UTC
    /// without a word: the editor is told, and told how to say which zone.
    @Test func aTimeWithoutAZoneIsAWarning() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/local.md --\n---\ntitle: Local\ndate: 2026-01-01T09:30\nupdated: 2026-01-02T10:00:00+09:00\n---\n")
        #expect(try fixture.build().warnings.map(\.description) == [
            "Content/deterrence/local.md:3:7: warning: 'date' 2026-01-01T09:30 has a time but no time zone: the feed and the sitemap read it as UTC; add Z or an offset such as +09:00\ndate: 2026-01-01T09:30\n      ^",
        ])
    }
}
