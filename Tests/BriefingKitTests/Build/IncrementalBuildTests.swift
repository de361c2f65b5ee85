import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// An incremental build must equal a clean full build, byte for byte, whatever was edited.
@Suite struct IncrementalBuildTests {
    static let site = BriefingFeaturesTests.site + """

    -- Content/news/faq.md --
    ---
    title: Questions
    date: 2026-05-01
    tags: [troops]
    ---
    > [!NOTE] Did you know?
    > About [](figure:us-troops) troops.

    ## FAQ
    ### Why?
    See the [explainer](../alliance/explainer.md).
    """

    static let templates = BriefingFeaturesTests.templates + """

    -- Templates/partials/footer.html --
    <footer>{{site.title}}</footer>
    -- Templates/layouts/base.html --
    <!doctype html><html lang="{{site.language}}"><title>{{page.title}}</title>{{$main}}{{/main}}{{> footer}}</html>
    """

    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var files: String
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "a page body", files: "-- Content/alliance/history.md --\n---\ntitle: History\ndate: 2026-02-01\ntags: [alliance]\n---\nThe armistice of 1953, and after."),
        Edit(name: "a front matter title", files: "-- Content/alliance/history.md --\n---\ntitle: A history of the alliance\ndate: 2026-02-01\ntags: [alliance]\n---\nThe armistice."),
        Edit(name: "a template", files: "-- Templates/layouts/section.html --\n{{<base}}{{$main}}<ol>{{#pages}}<li>{{title}}</li>{{/pages}}</ol>{{/main}}{{/base}}"),
        Edit(name: "a partial", files: "-- Templates/partials/footer.html --\n<footer>© {{site.title}}</footer>"),
        Edit(name: "a data file", files: "-- Content/data/people.json --\n{\"lead\": \"Daniel Reyes\", \"count\": 4}"),
        Edit(name: "figures.yaml", files: "-- Content/data/figures.yaml --\nus-troops:\n  value: \"28,600\"\n  label: US troops in South Korea\n  source: DefenseTech.org\n  url: https://defensetech.org/\n  asOf: 2025-11-01"),
        Edit(name: "site.yaml", files: "-- Content/site.yaml --\ntitle: Alliance Briefing\nbaseURL: https://example.org/briefings/\nauthor: Desk\npaginate: 2\nrelated: 2"),
        Edit(name: "a new page", files: "-- Content/news/new.md --\n---\ntitle: New\ndate: 2026-06-01\ntags: [alliance]\n---\nLinks to [history](../alliance/history.md)."),
        // Its folders are new to the output folder and move in whole, beside files moved one by one.
        Edit(name: "a new section", files: "-- Content/analysis/posture.md --\n---\ntitle: Posture\ndate: 2026-07-01\ntags: [troops, posture]\n---\nThe first page of a new section."),
    ]

    @Test(arguments: edits)
    func incrementalEqualsFull(_ edit: Edit) throws {
        let incremental = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try incremental.build()
        try incremental.write(edit.files)
        let report = try incremental.build()

        let full = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try full.write(edit.files)
        try full.build()
        #expect(IncrementalBuildTests.files(incremental) == IncrementalBuildTests.files(full))
        #expect(report.writer.written > 0)
    }

    /// A Korean page's link to `a.md` leads to the Korean version of a: a translation key that pairs a with
    /// another page changes the linking page, whose own file did not change (the serve sweep found its old
    /// link kept, in serve and in incremental builds alike).
    @Test func aTranslationKeyChangesThePagesThatLinkItsPages() throws {
        let site = MultilingualSiteTests.languages + """
        -- Content/news/a.md --
        ---
        title: A
        date: 2026-01-01
        ---
        A.
        -- Content/news/a.ko.md --
        ---
        title: 가
        date: 2026-01-01
        ---
        가.
        -- Content/news/b.ko.md --
        ---
        title: 나
        date: 2026-01-02
        ---
        [가](a.md)를 보세요.
        """
        let paired = "-- Content/news/a.md --\n---\ntitle: A\ndate: 2026-01-01\ntranslationKey: other\n---\nA."
        let incremental = try SiteFixture(site)
        try incremental.build()
        #expect(incremental.output("ko/news/b/index.html")?.contains(#"<a href="/ko/news/a/">가</a>"#) == true)
        try incremental.write(paired)
        try incremental.build()
        #expect(incremental.output("ko/news/b/index.html")?.contains(#"<a href="/news/a/">가</a>"#) == true)

        let full = try SiteFixture(site)
        try full.write(paired)
        try full.build()
        #expect(IncrementalBuildTests.files(incremental) == IncrementalBuildTests.files(full))
    }

    @Test func editingOnePageRewritesOnlyThatPageAndTheListsThatShowIt() throws {
        let fixture = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try fixture.build()
        try fixture.write("-- Content/alliance/modernization.md --\n---\ntitle: Modernization\ndate: 2026-01-01\n---\nTitanium, and more.")
        let report = try fixture.build()
        // The alliance list that shows it is rendered again (its excerpt is in the context) but its
        // layout prints only titles, so its bytes are the same and it is not written. The feed is: the
        // page has no summary, so its entry's summary is its first paragraph.
        #expect(report.writer.written == 2)
        #expect(fixture.output("feed.xml")?.contains("<summary type=\"text\">Titanium, and more.</summary>") == true)
    }

    @Test func nothingChangedIsANoOp() throws {
        let fixture = try IncrementalBuildTests.settledSite()
        let report = try fixture.build()
        #expect(report.stages.map(\.name) == ["nothing changed"])
        #expect(report.writer.written == 0)
        #expect(report.pages == 8)
    }

    /// A build with nothing to write did not look for what a build that writes refuses: a file of someone
    /// else's, or a link to /etc/passwd a sync would upload, passed every build until a page changed.
    @Test func aBuildWithNothingToWriteRefusesWhatAnyBuildRefuses() throws {
        let fixture = try IncrementalBuildTests.settledSite()
        let output = fixture.root.appendingPathComponent("Output")
        try Data("example.org\n".utf8).write(to: output.appendingPathComponent("alliance/CNAME"))
        #expect(fixture.failure().first?.contains("holds files Briefing did not write ('alliance/CNAME'); empty it, choose another --output, or pass --force") == true)
        // --force keeps it and builds; the next build with --force has nothing to write, and the next one
        // without stops at it again.
        try fixture.build { $0.force = true }
        #expect(try fixture.build { $0.force = true }.stages.map(\.name) == ["nothing changed"])
        #expect(fixture.failure().first?.contains("holds files Briefing did not write ('alliance/CNAME')") == true)
        try FileManager.default.removeItem(at: output.appendingPathComponent("alliance/CNAME"))
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("news/pw.txt").path, withDestinationPath: "/etc/passwd")
        for force in [false, true] {
            #expect(fixture.failure { $0.force = force }.first?.hasSuffix(
                "/Output/news/pw.txt is a link to '/etc/passwd'; Briefing writes only inside its output folder: replace the link with the files it points at"
            ) == true)
        }
        try FileManager.default.removeItem(at: output.appendingPathComponent("news/pw.txt"))
        // The last build that wrote had --force: this one looks at the folder again, and the one after has nothing to do.
        #expect(try fixture.build().stages.map(\.name) != ["nothing changed"])
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
        // In a folder of its own, none of whose files are Briefing's.
        try FileManager.default.createDirectory(at: output.appendingPathComponent("extra/deeper"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: output.appendingPathComponent("extra/deeper/notes.txt"))
        #expect(fixture.failure().first?.contains("holds files Briefing did not write ('extra/deeper/notes.txt')") == true)
    }

    /// A file a build with --force kept, since it was changed by hand after the site dropped its page, stops
    /// the next build without --force; a build with nothing else to do passed it without a word.
    @Test func aFileKeptSinceItWasChangedStopsTheNextBuild() throws {
        let fixture = try IncrementalBuildTests.settledSite()
        let page = fixture.root.appendingPathComponent("Output/alliance/history/index.html")
        let handle = try FileHandle(forWritingTo: page)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<!-- edited -->".utf8))
        try handle.close()
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Content/alliance/history.md"))
        // Sources older than a second are trusted unread: the build after this one would have nothing to do.
        try IncrementalBuildTests.age(fixture.root)
        let kept = try fixture.build { $0.force = true }
        #expect(kept.warnings.contains { $0.message.contains("/alliance/history/index.html was changed since Briefing wrote it, so it is kept") })
        #expect(fixture.failure().first?.contains("holds files Briefing did not write ('alliance/history/index.html')") == true)
    }

    @Test func aDeletedOutputFileIsWrittenAgain() throws {
        let fixture = try IncrementalBuildTests.settledSite()
        let before = IncrementalBuildTests.files(fixture)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("Output/alliance/history/index.html"))
        let report = try fixture.build()
        #expect(report.writer.written == 1)
        #expect(IncrementalBuildTests.files(fixture) == before)
    }

    /// A publisher's quick fix in Output/ is not the site: the next build puts the page back, also when the
    /// edit kept the file's size, whether the sources changed since (`other page`) or not (`nothing`).
    @Test(arguments: ["nothing", "other page"])
    func anOutputFileEditedByHandToTheSameSizeIsWrittenAgain(_ changed: String) throws {
        let fixture = try IncrementalBuildTests.settledSite()
        let page = fixture.root.appendingPathComponent("Output/alliance/history/index.html")
        let written = try IncrementalBuildTests.editKeepingSize(page)
        if changed == "other page" {
            try fixture.write("-- Content/alliance/modernization.md --\n---\ntitle: Modernization\ndate: 2026-01-01\n---\nTitanium, and more.")
        }
        let report = try fixture.build()
        #expect(try Data(contentsOf: page) == written)
        // The other page, and the feed that shows its first paragraph.
        #expect(report.writer.written == (changed == "nothing" ? 1 : 3))
        // The repaired file is recorded with its new time: the build after is a no-op again.
        try IncrementalBuildTests.age(fixture.root)
        try fixture.build()
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
    }

    /// An output whose time changed and whose bytes did not (a `touch`, a copy without `-p`, an archive
    /// that keeps whole seconds) is kept at its new time, not written again: `rsync -a` would send it again.
    @Test func anOutputFileWithANewTimeAndTheSameBytesIsKept() throws {
        let fixture = try IncrementalBuildTests.settledSite()
        let page = fixture.root.appendingPathComponent("Output/alliance/history/index.html")
        let restored = Date(timeIntervalSince1970: 1_780_000_000)
        try FileManager.default.setAttributes([.modificationDate: restored], ofItemAtPath: page.path)
        #expect(try fixture.build().writer.written == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date == restored)
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
    }

    /// A manifest of 0.20 or before has no times: a file of the right size is read before it is trusted,
    /// so an edit made before the upgrade is put back too, and not recorded as written.
    @Test func aSameSizeEditUnderAnOlderManifestIsWrittenAgain() throws {
        let fixture = try IncrementalBuildTests.settledSite()
        let manifest = fixture.root.appendingPathComponent("Output/\(SiteWriter.manifestName)")
        let older = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").map { line in
            if line.hasPrefix("#") { return line.replacingOccurrences(of: "input, modified, path", with: "input, path") }
            var fields = line.split(separator: " ", maxSplits: 4).map(String.init)
            fields.remove(at: 3)
            return fields.joined(separator: " ")
        }.joined(separator: "\n") + "\n"
        try older.write(to: manifest, atomically: true, encoding: .utf8)
        let page = fixture.root.appendingPathComponent("Output/alliance/history/index.html")
        let written = try IncrementalBuildTests.editKeepingSize(page)
        #expect(try fixture.build().writer.written == 1)
        #expect(try Data(contentsOf: page) == written)
    }

    /// An undated page is dated by its last commit: committing it changes its date, and no file.
    @Test(.enabled(if: Git.isInstalled))
    func aCommitRedatesAnUndatedPageWithNoFileChanged() throws {
        let undated = "-- Content/news/undated.md --\n---\ntitle: Undated\n---\nWritten, not yet committed.\n"
        let fixture = try SiteFixture(IncrementalBuildTests.site + "\n" + undated, templates: IncrementalBuildTests.templates)
        try IncrementalBuildTests.age(fixture.root)
        try fixture.git(["init", "-q"])
        try fixture.build()
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
        #expect(fixture.output("sitemap.xml")?.contains("undated/</loc>\n    <lastmod>2026-03-01") == false)
        try fixture.git(["add", "Content"])
        try fixture.git(["commit", "-qm", "Pages"])
        try fixture.build()
        #expect(fixture.output("sitemap.xml")?.contains("undated/</loc>\n    <lastmod>2026-03-01") == true)
        let clean = try SiteFixture(IncrementalBuildTests.site + "\n" + undated, templates: IncrementalBuildTests.templates)
        try clean.commitToNewCheckout()
        try clean.build()
        #expect(IncrementalBuildTests.files(fixture) == IncrementalBuildTests.files(clean))
        // Committed again with nothing changed in Content/, and with it the same dates: one more build.
        try fixture.git(["commit", "-q", "--allow-empty", "-m", "Nothing"], date: "2026-04-01T12:00:00Z")
        try fixture.build()
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
        #expect(fixture.output("sitemap.xml")?.contains("undated/</loc>\n    <lastmod>2026-03-01") == true)
    }

    @Test(arguments: ["damaged", "missing"])
    func aDamagedOrMissingCacheMeansAFullBuild(_ kind: String) throws {
        let fixture = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try fixture.build()
        let cache = fixture.root.appendingPathComponent("Output/\(BuildCache.fileName)")
        if kind == "missing" {
            try FileManager.default.removeItem(at: cache)
        } else {
            var bytes = try Data(contentsOf: cache)
            bytes.replaceSubrange(40..<60, with: Data(repeating: 0xFF, count: 20))
            try bytes.write(to: cache)
        }
        try fixture.write("-- Content/alliance/history.md --\n---\ntitle: History\ndate: 2026-02-01\n---\nChanged.")
        try fixture.build()
        let full = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try full.write("-- Content/alliance/history.md --\n---\ntitle: History\ndate: 2026-02-01\n---\nChanged.")
        try full.build()
        #expect(IncrementalBuildTests.files(fixture) == IncrementalBuildTests.files(full))
    }

    @Test func aTemplateEditRendersEveryPageAgainFromItsMarkdown() throws {
        let fixture = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try fixture.build()
        let layout = "-- Templates/layouts/page.html --\n{{<base}}{{$main}}<article>{{{page.content}}}</article>{{/main}}{{/base}}"
        try fixture.write(layout)
        let report = try fixture.build()
        let page = try String(contentsOf: fixture.root.appendingPathComponent("Output/alliance/history/index.html"), encoding: .utf8)
        #expect(page.contains("<article><p>The armistice.</p>\n</article>"))
        #expect(report.writer.written >= 5)
    }

    @Test func theBodyStoreOfEarlierVersionsIsRemoved() throws {
        let fixture = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try fixture.build()
        let store = fixture.root.appendingPathComponent("Output/.briefing-bodies")
        try Data(repeating: 0x42, count: 4096).write(to: store)
        try fixture.write("-- Content/alliance/history.md --\n---\ntitle: History\ndate: 2026-02-01\n---\nChanged.")
        try fixture.build()
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }

    /// A page shows its images' width and height, so an image file that changes its size changes the page.
    @Test func aResizedImageChangesItsPage() throws {
        func png(_ width: UInt8, _ height: UInt8) -> [UInt8] {
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, width, 0, 0, 0, height]
        }
        let page = "-- Content/alliance/mapped.md --\n---\ntitle: Mapped\ndate: 2026-03-01\n---\n![The map](map.png)\n"
        let incremental = try SiteFixture(IncrementalBuildTests.site + "\n" + page, templates: IncrementalBuildTests.templates)
        try incremental.writeBytes(png(40, 30), to: "Content/alliance/map.png")
        try incremental.build()
        #expect(incremental.output("alliance/mapped/index.html")?.contains("width=\"40\" height=\"30\"") == true)
        try incremental.writeBytes(png(80, 60) + [0], to: "Content/alliance/map.png")
        try incremental.build()
        #expect(incremental.output("alliance/mapped/index.html")?.contains("width=\"80\" height=\"60\"") == true)
    }

    /// The site built twice, its sources aged between: the next build with nothing changed is a no-op.
    /// Files edited just before a build are not trusted by their stamps.
    static func settledSite() throws -> SiteFixture {
        let fixture = try SiteFixture(IncrementalBuildTests.site, templates: IncrementalBuildTests.templates)
        try fixture.build()
        try age(fixture.root)
        try fixture.build()
        return fixture
    }

    /// Edits a built file by hand, keeping its size; its bytes as built.
    static func editKeepingSize(_ file: URL) throws -> Data {
        let written = try Data(contentsOf: file)
        var edited = written
        edited.replaceSubrange(0..<3, with: Data("<!-".utf8))
        try edited.write(to: file)
        return written
    }

    /// The built site without the build's own bookkeeping files.
    static func files(_ fixture: SiteFixture) -> [String: Data] {
        fixture.outputSnapshot().filter { !$0.key.hasPrefix(".briefing-") }
    }

    /// Sets every source file's modification time an hour back, as if edited long before the build.
    static func age(_ root: URL) throws {
        let past = Date().addingTimeInterval(-3600)
        for folder in ["Content", "Templates"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: url.path)
            }
        }
    }
}
