import BriefingSupport
import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit

/// `serve`'s pipeline takes an edit of page bodies alone without making the site again; any other edit
/// makes it again. What it shows is checked against a clean build in `ServeEqualsBuildTests`; here, which
/// way each edit goes, and that the lists show the new excerpt.
@Suite struct SitePreviewTests {
    static let site = """
    -- Content/site.yaml --
    title: Preview
    baseURL: https://example.org/
    -- Content/notes/first.md --
    ---
    title: First
    date: 2026-03-01
    ---
    The first paragraph, which the list shows.

    ## A heading
    -- Content/notes/undated.md --
    ---
    title: Undated
    summary: No date.
    ---
    Body.
    -- Templates/layouts/base.html --
    <html><body>{{$main}}{{/main}}</body></html>
    -- Templates/layouts/page.html --
    {{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}
    -- Templates/layouts/section.html --
    {{<base}}{{$main}}{{#pages}}<p>{{title}}: {{excerpt}}</p>{{/pages}}{{/main}}{{/base}}
    -- Templates/layouts/home.html --
    {{<base}}{{$main}}<h1>{{site.title}}</h1>{{/main}}{{/base}}
    -- Templates/layouts/404.html --
    {{<base}}{{$main}}<h1>Not found</h1>{{/main}}{{/base}}
    """

