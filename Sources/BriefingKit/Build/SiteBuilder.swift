import BriefingTemplates
import Foundation
import Synchronization

public struct BuildOptions: Sendable {
    /// The site folder, holding Content/ and Templates/.
    public var source: URL
    /// Where the site is written; `Output/` in the site folder when nil.
    public var output: URL?
    /// Replaces site.yaml's baseURL, e.g. to publish the same site under a sub-path.
    public var baseURL: String?
    /// Replaces only the scheme and host of the base URL and keeps its path (`http://127.0.0.1:1313`
    /// serves a site made for `https://example.org/briefings/` at `/briefings/`).
    public var origin: String?
    public var includeDrafts = false
    /// Build into an output folder that also holds files Briefing did not write.
    public var force = false
    /// When false the build checks everything and writes nothing (`briefing check`).
    public var writeOutput = true
    /// Also the editor's checks of `briefing check`: alt text, summaries, heading levels, and relative
    /// links that lead to no published page.
    public var qualityChecks = false
    /// The build's clock, injected so that output with dates is reproducible in tests.
    public var now = Date()
    /// Told how far a long stage has come (`markdown`, `templates`), from any thread; a terminal shows it.
    public var progress: (@Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void)?

    public init(source: URL, output: URL? = nil) {
        self.source = source
        self.output = output
    }

    var outputFolder: URL { output ?? source.appendingPathComponent("Output") }
}

public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var seconds: Double
    public var warnings: [Diagnostic]
    public var writer: SiteWriter.Summary
    public var output: URL
    /// Wall-clock and CPU seconds (all threads) spent in each stage, in order, for `--timings`.
    public var stages: [(name: String, seconds: Double, cpuSeconds: Double)]
    /// The address the site was built for.
    public var baseURL: BaseURL
}

/// Counts finished items of a parallel stage for `BuildOptions.progress`.
final class ProgressCounter: Sendable {
    private let done = Atomic<Int>(0)
    private let stage: String
    private let total: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?

    init(stage: String, total: Int, report: (@Sendable (String, Int, Int) -> Void)?) {
        self.stage = stage
        self.total = total
        self.report = report
    }

    func step() {
        guard let report else { return }
        let count = done.wrappingAdd(1, ordering: .relaxed).newValue
        report(stage, count, total)
    }
}

/// Wall-clock and CPU time of each stage of a build: a stage whose CPU time is not about twice its
/// wall time on two cores is not running in parallel.
struct StageClock {
    private(set) var stages: [(name: String, seconds: Double, cpuSeconds: Double)] = []
    private var last = DispatchTime.now()
    private var lastCPU = StageClock.cpuSeconds()

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        let cpu = StageClock.cpuSeconds()
        stages.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9, cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// User and system time of the whole process.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Runs the pipeline: load → parse → model → Markdown → templates → write. Each stage collects every
/// error it finds and the build stops after the first stage that found any, writing nothing.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(BuildFailure) -> BuildReport {
        let started = DispatchTime.now()
        var clock = StageClock()
        let writer = SiteWriter(output: options.outputFolder, force: options.force)
        let stampedAt = BuildCache.now
        let scan = SiteScan(root: options.source)
        let stamps = options.writeOutput ? scan.stamps : []
        let cache = options.writeOutput ? BuildCache.load(from: options.outputFolder) : nil
        let optionsKey = self.optionsKey
        if let cache, cache.optionsKey == optionsKey, cache.matches(stamps), let report = unchanged(since: cache, writer: writer, clock: clock) {
            return report
        }
        var loaded = try SiteLoader(root: options.source).load(scan)
        clock.lap("load")
        var settings = loaded.settings
        if let override = options.baseURL {
            guard let baseURL = BaseURL(override) else {
                throw BuildFailure([.error("--base-url '\(override)' must be an http(s) URL or a path starting with '/'")])
            }
            settings.baseURL = baseURL
        }
        if let origin = options.origin {
            guard let baseURL = BaseURL(origin + settings.baseURL.path) else {
                throw BuildFailure([.error("origin '\(origin)' must be an http(s) address like http://127.0.0.1:1313")])
            }
            settings.baseURL = baseURL
        }
        let layouts = try Layouts(loaded.templates)
        var model = try parse(loaded.pages, settings: settings)
        let pageLayouts = try layouts.layouts(of: model)
        clock.lap("front matter and model")

