import BriefingTemplates
import Foundation

public struct BuildOptions: Sendable {
    /// The site folder, holding Content/ and Templates/.
    public var source: URL
    /// Where the site is written; `Output/` in the site folder when nil.
    public var output: URL?
    /// Replaces site.yaml's baseURL, e.g. to publish the same site under a sub-path.
    public var baseURL: String?
    public var includeDrafts = false
    /// Build into an output folder that also holds files Briefing did not write.
    public var force = false
    /// When false the build checks everything and writes nothing (`briefing check`).
    public var writeOutput = true
    /// The build's clock, injected so that output with dates is reproducible in tests.
    public var now = Date()

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
        let loaded = try SiteLoader(root: options.source).load()
        var settings = loaded.settings
        if let override = options.baseURL {
            guard let baseURL = BaseURL(override) else {
                throw BuildFailure([.error("--base-url '\(override)' must be an http(s) URL or a path starting with '/'")])
            }
            settings.baseURL = baseURL
        }
        let layouts = try Layouts(loaded.templates)
        let model = try parse(loaded.pages, settings: settings)

        let contentFiles = Set(loaded.staticFiles.filter { $0.origin == .content }.map(\.outputPath))
        let markdown = MarkdownStage(model: model, links: InternalLinks(model: model, contentFiles: contentFiles), data: loaded.data)
        let rendered = parallelMap(Array(model.pages.indices)) { markdown.render(pageIndex: $0) }
        var diagnostics = rendered.flatMap(\.diagnostics)
        diagnostics += loaded.data.staleFigureWarnings(now: options.now, maxAgeDays: settings.staleFigureDays)
        diagnostics += checkFragments(rendered.flatMap(\.fragments), bodies: rendered.map(\.body), model: model)
        try stop(on: diagnostics)

        let year = Calendar(identifier: .gregorian).component(.year, from: options.now)
        let taxonomy = Taxonomy(model: model)
        let context = TemplateContext(model: model, bodies: rendered.map(\.body), taxonomy: taxonomy, data: loaded.data.templateValue, year: year)
        let jobs = OutputJob.all(model: model, taxonomy: taxonomy)
        let writer = SiteWriter(output: options.outputFolder, force: options.force)
        let staging = options.writeOutput ? try writer.prepare(siteRoot: options.source) : nil
        let results = parallelMap(jobs) { job -> Result<String, Diagnostic> in
            do throws(Diagnostic) {
                let (layout, value, path) = try job.resolve(model: model, layouts: layouts, context: context)
                let html = try layouts.render(layout, context: value)
                try staging?.write(Data(html.utf8), to: path)
                return .success(path)
            } catch {
                return .failure(error)
            }
        }
        var files: Set<String> = []
        for result in results {
            switch result {
            case .success(let path):
                if !files.insert(path).inserted {
                    diagnostics.append(.error("two outputs would be written to \(path); a page's URL collides with a list or tag page"))
                }
            case .failure(let error): diagnostics.append(error)
            }
        }
        let siteFiles = SiteFiles(model: model, taxonomy: taxonomy).render()
        diagnostics += siteFiles.warnings
        for (path, text) in siteFiles.files {
            do { try staging?.write(Data(text.utf8), to: path) } catch { diagnostics.append(error) }
            files.insert(path)
        }
        for file in loaded.staticFiles {
            let path = file.outputPath
            guard !files.contains(path) else {
                diagnostics.append(.error("'\(file.source.path)' would overwrite the page written to \(path)"))
                continue
            }
            do { try staging?.copy(file.source, to: path) } catch { diagnostics.append(error) }
            files.insert(path)
        }
        if diagnostics.contains(where: { $0.severity == .error }), let staging {
            writer.discard(staging)
        }
        try stop(on: diagnostics)
        var summary = SiteWriter.Summary()
        if let staging { summary = try writer.commit(staging, files: files) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return BuildReport(
            pages: model.pages.count, files: files.count, seconds: seconds,
            warnings: diagnostics, writer: summary, output: options.outputFolder
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

    private func checkFragments(_ references: [FragmentReference], bodies: [PageBody], model: SiteModel) -> [Diagnostic] {
        references.compactMap { reference in
            guard !bodies[reference.page].headingIDs.contains(reference.fragment),
                  !MarkdownStage.reservedIDs.contains(reference.fragment)
            else { return nil }
            let target = model.pages[reference.page].source.file.path
            return Diagnostic.error(
                "link to '#\(reference.fragment)', but \(target) has no heading with that id",
                at: reference.location,
                sourceLine: reference.sourceLine
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

    /// The layout, the context and the output path.
    func resolve(model: SiteModel, layouts: Layouts, context: TemplateContext) throws(Diagnostic) -> (String, TemplateValue, String) {
        switch self {
        case .page(let index, let listPage):
            let page = model.pages[index]
            let route = TemplateContext.route(of: page, listPage: listPage)
            return (try layouts.layout(for: page), context.context(for: index, listPage: listPage), route + "index.html")
        case .tags:
            return (try layouts.required("tags"), context.tagsContext(), Taxonomy.route + "index.html")
        case .tag(let index):
            let tag = context.taxonomy.tags[index]
            return (try layouts.required("tag"), context.tagContext(tag), Taxonomy.route(ofTag: tag.slug) + "index.html")
        case .notFound:
            return ("404", context.notFoundContext(), "404.html")
        }
    }
}
