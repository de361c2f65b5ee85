import BriefingSupport
import Foundation

/// `briefing serve`'s pipeline: the build's stages, kept warm between edits. It holds what the last
/// update loaded and made (each page's file and Markdown record, every rendered file) and, on the next
/// one, reads again only the files whose size or modification time changed, makes the Markdown of only
/// the pages whose text or site changed, and renders only the outputs whose fingerprint changed, the
/// pages a browser has open first. Nothing is written to disk.
///
/// `@unchecked Sendable`: `update` is called from one queue at a time (the server's build queue), and
/// only it touches the stored state.
public final class SitePreview: @unchecked Sendable {
    public let options: BuildOptions
    /// Each page as last loaded, by path relative to Content/.
    private var pages: [String: LoadedPage] = [:]
    /// When the last load started, in microseconds since 1970.
    private var loadStarted = 0
    /// Each page's Markdown record, with the text and site key it was made from.
    private var records: [String: (text: String, record: PageRecord)] = [:]
    private var siteKey: UInt64 = 0
    /// The pages the last update made from files, by path, with the text of site.yaml they were made
    /// with: a page is made from its file and the settings alone.
    private var madePages: [String: Page] = [:]
    private var madeWithSettings = ""
    private var taxonomy: (key: UInt64, taxonomy: Taxonomy)?
    /// The version last made, whose files the next one may take.
    private var latest: PreviewVersion?
    /// What the last update made before rendering, which an edit of page bodies or of layouts alone takes
    /// whole (see `WarmSite.change(to:otherStamps:day:)`).
    private var warm: WarmSite?
    /// The stamp of the checkout (`FileDates.checkoutStamp`) taken before `warm` was made: undated pages
    /// are dated by their last commits, and a commit, a reset or a deeper fetch changes it.
    private var warmCheckout = ""
    /// Found once, with one git process; nil when Content/ was in no checkout when serve started.
    private lazy var checkoutStamp = FileDates.checkoutStamp(of: options.source.appendingPathComponent("Content"))
    /// Whether the last update failed: the files it was told of are still as it found them, so the next
    /// update, told only of its own, loads the whole site.
    private var lastFailed = false

    /// `options.output` is ignored: a preview writes nothing.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// A new version of the site from the files on disk, with the files at `firstPaths` (relative to the
    /// site's root: `notes/first/index.html`) already rendered. The first update renders every file, as a
    /// build does; later ones leave the rest to `PreviewVersion.renderRemaining`. `changed`: the files
    /// (absolute paths) changed since the last update, when the caller knows them all; then an edit of
    /// pages or templates the last update read is read alone, without scanning the site. Throws the
    /// errors of every stage a build would stop at, and of the pages rendered here.
    public func update(rendering firstPaths: [String], changed: Set<String>? = nil) throws(BuildFailure) -> (version: PreviewVersion, report: BuildReport) {
        var options = options
        options.now = Date()
        var clock = StageClock()
        var succeeded = false
        let loadsWhole = lastFailed
        defer { lastFailed = !succeeded }
        let loaded: LoadedSite
        let otherStamps: [FileStamp]
        // Pages whose files changed, their texts or not: an undated page is dated by its file.
        let touched: Set<String>
        if let changed, !loadsWhole, let warm, let reloaded = reloading(changed, from: warm.loaded) {
            loaded = reloaded.site
            touched = reloaded.pages
            otherStamps = warm.otherStamps
        } else {
            let started = Int(Date().timeIntervalSince1970 * 1_000_000)
            let scan = SiteScan(root: options.source)
            // A file changed in the same clock tick as the last load read it may keep its stamp: only files
            // last modified a second or more before that load are trusted unread (as git does).
            let trusted = pages.filter { $0.value.stamp.modified < loadStarted - 1_000_000 }
            loaded = try SiteLoader(root: options.source).load(scan, unchanged: trusted)
            let stamps = Dictionary(scan.content.map { ($0.relativePath, LoadedPage.Stamp(size: $0.size, modified: $0.modified)) }) { first, _ in first }
            touched = Set(pages.compactMap { path, page in stamps[path] == page.stamp ? nil : path })
            pages = Dictionary(loaded.pages.compactMap { page in
                stamps[page.relativePath].map { (page.relativePath, LoadedPage(stamp: $0, file: page.file)) }
            }) { first, _ in first }
            loadStarted = started
            otherStamps = WarmSite.otherStamps(scan)
        }
        clock.lap("load")

        let day = FileDates.pageDate(options.now)?.day10 ?? ""
        let first = latest == nil
        let site: WarmSite
        // Undated pages are dated by their last commits: another commit makes the site again. Asked with
        // `stat` before anything is made, rather than of git, on every edit.
        let checkout = checkoutStamp?() ?? ""
        let redated = warm?.model.datesCheckout != nil && checkout != warmCheckout
        // A page held back for its date that is due now joins the site, as a build would take it.
        let due = warm?.model.nextRelease.map { PageDate.hasPassed($0, at: options.now) } ?? false
        let change = redated || due ? nil : warm?.change(to: loaded, otherStamps: otherStamps, day: day, touched: touched)
        switch (warm, change) {
        case (let warm?, .bodies(let edits)?):
            site = warm.applying(edits, loaded: loaded)
            clock.lap("markdown of the edited pages")
        case (let warm?, .layouts?):
            site = try warm.applyingLayouts(loaded: loaded)
            clock.lap("theme")
        default:
            site = try make(loaded, otherStamps: otherStamps, day: day, options: options, first: first, clock: &clock)
        }
        let model = site.model
        // The feed and the sitemap need only the model and first paragraphs: made on the other core meanwhile.
        let generated = first || change != nil ? nil : Background { [context = site.context, now = options.now] in
            Renderer.generatedFiles(SiteFiles(context, now: now), outputs: context.model.outputs)
        }

        let files = PreviewFiles(previous: latest.map { $0.files.handOn(complete: $0.isComplete) } ?? [:])
        let renderer = Renderer(
            model: model, theme: site.theme, pageLayouts: site.pageLayouts, markdown: site.markdown, context: site.context, target: files,
            progress: progress("pages", model.outputs.count { $0.isTemplated }), now: options.now
        )
        var states = site.states
        var diagnostics: [Diagnostic]
        if first {
            let rendered = renderer.render(states, templatesKey: site.templatesKey)
            states = rendered.records.map { $0.map(PageMarkdown.reused) ?? .waiting }
            diagnostics = rendered.diagnostics + SiteChecks(model: model, data: loaded.data, options: options).run(rendered.records)
        } else {
            // Templates change no feed, sitemap or copied file: the last version's are this one's. Page bodies
            // change none but the feeds, whose entries without a summary show their first paragraph.
            let isFeed = { (output: PlannedOutput) in if case .feed = output.kind { true } else { false } }
            let feeds = model.outputs.filter(isFeed)
            let untemplated = change != nil && files.carry(model.outputs.filter { !$0.isTemplated && !isFeed($0) }.map(\.path))
                ? renderer.untemplatedFiles(generated: Renderer.generatedFiles(SiteFiles(site.context, now: options.now), outputs: feeds), copying: false)
                : renderer.untemplatedFiles(generated: generated?.result())
            diagnostics = SiteFiles(site.context, now: options.now).warnings + untemplated.diagnostics
                + SiteChecks(model: model, data: loaded.data, options: options).run(states.lazy.map(\.record))
        }
        switch change {
        case .bodies(let edits)?: remember(states, of: model, pages: edits.map(\.id))
        case .layouts?: break
        case nil: remember(states, of: model, siteKey: site.siteKey)
        }
        diagnostics = SiteBuilder.ordered(diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics) }
        clock.lap(first ? "pages" : "generated files and checks")

