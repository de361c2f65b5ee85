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
        title: "{{title}}"
        date: {{date}}
        author: "{{author}}"
        draft: true
        ---
        News about {{slug}} in {{section}}.
        """)
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
            #expect(error.diagnostics.map(\.description) == ["error: '../outside/x' must be <section>/<slug> made of letters, digits, '-', '_' or '.', like news/budget-2027"])
        }
    }
}