    @Test func aBodyEditTakesTheSiteWholeAndListsShowItsNewExcerpt() throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }

        try FileTree.replace("The first paragraph", with: "The new first paragraph", in: "Content/notes/first.md", root)
        let (version, report) = try preview.update(rendering: ["notes/index.html"])
        #expect(report.stages.map(\.name).contains("markdown of the edited pages"))
        #expect(!report.stages.map(\.name).contains("assemble"))
        #expect(Self.text(version, "notes/index.html").contains("First: The new first paragraph, which the list shows."))
        #expect(Self.text(version, "notes/first/index.html").contains("<p>The new first paragraph, which the list shows.</p>"))
        // The files no page body changes are the last version's.
        #expect(Self.text(version, "sitemap.xml").contains("<loc>https://example.org/notes/first/</loc>"))
        #expect(Self.text(version, "feed.xml").contains("<title>First</title>"))
    }

    @Test func aLayoutEditTakesTheSiteWithTheNewTheme() throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }
        try FileTree.replace("<h1>", with: "<h1 class=\"t\">", in: "Templates/layouts/page.html", root)
        let (version, report) = try preview.update(rendering: ["notes/first/index.html"])
        #expect(report.stages.map(\.name) == ["load", "theme", "generated files and checks", "pages open in a browser"])
        #expect(Self.text(version, "notes/first/index.html").contains("<h1 class=\"t\">First</h1>"))
        #expect(Self.text(version, "sitemap.xml").contains("<loc>https://example.org/notes/first/</loc>"))
    }

    @Test(arguments: [
        ("Content/notes/first.md", "title: First", "title: Renamed"),
        ("Content/notes/undated.md", "Body.", "Another body."),
        // Partials Markdown transforms render, and what they include, change page bodies.
        ("Templates/partials/callout.html", "<aside", "<aside data-edited"),
        ("Templates/partials/code-block.html", "<pre", "<pre data-edited"),
        ("Templates/i18n/en.yaml", "contents: ", "contents: Edited "),
        ("Content/site.yaml", "title: Preview", "title: Edited"),
    ])
    func anyOtherEditMakesTheSiteAgain(path: String, old: String, new: String) throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }
        try FileTree.replace(old, with: new, in: path, root)
        let (version, report) = try preview.update(rendering: [])
        #expect(report.stages.map(\.name).contains("assemble"), "\(path)")
        #expect(!report.stages.map(\.name).contains("markdown of the edited pages"), "\(path)")
        #expect(version.contains("notes/first/index.html"))
    }

    /// Layouts and partials share one set of names: a layout that a transform's partial includes writes
    /// page bodies too, so its edit makes the site again.
    @Test func aLayoutThatATransformsPartialIncludesMakesTheSiteAgain() throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }
        try FileTree.replace("<aside", with: "{{> 404}}<aside", in: "Templates/partials/callout.html", root)
        _ = try preview.update(rendering: [])
        try FileTree.replace("Not found", with: "Gone", in: "Templates/layouts/404.html", root)
        let (_, report) = try preview.update(rendering: [])
        #expect(report.stages.map(\.name).contains("assemble"))
    }

    @Test func aBodyEditWithAnErrorFailsAndTheFixIsTakenAgain() throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }
        try FileTree.replace("## A heading", with: "## A heading\n\n[broken](missing.md)", in: "Content/notes/first.md", root)
        #expect(throws: BuildFailure.self) { try preview.update(rendering: []) }
        try FileTree.replace("[broken](missing.md)", with: "Fixed.", in: "Content/notes/first.md", root)
        let (version, report) = try preview.update(rendering: ["notes/first/index.html"])
        #expect(report.stages.map(\.name).contains("markdown of the edited pages"))
        #expect(Self.text(version, "notes/first/index.html").contains("<p>Fixed.</p>"))
    }

    /// Told which files changed, an update reads those alone: a change it is not told of is not seen
    /// until the site is scanned again. A changed file it did not read before (a new page) means a scan.
    @Test func anUpdateToldTheChangedFilesReadsThoseAlone() throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }
        let first = root.appendingPathComponent("Content/notes/first.md").path
        try FileTree.replace("The first paragraph", with: "The told paragraph", in: "Content/notes/first.md", root)
        try FileTree.replace("Body.", with: "Untold body.", in: "Content/notes/undated.md", root)
        // An editor's temporary file, written and renamed over the page, is gone by the time of the update.
        let temporary = root.appendingPathComponent("Content/notes/first.md.tmp-1234").path
        let (told, toldReport) = try preview.update(rendering: [], changed: [first, temporary])
        #expect(toldReport.stages.map(\.name).contains("markdown of the edited pages"))
        #expect(Self.text(told, "notes/first/index.html").contains("The told paragraph"))
        #expect(Self.text(told, "notes/undated/index.html").contains("<p>Body.</p>"))

        try FileTree.write("-- Content/notes/new.md --\n---\ntitle: New\ndate: 2026-03-02\n---\nNew.", to: root)
        let (scanned, report) = try preview.update(rendering: [], changed: [root.appendingPathComponent("Content/notes/new.md").path])
        #expect(report.stages.map(\.name).contains("assemble"))
        #expect(Self.text(scanned, "notes/undated/index.html").contains("<p>Untold body.</p>"))
        #expect(scanned.contains("notes/new/index.html"))

        let undated = root.appendingPathComponent("Content/notes/undated.md")
        try FileManager.default.removeItem(at: undated)
        let (deleted, deletedReport) = try preview.update(rendering: [], changed: [undated.path])
        #expect(deletedReport.stages.map(\.name).contains("assemble"))
        #expect(!deleted.contains("notes/undated/index.html"))
    }

    /// An error a told change brought stays shown when the next update is told only of another file.
    @Test func anErrorStaysUntilItsFileIsFixedWhateverTheNextChangeIs() throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }
        let first = root.appendingPathComponent("Content/notes/first.md").path
        let undated = root.appendingPathComponent("Content/notes/undated.md").path
        try FileTree.replace("## A heading", with: "## A heading\n\n[broken](missing.md)", in: "Content/notes/first.md", root)
        #expect(throws: BuildFailure.self) { try preview.update(rendering: [], changed: [first]) }
        try FileTree.replace("Body.", with: "Another body.", in: "Content/notes/undated.md", root)
        #expect(throws: BuildFailure.self) { try preview.update(rendering: [], changed: [undated]) }
        try FileTree.replace("[broken](missing.md)", with: "Fixed.", in: "Content/notes/first.md", root)
        let (version, _) = try preview.update(rendering: [], changed: [first])
        #expect(Self.text(version, "notes/first/index.html").contains("<p>Fixed.</p>"))
        #expect(Self.text(version, "notes/undated/index.html").contains("<p>Another body.</p>"))
    }

    @Test func partialsThatTransformPartialsIncludeCountAsTheirs() {
        func template(_ kind: TemplateFile.Kind, _ name: String, _ text: String) -> TemplateFile {
            TemplateFile(kind: kind, name: name, file: SourceFile(path: "Templates/\(kind == .layout ? "layouts" : "partials")/\(name).html", text: text))
        }
        func partial(_ name: String, _ text: String) -> TemplateFile { template(.partial, name, text) }
        let used = WarmSite.partialsBodiesUse([
            partial("callout", "<aside>{{> callout-icon }}{{{content}}}</aside>"), partial("callout-icon", "{{<frame}}{{/frame}}"),
            partial("frame", "<span></span>"), partial("footer", "<footer></footer>"),
        ])
        #expect(used.isSuperset(of: ["callout", "callout-icon", "frame", "cite"]) && !used.contains("footer"))
        let dynamic = WarmSite.partialsBodiesUse([partial("callout", "{{>*icon}}"), partial("footer", "")])
        #expect(dynamic.contains("footer"))
        // Names are read as the parser reads them: never inside a comment, and after a delimiter change.
        let delimited = WarmSite.partialsBodiesUse([
            partial("callout", "{{! {{> footer}} }}{{=<% %>=}}<%> icon %>"), partial("icon", ""), partial("footer", ""),
        ])
        #expect(delimited.contains("icon") && !delimited.contains("footer"))
        // A layout a transform's partial includes is the transform's too: layouts and partials share names.
        let layout = WarmSite.partialsBodiesUse([partial("callout", "{{> frame}}"), template(.layout, "frame", "")])
        #expect(layout.contains("frame"))
    }

    /// The site in a fresh folder, and its preview after the first update.
    /// A body edit after a page held back for its date fell due makes the site again, as a build would
    /// (`ScheduledPageTests`): taken alone, the page stayed out of the preview until another edit.
    @Test func aPageThatFellDueIsTakenWithTheNextEdit() throws {
        let (root, preview) = try Self.servedSite()
        defer { TemporaryFolder.remove(root) }
        let due = Date().addingTimeInterval(2)
        let iso = ISO8601DateFormatter().string(from: due)
        try FileTree.write("-- Content/notes/scheduled.md --\n---\ntitle: Scheduled\ndate: \(iso)\n---\nSoon.\n", to: root)
        let (held, _) = try preview.update(rendering: ["notes/index.html"])
        #expect(!Self.text(held, "notes/index.html").contains("Scheduled"))
        while Date() < due.addingTimeInterval(1) { Thread.sleep(forTimeInterval: 0.1) }
        try FileTree.replace("The first paragraph", with: "The new first paragraph", in: "Content/notes/first.md", root)
        let (version, report) = try preview.update(rendering: ["notes/index.html"])
        #expect(report.stages.map(\.name).contains("assemble"))
        #expect(Self.text(version, "notes/index.html").contains("Scheduled: Soon."))
        #expect(Self.text(version, "notes/scheduled/index.html").contains("<h1>Scheduled</h1>"))
    }

    static func servedSite() throws -> (URL, SitePreview) {
        let root = TemporaryFolder.url("briefing-preview")
        try FileTree.write(site, to: root)
        try DefaultTheme.copyPartials(to: root)
        let preview = SitePreview(options: BuildOptions(source: root))
        _ = try preview.update(rendering: [])
        return (root, preview)
    }

    static func text(_ version: PreviewVersion, _ path: String) -> String {
        guard case .success(let bytes)? = version.contents(at: path) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }
}
