import BriefingMarkdown
import BriefingTestSupport
import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingSupport

/// The cache the last build leaves in the output folder, and what the next build takes from it.
@Suite struct BuildCacheTests {
    static let site = """
    -- Content/site.yaml --
    title: Briefing
    baseURL: https://example.org/
    -- Content/_index.md --
    ---
    title: Home
    ---
    -- Content/news/a.md --
    ---
    title: A
    ---
    First paragraph of A.

    ## Why
    -- Content/news/b.md --
    ---
    title: B
    summary: B in one line.
    ---
    Body of B.
    """

    /// A folder of its own for a cache file, removed with the value.
    final class Folder {
        let url: URL
        init() throws { url = try TemporaryFolder.make("briefing-cache") }
        deinit { TemporaryFolder.remove(url) }
        var file: URL { url.appendingPathComponent(BuildCache.fileName) }
    }

    static let cache = BuildCache(
        optionsKey: "site\u{1F}out", stamps: [FileStamp(path: "Content/news/a.md", size: 42, modified: 1_700_000_000_000_000)],
        stampedAt: 1_700_000_100_000_000, pageCount: 2,
        warnings: [.warning("no summary", at: SourceLocation(path: "Content/news/a.md", line: 3, column: 1), sourceLine: "First")],
        baseURL: BaseURL("https://example.org/briefings/")!, siteKey: 0xFEED_FACE_CAFE_BEEF, datesCheckout: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", nextRelease: 1_800_000_000,
        pages: [(
            "news/a.md",
            BuildCache.CachedPage(sourceHash: UInt64.max - 1, record: PageRecord(
                bodyHash: 7, facts: PageFacts(headingIDs: ["why", "source-1"], firstParagraph: "First paragraph of A."),
                diagnostics: [.error("broken", at: SourceLocation(path: "Content/news/a.md", line: 5, column: 2))],
                fragments: [FragmentReference(page: PageID(1), fragment: "why", source: PageID(0), position: SourcePosition(line: 4, column: 3))]
            ))
        )]
    )

    @Test func aWrittenCacheLoadsAsItWas() throws {
        let folder = try Folder()
        #expect(BuildCacheTests.cache.writePending(to: folder.url))
        // Pending until the output it belongs to is in place.
        #expect(BuildCache.load(from: folder.url) == nil)
        BuildCache.commitPending(in: folder.url)

        let loaded = try #require(BuildCache.load(from: folder.url))
        #expect(loaded.isFor(optionsKey: "site\u{1F}out") && !loaded.isFor(optionsKey: "site\u{1F}other"))
        #expect(loaded.stamps == BuildCache.sealed([FileStamp(path: "Content/news/a.md", size: 42, modified: 1_700_000_000_000_000)]))
        #expect(loaded.stampedAt == 1_700_000_100_000_000)
        #expect(loaded.pageCount == 2)
        #expect(loaded.warnings == BuildCacheTests.cache.warnings)
        #expect(loaded.baseURL.description == "https://example.org/briefings/")
        #expect(loaded.siteKey == 0xFEED_FACE_CAFE_BEEF)
        #expect(loaded.datesCheckout == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
        #expect(loaded.nextRelease == 1_800_000_000)
        let page = try #require(loaded.pages["news/a.md"])
        #expect(loaded.pages.count == 1)
        #expect(page.sourceHash == UInt64.max - 1)
        #expect(page.record.bodyHash == 7)
        #expect(page.record.facts.headingIDs == ["why", "source-1"])
        #expect(page.record.facts.firstParagraph == "First paragraph of A.")
        #expect(page.record.diagnostics == [.error("broken", at: SourceLocation(path: "Content/news/a.md", line: 5, column: 2))])
        let fragment = try #require(page.record.fragments.first)
        #expect(page.record.fragments.count == 1)
        #expect((fragment.page, fragment.fragment, fragment.source, fragment.position) == (PageID(1), "why", PageID(0), SourcePosition(line: 4, column: 3)))
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let folder = try Folder()
        #expect(BuildCacheTests.cache.writePending(to: folder.url))
        BuildCache.commitPending(in: folder.url)
        let bytes = try Data(contentsOf: folder.file)
        // Cut in the header: no cache at all.
        try bytes.prefix(12).write(to: folder.file)
        #expect(BuildCache.load(from: folder.url) == nil)
        // Cut in the pages, or any byte of it changed (a page's number, an id): its hash no longer matches.
        // A changed page number crashed every later build; a changed id was an error in a correct page.
        try bytes.dropLast(3).write(to: folder.file)
        #expect(BuildCache.load(from: folder.url) == nil)
        for offset in bytes.indices {
            var damaged = bytes
            damaged[offset] ^= 0x10
            try damaged.write(to: folder.file)
            #expect(BuildCache.load(from: folder.url) == nil, "byte \(offset)")
        }
        try bytes.write(to: folder.file)
        #expect(BuildCache.load(from: folder.url)?.pages.count == 1)
    }