        // Checked before the Markdown stage puts its body store in the output folder.
        let previous = options.writeOutput ? try writer.prepare(siteRoot: options.source) : SiteWriter.Manifest()
        // A page whose file is unchanged, in a site whose settings, data and pages are unchanged, gives
        // the same Markdown output: take it from the cache.
        let siteKey = siteKey(loaded: loaded, model: model)
        let reusable = cache?.siteKey == siteKey ? cache : nil
        let reusablePages = reusable?.pages ?? [:]
        let (store, earlierStore) = try openBodyStore(
            earlier: reusable?.storeID, bytesInUse: reusablePages.values.reduce(0) { $0 + $1.body.length }
        )
        let (pages, warnings) = try renderMarkdown(
            model: model, loaded: loaded, settings: settings, store: store, reusing: reusablePages, from: earlierStore
        )
        var diagnostics = warnings
        // Rendering templates needs what was parsed from each page, not its text: let the texts go.
        loaded.pages = []
        model = model.withoutSourceTexts()
        clock.lap("markdown")

        let year = Calendar(identifier: .gregorian).component(.year, from: options.now)
        let taxonomy = Taxonomy(model: model)
        let context = TemplateContext(model: model, facts: pages.map(\.facts), taxonomy: taxonomy, data: loaded.data.templateValue, year: year)
        let jobs = OutputJob.all(model: model, taxonomy: taxonomy)
        clock.lap("lists and related pages")
        let templatesKey = Layouts.fingerprint(loaded.templates)

        // Every file is rendered and checked before any reaches the output folder; files whose bytes
        // changed wait in a staging folder, the rest are not written at all.
        let staging = options.writeOutput ? try writer.openStaging() : nil
        let templateProgress = ProgressCounter(stage: "templates", total: jobs.count, report: options.progress)
        let checked = parallelMap(jobs) { [model] job -> Result<(String, SiteWriter.Manifest.Entry, Bool), Diagnostic> in
            defer { templateProgress.step() }
            do throws(Diagnostic) {
                let (layout, base, path, pageIndex) = try job.resolve(model: model, layouts: layouts, pageLayouts: pageLayouts, context: context)
                var fingerprint = Fingerprint()
                fingerprint.add(templatesKey)
                fingerprint.add(layout)
                fingerprint.add(context.fingerprint(of: base))
                if let pageIndex { fingerprint.add(pages[pageIndex].body.hash) }
                // The same templates, layout and context give the same bytes: nothing to render.
                if let old = previous.entries[path], old.input == fingerprint.value, writer.isIntact(path, old) {
                    return .success((path, old, false))
                }
                // Consumed: the context's maps are then held once, and adding the body changes them in place.
                var value = (consume base).value
                if let pageIndex {
                    // The Markdown stage checked or wrote every body moments ago.
                    guard let body = store.read(pages[pageIndex].body) else {
                        throw .error("cannot read the body of \(model.pages[pageIndex].source.file.path) back from \(store.path); build again")
                    }
                    context.addBody(body, ofPage: pageIndex, to: &value)
                }
                let html = try layouts.render(layout, context: value)
                let entry = SiteWriter.Manifest.Entry(hash: ContentHash(html), size: html.count, input: fingerprint.value)
                let changed = writer.needsWrite(path, entry, previous: previous)
                if changed, let staging { try staging.write(html, to: path) }
                return .success((path, entry, changed))
            } catch {
                return .failure(error)
            }
        }
        var current = SiteWriter.Manifest()
        var staged: [String] = []
        for result in checked {
            switch result {
            case .success(let (path, entry, changed)):
                if current.entries.updateValue(entry, forKey: path) != nil {
                    diagnostics.append(.error("two outputs would be written to \(path); a page's URL collides with a list or tag page"))
                }
                if changed { staged.append(path) }
            case .failure(let error):
                diagnostics.append(error)
            }
        }
        let siteFiles = SiteFiles(model: model, taxonomy: taxonomy).render()
        diagnostics += siteFiles.warnings
        var generated: [(path: String, bytes: [UInt8])] = siteFiles.files.map { ($0.path, Array($0.text.utf8)) }
        for file in loaded.staticFiles {
            guard current.entries[file.outputPath] == nil else {
                diagnostics.append(.error("'\(file.source.path)' would overwrite the page written to \(file.outputPath)"))
                continue
            }
            do {
                generated.append((file.outputPath, try FileBytes.read(file.source.path)))
            } catch {
                diagnostics.append(.error("cannot read \(file.source.path): \(error.message)"))
            }
        }
        for (path, bytes) in generated {
            let entry = SiteWriter.Manifest.Entry(hash: ContentHash(bytes), size: bytes.count)
            current.entries[path] = entry
            guard let staging, writer.needsWrite(path, entry, previous: previous) else { continue }
            do { try staging.write(bytes, to: path) } catch { diagnostics.append(error) }
            staged.append(path)
        }
        if diagnostics.contains(where: { $0.severity == .error }), let staging { writer.discard(staging) }
        try stop(on: diagnostics)
        clock.lap("templates and staging")