        let version = PreviewVersion(
            baseURL: model.settings.baseURL, files: files, model: model, sameOutputsAs: change != nil ? latest : nil, renderer: renderer, states: states,
            templatesKey: site.templatesKey, complete: first
        )
        latest?.stop()
        latest = version
        warmCheckout = checkout
        warm = WarmSite(
            loaded: loaded, otherStamps: otherStamps, model: model, theme: site.theme, pageLayouts: site.pageLayouts,
            templatesKey: site.templatesKey, markdown: site.markdown, siteKey: site.siteKey, states: states, context: site.context, day: day
        )
        for path in firstPaths {
            guard case .failure(let failure)? = version.contents(at: path) else { continue }
            // Every page the error meets, named as the build names them ("and 67 other pages"): the
            // rest render only when a page open fails, which the build would have rendered to say so.
            let errors = version.renderRemaining()
            throw errors.isEmpty ? failure : BuildFailure(errors)
        }
        clock.lap("pages open in a browser")
        succeeded = true
        // Nothing is written: `output` is where the site is served.
        let report = BuildReport(
            pages: model.pages.count, files: model.outputs.count, seconds: clock.total, warnings: diagnostics, writer: SiteWriter.Summary(),
            output: URL(string: model.settings.baseURL.description) ?? options.source, stages: clock.stages, baseURL: model.settings.baseURL
        )
        return (version, report)
    }

    /// The site made from what was loaded: assembled (unchanged pages and the taxonomy taken from the last
    /// update), themed, and each page's Markdown record made or taken from the last update. On the first
    /// update, records wait for their pages, which all render then.
    private func make(
        _ loaded: LoadedSite, otherStamps: [FileStamp], day: String, options: BuildOptions, first: Bool, clock: inout StageClock
    ) throws(BuildFailure) -> WarmSite {
        let model = try SiteAssembler(options: options).assemble(
            loaded, reusing: SiteAssembler.Earlier(pages: loaded.settingsText == madeWithSettings ? madePages : [:], taxonomy: taxonomy)
        )
        taxonomy = (Taxonomy.key(of: model), model.taxonomy)
        // Pages the assembler made up (a section without `_index.md`) have no file and no text.
        madePages = Dictionary(model.pages.lazy.filter { !$0.source.file.text.isEmpty }.map { ($0.source.relativePath, $0) }) { first, _ in first }
        madeWithSettings = loaded.settingsText
        clock.lap("assemble")
        let theme = try Theme(loaded.templates, languages: model.settings.languages, pageBytes: model.settings.maxPageBytes)
        let pageLayouts = try theme.layouts(of: model)
        clock.lap("theme")

        let markdown = MarkdownStage(model: model, loaded: loaded, theme: theme.html, options: options)
        let scanKey = BuildReuse.siteKey(loaded: loaded, model: model, optionsKey: BuildReuse.optionsKey(options), stamps: otherStamps)
        let known = scanKey == siteKey ? records : [:]
        let reusable: @Sendable (PageID) -> PageRecord? = { id in
            // Not `model[id]`: a copy of a page is a retain for each of its fields.
            guard let old = known[model.pages[id.index].source.relativePath], old.text == model.pages[id.index].source.file.text else { return nil }
            return old.record
        }
        var states = markdown.prepare(reusing: reusable, progress: progress("markdown", model.pages.count))
        if !first {
            // Every page's record now, so that the site's checks run before anything is shown; bodies are
            // made again by the pages that render, so none is held here.
            states = parallelMap(Array(zip(model.pageIDs, states))) { id, state -> PageMarkdown in
                if let record = state.record { return .reused(record) }
                return .reused(markdown.render(id).record)
            }
        }
        clock.lap("markdown")
        let context = TemplateContext(model: model, states: states, loaded: loaded, options: options, theme: theme.html)
        clock.lap("template context")
        return WarmSite(
            loaded: loaded, otherStamps: otherStamps, model: model, theme: theme, pageLayouts: pageLayouts,
            templatesKey: Theme.fingerprint(loaded.templates), markdown: markdown, siteKey: scanKey, states: states, context: context, day: day
        )
    }

    /// The last load with the files at `changed` read again, when each is a page or a template that load
    /// read and is still a regular file within the size limit: the usual save. A file that load did not
    /// know and that is gone again (an editor's temporary file, renamed over the page) changes nothing.
    /// Nil for anything else (a new, deleted or renamed file, site.yaml, data, an image), and the site is
    /// scanned and loaded whole.
    private func reloading(_ changed: Set<String>, from last: LoadedSite) -> (site: LoadedSite, pages: Set<String>)? {
        let content = options.source.appendingPathComponent("Content").path + "/"
        let templates = options.source.appendingPathComponent("Templates").path + "/"
        var loaded = last
        var reread: [String: LoadedPage] = [:]
        for path in changed {
            let (folder, relative): (StaticFile.Origin, String)
            if path.hasPrefix(content) {
                (folder, relative) = (.content, String(path.dropFirst(content.count)))
            } else if path.hasPrefix(templates) {
                (folder, relative) = (.theme, String(path.dropFirst(templates.count)))
            } else {
                return nil
            }
            let page = folder == .content ? loaded.pages.firstIndex { $0.relativePath == relative } : nil
            let template = folder == .theme ? loaded.templates.firstIndex { $0.file.path == "Templates/" + relative } : nil
            guard let stamp = FolderScan.stamp(ofRegularFile: path) else {
                let known = page != nil || template != nil || (folder == .content && (relative == "site.yaml" || relative.hasPrefix("data/")))
                    || loaded.staticFiles.contains { $0.origin == folder && $0.relativePath == relative }
                // What is there and is no file (a link, a folder) is read as a build reads it, with the whole
                // site; what is gone mattered only if the site had it.
                var status = stat()
                if known || lstat(path, &status) == 0 { return nil }
                continue
            }
            guard stamp.size <= last.settings.maxPageBytes else { return nil }
            var errors: [Diagnostic] = []
            if let page, let file = SiteLoader.read(path, display: "Content/" + relative, errors: &errors) {
                loaded.pages[page].file = file
                reread[relative] = LoadedPage(stamp: stamp, file: file)
            } else if let template, let file = SiteLoader.read(path, display: "Templates/" + relative, errors: &errors) {
                loaded.templates[template].file = file
            } else {
                return nil
            }
        }
        pages.merge(reread) { _, new in new }
        return (loaded, Set(reread.keys))
    }

    /// The records of these pages, made again by an edit of their bodies: the rest are as remembered.
    private func remember(_ states: [PageMarkdown], of model: SiteModel, pages: [PageID]) {
        for id in pages {
            guard let record = states[id.index].record else { continue }
            records[model[id].source.relativePath] = (model[id].source.file.text, record)
        }
    }

    /// The records the next update may reuse, for pages whose text and site are unchanged.
    private func remember(_ states: [PageMarkdown], of model: SiteModel, siteKey: UInt64) {
        var records: [String: (text: String, record: PageRecord)] = [:]
        records.reserveCapacity(states.count)
        for (index, state) in zip(model.pages.indices, states) {
            guard let record = state.record else { continue }
            records[model.pages[index].source.relativePath] = (model.pages[index].source.file.text, record)
        }
        self.records = records
        self.siteKey = siteKey
    }

    private func progress(_ stage: String, _ total: Int) -> ProgressCounter {
        ProgressCounter(stage: stage, total: total, report: options.progress)
    }
}