    @Test func aCacheOfAnotherVersionIsIgnored() throws {
        let folder = try Folder()
        #expect(BuildCacheTests.cache.writePending(to: folder.url))
        BuildCache.commitPending(in: folder.url)
        var writer = CacheWriter()
        writer.int(BuildCache.formatVersion + 1)
        let bytes = try Data(contentsOf: folder.file)
        var other = CacheWriter()
        other.int(BuildCache.formatVersion)
        // The same file with only its version changed, and the hash of that.
        let changed = Data(writer.bytes) + bytes.dropFirst(other.bytes.count).dropLast(8)
        var checksum = CacheWriter()
        checksum.int(Int(Int64(bitPattern: BlockHash.of(changed))))
        try (changed + checksum.bytes).write(to: folder.file)
        #expect(BuildCache.load(from: folder.url) == nil)
    }

    /// The cache sits in the output folder, which gets published: it named every file of `Content/`, a
    /// draft's too (an embargoed story's file name), and the folders the site was built in.
    @Test func theCacheNamesNoSourceFileAndNoFolder() throws {
        let fixture = try SiteFixture(BuildCacheTests.site + "\n-- Content/news/embargoed-merger.md --\n---\ntitle: Secret\ndraft: true\n---\nText.\n")
        try BuildCacheTests.age(fixture)
        try fixture.build()
        let cache = try Data(contentsOf: fixture.root.appendingPathComponent("Output/\(BuildCache.fileName)"))
        let text = String(decoding: cache, as: UTF8.self)
        #expect(!text.contains("embargoed-merger") && !text.contains(fixture.root.path) && !text.contains("Templates/"))
        #expect(try fixture.build().stages.map(\.name) == ["nothing changed"])
    }

    /// A cache is its program's: a new version with the same cache format (an upgrade) found nothing
    /// changed and kept the pages, and the missed errors, of the old one.
    @Test func anotherProgramsCacheMakesAFullBuild() throws {
        let fixture = try SiteFixture(BuildCacheTests.site)
        try BuildCacheTests.age(fixture)
        let folder = try TemporaryFolder.make("briefing-program")
        defer { TemporaryFolder.remove(folder) }
        let upgraded = folder.appendingPathComponent("briefing")
        try FileManager.default.copyItem(at: BriefingCommand.executable, to: upgraded)
        let arguments = ["build", "--source", fixture.root.path, "--timings"]
        #expect(try BriefingCommand.run(arguments).status == 0)
        #expect(try BriefingCommand.run(arguments).stdout.contains("nothing changed"))
        let first = try BriefingCommand.run(arguments, program: upgraded)
        #expect(first.status == 0)
        #expect(!first.stdout.contains("nothing changed"))
        #expect(try BriefingCommand.run(arguments, program: upgraded).stdout.contains("nothing changed"))
    }

