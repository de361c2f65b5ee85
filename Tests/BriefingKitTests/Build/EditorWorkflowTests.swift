import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// The rest of an editor's day through the real binary: `new` and `init`, drafts, `TK:` placeholders that
/// `check` finds, pages dated by their files or commits, `--version`, a heading named like a source on the
/// default theme, and a build run where there is no site.
@Suite struct EditorWorkflowTests {
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
        let fixture = try EditorWorkflowTests.defaultThemeSite(EditorMistakeTests.goodSite + """

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
        let fixture = try SiteFixture(EditorMistakeTests.goodSite.replacingOccurrences(of: "title: Tripwire\n", with: "title: Tripwire\nsummary: Troops.\n") + EditorWorkflowTests.undatedPage)
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

    /// A Jekyll post's file name gives its day: it was dated by its file's time, the day it was copied over.
    @Test func aJekyllPostIsDatedByItsFileName() throws {
        let fixture = try SiteFixture(
            EditorMistakeTests.goodSite.replacingOccurrences(of: "title: Tripwire\n", with: "title: Tripwire\nsummary: Troops.\n")
                + EditorWorkflowTests.undatedPage.replacingOccurrences(of: "undated.md", with: "2024-01-05-talks.md")
        )
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.status == 0)
        #expect(checked.stderr.isEmpty)
        #expect(try BriefingCommand.run(["build", "--quiet", "--source", fixture.root.path]).status == 0)
        #expect(fixture.output("deterrence/2024-01-05-talks/index.html")?.contains(#"<time datetime="2024-01-05">5 January 2024</time>"#) == true)
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
        let fixture = try SiteFixture(EditorMistakeTests.goodSite + EditorWorkflowTests.undatedPage)
        try fixture.commitToNewCheckout()
        let checked = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(checked.stderr.contains("Content/deterrence/undated.md:1:1: warning: page has no 'date': dated 2026-03-01 from its last commit; add 'date: 2026-03-01' to the front matter to keep it\n"))
        let built = try BriefingCommand.run(["build", "--quiet", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(built.status == 0)
        #expect(fixture.output("deterrence/undated/index.html")?.contains(#"<time datetime="2026-03-01T12:00:00Z">1 March 2026</time>"#) == true)
    }

    /// A heading never takes an id the theme or a transform uses: `## Source 1` beside citation [1].
    @Test func aHeadingNamedLikeASourceGetsItsOwnID() throws {
        let fixture = try EditorWorkflowTests.defaultThemeSite(EditorMistakeTests.goodSite + """

        -- Content/deterrence/cited.md --
        ---
        title: Cited
        date: 2026-01-01
        summary: With a source.
        sources:
          - title: A report
            url: https://example.com/report
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
