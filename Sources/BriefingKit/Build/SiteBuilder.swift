import BriefingSupport
import Foundation

/// Runs the pipeline: load → assemble → theme → Markdown → render → write. Each stage hands the next
/// a value; each collects every error it finds, and the build stops after the first stage that found
/// any, writing nothing. `BuildReuse` is consulted for what the last build already made.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(BuildFailure) -> BuildReport {
        var clock = StageClock()
        let scan = SiteScan(root: options.source)
        let reuse = BuildReuse(options: options, scan: scan)
        let writer = SiteWriter(output: options.outputFolder, force: options.force)
        try SiteLoader(root: options.source).checkFolders()
        // Only `serve` sets an origin: its `--write` builds go where it holds the folder.
        let claim = options.writeOutput ? try writer.claim(siteRoot: options.source, forPreview: options.origin != nil) : nil
        if let claim {
            let outputExisted = claim.outputExisted
            BuildInterruption.staging { writer.discard(outputExisted: outputExisted) }
        }
        if claim != nil, let report = reuse.unchangedReport(writer: writer, clock: clock) { return report }

        // An output folder the build may not write into stops it, but only after the site's own mistakes
        // are found too, whichever stage finds them: the pages render without a target, as `check`
        // renders them, so that one run lists all.
        let (session, refusal) = Self.open(writer, claim)
        let loaded: LoadedSite, model: SiteModel, theme: Theme, pageLayouts: [String]
        do {
            loaded = try SiteLoader(root: options.source).load(scan)
            clock.lap("load")
            model = try SiteAssembler(options: options).assemble(loaded)
            theme = try Theme(loaded.templates, languages: model.settings.languages, pageBytes: model.settings.maxPageBytes)
            pageLayouts = try theme.layouts(of: model)
            clock.lap("assemble")
        } catch {
            session?.discard()
            throw BuildFailure((refusal?.diagnostics ?? []) + error.diagnostics)
        }

        // The Markdown stage's lookups (every output path, every page's folder) are made while the reuse
        // layer hashes the sources: each holds one core for about 10 ms at 10,000 pages.
        let makingMarkdown = Background { [options] in MarkdownStage(model: model, loaded: loaded, theme: theme.html, options: options) }
        let markdownReuse = reuse.markdown(of: model, loaded: loaded)
        let markdown = makingMarkdown.result()
        let states = markdown.prepare(reusing: markdownReuse.record(for:), progress: progress("markdown", model.pages.count))
        let context = TemplateContext(model: model, states: states, loaded: loaded, options: options, theme: theme.html)
        clock.lap("markdown that lists need first")

        let renderer = Renderer(
            model: model, theme: theme, pageLayouts: pageLayouts, markdown: markdown, context: context, target: session,
            progress: progress("pages", model.outputs.count { $0.isTemplated }), now: options.now
        )
        let rendered = renderer.render(states, templatesKey: Theme.fingerprint(loaded.templates))
        let diagnostics = try check(rendered, model: model, data: loaded.data, theme: theme, refusal: refusal, discarding: session)
        clock.lap("pages: Markdown, templates, staging")

        let summary = try session.map { session throws(BuildFailure) in
            try write(rendered, into: session, caching: reuse.save(markdownReuse, records: rendered.records, model: model, warnings: diagnostics), reuse)
        } ?? SiteWriter.Summary()
        clock.lap("write")
        let report = BuildReport(
            pages: model.pages.count, files: rendered.files.count, seconds: clock.total, warnings: diagnostics + summary.warnings, writer: summary,
            output: options.outputFolder, stages: clock.stages, baseURL: model.settings.baseURL
        )
        // Freeing every page's values took 50 to 70 ms on one core after the build was done (10k pages):
        // a thread frees them while the report goes out. Everything that holds them goes, or the last
        // holder (the renderer, the loaded files) would free them here.
        SiteBuilder.releaseInBackground((
            consume model, consume states, consume context, consume rendered, consume pageLayouts,
            consume renderer, consume markdown, consume makingMarkdown, consume theme, consume loaded, consume markdownReuse
        ))
        return report
    }

    private static func open(_ writer: SiteWriter, _ claim: OutputClaim?) -> (WriteSession?, BuildFailure?) {
        guard let claim else { return (nil, nil) }
        do {
            return (try writer.openSession(claim), nil)
        } catch {
            return (nil, error)
        }
    }

    /// Every warning and error of the build in order; the build stops, its staged files thrown away, on an
    /// error, or where the output folder refused it (`refusal`).
    private func check(
        _ rendered: Renderer.Output, model: SiteModel, data: SiteData, theme: Theme, refusal: BuildFailure?,
        discarding session: WriteSession?
    ) throws(BuildFailure) -> [Diagnostic] {
        let checks = SiteChecks(model: model, data: data, options: options).run(rendered.records)
        let diagnostics = SiteBuilder.ordered(
            (refusal?.diagnostics ?? []) + model.diagnostics + theme.unusedLayoutFolders(of: model) + theme.unnamedTags(of: model)
                + rendered.diagnostics + checks
        )
        if refusal != nil || diagnostics.contains(where: { $0.severity == .error }) {
            session?.discard()
            throw BuildFailure(diagnostics)
        }
        return diagnostics
    }

    /// The write stage, with the cache this build leaves put in place only once the site is.
    private func write(
        _ rendered: Renderer.Output, into session: WriteSession, caching cache: Background<Bool>, _ reuse: BuildReuse
    ) throws(BuildFailure) -> SiteWriter.Summary {
        BuildInterruption.committing()
        defer { BuildInterruption.committed() }
        do {
            let summary = try session.apply(rendered.files)
            // A file kept since someone changed it is someone else's from now on: the next build must look at the
            // output folder and stop at it, as the warning says, which a build with nothing to do would not.
            if summary.warnings.isEmpty { reuse.keep(cache) } else { reuse.drop(cache) }
            return summary
        } catch {
            reuse.drop(cache)
            throw error
        }
    }

    private func progress(_ stage: String, _ total: Int) -> ProgressCounter {
        ProgressCounter(stage: stage, total: total, report: options.progress)
    }

    private static func releaseInBackground<Values: Sendable>(_ values: consuming Values) {
        Thread { [values] in withExtendedLifetime(values) {} }.start()
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