    @Test func stampsMatchOnlyWhenNothingChangedAndNothingIsTooRecent() {
        let stamp = FileStamp(path: "Content/a.md", size: 1, modified: 1_000_000_000)
        var cache = BuildCacheTests.cache
        cache.stamps = BuildCache.sealed([stamp])
        cache.stampedAt = stamp.modified + 10_000_000
        #expect(cache.matches([stamp]))
        #expect(!cache.matches([FileStamp(path: "Content/a.md", size: 2, modified: 1_000_000_000)]))
        #expect(!cache.matches([]))
        // Modified within two seconds of the build: it may have changed again within the clock's tick.
        cache.stampedAt = stamp.modified + 1_000_000
        #expect(!cache.matches([stamp]))
    }

    /// Sets every file of the site an hour back, so that the cache may trust their stamps.
    static func age(_ fixture: SiteFixture) throws {
        let old = Date().addingTimeInterval(-3600)
        for folder in ["Content", "Templates"] {
            let url = fixture.root.appendingPathComponent(folder)
            for file in FolderScan.files(in: url) {
                try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.appendingPathComponent(file.relativePath).path)
            }
        }
    }

    @Test func aBuildWithNothingChangedSaysSo() throws {
        let fixture = try SiteFixture(BuildCacheTests.site)
        try BuildCacheTests.age(fixture)
        let first = try fixture.build()
        #expect(!first.stages.map(\.name).contains("nothing changed"))
        let second = try fixture.build()
        #expect(second.stages.map(\.name) == ["nothing changed"])
        #expect((second.pages, second.files, second.writer.unchanged, second.writer.written) == (first.pages, first.files, first.files, 0))

        try fixture.write("""
        -- Content/news/a.md --
        ---
        title: A, changed
        ---
        """)
        let third = try fixture.build()
        #expect(!third.stages.map(\.name).contains("nothing changed"))
        #expect(fixture.output("news/a/index.html")?.contains("<h1>A, changed</h1>") == true)
    }

    @Test func markdownIsReusedOnlyForAnUnchangedPage() throws {
        let fixture = try SiteFixture(BuildCacheTests.site)
        try fixture.build()
        try fixture.write("""
        -- Content/news/b.md --
        ---
        title: B
        summary: B in one line.
        ---
        Body of B, changed.
        """)
        let options = fixture.options()
        let stages = try SiteStages(fixture)
        let reuse = BuildReuse(options: options, scan: SiteScan(root: fixture.root))
        let markdown = reuse.markdown(of: stages.model, loaded: stages.loaded)
        let a = try #require(markdown.record(for: try stages.id("news/a.md")))
        #expect(a.facts.firstParagraph == "First paragraph of A.")
        #expect(a.facts.headingIDs.contains("why"))
        #expect(markdown.record(for: try stages.id("news/b.md")) == nil)
    }

    @Test func noMarkdownIsReusedWhenTheSiteSettingsChange() throws {
        let fixture = try SiteFixture(BuildCacheTests.site)
        try fixture.build()
        try fixture.write("""
        -- Content/site.yaml --
        title: Briefing, renamed
        baseURL: https://example.org/
        """)
        let stages = try SiteStages(fixture)
        let markdown = BuildReuse(options: fixture.options(), scan: SiteScan(root: fixture.root)).markdown(of: stages.model, loaded: stages.loaded)
        #expect(markdown.record(for: try stages.id("news/a.md")) == nil)
    }
}

@Suite struct BuildReuseOptionsTests {
    /// Warnings only `check` gives must not be reported by a later plain build from the cache.
    @Test func theEditorsChecksArePartOfWhatABuildReuses() throws {
        let fixture = try SiteFixture(InvalidSiteTests.goodSite + "\n-- Content/deterrence/map.md --\n---\ntitle: Map\nsummary: A map.\n---\n![](map.png)\n-- Content/deterrence/map.png --\nPNG")
        let checked = try fixture.build { $0.qualityChecks = true }
        #expect(checked.warnings.contains { $0.message.hasPrefix("image 'map.png' has no alt text") })
        let plain = try fixture.build()
        #expect(!plain.warnings.contains { $0.message.hasPrefix("image 'map.png' has no alt text") })
    }
}
