import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// The editor's mistakes of issue 18, each through the real binary: a mistake that would reach readers
/// fails the build with exactly this message and leaves the previous Output/ as it was; one that may be
/// meant is a warning, and the build goes on.
@Suite struct EditorMistakeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: String
        var expected: String
        var testDescription: String { name }
    }

    static let goodSite = InvalidSiteTests.goodSite

    static let errors: [Case] = [
        Case(name: "draft: yes", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndraft: yes\n---\n", expected: """
        Content/deterrence/bad.md:3:8: error: 'draft' must be true or false, not 'yes' (YAML 1.1's yes, no, on and off are not accepted)
        draft: yes
               ^
        """),
        Case(name: "a YAML 1.1 boolean in site.yaml", files: "-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmarkdown: {unsafe: on}\n", expected: """
        Content/site.yaml:3:20: error: 'markdown.unsafe' must be true or false, not 'on' (YAML 1.1's yes, no, on and off are not accepted)
        markdown: {unsafe: on}
                           ^
        """),
        Case(name: "a list of authors under author", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\nauthor: [A, B]\n---\n", expected: """
        Content/deterrence/bad.md:3:9: error: 'author' must be text, not a list; for several, write 'authors: [A, B]'
        author: [A, B]
                ^
        """),
        Case(name: "updated before date", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2026-02-01\nupdated: 2026-01-01\n---\n", expected: """
        Content/deterrence/bad.md:4:10: error: 'updated' (2026-01-01) is before 'date' (2026-02-01): a page cannot be updated before it is published
        updated: 2026-01-01
                 ^
        """),
        Case(name: "updated on the day before, in its own time zone", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2026-11-03\nupdated: 2026-11-02T20:00:00-05:00\n---\n", expected: """
        Content/deterrence/bad.md:4:10: error: 'updated' (2026-11-02T20:00:00-05:00) is before 'date' (2026-11-03): a page cannot be updated before it is published
        updated: 2026-11-02T20:00:00-05:00
                 ^
        """),
        // To a Seoul editor 10:00 is before 15:30: the message says the time without a zone was read as UTC.
        Case(name: "a date's time without a zone, read as UTC", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ndate: 2026-11-28T10:00:00\nupdated: 2026-11-28T15:30:00+09:00\n---\n", expected: """
        Content/deterrence/bad.md:3:7: warning: 'date' 2026-11-28T10:00:00 has a time but no time zone: the feed and the sitemap read it as UTC; add Z or an offset such as +09:00
        date: 2026-11-28T10:00:00
              ^
        Content/deterrence/bad.md:4:10: error: 'updated' (2026-11-28T15:30:00+09:00) is before 'date' (2026-11-28T10:00:00): a page cannot be updated before it is published (a time without a zone is read as UTC: add its zone, such as +09:00)
        updated: 2026-11-28T15:30:00+09:00
                 ^
        """),
        Case(name: "root-relative link to nothing", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n[x](/deterrence/nope/)", expected: """
        Content/deterrence/bad.md:4:1: error: link '/deterrence/nope/' leads to nothing this site publishes
        [x](/deterrence/nope/)
        ^
        """),
        Case(name: "root-relative image of nothing", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n![m](/img/none.png)", expected: """
        Content/deterrence/bad.md:4:1: error: image '/img/none.png' leads to nothing this site publishes
        ![m](/img/none.png)
        ^
        """),
        Case(name: "misspelled image beside a page", files: "-- Content/deterrence/map.png --\nPNG\n-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n![A](../deterrence/mapp.png)", expected: """
        Content/deterrence/bad.md:4:1: error: image '../deterrence/mapp.png' not found: there is no file Content/deterrence/mapp.png
        ![A](../deterrence/mapp.png)
        ^
        """),
        Case(name: "a tag of punctuation alone", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\ntags: [nato, \"+++\"]\n---\n", expected: """
        Content/deterrence/bad.md:3:14: error: tag '+++' has no letter or digit to make its address (tags/<name>/) from
        tags: [nato, "+++"]
                     ^
        """),
        Case(name: "a link in URL form to nothing", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\nSee [it](../../news/nowhere/).", expected: """
        Content/deterrence/bad.md:4:5: error: link '../../news/nowhere/' leads to nothing this site publishes (read from /deterrence/bad/)
        See [it](../../news/nowhere/).
            ^
        """),
        Case(name: "root-relative link to a missing heading", files: "-- Content/deterrence/bad.md --\n---\ntitle: Bad\n---\n[x](/deterrence/tripwire/#why-it-fails)", expected: """
        Content/deterrence/bad.md:4:1: error: link to '#why-it-fails', but Content/deterrence/tripwire.md has no heading with that id
        [x](/deterrence/tripwire/#why-it-fails)
        ^
        """),
    ]

    /// Links and images of every local kind that do lead somewhere: a page, a section, a heading, an
    /// asset, a copied file, the feed, a page by its published URL; links to other sites are left alone.
    @Test func everyLocalReferenceThatLeadsSomewhereBuilds() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + """

        -- Content/deterrence/map.png --
        GIF89a
        -- Content/deterrence/good.md --
        ---
        title: Good
        date: 2026-01-01
        ---
        [a](/deterrence/) [b](/deterrence/tripwire/#why-it-works) [c](/assets/style.css) ![d](map.png) ![e](/deterrence/map.png)
        [f](../tripwire/) [g](/feed.xml) [h](/) [i](https://example.com/nowhere/) [j](tripwire.md#why-it-works) [k](/deterrence/tripwire)
        """)
        let report = try fixture.build()
        #expect(report.warnings.isEmpty)
        let html = try #require(fixture.output("deterrence/good/index.html"))
        #expect(html.contains(#"<a href="/deterrence/">a</a> <a href="/deterrence/tripwire/#why-it-works">b</a> <a href="/assets/style.css">c</a> <img src="/deterrence/map.png" alt="d" decoding="async"> <img src="/deterrence/map.png" alt="e" loading="lazy" decoding="async">"#))
    }

    @Test(arguments: errors)
    func failsAtTheLineAndLeavesOutputAlone(_ testCase: Case) throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite)
        let first = try BriefingCommand.run(["build", "--source", fixture.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = fixture.outputSnapshot()
        #expect(before["deterrence/tripwire/index.html"] != nil)

        try fixture.write(testCase.files)
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == InvalidSiteTests.stderr(testCase.expected))
        #expect(result.stdout.isEmpty)
        #expect(fixture.outputSnapshot() == before)
    }

    static let tagLayouts = """

    -- Templates/layouts/tag.html --
    {{<base}}{{$main}}{{/main}}{{/base}}
    -- Templates/layouts/tags.html --
    {{<base}}{{$main}}{{/main}}{{/base}}
    """

    static let warnings: [Case] = [
        Case(name: "misspelled keys", files: "-- Content/deterrence/typo.md --\n---\ntitle: Typo\ndat: 2026-01-01\nautor: Me\nsummmary: Short.\nTitle: Again\nregion: Korea\n---\n", expected: """
        Content/deterrence/typo.md:3:1: warning: 'dat' is not a front matter key; did you mean 'date'?
        dat: 2026-01-01
        ^
        Content/deterrence/typo.md:4:1: warning: 'autor' is not a front matter key; did you mean 'author'?
        autor: Me
        ^
        Content/deterrence/typo.md:5:1: warning: 'summmary' is not a front matter key; did you mean 'summary'?
        summmary: Short.
        ^
        Content/deterrence/typo.md:6:1: warning: 'Title' is not a front matter key; did you mean 'title'?
        Title: Again
        ^
        4 warnings
        """),
        Case(name: "tags as one string", files: "-- Content/deterrence/tags.md --\n---\ntitle: Tags\ndate: 2026-01-01\ntags: burden sharing, sma\n---\n" + tagLayouts, expected: """
        Content/deterrence/tags.md:4:7: warning: 'tags' is one tag 'burden sharing, sma'; for several tags write a list: tags: [burden sharing, sma]
        tags: burden sharing, sma
              ^
        1 warning
        """),
        Case(name: "a translation on a site of one language", files: "-- Content/deterrence/tripwire.ko.md --\n---\ntitle: 인계철선\ndate: 2026-01-01\n---\n본문.\n", expected: """
        Content/deterrence/tripwire.ko.md:1:1: warning: this file's name makes it the 'ko' version of deterrence/tripwire.md, but the site has one language: it is published as a page of its own, deterrence/tripwire.ko/, in en; add 'ko' to 'languages' in site.yaml to publish it as a translation
        ---
        ^
        1 warning
        """),
        // A code as a site of several languages reads one from a file's name: a script subtag too.
        Case(name: "a translation with a script subtag on a site of one language", files: "-- Content/deterrence/tripwire.zh-Hant.md --\n---\ntitle: 絆線\ndate: 2026-01-01\n---\n本文。\n", expected: """
        Content/deterrence/tripwire.zh-Hant.md:1:1: warning: this file's name makes it the 'zh-Hant' version of deterrence/tripwire.md, but the site has one language: it is published as a page of its own, deterrence/tripwire.zh-Hant/, in en; add 'zh-Hant' to 'languages' in site.yaml to publish it as a translation
        ---
        ^
        1 warning
        """),
        Case(name: "Hugo's summary divider", files: "-- Content/deterrence/more.md --\n---\ntitle: More\ndate: 2026-01-01\n---\nLede.\n\n<!--more-->\n\nRest.\n", expected: """
        Content/deterrence/more.md:7:1: warning: '<!--more-->' (Hugo's and Jekyll's summary divider) is not read: a page is summed up by 'summary:' in its front matter, else by its first paragraph; write the summary there
        <!--more-->
        ^
        1 warning
        """),
        Case(name: "a translation made from a version still to come", files: "-- Content/deterrence/later.md --\n---\ntitle: Later\ndate: 2026-01-01\ntranslatedFrom: 2999-01-01\n---\n", expected: """
        Content/deterrence/later.md:4:17: warning: 'translatedFrom' 2999-01-01 is in the future: write the date of the original's version it was made from
        translatedFrom: 2999-01-01
                        ^
        1 warning
        """),
        Case(name: "a date in the future", files: "-- Content/deterrence/later.md --\n---\ntitle: Later\ndate: 2999-01-01\n---\n", expected: """
        Content/deterrence/later.md:3:7: warning: 'date' 2999-01-01 is still to come: the page is held back until then, out of every list, the feed and the sitemap (build with --future to publish it now)
        date: 2999-01-01
              ^
        1 warning
        """),
        // `Burden sharing` and `burden-sharing` are one tag spelt two ways: no word about them.
        Case(
            name: "two tags with one address",
            files: "-- Content/deterrence/a.md --\n---\ntitle: A\ndate: 2026-01-02\ntags: [C++, Burden sharing]\n---\n"
                + "-- Content/deterrence/b.md --\n---\ntitle: B\ndate: 2026-01-01\ntags: [C, burden-sharing]\n---\n" + tagLayouts,
            expected: """
            Content/deterrence/b.md:4:7: warning: tag 'C' has the address of tag 'C++' (tags/c/) and is listed under that name; rename one if they are different tags
            tags: [C, burden-sharing]
                  ^
            1 warning
            """
        ),
    ]

    /// The text of raw HTML stays, its tags go; comments go without a word. A `<` that starts no tag is
    /// text, as a browser shows it (it took the words up to the next `>` with it). A closing tag that
    /// closes nothing went without a word too, and a dropped `<br>` ran the words it parted together.
    @Test func rawHTMLInSafeModeKeepsItsText() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + """

        -- Content/deterrence/raw.md --
        ---
        title: Raw
        date: 2026-01-01
        ---
        <div>Raw</div> and text

        Some <b>bold</b> words<!-- a note --> here.

        <!-- a note to editors -->

        <div>If a < b, then b > a.</div>

        Use the </table> tag to end a table; a line<br>break.
        """)
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stderr == """
        Content/deterrence/raw.md:5:1: warning: raw HTML is left out: its tags are dropped and its text kept; set markdown.unsafe: true in site.yaml if you trust it
        <div>Raw</div> and text
        ^
        Content/deterrence/raw.md:7:6: warning: raw HTML is left out: its tags are dropped and its text kept; set markdown.unsafe: true in site.yaml if you trust it
        Some <b>bold</b> words<!-- a note --> here.
             ^
        Content/deterrence/raw.md:11:1: warning: raw HTML is left out: its tags are dropped and its text kept; set markdown.unsafe: true in site.yaml if you trust it
        <div>If a < b, then b > a.</div>
        ^
        Content/deterrence/raw.md:13:9: warning: raw HTML is left out: its tags are dropped and its text kept; set markdown.unsafe: true in site.yaml if you trust it
        Use the </table> tag to end a table; a line<br>break.
                ^
        4 warnings

        """)
        #expect(fixture.output("deterrence/raw/index.html")?.contains(
            "<p>Raw and text</p>\n<p>Some bold words here.</p>\n<p>If a &lt; b, then b &gt; a.</p>\n<p>Use the  tag to end a table; a line break.</p>\n</html>"
        ) == true)
        try fixture.write("-- Content/site.yaml --\ntitle: Briefing\nbaseURL: https://example.org/\nmarkdown: {unsafe: true}\n")
        let trusted = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(trusted.stderr.isEmpty)
        #expect(fixture.output("deterrence/raw/index.html")?.contains("<div>Raw</div> and text\n<p>Some <b>bold</b> words<!-- a note --> here.</p>") == true)
    }

    /// Where raw HTML is trusted, its ids are the page's: `[the note](#map-note)` to `<a id="map-note">` was
    /// "no heading with that id", and `## Box` after `<div id="box">` gave the page the id twice.
    @Test func trustedRawHTMLGivesIdsThatLinksReachAndHeadingsLeave() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite.replacingOccurrences(of: "baseURL: https://example.org/\n", with: "baseURL: https://example.org/\nmarkdown: {unsafe: true}\n") + """

        -- Content/deterrence/raw.md --
        ---
        title: Raw
        date: 2026-01-01
        ---
        See [the note](#map-note), [the box](#box) and [the heading](#box-1).

        <div id="box" class='x'>A box</div>

        <!-- <a id="in-a-comment"></a> -->
        <script>var s = '<a id="in-a-script">';</script>

        Text <a ID='map-note'></a>with an anchor, and <span id="main">one the theme has</span>.

        ## Box

        > [!NOTE] <a id="in-a-title"></a>Shown as written
        > Body.
        -- Content/deterrence/other.md --
        ---
        title: Other
        date: 2026-01-02
        ---
        [The note](raw.md#map-note), not [this one](raw.md#in-a-comment) or [that one](raw.md#in-a-title).
        """)
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("Content/") } == [
            "Content/deterrence/other.md:5:34: error: link to '#in-a-comment', but Content/deterrence/raw.md has no heading with that id",
            "Content/deterrence/other.md:5:69: error: link to '#in-a-title', but Content/deterrence/raw.md has no heading with that id",
            "Content/deterrence/raw.md:12:47: warning: the id 'main' of this HTML is one the page has already (an element of raw HTML, a table or image, "
                + "or what the page gives its sources, notes or theme): links to it reach the first; choose another",
            "Content/deterrence/raw.md:16:11: warning: raw HTML in a callout's title is shown as written, tags and all; a callout's title "
                + "takes Markdown instead: **bold**, *emphasis*, `code`, links",
        ])
        try FileTree.replace("not [this one](raw.md#in-a-comment) or [that one](raw.md#in-a-title)", with: "twice", in: "Content/deterrence/other.md", fixture.root)
        #expect(try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"]).status == 0)
        #expect(fixture.output("deterrence/raw/index.html")?.contains(#"<h2 id="box-1">Box</h2>"#) == true)
        #expect(fixture.output("deterrence/other/index.html")?.contains(#"<a href="/deterrence/raw/#map-note">The note</a>"#) == true)
    }

    @Test(arguments: warnings)
    func warnsAndBuilds(_ testCase: Case) throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + "\n" + testCase.files)
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stderr == testCase.expected + "\n")
        #expect(fixture.output("deterrence/tripwire/index.html") != nil)
    }

    /// A key far from every known one is the editor's own, for templates.
    @Test func otherKeysReachTemplatesWithoutAWord() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + "\n-- Content/deterrence/own.md --\n---\ntitle: Own\ndate: 2026-01-01\nregion: Korea\n---\n")
        let report = try fixture.build()
        #expect(report.warnings.isEmpty)
    }
}
