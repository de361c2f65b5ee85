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
        PNG
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
        #expect(result.stderr == testCase.expected + "\n1 error\n")
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
        Case(name: "a translation made from a version still to come", files: "-- Content/deterrence/later.md --\n---\ntitle: Later\ndate: 2026-01-01\ntranslatedFrom: 2999-01-01\n---\n", expected: """
        Content/deterrence/later.md:4:17: warning: 'translatedFrom' 2999-01-01 is in the future: write the date of the original's version it was made from
        translatedFrom: 2999-01-01
                        ^
        1 warning
        """),
        Case(name: "a date in the future", files: "-- Content/deterrence/later.md --\n---\ntitle: Later\ndate: 2999-01-01\n---\n", expected: """
        Content/deterrence/later.md:3:7: warning: 'date' 2999-01-01 is in the future: the page is published now, dated then
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
    /// text, as a browser shows it (it took the words up to the next `>` with it).
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
        3 warnings

        """)
        #expect(fixture.output("deterrence/raw/index.html")?.contains(
            "<p>Raw and text</p>\n<p>Some bold words here.</p>\n<p>If a &lt; b, then b &gt; a.</p>\n</html>"
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
        -- Content/deterrence/other.md --
        ---
        title: Other
        date: 2026-01-02
        ---
        [The note](raw.md#map-note), not [this one](raw.md#in-a-comment).
        """)
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--quiet"], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("Content/") } == [
            "Content/deterrence/other.md:5:34: error: link to '#in-a-comment', but Content/deterrence/raw.md has no heading with that id",
            "Content/deterrence/raw.md:12:47: warning: the id 'main' of this HTML is one the page has already (an element of raw HTML, a table or image, "
                + "or what the page gives its sources, notes or theme): links to it reach the first; choose another",
        ])
        try FileTree.replace("not [this one](raw.md#in-a-comment)", with: "twice", in: "Content/deterrence/other.md", fixture.root)
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

    /// `new` quotes the title for YAML: the page's `<h1>` shows what the editor typed.
    @Test func newQuotesTheTitleForYAML() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite)
        let created = try BriefingCommand.run(
            ["new", "news/x", "--title", "Moon's & Yoon's deal", "--source", fixture.root.path], environment: ["NO_COLOR": "1"]
        )
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "Created Content/news/x.md (draft: true; build with --drafts to see it)\n")
        let text = try String(contentsOf: fixture.root.appendingPathComponent("Content/news/x.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Moon's & Yoon's deal\"\n"))
        let built = try BriefingCommand.run(["build", "--drafts", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(fixture.output("news/x/index.html")?.contains("<h1>Moon&#39;s &amp; Yoon&#39;s deal</h1>") == true)
    }

    @Test func newNeedsASection() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite)
        let result = try BriefingCommand.run(["new", "my-post", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: 'my-post' names no section: write section/slug, like news/my-post, or pass --root for a page at the top of the site\n1 error\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/my-post.md").path))
        let badSlug = try BriefingCommand.run(["new", "news/My Post!", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(badSlug.status == 1)
        #expect(badSlug.stderr == "error: 'news/My Post!' must be a section and a slug, as section/slug, made of letters, digits, '-', '_' or '.', like news/budget-2027\n1 error\n")
        let root = try BriefingCommand.run(["new", "about", "--root", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(root.status == 0, "\(root.stderr)")
    }

    @Test func version() throws {
        let result = try BriefingCommand.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == BriefingVersion.current + "\n")
    }

    /// A site with the default theme's own layouts, partials and assets.
    static func defaultThemeSite(_ files: String) throws -> SiteFixture {
        let fixture = try SiteFixture(files)
        let theme = DefaultTheme.partials.deletingLastPathComponent()
        for folder in ["layouts", "assets", "partials"] {
            let target = fixture.root.appendingPathComponent("Templates/" + folder)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: theme.appendingPathComponent(folder), to: target)
        }
        return fixture
    }

    /// Under --drafts a draft is a preview: a visible banner, noindex, and neither feed nor sitemap.
    @Test func draftsShowAsDrafts() throws {
        let fixture = try EditorMistakeTests.defaultThemeSite(EditorMistakeTests.goodSite + """

        -- Content/deterrence/plan.md --
        ---
        title: Plan
        date: 2026-03-01
        summary: Not yet.
        draft: true
        ---
        Soon.
        """)
        let result = try BriefingCommand.run(["build", "--drafts", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let draft = try #require(fixture.output("deterrence/plan/index.html"))
        #expect(draft.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(draft.contains("<strong>Draft</strong> · This is a draft and is not part of the published site."))
        let published = try #require(fixture.output("deterrence/tripwire/index.html"))
        #expect(!published.contains("noindex") && !published.contains("draft-banner"))
        #expect(fixture.output("feed.xml")?.contains("deterrence/plan/") == false)
        #expect(fixture.output("sitemap.xml")?.contains("deterrence/plan/") == false)
        #expect(fixture.output("sitemap.xml")?.contains("deterrence/tripwire/") == true)
    }

    /// The `TK:` hints `new` writes are found by check: warnings in a draft, errors once it is to be published.
    @Test func placeholdersLeftInAreFoundByCheck() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite.replacingOccurrences(of: "title: Tripwire\n", with: "title: Tripwire\nsummary: Troops.\n"))
        let created = try BriefingCommand.run(["new", "deterrence/plan", "--title", "Plan", "--source", fixture.root.path])
        #expect(created.status == 0, "\(created.stderr)")
        let page = fixture.root.appendingPathComponent("Content/deterrence/plan.md")
        let draft = try BriefingCommand.run(["check", "--drafts", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(draft.status == 0)
        #expect(draft.stderr == """
        Content/deterrence/plan.md:4:10: warning: placeholder left in 'summary': 'TK: One sentence that says what the reader will learn.'; write it, or remove it, before publishing
        summary: "TK: One sentence that says what the reader will learn."
                 ^
        Content/deterrence/plan.md:10:1: warning: placeholder left in the text: 'TK: Write the page here.'; write it, or remove it, before publishing
        TK: Write the page here.
        ^
        2 warnings

        """)
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "draft: true\n", with: "").utf8).write(to: page)
        let published = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(published.status == 1)
        #expect(published.stderr == """
        Content/deterrence/plan.md:4:10: error: placeholder left in 'summary': 'TK: One sentence that says what the reader will learn.'; write it, or remove it, before publishing
        summary: "TK: One sentence that says what the reader will learn."
                 ^
        Content/deterrence/plan.md:9:1: error: placeholder left in the text: 'TK: Write the page here.'; write it, or remove it, before publishing
        TK: Write the page here.
        ^
        2 errors

        """)
    }

    /// An editor's own `TK:` anywhere: in a heading, a callout's title, a table's cell, mid-sentence, a key
    /// of the site's own, a source's title. Each was published without a word; the cell's was placed at the
    /// body's first line, the source's at its list item.
    @Test func placeholdersAnywhereInThePageAreFound() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite.replacingOccurrences(of: "title: Tripwire\n", with: "title: Tripwire\nsummary: Troops.\n") + """

            -- Content/deterrence/notes.md --
            ---
            title: Notes
            summary: Notes.
            region: "TK: region"
            sources:
              - title: Defense budget
              - url: https://www.defense.gov/
                title: "TK: report's name"
            ---
            ## TK: headline to come

            > [!TIP] TK: title
            > Read this.

            The payment rose in 2026, TK: confirm with desk.

            | Year | Amount |
            | --- | --- |
            | 2026 | TK: 10th |

            Source: [DoD](https://www.defense.gov/)
            """)
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.status == 1)
        let places = checked.stderr.split(separator: "\n").filter { $0.contains("placeholder left in") }.map { $0.prefix { $0 != " " } }
        #expect(places == [
            "Content/deterrence/notes.md:4:9:", "Content/deterrence/notes.md:8:12:", "Content/deterrence/notes.md:10:4:",
            "Content/deterrence/notes.md:12:10:", "Content/deterrence/notes.md:15:27:", "Content/deterrence/notes.md:19:10:",
        ])
        // At the mark, quoted from it: one after a link was placed at the space before it, and quoted with it.
        #expect(checked.stderr.contains("notes.md:15:27: error: placeholder left in the text: 'TK: confirm with desk.'"))
    }

    static let undatedPage = "\n-- Content/deterrence/undated.md --\n---\ntitle: Undated\nsummary: No date.\n---\nText.\n"

    /// Outside a git checkout an undated page takes its file's modification time; check says so.
    @Test func anUndatedPageIsDatedByItsFile() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite.replacingOccurrences(of: "title: Tripwire\n", with: "title: Tripwire\nsummary: Troops.\n") + EditorMistakeTests.undatedPage)
        let file = fixture.root.appendingPathComponent("Content/deterrence/undated.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_780_000_000)], ofItemAtPath: file.path)
        let built = try BriefingCommand.run(["build", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(built.status == 0)
        #expect(built.stderr.isEmpty)
        #expect(fixture.output("deterrence/undated/index.html")?.contains(#"<time datetime="2026-05-28T20:26:40Z">28 May 2026</time>"#) == true)
        let feed = try #require(fixture.output("feed.xml"))
        #expect(feed.contains("<updated>2026-05-28T20:26:40Z</updated>") && !feed.contains("1970"))
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.status == 0)
        #expect(checked.stderr == """
        Content/deterrence/undated.md:1:1: warning: page has no 'date': dated 2026-05-28 from its file's modification time; add 'date: 2026-05-28' to the front matter to keep it
        ---
        ^
        1 warning

        """)
    }

    /// A day alone and a time on it are compared by day: `date: 2026-01-03` read as midnight UTC made an
    /// update that morning in Seoul (`2026-01-03T08:00:00+09:00`, 23:00 UTC the day before) an error.
    @Test(arguments: [
        ("2026-01-03", "2026-01-03T08:00:00+09:00"), ("2026-01-03T09:30:00+09:00", "2026-01-03"),
        ("2026-01-03T23:00:00-05:00", "2026-01-04"), ("2026-01-03T10:00:00Z", "2026-01-03T10:00:00Z"),
    ])
    func anUpdateOnTheDayOfPublicationIsNoMistake(date: String, updated: String) throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + "\n-- Content/deterrence/same-day.md --\n---\ntitle: Same day\ndate: \(date)\nupdated: \(updated)\n---\nText.\n")
        let warnings = try fixture.build().warnings.map(\.description)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    /// A page with `updated` and no `date` was dated by its file, after the update: its byline, feed entry and
    /// JSON-LD had it updated before it was published, without a word.
    @Test func anUpdatedPageWithoutADateIsDatedNoLaterThanItsUpdate() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + "\n-- Content/deterrence/undated.md --\n---\ntitle: Undated\nupdated: 2026-05-02\n---\nText.\n")
        let file = fixture.root.appendingPathComponent("Content/deterrence/undated.md")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_780_000_000)], ofItemAtPath: file.path)
        let report = try fixture.build()
        #expect(report.warnings.map { $0.description.split(separator: "\n")[0] } == [
            "Content/deterrence/undated.md:3:10: warning: 'updated' but no 'date': the page is dated 2026-05-02, from its file or its 'updated'; "
                + "add 'date:' with the day it was first published",
        ])
        let html = try #require(fixture.output("deterrence/undated/index.html"))
        #expect(html.contains(#"<time datetime="2026-05-02">2 May 2026</time>"#) && !html.contains("28 May 2026"))
    }

    /// In a git checkout an undated page takes its file's last commit date.
    @Test(.enabled(if: Git.isInstalled))
    func anUndatedPageInAGitCheckoutIsDatedByItsLastCommit() throws {
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + EditorMistakeTests.undatedPage)
        try fixture.commitToNewCheckout()
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.stderr.contains("Content/deterrence/undated.md:1:1: warning: page has no 'date': dated 2026-03-01 from its last commit; add 'date: 2026-03-01' to the front matter to keep it\n"))
        let built = try BriefingCommand.run(["build", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(built.status == 0)
        #expect(fixture.output("deterrence/undated/index.html")?.contains(#"<time datetime="2026-03-01T12:00:00Z">1 March 2026</time>"#) == true)
    }

    /// A heading never takes an id the theme or a transform uses: `## Source 1` beside citation [1].
    @Test func aHeadingNamedLikeASourceGetsItsOwnID() throws {
        let fixture = try EditorMistakeTests.defaultThemeSite(EditorMistakeTests.goodSite + """

        -- Content/deterrence/cited.md --
        ---
        title: Cited
        date: 2026-01-01
        summary: With a source.
        sources:
          - title: A report
            url: https://example.org/report
        ---
        ## Source 1

        See [it](#source-1-1) and [the source](#source-1).
        """)
        let result = try BriefingCommand.run(["build", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try #require(fixture.output("deterrence/cited/index.html"))
        #expect(html.contains(#"<h2 id="source-1-1">"#))
        #expect(html.components(separatedBy: #"id="source-1""#).count == 2)
    }

    /// `init` makes a site from the binary alone that builds and checks without a word; it never
    /// writes into a folder that holds anything.
    @Test func initStartsASiteThatBuilds() throws {
        let parent = try TemporaryFolder.make("briefing-init")
        defer { TemporaryFolder.remove(parent) }
        let created = try BriefingCommand.run(["init", "my-briefings"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "Created a site in my-briefings/: edit Content/site.yaml, then run briefing serve --source my-briefings\n")
        let site = parent.appendingPathComponent("my-briefings")
        let built = try BriefingCommand.run(["build", "--quiet", "--source", "my-briefings"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(built.status == 0)
        #expect(built.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/explainers/getting-started/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/assets/style.css").path))
        let checked = try BriefingCommand.run(["check", "--source", "my-briefings"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(checked.status == 0)
        #expect(checked.stdout == "No problems found.\n")
        let again = try BriefingCommand.run(["init", "my-briefings"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(again.status == 1)
        #expect(again.stderr.hasSuffix("my-briefings' is not empty (it holds 'Content'); choose a new folder for the site\n1 error\n"))
        let unnamed = try BriefingCommand.run(["init", ""], in: parent, environment: ["NO_COLOR": "1"])
        #expect(unnamed.status == 64)
        #expect(unnamed.stderr.contains("the folder to create the site in has no name"))
    }

    /// A link to nothing as the site's or the output's folder was "a file with the same name already exists".
    @Test func aLinkToNothingIsNamedAsOne() throws {
        let parent = try TemporaryFolder.make("briefing-link")
        defer { TemporaryFolder.remove(parent) }
        try FileManager.default.createSymbolicLink(atPath: parent.appendingPathComponent("gone").path, withDestinationPath: "missing")
        let created = try BriefingCommand.run(["init", "gone"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(created.status == 1)
        #expect(created.stderr.hasSuffix("/gone is a link to 'missing', which does not exist: remove the link, or make what it names\n1 error\n"))
        #expect(try BriefingCommand.run(["init", "site"], in: parent).status == 0)
        let built = try BriefingCommand.run(["build", "--source", "site", "--output", "gone"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(built.status == 1)
        #expect(built.stderr.hasPrefix("error: the output folder "))
        #expect(built.stderr.hasSuffix("/gone is a link to 'missing', which does not exist: remove the link, or make what it names\n1 error\n"))
    }

    @Test func buildInAFolderWithoutASiteSuggestsInit() throws {
        let folder = try TemporaryFolder.make("briefing-empty")
        defer { TemporaryFolder.remove(folder) }
        let result = try BriefingCommand.run(["build"], in: folder, environment: ["NO_COLOR": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("run briefing in a site folder, pass --source, or start one with 'briefing init DIR'"))
        // Nothing made: not `Output/` in the empty folder, nor a mistyped `--source` with `Output/` in it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let mistyped = try BriefingCommand.run(["build", "--source", folder.appendingPathComponent("sitee").path], environment: ["NO_COLOR": "1"])
        #expect(mistyped.status == 1)
        let elsewhere = try BriefingCommand.run(["build", "--output", folder.appendingPathComponent("out/site").path], in: folder, environment: ["NO_COLOR": "1"])
        #expect(elsewhere.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// `init` printed the command to run next with the folder as typed: `& 'q'` in its name would have run
    /// as a command of its own when pasted. And a file in the folder's place gave a raw Cocoa error.
    @Test func initQuotesTheFolderItSuggestsAndRefusesAFile() throws {
        let parent = try TemporaryFolder.make("briefing-init")
        defer { TemporaryFolder.remove(parent) }
        let made = try BriefingCommand.run(["init", "한국 사이트 & 'q'"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(made.status == 0)
        #expect(made.stdout.hasSuffix(#"then run briefing serve --source '한국 사이트 & '\''q'\'''"# + "\n"))
        try Data("x".utf8).write(to: parent.appendingPathComponent("afile"))
        let file = try BriefingCommand.run(["init", "afile"], in: parent, environment: ["NO_COLOR": "1"])
        #expect(file.status == 1)
        #expect(file.stderr.hasSuffix("afile' is a file, not a folder; choose a new folder for the site\n1 error\n"))
    }
}
