import BriefingMarkdown
import BriefingSupport
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
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Runs the pipeline: load → parse → model → pages (each page's Markdown, then its template, on all
/// cores) → write. Each stage collects every error it finds and the build stops after the first stage
/// that found any, writing nothing.
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
        let loaded = try SiteLoader(root: options.source).load(scan)
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
        let model = try SiteModelBuilder(settings: settings, includeDrafts: options.includeDrafts).build(loaded.pages)
        let pageLayouts = try layouts.layouts(of: model)
        clock.lap("front matter and model")

        let previous = options.writeOutput ? try writer.prepare(siteRoot: options.source) : SiteWriter.Manifest()
        // A page whose file is unchanged, in a site whose settings, data and pages are unchanged, gives
        // the same Markdown output: the cache knows what it gave.
        let siteKey = siteKey(loaded: loaded, model: model)
        let reusable = cache?.siteKey == siteKey ? cache?.pages ?? [:] : [:]
        let markdown = markdownStage(model: model, loaded: loaded)
        let markdownStates = markdownStates(model: model, markdown: markdown, reusing: reusable)
        clock.lap("markdown that lists need first")

        let year = Calendar(identifier: .gregorian).component(.year, from: options.now)
        let taxonomy = Taxonomy(model: model)
        let context = TemplateContext(
            model: model, firstParagraphs: markdownStates.map { $0.record?.facts.firstParagraph ?? "" }, taxonomy: taxonomy,
            data: loaded.data.templateValue, year: year
        )
        let jobs = OutputJob.all(model: model, taxonomy: taxonomy)
        clock.lap("lists and related pages")
        let templatesKey = Layouts.fingerprint(loaded.templates)

        // Every file is rendered and checked before any reaches the output folder; files whose bytes
        // changed wait in a staging folder, the rest are not written at all. A page's Markdown is
        // rendered with its page, unless it was needed earlier or its output is unchanged.
        let staging = options.writeOutput ? try writer.openStaging() : nil
        // Made on the side while the pages render, rather than after them on one core.
        let siteFiles = Background { [model] in SiteFiles(model: model, taxonomy: taxonomy).render() }
        let progress = ProgressCounter(stage: "pages", total: jobs.count, report: options.progress)
        let rendered = parallelMap(jobs) { [model] job -> RenderedJob in
            defer { progress.step() }
            var made: BuildCache.CachedPage?
            do throws(Diagnostic) {
                let (layout, base, path, pageIndex) = try job.resolve(model: model, layouts: layouts, pageLayouts: pageLayouts, context: context)
                var body: PageBody?
                var fingerprint = Fingerprint()
                fingerprint.add(templatesKey)
                fingerprint.add(layout)
                fingerprint.add(context.fingerprint(of: base))
                if let pageIndex {
                    switch markdownStates[pageIndex] {
                    case .cached(let cached):
                        fingerprint.add(cached.bodyHash)
                    case .rendered(let early, let record):
                        body = early
                        fingerprint.add(record.bodyHash)
                    case .waiting(let sourceHash):
                        let (page, record) = markdown.render(pageIndex: pageIndex, sourceHash: sourceHash)
                        body = page
                        made = record
                        fingerprint.add(record.bodyHash)
                    }
                }
                // The same templates, layout, context and body give the same bytes: nothing to render.
                if let old = previous.entries[path], old.input == fingerprint.value, writer.isIntact(path, old) {
                    return RenderedJob(file: .success((path, old, false)), markdown: made)
                }
                // Consumed: the context's maps are then held once, and adding the body changes them in place.
                var value = (consume base).value
                if let pageIndex {
                    context.addBody(body ?? markdown.render(pageIndex: pageIndex).body, ofPage: pageIndex, to: &value)
                }
                let html = try layouts.render(layout, context: value)
                let entry = SiteWriter.Manifest.Entry(hash: ContentHash(html), size: html.count, input: fingerprint.value)
                let changed = writer.needsWrite(path, entry, previous: previous)
                if changed, let staging { try staging.write(html, to: path) }
                return RenderedJob(file: .success((path, entry, changed)), markdown: made)
            } catch {
                return RenderedJob(file: .failure(error), markdown: made)
            }
        }
        var records = markdownStates.map(\.record)
        for (job, result) in zip(jobs, rendered) {
            if case .page(let index, _) = job, let made = result.markdown { records[index] = made }
        }
        var diagnostics = checkMarkdown(records, model: model, loaded: loaded, settings: settings)
        var current = SiteWriter.Manifest()
        // Made to size: growing rehashed every path so far each time, on one core.
        current.entries.reserveCapacity(rendered.count + loaded.staticFiles.count + 3)
        var staged: [String] = []
        for result in rendered {
            switch result.file {
            case .success(let (path, entry, changed)):
                if current.entries.updateValue(entry, forKey: path) != nil {
                    diagnostics.append(.error("two outputs would be written to \(path); a page's URL collides with a list or tag page"))
                }
                if changed { staged.append(path) }
            case .failure(let error):
                diagnostics.append(error)
            }
        }
        let (siteFileTexts, siteFileWarnings) = siteFiles.result()
        diagnostics += siteFileWarnings
        var generated: [(path: String, bytes: [UInt8])] = siteFileTexts.map { ($0.path, Array($0.text.utf8)) }
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
        clock.lap("pages: Markdown, templates, staging")

        var summary = SiteWriter.Summary()
        if let staging {
            // The cache (8 MB at 10,000 pages) is written while the output moves into place. Every page has
            // its record once no error stopped the build; were one missing, no cache is better than a wrong one.
            let pages = records.compactMap { $0 }
            let cache = pages.count < model.pages.count ? nil : BuildCache(
                optionsKey: optionsKey, stamps: stamps, stampedAt: stampedAt, pageCount: model.pages.count,
                warnings: SiteBuilder.ordered(diagnostics), baseURL: settings.baseURL, siteKey: siteKey,
                pages: zip(model.pages, pages).map { ($0.source.relativePath, $1) }
            )
            let cacheWritten = Background { [outputFolder = options.outputFolder] in cache?.writePending(to: outputFolder) ?? false }
            do {
                try writer.commit(staging, staged)
                summary.removed = try writer.finish(previous: previous, current: current)
            } catch {
                if cacheWritten.result() { BuildCache.discardPending(in: options.outputFolder) }
                throw error
            }
            summary.written = staged.count
            summary.unchanged = current.entries.count - staged.count
            if cacheWritten.result() { BuildCache.commitPending(in: options.outputFolder) }
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
            consume model, consume markdownStates, consume records, consume context, consume taxonomy, consume jobs,
            consume rendered, consume current, consume previous, consume pageLayouts
        ))
        return report
    }

    private static func releaseInBackground<Values: Sendable>(_ values: consuming Values) {
        Thread { [values] in withExtendedLifetime(values) {} }.start()
    }

    /// The Markdown stage of this build: every page's Markdown goes through it, whenever it is rendered.
    private func markdownStage(model: SiteModel, loaded: LoadedSite) -> MarkdownStage {
        let contentFiles = Set(loaded.staticFiles.filter { $0.origin == .content }.map(\.outputPath))
        let links = InternalLinks(model: model, contentFiles: contentFiles, checkPublishedURLs: options.qualityChecks)
        return MarkdownStage(model: model, links: links, data: loaded.data, qualityChecks: options.qualityChecks)
    }

    /// Where each page's Markdown output comes from. Rendered now: pages whose file changed and whose
    /// output is needed before their own page renders, that is sections and the home page (whose body
    /// every page of their list shows) and pages without a summary (whose first paragraph is their
    /// excerpt in lists). The rest wait for their page, or are taken from the cache.
    private func markdownStates(
        model: SiteModel, markdown: MarkdownStage, reusing reusable: [String: BuildCache.CachedPage]
    ) -> [PageMarkdown] {
        let progress = ProgressCounter(stage: "markdown", total: model.pages.count, report: options.progress)
        // Each page's source is hashed once, for this lookup and for the cache this build leaves; a build
        // that writes nothing keeps no cache and hashes nothing.
        return parallelMap(Array(model.pages.indices)) { index -> PageMarkdown in
            defer { progress.step() }
            let page = model.pages[index]
            let sourceHash = options.writeOutput ? ContentHash(page.source.file.text).value : 0
            if let cached = reusable[page.source.relativePath], cached.sourceHash == sourceHash {
                return .cached(cached)
            }
            guard page.kind != .page || page.metadata.summary == nil else { return .waiting(sourceHash: sourceHash) }
            let (body, record) = markdown.render(pageIndex: index, sourceHash: sourceHash)
            return .rendered(body, record)
        }
    }

    /// The pages' Markdown warnings and errors, and the checks that need every page's output: links to
    /// headings of other pages, figures gone stale.
    private func checkMarkdown(
        _ records: [BuildCache.CachedPage?], model: SiteModel, loaded: LoadedSite, settings: SiteSettings
    ) -> [Diagnostic] {
        let pages = records.compactMap { $0 }
        var diagnostics = pages.flatMap(\.diagnostics)
        // Without every page's output there is nothing more to check: the build stops on the errors it has.
        guard pages.count == records.count else { return diagnostics }
        diagnostics += loaded.data.staleFigureWarnings(now: options.now, maxAgeDays: settings.staleFigureDays)
        diagnostics += checkFragments(pages.flatMap(\.fragments), facts: pages.map(\.facts), model: model)
        return diagnostics
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

    /// Tag pages first: each lists hundreds of pages, and one of them rendered last would keep one core
    /// busy while the other has nothing left to do.
    static func all(model: SiteModel, taxonomy: Taxonomy) -> [OutputJob] {
        var jobs: [OutputJob] = []
        if !taxonomy.tags.isEmpty {
            jobs += taxonomy.tags.indices.map(OutputJob.tag)
            jobs.append(.tags)
        }
        for index in model.pages.indices {
            let listed = model.pages[index].kind == .section ? model.sections[model.pages[index].sectionFolder]?.pages.count ?? 0 : 0
            let listPages = max(1, (listed + model.settings.pageSize - 1) / model.settings.pageSize)
            jobs += (1...listPages).map { OutputJob.page(index, listPage: $0) }
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

/// Where a page's Markdown output comes from in a build.
enum PageMarkdown: Sendable {
    /// The page's file is unchanged since the last build, whose cache knows what its Markdown gave; the
    /// body is made again only if the page's output must be rendered.
    case cached(BuildCache.CachedPage)
    /// Rendered before the lists were made.
    case rendered(PageBody, BuildCache.CachedPage)
    /// Rendered with its page.
    case waiting(sourceHash: UInt64)

    /// What the page's Markdown gave, when that is known before its page renders.
    var record: BuildCache.CachedPage? {
        switch self {
        case .cached(let record), .rendered(_, let record): record
        case .waiting: nil
        }
    }
}

/// What rendering one output job gave: its file, and the Markdown record of the page whose Markdown
/// waited for it.
private struct RenderedJob: Sendable {
    var file: Result<(String, SiteWriter.Manifest.Entry, Bool), Diagnostic>
    var markdown: BuildCache.CachedPage?
}
