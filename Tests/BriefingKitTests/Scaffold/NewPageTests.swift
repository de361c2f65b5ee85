import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct NewPageTests {
    private let now = Date(timeIntervalSince1970: 1_790_000_000)

    private func site() throws -> SiteFixture {
        try SiteFixture("""
        -- Content/site.yaml --
        title: Briefing
        baseURL: https://example.org/
        author: Briefing Desk
        -- Templates/archetypes/news.md --
        ---
        title: {{{title}}}
        date: {{date}}
        author: {{{author}}}
        draft: true
        ---
        News about {{slug}} in {{section}}.
        """)
    }

    /// The same site in English and Korean, whose Korean pages have an author of their own.
    private func bilingualSite() throws -> SiteFixture {
        let fixture = try site()
        try fixture.write("""
            -- Content/site.yaml --
            title: Briefing
            baseURL: https://example.org/
            author: Briefing Desk
            languages:
              en: {name: English}
              ko: {name: 한국어, author: 브리핑 데스크}
            """)
        return fixture
    }

    @Test func fillsTheSectionsArchetype() throws {
        let fixture = try site()
        let created = try NewPage(siteRoot: fixture.root, path: "news/budget-2027", title: "The 2027 budget", now: now).create()
        #expect(created == "Content/news/budget-2027.md")
        let text = try String(contentsOf: fixture.root.appendingPathComponent(created), encoding: .utf8)
        #expect(text == "---\ntitle: \"The 2027 budget\"\ndate: \(NewPage.isoDay(now))\nauthor: \"Briefing Desk\"\ndraft: true\n---\nNews about budget-2027 in news.\n")
    }

    @Test func fallsBackToTheBuiltInArchetypeAndBuildsAsADraft() throws {
        let fixture = try site()
        let created = try NewPage(siteRoot: fixture.root, path: "deterrence/tripwire", now: now).create()
        let text = try String(contentsOf: fixture.root.appendingPathComponent(created), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Tripwire\"\ndate: \(NewPage.isoDay(now))\nauthor: \"Briefing Desk\"\n"))
        #expect(text.contains("draft: true"))
        try fixture.build { $0.includeDrafts = true }
        #expect(fixture.output("deterrence/tripwire/index.html")?.contains("<h1>Tripwire</h1>") == true)
    }

    @Test func refusesToOverwriteOrToLeaveContent() throws {
        let fixture = try site()
        _ = try NewPage(siteRoot: fixture.root, path: "news/a", now: now).create()
        #expect(throws: BuildFailure.self) { try NewPage(siteRoot: fixture.root, path: "news/a", now: now).create() }
        do {
            _ = try NewPage(siteRoot: fixture.root, path: "../outside/x", now: now).create()
            Issue.record("a path with '..' was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["error: '../outside/x' must be a section and a slug, as section/slug, made of letters, digits, '-', '_' or '.', like news/budget-2027"])
        }
    }

    /// Mustache escapes `{{title}}` for HTML; the archetype gets a YAML scalar instead, so the title
    /// reads back exactly as typed.
    @Test func titlesAreQuotedForYAMLNotEscapedForHTML() throws {
        let fixture = try site()
        let title = #"Moon's & Yoon's "deal" \ <b>"#
        let created = try NewPage(siteRoot: fixture.root, path: "news/deal", title: title, now: now).create()
        let text = try String(contentsOf: fixture.root.appendingPathComponent(created), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: " + #""Moon's & Yoon's \"deal\" \\ <b>""# + "\n"))
        #expect(try FrontMatter.parse(SourceFile(path: created, text: text)).metadata.title == title)
        // A tab becomes a space, as in every title read: it blamed the archetype for writing one.
        let tabbed = try NewPage(siteRoot: fixture.root, path: "news/tab", title: "Budget\t2027", now: now).create()
        #expect(try String(contentsOf: fixture.root.appendingPathComponent(tabbed), encoding: .utf8).hasPrefix("---\ntitle: \"Budget 2027\"\n"))
    }

    @Test func anArchetypeThatEscapesTheTitleIsAnError() throws {
        let fixture = try site()
        try fixture.write("-- Templates/archetypes/news.md --\n---\ntitle: \"{{title}}\"\n---\n")
        do {
            _ = try NewPage(siteRoot: fixture.root, path: "news/deal", title: "Moon's deal", now: now).create()
            Issue.record("an archetype that escapes the title was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "error: Templates/archetypes/news.md writes the title as '&quot;Moon&#39;s deal&quot;', not 'Moon's deal': write 'title: {{{title}}}' (the value comes quoted for YAML; {{title}} would escape it for HTML)",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/news/deal.md").path))
    }

    @Test func aPageNeedsASectionUnlessAtTheRoot() throws {
        let fixture = try site()
        do {
            _ = try NewPage(siteRoot: fixture.root, path: "my-post", now: now).create()
            Issue.record("a page without a section was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "error: 'my-post' names no section: write section/slug, like news/my-post, or pass --root for a page at the top of the site",
            ])
        }
        #expect(try NewPage(siteRoot: fixture.root, path: "about", now: now, atRoot: true).create() == "Content/about.md")
    }

    /// A build skips hidden files: `new news/.draft` made a page no build would ever publish.
    @Test func aHiddenPageIsRefused() throws {
        let fixture = try site()
        #expect(throws: BuildFailure.self) { try NewPage(siteRoot: fixture.root, path: "news/.draft", now: now).create() }
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/news/.draft.md").path))
    }

    /// `Getting-Started` beside `getting-started.md` was made, and the next build failed on the case clash.
    @Test func aPageDifferingOnlyInCaseFromOneBesideItIsRefused() throws {
        let fixture = try site()
        _ = try NewPage(siteRoot: fixture.root, path: "news/getting-started", now: now).create()
        #expect(throws: BuildFailure.self) { try NewPage(siteRoot: fixture.root, path: "news/Getting-Started", now: now).create() }
    }

    /// Each made a page the next build refused or never published, and `new` said it was done.
    @Test(arguments: [
        ("News/x", "error: 'News' differs only in case from the folder 'news' beside it, one folder on macOS and Windows: write 'news'"),
        ("news/a", "error: Content/news/a.md would be published where the section Content/news/a/ is: choose another slug, or write its _index.md"),
        ("data/x", "error: Content/data/ holds the site's data files, which are not pages: put the page in a section of its own"),
        ("/etc/x", "error: '/etc/x' starts with '/': name the page by its place in Content/, like etc/x"),
    ])
    func aPageTheBuildWouldRefuseIsRefused(path: String, message: String) throws {
        let fixture = try site()
        try fixture.write("-- Content/news/a/first.md --\n---\ntitle: First\n---\nText.\n")
        do {
            _ = try NewPage(siteRoot: fixture.root, path: path, now: now).create()
            Issue.record("'\(path)' was made")
        } catch {
            #expect(error.diagnostics.map(\.description) == [message])
        }
        #expect(throws: BuildFailure.self) { try NewPage(siteRoot: fixture.root, path: "news/b", title: "Line one\nLine two", now: now).create() }
    }

    /// A folder that links out of Content/ took the page wherever it led; a link to nothing "differed
    /// only in case" from itself; a control character in the title was reported at a line of a file never made.
    @Test func aPageThroughALinkedFolderOrWithAControlCharacterInItsTitleIsRefused() throws {
        let fixture = try site()
        let outside = fixture.root.appendingPathComponent("Elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("Content/ext").path, withDestinationPath: outside.path)
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("Content/news"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("Content/news/gone.md").path, withDestinationPath: "missing")
        for (path, title, message) in [
            ("ext/page", nil, "error: Content/ext is a link, which a build does not follow: make the page in a folder of Content/"),
            ("news/gone", nil, "error: Content/news/gone.md is a link to 'missing', which does not exist: remove the link, or make what it names"),
            ("news/bell", "A\u{7}B", "error: --title holds U+0007 (a control character), which no page may show: remove it"),
        ] as [(String, String?, String)] {
            do {
                _ = try NewPage(siteRoot: fixture.root, path: path, title: title, now: now).create()
                Issue.record("'\(path)' was made")
            } catch {
                #expect(error.diagnostics.map(\.description) == [message])
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    /// `news/x.fr` on a site without French made a page the next build refused; `news/x.ko` took the
    /// English author where site.yaml names a Korean one.
    @Test func aTranslationTakesItsLanguagesAuthorAndAnUnknownLanguageIsRefused() throws {
        let fixture = try bilingualSite()
        let created = try NewPage(siteRoot: fixture.root, path: "news/budget.ko", title: "예산", now: now).create()
        #expect(created == "Content/news/budget.ko.md")
        let text = try String(contentsOf: fixture.root.appendingPathComponent(created), encoding: .utf8)
        #expect(text.contains("author: \"브리핑 데스크\"\n"))
        #expect(throws: BuildFailure.self) { try NewPage(siteRoot: fixture.root, path: "news/budget.fr", now: now).create() }
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/news/budget.fr.md").path))
        // A dot that names no language is part of the slug, as before.
        #expect(try NewPage(siteRoot: fixture.root, path: "news/v1.2", now: now).create() == "Content/news/v1.2.md")
        // Without --title, a translation is titled by its slug's words, without the code ("Foo.ko" before).
        let untitled = try NewPage(siteRoot: fixture.root, path: "news/spending-review.ko", now: now).create()
        #expect(try String(contentsOf: fixture.root.appendingPathComponent(untitled), encoding: .utf8).contains("title: \"Spending review\"\n"))
    }

    /// `new news/budget.ko` on a site of English alone wrote `budget.ko.md`, a page of its own at `budget.ko/`
    /// that the next build warned of: the editor meant a Korean translation, which the site cannot have yet.
    @Test func aTranslationOnASiteOfOneLanguageIsRefused() throws {
        let fixture = try site()
        #expect(throws: BuildFailure.self) { try NewPage(siteRoot: fixture.root, path: "news/budget.ko", now: now).create() }
        do {
            _ = try NewPage(siteRoot: fixture.root, path: "news/budget.ko", now: now).create()
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "error: 'ko' in 'news/budget.ko' names a language, and this site has one (en): add 'ko' to 'languages' in site.yaml to write a translation, or name the page without it",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Content/news/budget.ko.md").path))
        #expect(try NewPage(siteRoot: fixture.root, path: "news/v1.2", now: now).create() == "Content/news/v1.2.md")
    }

    /// A Korean page was started with the section's English prompts: the language's archetype comes first.
    @Test func aPageInALanguageStartsFromThatLanguagesArchetype() throws {
        let fixture = try bilingualSite()
        try fixture.write("""
            -- Templates/archetypes/news.ko.md --
            ---
            title: {{{title}}}
            draft: true
            ---
            {{section}}의 새 기사.
            """)
        let korean = try NewPage(siteRoot: fixture.root, path: "news/budget.ko", title: "예산", now: now).create()
        #expect(try String(contentsOf: fixture.root.appendingPathComponent(korean), encoding: .utf8) == "---\ntitle: \"예산\"\ndraft: true\n---\nnews의 새 기사.\n")
        let english = try NewPage(siteRoot: fixture.root, path: "news/budget", title: "Budget", now: now).create()
        #expect(try String(contentsOf: fixture.root.appendingPathComponent(english), encoding: .utf8).hasSuffix("News about budget in news.\n"))
    }

    /// `news/` named the section twice in its suggestion ("like news/news/").
    @Test func aFolderWithoutASlugIsRefusedWithOneToAdd() throws {
        let fixture = try site()
        let failure = try #require(throws: BuildFailure.self) { try NewPage(siteRoot: fixture.root, path: "news/", now: now).create() }
        #expect(failure.diagnostics.map(\.message) == ["'news/' names a folder but no page: add the page's slug, like news/budget-2027"])
    }
}
