import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// The load stage: what a site folder holds, read and sorted, before any of it is interpreted.
@Suite struct SiteLoaderTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/briefings/
    paginate: 5
    -- Content/news/b.md --
    ---
    title: B
    ---
    -- Content/_index.md --
    ---
    title: Home
    ---
    -- Content/news/a.md --
    ---
    title: A
    ---
    -- Content/news/map.png --
    PNG
    -- Content/data/troops.csv --
    country,troops
    Korea,28500
    -- Content/data/figures.yaml --
    troops:
      value: "28,500"
      label: US troops in Korea
      source: USFK
    -- Content/data/notes.txt --
    Not data: not a data file's extension.
    -- Content/.hidden.md --
    Skipped.
    -- Templates/layouts/news/page.html --
    {{<page}}{{/page}}
    -- Templates/notes.txt --
    Neither a layout, a partial nor an asset.
    """

    @Test func aSmallSiteIsReadAsItIs() throws {
        let fixture = try SiteFixture(SiteLoaderTests.site)
        let loaded = try SiteLoader(root: fixture.root).load()
        #expect(loaded.pages.map(\.relativePath) == ["_index.md", "news/a.md", "news/b.md"])
        #expect(loaded.pages.map(\.file.path) == ["Content/_index.md", "Content/news/a.md", "Content/news/b.md"])
        #expect(loaded.pages[1].file.text == "---\ntitle: A\n---\n")

        let layouts = loaded.templates.filter { $0.kind == .layout }.map(\.name).sorted()
        #expect(layouts == ["404", "base", "home", "news/page", "page", "section"])
        let partials = Set(loaded.templates.filter { $0.kind == .partial }.map(\.name))
        #expect(partials.isSuperset(of: ["callout", "cite", "data-table", "faq", "figure-cite"]))
        #expect(loaded.templates.first { $0.name == "news/page" }?.file.path == "Templates/layouts/news/page.html")

        let files = loaded.staticFiles.map { "\($0.relativePath) \($0.displayPath)" }.sorted()
        // Content/data/ holds data, never files to copy.
        #expect(files == ["assets/style.css Templates/assets/style.css", "news/map.png Content/news/map.png"])
        #expect(loaded.contentFiles.contains("news/map.png"))

        #expect(loaded.data.files.keys.sorted() == ["figures.yaml", "troops.csv"])
        #expect(loaded.data.files["troops.csv"]?.table?.rows == [["Korea", "28500"]])
        #expect(loaded.data.figures["troops"]?.value == "28,500")

        #expect(loaded.settings.title == "Briefing")
        #expect(loaded.settings.baseURL.description == "https://example.org/briefings/")
        #expect(loaded.settings.pageSize == 5)
        #expect(loaded.settingsText == "title: Briefing\nbaseURL: https://example.org/briefings/\npaginate: 5\n")
    }

    @Test(arguments: ["Content", "Templates"])
    func aMissingFolderIsAnError(_ folder: String) throws {
        let fixture = try SiteFixture(SiteLoaderTests.site)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent(folder))
        #expect(SiteLoaderTests.failure(fixture) == [
            "error: folder '\(folder)/' not found in \(fixture.root.standardizedFileURL.path); run briefing in a site folder, pass --source, or start one with 'briefing init DIR'",
        ])
    }

    @Test func aMissingSiteYamlIsAnError() throws {
        let fixture = try SiteFixture(SiteLoaderTests.site)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/site.yaml"))
        #expect(SiteLoaderTests.failure(fixture) == ["error: Content/site.yaml not found: it names the site's title and baseURL"])
    }

    @Test func aLinkLeadingOutOfContentIsAnError() throws {
        let fixture = try SiteFixture(SiteLoaderTests.site)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("Content/news/passwd.md").path, withDestinationPath: "/etc/passwd"
        )
        #expect(SiteLoaderTests.failure(fixture) == [
            "Content/news/passwd.md:1:1: error: 'Content/news/passwd.md' is a link to '/etc/passwd', outside Content/; copy the file in instead",
        ])
    }

    @Test func aLinkInsideContentIsReadAsItsTarget() throws {
        let fixture = try SiteFixture(SiteLoaderTests.site)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("Content/news/c.md").path, withDestinationPath: "a.md"
        )
        let loaded = try SiteLoader(root: fixture.root).load()
        #expect(loaded.pages.map(\.relativePath) == ["_index.md", "news/a.md", "news/b.md", "news/c.md"])
        #expect(loaded.pages[3].file.text == "---\ntitle: A\n---\n")
    }

    static func failure(_ fixture: SiteFixture) -> [String] {
        do {
            _ = try SiteLoader(root: fixture.root).load()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