        var summary = SiteWriter.Summary()
        if let staging {
            // The cache (14 MB at 10,000 pages) is written while the output moves into place, and takes
            // the last one's place only after the body store it names has.
            let cache = BuildCache(
                optionsKey: optionsKey, stamps: stamps, stampedAt: stampedAt, pageCount: model.pages.count,
                warnings: SiteBuilder.ordered(diagnostics), baseURL: settings.baseURL, siteKey: siteKey, storeID: store.id,
                pages: Dictionary(uniqueKeysWithValues: zip(model.pages, pages).map { ($0.source.relativePath, $1) })
            )
            let cacheWritten = Background { [outputFolder = options.outputFolder] in cache.writePending(to: outputFolder) }
            do {
                try writer.commit(staging, staged)
                summary.removed = try writer.finish(previous: previous, current: current)
            } catch {
                if cacheWritten.result() { BuildCache.discardPending(in: options.outputFolder) }
                throw error
            }
            summary.written = staged.count
            summary.unchanged = current.entries.count - staged.count
            // A store that cannot be put in place only costs the next build time: the cache stays with
            // the store it was written with.
            if cacheWritten.result() {
                if (try? store.commit()) != nil {
                    BuildCache.commitPending(in: options.outputFolder)
                } else {
                    BuildCache.discardPending(in: options.outputFolder)
                }
            } else {
                try? store.commit()
            }
        }
        clock.lap("write")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let report = BuildReport(
            pages: model.pages.count, files: current.entries.count, seconds: seconds,
            warnings: SiteBuilder.ordered(diagnostics), writer: summary, output: options.outputFolder, stages: clock.stages,
            baseURL: settings.baseURL
        )
        // Freeing every page's values took 50 to 70 ms on one core after the build was done (10k pages):
        // a thread frees them while the report goes out.
        SiteBuilder.releaseInBackground((
            consume model, consume pages, consume context, consume taxonomy, consume jobs, consume checked, consume current,
            consume previous, consume pageLayouts
        ))
        return report
    }

    private static func releaseInBackground<Values: Sendable>(_ values: consuming Values) {
        Thread { [values] in withExtendedLifetime(values) {} }.start()
    }

    /// Every page's Markdown output, its body in `store`: rendered, or taken from the cache when the
    /// page's file is unchanged and its stored body is intact; and the warnings. Errors stop the build.
    private func renderMarkdown(
        model: SiteModel, loaded: LoadedSite, settings: SiteSettings, store: BodyStore,
        reusing reusable: [String: BuildCache.CachedPage], from earlierStore: BodyStore?
    ) throws(BuildFailure) -> ([BuildCache.CachedPage], [Diagnostic]) {
        let contentFiles = Set(loaded.staticFiles.filter { $0.origin == .content }.map(\.outputPath))
        let links = InternalLinks(model: model, contentFiles: contentFiles, checkPublishedURLs: options.qualityChecks)
        let markdown = MarkdownStage(model: model, links: links, data: loaded.data, qualityChecks: options.qualityChecks)
        let progress = ProgressCounter(stage: "markdown", total: model.pages.count, report: options.progress)
        // Each page's source is hashed once, for this lookup and for the cache this build leaves; a build
        // that writes nothing keeps no cache and hashes nothing.
        let results = parallelMap(Array(model.pages.indices)) { index -> Result<BuildCache.CachedPage, Diagnostic> in
            defer { progress.step() }
            let page = model.pages[index]
            let sourceHash = options.writeOutput ? ContentHash(page.source.file.text).value : 0
            if var cached = reusable[page.source.relativePath], cached.sourceHash == sourceHash, let earlierStore {
                let slot = earlierStore === store ? (store.holds(cached.body) ? cached.body : nil) : store.copy(cached.body, from: earlierStore)
                if let slot {
                    cached.body = slot
                    return .success(cached)
                }
            }
            let output = markdown.render(pageIndex: index)
            do throws(FileBytes.IOError) {
                let slot = try store.append(output.body)
                return .success(BuildCache.CachedPage(
                    sourceHash: sourceHash, body: slot, facts: output.facts, diagnostics: output.diagnostics, fragments: output.fragments
                ))
            } catch {
                return .failure(.error("cannot write \(store.path): \(error.message)"))
            }
        }
        let pages = results.compactMap { try? $0.get() }
        var diagnostics = results.flatMap { result in
            switch result {
            case .success(let page): page.diagnostics
            case .failure(let error): [error]
            }
        }
        // Without every page's output there is nothing more to check.
        if pages.count == results.count {
            diagnostics += loaded.data.staleFigureWarnings(now: options.now, maxAgeDays: settings.staleFigureDays)
            diagnostics += checkFragments(pages.flatMap(\.fragments), facts: pages.map(\.facts), model: model)
        }
        try stop(on: diagnostics)
        return (pages, diagnostics)
    }

    /// Where this build keeps its pages' bodies, and the store it may take unchanged pages' bodies from:
    /// the output folder's store, appended to, while it holds mostly bodies still in use; otherwise a
    /// new store, into which the bodies still in use are copied.
    private func openBodyStore(earlier id: UInt64?, bytesInUse: Int) throws(BuildFailure) -> (BodyStore, BodyStore?) {
        do throws(FileBytes.IOError) {
            guard options.writeOutput else { return (try BodyStore.temporary(), nil) }
            let earlier = id.flatMap { BodyStore.reopen(in: options.outputFolder, id: $0) }
            if let earlier, earlier.size <= 2 * bytesInUse + (1 << 20) {
                return (earlier, earlier)
            }
            return (try BodyStore.create(in: options.outputFolder), earlier)
        } catch {
            throw BuildFailure([.error("cannot write \(options.outputFolder.appendingPathComponent(BodyStore.pendingName).path): \(error.message)")])
        }
    }

    /// Everything besides the sources that changes the output.
    private var optionsKey: String {
        let day = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: options.now)
        return [
            options.source.standardizedFileURL.path, options.outputFolder.standardizedFileURL.path, options.baseURL ?? "",
            options.origin ?? "",
            "\(options.includeDrafts)", "\(day.year ?? 0)-\(day.month ?? 0)-\(day.day ?? 0)",
        ].joined(separator: "\u{1F}")
    }

    /// What every page's Markdown output depends on besides its own file.
    private func siteKey(loaded: LoadedSite, model: SiteModel) -> UInt64 {
        var key = Fingerprint()
        key.add(optionsKey)
        key.add(loaded.settingsText)
        for file in loaded.data.files.values.sorted(by: { $0.fileName < $1.fileName }) {
            key.add(file.fileName)
            key.add(file.file.text)
        }
        for page in model.pages {
            key.add(page.source.relativePath)
            key.add(page.route)
        }
        for file in loaded.staticFiles where file.origin == .content { key.add(file.outputPath) }
        return key.value
    }

    /// The report of a build that found nothing changed since the last one and an intact output folder.
    private func unchanged(since cache: BuildCache, writer: SiteWriter, clock: StageClock) -> BuildReport? {
        guard let text = try? String(contentsOf: options.outputFolder.appendingPathComponent(SiteWriter.manifestName), encoding: .utf8)
        else { return nil }
        let manifest = SiteWriter.Manifest(text: text)
        guard writer.isIntact(manifest) else { return nil }
        var summary = SiteWriter.Summary()
        summary.unchanged = manifest.entries.count
        var clock = clock
        clock.lap("nothing changed")
        return BuildReport(
            pages: cache.pageCount, files: manifest.entries.count, seconds: clock.stages[0].seconds, warnings: cache.warnings,
            writer: summary, output: options.outputFolder, stages: clock.stages, baseURL: cache.baseURL
        )
    }

    private func parse(_ files: [ContentFile], settings: SiteSettings) throws(BuildFailure) -> SiteModel {
        let parsed = parallelMap(files) { file -> Result<FrontMatter, BuildFailure> in
            do throws(BuildFailure) { return .success(try FrontMatter.parse(file.file)) } catch { return .failure(error) }
        }
        var errors: [Diagnostic] = []
        var pages: [(ContentFile, FrontMatter)] = []
        for (file, result) in zip(files, parsed) {
            switch result {
            case .success(let frontMatter): pages.append((file, frontMatter))
            case .failure(let failure): errors += failure.diagnostics
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        return try SiteModelBuilder(settings: settings, includeDrafts: options.includeDrafts).build(pages)
    }

    private func checkFragments(_ references: [FragmentReference], facts: [PageFacts], model: SiteModel) -> [Diagnostic] {
        references.compactMap { reference in
            guard !facts[reference.page].headingIDs.contains(reference.fragment),
                  !MarkdownStage.reservedIDs.contains(reference.fragment)
            else { return nil }
            let target = model.pages[reference.page].source.file.path
            let source = model.pages[reference.source]
            return source.source.file.diagnostic(
                .error, "link to '#\(reference.fragment)', but \(target) has no heading with that id",
                at: MarkdownPositions.location(of: reference.position, in: source)
            )
        }
    }

    private func stop(on diagnostics: [Diagnostic]) throws(BuildFailure) {
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw BuildFailure(SiteBuilder.ordered(diagnostics))
        }
    }

    /// Diagnostics sorted by file and position, each shown once.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }.sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case let (left?, right?): return left < right
            case (nil, _?): return true
            default: return false
            }
        }
    }
}

