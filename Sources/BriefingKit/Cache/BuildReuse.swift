import BriefingSupport
import Foundation

/// What a build may take from the last one, kept in the output folder (`BuildCache`). The stages
/// consult it; none of them branches on it: a build with nothing to reuse (the first, `check`, another
/// day) is the same build with every answer "no".
struct BuildReuse {
    let options: BuildOptions
    /// The options and the day of the build, which the same sources give different output for.
    let optionsKey: String
    let stamps: [FileStamp]
    let stampedAt: Int
    private let cache: BuildCache?

    init(options: BuildOptions, scan: SiteScan) {
        self.options = options
        stampedAt = BuildCache.now
        optionsKey = BuildReuse.optionsKey(options)
        // A build that writes nothing keeps no cache, so it neither reads one nor stamps its files.
        stamps = options.writeOutput ? scan.stamps : []
        cache = options.writeOutput ? BuildCache.load(from: options.outputFolder) : nil
    }

    /// The report of the last build, when no file of the site changed since, nor the commit undated pages
    /// were dated at, no page it held back for its date is due, and its output is intact.
    func unchangedReport(writer: SiteWriter, clock: StageClock) -> BuildReport? {
        // Else the build that writes reports what it refuses, or puts back what changed.
        guard let cache, cache.isFor(optionsKey: optionsKey), cache.matches(stamps), let manifest = writer.previousManifest(),
              writer.isIntact(manifest), !writer.holdsWhatASessionRefuses(manifest)
        else { return nil }
        if let checkout = cache.datesCheckout, FileDates.checkout(of: options.source.appendingPathComponent("Content")) != checkout { return nil }
        // A page held back for its date is due: the same sources make another site now.
        if let release = cache.nextRelease, PageDate.hasPassed(release, at: options.now) { return nil }
        var summary = SiteWriter.Summary()
        summary.unchanged = manifest.entries.count
        var clock = clock
        clock.lap("nothing changed")
        return BuildReport(
            pages: cache.pageCount, files: manifest.entries.count, seconds: clock.stages[0].seconds, warnings: cache.warnings,
            writer: summary, output: options.outputFolder, stages: clock.stages, baseURL: cache.baseURL
        )
    }

    /// What the Markdown stage may reuse: a page whose file is unchanged, in a site whose settings, data
    /// and pages are unchanged, gives the same Markdown output, and the cache knows what it gave.
    func markdown(of model: SiteModel, loaded: LoadedSite) -> MarkdownReuse {
        let siteKey = BuildReuse.siteKey(loaded: loaded, model: model, optionsKey: optionsKey, stamps: stamps)
        let reusable = cache?.siteKey == siteKey ? cache?.pages ?? [:] : [:]
        // Each page's source is hashed once, for this lookup and for the cache this build leaves; a build
        // that writes nothing hashes nothing.
        let hashes = options.writeOutput ? parallelMap(model.pageIDs) { ContentHash(model[$0].source.file.text).value } : []
        return MarkdownReuse(siteKey: siteKey, sourceHashes: hashes, reusable: reusable, model: model)
    }

    /// Starts writing the cache this build leaves while the output moves into place; `keep` puts it in
    /// place once the output is, `drop` removes it when the output could not be.
    func save(
        _ markdown: MarkdownReuse, records: [PageRecord?], model: SiteModel, warnings: [Diagnostic]
    ) -> Background<Bool> {
        // Every page has its record once no error stopped the build; were one missing, no cache is
        // better than a wrong one.
        let pages = records.compactMap { $0 }
        let cache = pages.count < model.pages.count ? nil : BuildCache(
            optionsKey: optionsKey, stamps: stamps, stampedAt: stampedAt, pageCount: model.pages.count, warnings: warnings,
            baseURL: model.settings.baseURL, siteKey: markdown.siteKey, datesCheckout: model.datesCheckout, nextRelease: model.nextRelease,
            pages: zip(model.pages.indices, pages).map { index, record in
                (model.pages[index].source.relativePath, BuildCache.CachedPage(sourceHash: markdown.sourceHashes[index], record: record))
            }
        )
        return Background { [outputFolder = options.outputFolder] in cache?.writePending(to: outputFolder) ?? false }
    }

    func keep(_ written: Background<Bool>) {
        if written.result() { BuildCache.commitPending(in: options.outputFolder) }
    }

    func drop(_ written: Background<Bool>) {
        if written.result() { BuildCache.discardPending(in: options.outputFolder) }
    }

    /// Everything besides the sources that changes the output or its warnings.
    static func optionsKey(_ options: BuildOptions) -> String {
        let day = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: options.now)
        return [
            programIdentity, options.source.standardizedFileURL.path, options.outputFolder.standardizedFileURL.path, options.baseURL ?? "",
            options.origin ?? "",
            // A build with --force may have left files of someone else's beside its own: one without finds them.
            "\(options.includeDrafts)", "\(options.includeFuture)", "\(options.qualityChecks)", "\(options.force)", "\(day.year ?? 0)-\(day.month ?? 0)-\(day.day ?? 0)",
            // Its warning, which a build with nothing changed repeats, comes and goes with the folder's files.
            "\(PageAssembler.holdsHugoStaticFiles(options.source))",
        ].joined(separator: "\u{1F}")
    }

    /// The program that builds, as its file on disk is: the version, and the executable's size, time and
    /// inode. A new version may write other HTML or find new errors in the same sources while its cache
    /// format stays the same; an upgrade (or any binary built again) makes the next build a full one.
    static let programIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return BriefingVersion.current }
        return "\(BriefingVersion.current) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

    /// What every page's Markdown output depends on besides its own file.
    static func siteKey(loaded: LoadedSite, model: SiteModel, optionsKey: String, stamps: [FileStamp]) -> UInt64 {
        var key = Fingerprint()
        key.add(optionsKey)
        key.add(loaded.settingsText)
        for file in loaded.data.files.values.sorted(by: { $0.fileName < $1.fileName }) {
            key.add(file.fileName)
            key.add(file.file.text)
        }
        // A link to `x.md` leads to the linking page's language's version of x: which pages are versions of
        // one another (language and translation key) changes pages that link them.
        for page in model.pages {
            key.add(page.source.relativePath)
            key.add(page.route)
            key.add(page.language)
            key.add(page.translationKey)
        }
        // A link to a draft or a page still to come is an error of its own, which says which.
        for (path, reason) in model.leftOut.sorted(by: { $0.key < $1.key }) {
            key.add(path)
            key.add(reason.explanation)
        }
        for file in loaded.staticFiles where file.origin == .content { key.add(file.relativePath) }
        // Links are checked against every planned file (assets and tags too): one gone fails the pages linking it.
        for output in model.outputs { key.add(output.path.value) }
        // A page shows the width and height of its images: an image file that changes changes pages.
        for stamp in stamps where stamp.path.hasPrefix("Content/") && !stamp.path.hasSuffix(".md") {
            key.add(stamp.path)
            key.add(stamp.size)
            key.add(stamp.modified)
        }
        return key.value
    }
}

/// The Markdown records a build may take from the last one, by page.
struct MarkdownReuse: Sendable {
    let siteKey: UInt64
    /// Each page's source hash, by page index; empty when the build writes nothing.
    let sourceHashes: [UInt64]
    let reusable: [String: BuildCache.CachedPage]
    let model: SiteModel

    func record(for id: PageID) -> PageRecord? {
        guard !reusable.isEmpty, let cached = reusable[model[id].source.relativePath],
              cached.sourceHash == sourceHashes[id.index]
        else { return nil }
        return cached.record
    }
}
