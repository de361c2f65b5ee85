import BriefingTestSupport
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
        -- Content/Data/chart.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
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
            "Content/deterrence/force.ko.md:1:1: warning: a translation whose original is missing, a draft or still to come: no en page in this build has the translation key 'deterrence/force'\n---\n^",
            "Content/deterrence/tripwire.md:7:25: error: link to 'force.md', a draft left out of this build (build with --drafts, or remove the link)\n"
                + "Troops on the line. See [the force](force.md), [인계철선](tripwire.ko.md#전선) and [the home page](../_index.ko.md).\n"
                + "                        ^",
        ])
        // Without the link to the draft, the page builds.
        let tripwire = fixture.root.appendingPathComponent("Content/deterrence/tripwire.md")
        try String(contentsOf: tripwire, encoding: .utf8).replacingOccurrences(of: "See [the force](force.md), ", with: "See ")
            .write(to: tripwire, atomically: true, encoding: .utf8)
        try fixture.build()
        let english = try #require(fixture.output("deterrence/tripwire/index.html"))
        #expect(english.contains(#"<a href="/ko/deterrence/inggye/#%EC%A0%84%EC%84%A0">인계철선</a>"#))
        #expect(english.contains(#"<a href="/ko/">the home page</a>"#))
        let korean = try #require(fixture.output("ko/deterrence/inggye/index.html"))
        #expect(korean.contains(#"<a href="/ko/deterrence/force/">병력</a>"#))
    }

    /// A source's `url` of the site's own was written as typed: `../nope.md` passed, and `tripwire.md` was a
    /// link to a Markdown file, which the host serves as text or not at all.
    @Test func aSourcesOwnAddressIsCheckedAndWrittenAsPublished() throws {
        let page = """
            -- Content/deterrence/sources.md --
            ---
            title: Sources
            sources:
              - title: Our explainer
                url: tripwire.md#why-it-works
              - title: Our style sheet
                url: /assets/style.css
              - title: Gone
                url: ../nope.md
              - title: Nowhere
                url: /nope/
              - title: Below
                url: "#nope"
              - title: Elsewhere
                url: https://example.com/report
            ---
            Text.
            """
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n" + page, templates: SiteFixture.templates + """

            -- Templates/layouts/page.html --
            {{<base}}{{$main}}{{{page.content}}}<ol>{{#page.sources}}<li><a href="{{url}}">{{title}}</a></li>{{/page.sources}}</ol>{{/main}}{{/base}}
            """)
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/deterrence/sources.md:9:10: error: link to a missing page '../nope.md' (no file Content/nope.md)",
            "Content/deterrence/sources.md:11:10: error: source '/nope/' leads to nothing this site publishes",
            // A fragment of the page itself, as `[x](#nope)` in its text.
            "Content/deterrence/sources.md:13:10: error: link to '#nope', but Content/deterrence/sources.md has no heading with that id",
        ])
        try fixture.write(page.replacingOccurrences(of: "  - title: Gone\n    url: ../nope.md\n  - title: Nowhere\n    url: /nope/\n  - title: Below\n    url: \"#nope\"\n", with: "")
            .replacingOccurrences(of: "#why-it-works", with: "#why-it-work"))
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/deterrence/sources.md:5:10: error: link to '#why-it-work', but Content/deterrence/tripwire.md has no heading with that id; did you mean '#why-it-works'?",
        ])
        try fixture.write(page.replacingOccurrences(of: "  - title: Gone\n    url: ../nope.md\n  - title: Nowhere\n    url: /nope/\n  - title: Below\n    url: \"#nope\"\n", with: ""))
        try fixture.build { $0.baseURL = "https://example.org/sub/" }
        let html = try #require(fixture.output("deterrence/sources/index.html"))
        #expect(html.contains(#"href="/sub/deterrence/tripwire/#why-it-works""#))
        #expect(html.contains(#"href="/sub/assets/style.css""#))
        #expect(html.contains(#"href="https://example.com/report""#))
        #expect(!html.contains(".md"))
    }

    /// `prefix: tags` put the Korean pages among the English tags: the clash had no place, or the place
    /// of a Korean page that was not at fault.
    @Test func aLanguagePrefixAmongAnotherLanguagesPagesIsAnErrorAtThePrefix() throws {
        let site = MultilingualSiteTests.site.replacingOccurrences(of: "    title: 한미동맹 브리핑\n", with: "    title: 한미동맹 브리핑\n    prefix: tags\n")
        let fixture = try SiteFixture(site, templates: MultilingualSiteTests.templates)
        let messages = fixture.failure()
        #expect(!messages.isEmpty)
        for message in messages {
            #expect(message.hasPrefix("Content/site.yaml:10:13: error: "))
            #expect(message.contains("(or change languages.ko.prefix)\n    prefix: tags\n            ^"))
        }
        #expect(messages.contains { $0.contains("the page of tag 'deterrence' would both be written to tags/deterrence/index.html") })
    }

    /// `tags: [C++, C]` listed two links to tags/c/ on the page.
    @Test func tagsThatShareAnAddressAreOneLinkOnThePage() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

            -- Content/deterrence/langs.md --
            ---
            title: Languages
            date: 2026-01-01
            tags: [C++, C, Burden sharing, burden-sharing]
            ---
            Text.
            """, templates: BriefingFeaturesTests.templates.replacingOccurrences(of: "<p>{{data.people.lead}}</p>", with: ""))
        try fixture.build()
        let html = try #require(fixture.output("deterrence/langs/index.html"))
        #expect(html.contains(#"<p><a href="/tags/c/">C++</a><a href="/tags/burden-sharing/">Burden sharing</a></p>"#))
    }

    /// A tag's page switched to the other language's home page, though that language has the tag, and
    /// had no hreflang links; to a language without the tag, it leads home and says so.
    @Test func aTagsPageLinksTheSameTagInTheOtherLanguage() throws {
        let fixture = try SiteFixture(MultilingualSiteTests.site, templates: MultilingualSiteTests.templates)
        try fixture.build()
        let english = try #require(fixture.output("tags/deterrence/index.html"))
        #expect(english.contains(#"<link rel="alternate" hreflang="en" href="https://example.org/tags/deterrence/">"#
            + #"<link rel="alternate" hreflang="ko" href="https://example.org/ko/tags/deterrence/">"#
            + #"<link rel="alternate" hreflang="x-default" href="https://example.org/tags/deterrence/">"#))
        #expect(english.contains(#"<nav><a href="/tags/deterrence/" aria-current="true">English</a><a href="/ko/tags/deterrence/">한국어</a><a href="/ar/" class="home">العربية</a></nav>"#))
        let index = try #require(fixture.output("ko/tags/index.html"))
        #expect(index.contains(#"<nav><a href="/tags/">English</a><a href="/ko/tags/" aria-current="true">한국어</a><a href="/ar/" class="home">العربية</a></nav>"#))
    }

    /// Page 2 of a list named only the translations' first pages as its alternates, itself left out.
    @Test func aListsLaterPageHasTheSamePageOfItsTranslationsAsAlternates() throws {
        let site = MultilingualSiteTests.site.replacingOccurrences(of: "language: en\n", with: "language: en\npaginate: 1\n")
        let fixture = try SiteFixture(site, templates: MultilingualSiteTests.templates)
        try fixture.build()
        let second = try #require(fixture.output("deterrence/page/2/index.html"))
        #expect(second.contains(#"<link rel="alternate" hreflang="en" href="https://example.org/deterrence/page/2/">"#
            + #"<link rel="alternate" hreflang="ko" href="https://example.org/ko/deterrence/page/2/">"#
            + #"<link rel="alternate" hreflang="x-default" href="https://example.org/deterrence/page/2/">"#))
        #expect(second.contains(#"<a href="/ko/deterrence/page/2/">한국어</a>"#))
    }

    /// Layouts for a section the site does not have (`layouts/newz/`) were never used, without a word.
    @Test func layoutsForNoSectionAreWarnedOf() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Templates/layouts/newz/page.html --\n{{<base}}{{$main}}x{{/main}}{{/base}}\n"
            + "-- Templates/layouts/deterrence/page.html --\n{{<base}}{{$main}}{{page.title}}{{/main}}{{/base}}\n")
        let report = try fixture.build()
        #expect(report.warnings.map(\.description) == [
            "Templates/layouts/newz:1:1: warning: Templates/layouts/newz/ holds layouts for a section Content/newz/, which the site does not have: they are never used (a folder misspelt?)",
        ])
    }

    /// With no feed written, the default theme linked every page to it (its head and its footer).
    @Test func noFeedIsLinkedWhenNoneIsWritten() throws {
        let parent = try TemporaryFolder.make("briefing-nofeed")
        defer { TemporaryFolder.remove(parent) }
        #expect(try BriefingCommand.run(["init", "site"], in: parent).status == 0)
        #expect(try BriefingCommand.run(["build", "--quiet", "--source", "site", "--base-url", "/briefings/"], in: parent).status == 0)
        let home = try String(contentsOf: parent.appendingPathComponent("site/Output/index.html"), encoding: .utf8)
        #expect(!home.contains("feed.xml"))
        #expect(!FileManager.default.fileExists(atPath: parent.appendingPathComponent("site/Output/feed.xml").path))
    }

    /// A folder inside a section's folder is a section of its own, which its parent listed nowhere: its
    /// pages were reached only from the home page's newest, until newer ones pushed them off.
    @Test func aSectionListsItsSubsections() throws {
        let parent = try TemporaryFolder.make("briefing-nested")
        defer { TemporaryFolder.remove(parent) }
        #expect(try BriefingCommand.run(["init", "site"], in: parent).status == 0)
        let deep = parent.appendingPathComponent("site/Content/explainers/nuclear")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try "---\ntitle: Nuclear posture\nsummary: What the alliance says about nuclear weapons.\ndate: 2026-03-01\n---\nText.\n"
            .write(to: deep.appendingPathComponent("posture.md"), atomically: true, encoding: .utf8)
        let built = try BriefingCommand.run(["build", "--quiet", "--source", "site"], in: parent)
        #expect(built.status == 0, "\(built.stderr)")
        let section = try String(contentsOf: parent.appendingPathComponent("site/Output/explainers/index.html"), encoding: .utf8)
        #expect(section.contains(#"<h3 class="section-card-title"><a href="/explainers/nuclear/">Nuclear</a></h3>"#))
        #expect(section.contains(#"<li><a href="/explainers/nuclear/posture/">Nuclear posture</a> <time datetime="2026-03-01">"#))
        let nested = try String(contentsOf: parent.appendingPathComponent("site/Output/explainers/nuclear/index.html"), encoding: .utf8)
        #expect(nested.contains(#"<a href="/explainers/nuclear/posture/">Nuclear posture</a>"#))
        #expect(!nested.contains("section-grid"), "a section without subsections lists none")
    }

    /// `--base-url /briefings/` was warned of at site.yaml's baseURL line, which says something else.
    @Test func aBaseURLFromTheCommandLineIsWarnedOfAsSuch() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        let report = try fixture.build { $0.baseURL = "/briefings/" }
        #expect(report.warnings.map(\.description) == [
            "warning: --base-url '/briefings/' has no host, so feed.xml and sitemap.xml are left out, and canonical links, hreflang alternates, og:url and JSON-LD give paths, not addresses: they need absolute URLs (set --base-url https://…)",
        ])
    }

    /// A site with `markdown.unsafe: true`, published at `/briefings/`, whose page Content/deterrence/raw.md
    /// has `body` from its line 5.
    static func trustingSite(withRawPage body: String) -> String {
        InvalidSiteTests.goodSite.replacingOccurrences(
            of: "baseURL: https://example.org/\n", with: "baseURL: https://example.org/briefings/\nmarkdown:\n  unsafe: true\n"
        ) + "\n-- Content/deterrence/raw.md --\n---\ntitle: Raw\n---\n" + body
    }

    /// In a site that trusts raw HTML, its links kept their addresses under a base path (`/deterrence/`
    /// where the page is at `/briefings/deterrence/`) and one that led nowhere passed: each `href` and
    /// `src` is read as a Markdown link's address is.
    @Test func rawHTMLLinksOfATrustingSiteAreCheckedAndGivenTheBasePath() throws {
        let site = Self.trustingSite(withRawPage: """
            <p>See <a href="/deterrence/tripwire/">the tripwire</a>, <a href="https://example.com/?a=1&amp;b=2">elsewhere</a>.</p>

            Inline <a href="tripwire.md">a page</a> and <img src="/assets/style.css" alt="">.
            """)
        let fixture = try SiteFixture(site)
        try fixture.build()
        let html = try #require(fixture.output("deterrence/raw/index.html"))
        #expect(html.contains(#"<p>See <a href="/briefings/deterrence/tripwire/">the tripwire</a>, <a href="https://example.com/?a=1&amp;b=2">elsewhere</a>.</p>"#))
        #expect(html.contains(#"Inline <a href="/briefings/deterrence/tripwire/">a page</a> and <img src="/briefings/assets/style.css" alt="">."#))
        try fixture.write(site + "\n\n<a href=\"/nope/\">broken</a>\n")
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == ["Content/deterrence/raw.md:8:1: error: link '/nope/' leads to nothing this site publishes"])
    }

    /// A responsive image's `srcset`, a video's `poster`, a form's `action`, a button's `formaction`, an
    /// `<object>`'s `data` and SVG's `xlink:href` kept their addresses under a base path, and a script
    /// address in one of them went out: each address they hold is read as a Markdown link's address is.
    @Test func everyAddressARawHTMLTagLoadsIsCheckedAndGivenTheBasePath() throws {
        let site = Self.trustingSite(withRawPage: """
            <picture><source srcset="/assets/style.css 1x,/assets/style.css?v=2 2x, https://cdn.example.com/a,b.png 3x" type="image/webp"><img src="/assets/style.css" srcset="/assets/style.css 480w" alt=""></picture>

            <video poster="/assets/style.css" controls></video>

            <form action="/deterrence/tripwire/"><button formaction="tripwire.md">Go</button></form>

            <object data="/assets/style.css" type="text/css"></object> <svg><a xlink:href="/deterrence/tripwire/"><text>t</text></a></svg>
            """)
        let fixture = try SiteFixture(site)
        try fixture.build()
        let html = try #require(fixture.output("deterrence/raw/index.html"))
        #expect(html.contains(#"<source srcset="/briefings/assets/style.css 1x,/briefings/assets/style.css?v=2 2x, https://cdn.example.com/a,b.png 3x" type="image/webp"><img src="/briefings/assets/style.css" srcset="/briefings/assets/style.css 480w" alt="">"#))
        #expect(html.contains(#"<video poster="/briefings/assets/style.css" controls>"#))
        #expect(html.contains(#"<form action="/briefings/deterrence/tripwire/"><button formaction="/briefings/deterrence/tripwire/">Go</button></form>"#))
        #expect(html.contains(#"<object data="/briefings/assets/style.css" type="text/css"></object> <svg><a xlink:href="/briefings/deterrence/tripwire/">"#))
        for (attack, column) in [
            (#"<img alt="" srcset="/assets/style.css 1x, java&#x73;cript:alert(1) 2x">"#, 1),
            (#"<form action="javascript:alert(1)"><button>Go</button></form>"#, 1),
            (#"<p><button formaction=" JAVASCRIPT:alert(1)">Go</button></p>"#, 1),
            (#"<object data="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></object>"#, 1),
            (#"<svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>"#, 6),
            (#"<video poster="/nope.png"></video>"#, 1),
        ] {
            try fixture.write(site + "\n\n" + attack + "\n")
            let failure = fixture.failure().first ?? ""
            #expect(failure.hasPrefix("Content/deterrence/raw.md:12:\(column): error: "), "\(attack): \(failure)")
        }
    }

    /// Hugo's `static/` beside Content/ (a favicon, GitHub Pages' `CNAME`) was not published, without a word.
    @Test func hugosStaticFolderBesideContentIsWarnedOf() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- static/.gitkeep --\n")
        try BuildCacheTests.age(fixture)
        #expect(try fixture.build().warnings.isEmpty)
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
        // No stamp covers static/: a build with no page changed says so all the same, and stops saying so.
        try fixture.write("-- static/CNAME --\nbriefing.example.org\n")
        #expect(try fixture.build().warnings.map(\.description) == [
            "warning: static/ beside Content/ is Hugo's folder of files to publish as they are, and Briefing does not read it: "
                + "move its files into Content/ (static/images/map.png to Content/images/map.png), where they are published at the same addresses",
        ])
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("static/CNAME"))
        #expect(try fixture.build().warnings.isEmpty)
    }

    /// Content/.well-known/security.txt and GitHub Pages' .nojekyll were dropped without a word, like any
    /// hidden file, and a publisher who added them to the output by hand needed --force on every build.
    @Test func wellKnownFilesAndNoJekyllArePublishedAndOtherHiddenFilesAreNot() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + """

            -- Content/.well-known/security.txt --
            Contact: mailto:security@example.org
            -- Content/.well-known/.notes --
            draft
            -- Content/.nojekyll --
            -- Content/.DS_Store --
            x
            -- Content/deterrence/.hidden.txt --
            x
            """)
        try fixture.build()
        #expect(fixture.output(".well-known/security.txt")?.hasPrefix("Contact: mailto:security@example.org") == true)
        #expect(fixture.output(".nojekyll")?.trimmingCharacters(in: .whitespacesAndNewlines) == "")
        for left in [".DS_Store", "deterrence/.hidden.txt", ".well-known/.notes"] { #expect(fixture.output(left) == nil, "\(left)") }
        // Briefing's own files now: a build with nothing to write takes them as such.
        try IncrementalBuildTests.age(fixture.root)
        try fixture.build()
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
    }

    /// `--base-url "$BASE_URL"` with the variable unset published the site at `/`, with a warning, and took
    /// the feed and the sitemap out of the output folder.
    @Test func anEmptyBaseURLOrOutputIsAnError() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let before = fixture.outputSnapshot()
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--base-url", ""])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: --base-url is empty: give the address the site is published at, like https://example.org/briefings/, or leave the option out to use site.yaml's baseURL"))
        #expect(fixture.outputSnapshot() == before)
        // `--output "$OUT"` with the variable unset built the site into the current folder.
        let output = try BriefingCommand.run(["build", "--source", fixture.root.path, "--output", ""])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--output is empty: give the folder to write the site to, or leave the option out to write Output/ in the site folder"))
    }

    /// A deploy script given the home page's or the feed's address (`…/index.php`, `…/feed.xml`, also as a
    /// server reads `index%2ehtml` or `index.html.`) published every page under it.
    @Test(arguments: ["https://example.org/briefings/Index.PHP", "https://example.org/briefings/feed.xml", "https://example.org/briefings/index%2ehtml",
                      "https://example.org/briefings/index.html."])
    func aBaseURLEndingInAFileNameIsAnError(_ url: String) throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite)
        try fixture.build()
        let before = fixture.outputSnapshot()
        let result = try BriefingCommand.run(["build", "--source", fixture.root.path, "--base-url", url])
        #expect(result.status == 1)
        let name = String(url.dropFirst("https://example.org/briefings/".count))
        #expect(result.stderr.contains("error: --base-url '\(url)' ends in what reads as a file's name ('\(name)'), under which every page would be published ('\(name)/…'): give the folder the site is published in, https://example.org/briefings/, or end a folder's name with '/' (\(url)/)"))
        #expect(fixture.outputSnapshot() == before)
        // A folder named with a dot is a folder.
        #expect(try BriefingCommand.run(["build", "--quiet", "--source", fixture.root.path, "--base-url", "https://example.org/v1.2"]).status == 0)
    }

    /// A link pasted from the browser's address bar was published as written, unchecked: a mistyped one
    /// led nowhere. An address of the publisher's site outside the base path is not the site's to check.
    @Test func aLinkToTheSiteWrittenInFullIsChecked() throws {
        let site = InvalidSiteTests.goodSite.replacingOccurrences(of: "baseURL: https://example.org/", with: "baseURL: https://example.org/briefings/")
            + "\n-- Content/news/note.md --\n---\ntitle: Note\ndate: 2026-01-02\n---\n"
            + "[Tripwire](https://example.org/briefings/deterrence/tripwire/#why-it-works), [home](https://example.org/), "
            + "[typo](https://example.org/briefings/deterrence/tripwir/) and https://example.org/briefings/deterrence/tripwire/#gone.\n"
        let fixture = try SiteFixture(site)
        #expect(fixture.failure().map { $0.components(separatedBy: "\n")[0] } == [
            "Content/news/note.md:5:108: error: link 'https://example.org/briefings/deterrence/tripwir/' is an address of this site that leads to nothing it publishes",
            "Content/news/note.md:5:170: error: link to '#gone', but Content/deterrence/tripwire.md has no heading with that id",
        ])
        let fixed = fixture.root.appendingPathComponent("Content/news/note.md")
        try String(contentsOf: fixed, encoding: .utf8).replacingOccurrences(of: "tripwir/", with: "tripwire/").replacingOccurrences(of: "#gone", with: "")
            .write(to: fixed, atomically: true, encoding: .utf8)
        _ = try fixture.build()
        let note = try #require(fixture.output("news/note/index.html"))
        #expect(note.contains(#"<a href="https://example.org/briefings/deterrence/tripwire/#why-it-works">Tripwire</a>, <a href="https://example.org/">home</a>"#))
    }
}