/// One file the template stage writes.
private enum OutputJob: Sendable {
    case page(Int, listPage: Int)
    case tags
    case tag(Int)
    case notFound

    static func all(model: SiteModel, taxonomy: Taxonomy) -> [OutputJob] {
        var jobs: [OutputJob] = []
        for (index, page) in model.pages.enumerated() {
            let listed = page.kind == .section ? model.sections[page.sectionFolder]?.pages.count ?? 0 : 0
            let listPages = max(1, (listed + model.settings.pageSize - 1) / model.settings.pageSize)
            jobs += (1...listPages).map { OutputJob.page(index, listPage: $0) }
        }
        if !taxonomy.tags.isEmpty {
            jobs.append(.tags)
            jobs += taxonomy.tags.indices.map(OutputJob.tag)
        }
        jobs.append(.notFound)
        return jobs
    }

    /// The layout, the context (without the page's body), the output path, and the page whose body the
    /// context still needs.
    func resolve(
        model: SiteModel, layouts: Layouts, pageLayouts: [String], context: TemplateContext
    ) throws(Diagnostic) -> (String, TemplateContext.Base, String, Int?) {
        switch self {
        case .page(let index, let listPage):
            let page = model.pages[index]
            let route = TemplateContext.route(of: page, listPage: listPage)
            return (pageLayouts[index], context.context(for: index, listPage: listPage), route + "index.html", index)
        case .tags:
            return (try layouts.required("tags"), context.tagsContext(), Taxonomy.route + "index.html", nil)
        case .tag(let index):
            let tag = context.taxonomy.tags[index]
            return (try layouts.required("tag"), context.tagContext(tag), Taxonomy.route(ofTag: tag.slug) + "index.html", nil)
        case .notFound:
            return ("404", context.notFoundContext(), "404.html", nil)
        }
    }
}
