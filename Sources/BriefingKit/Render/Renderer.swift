import BriefingSupport
import BriefingTemplates
import Foundation

/// The render stage: every file the router planned, made into bytes. Pages, list pages, tag pages and
/// the 404 page go through their layouts on all cores, each page's body made by the Markdown stage right
/// before its template unless it was needed earlier; the feed, the sitemap and robots.txt are made on
/// the side meanwhile; files beside the pages and the theme's assets are read as they are. Each file
/// goes to the render target (the write session of a build) as soon as it is made, so a build holds a few pages' HTML at a time.
struct Renderer {
    let model: SiteModel
    let theme: Theme
    let pageLayouts: [String]
    let markdown: MarkdownStage
    let context: TemplateContext
    /// Where files go; nil for `briefing check`, which renders everything and keeps nothing.
    let target: (any RenderTarget)?
    let progress: ProgressCounter
    /// The build's clock (`BuildOptions.now`).
    let now: Date
    let runaway = RunawayTemplate()

    struct Output: Sendable {
        var files: [OutputFile]
        /// Each page's Markdown record, by page index; nil where the page's Markdown failed.
        var records: [PageRecord?]
        var diagnostics: [Diagnostic]
    }

    func render(_ markdownStates: [PageMarkdown], templatesKey: UInt64) -> Output {
        let siteFiles = SiteFiles(context, now: now)
        let generated = Background { [model] in Renderer.generatedFiles(siteFiles, outputs: model.outputs) }
        let templated = model.outputs.filter(\.isTemplated)
        let rendered = parallelMap(templated) { output -> RenderedOutput in
            defer { progress.step() }
            return render(output, markdownStates: markdownStates, templatesKey: templatesKey)
        }
        var records = markdownStates.map(\.record)
        var output = Output(files: [], records: [], diagnostics: siteFiles.warnings)
        output.files.reserveCapacity(model.outputs.count)
        var failures: [(PlannedOutput, Diagnostic)] = []
        for (planned, result) in zip(templated, rendered) {
            if let made = result.markdown { records[made.page.index] = made.record }
            switch result.file {
            case .success(let file): output.files.append(file)
            case .failure(let error): failures.append((planned, error))
            }
        }
        output.diagnostics += naming(failures)
        let untemplated = untemplatedFiles(generated: generated.result())
        output.files += untemplated.files
        output.diagnostics += untemplated.diagnostics
        output.records = records
        return output
    }

    /// The errors of outputs that failed to render, in the plan's order, each once however many pages met
    /// it. A template's error on some pages only (a key one page's front matter lacks) says which: the
    /// first, and how many more.
    func naming(_ failures: [(output: PlannedOutput, error: Diagnostic)]) -> [Diagnostic] {
        Renderer.naming(failures.map { failure in (failure.error, { [model] in failure.output.kind.describe(in: model) }) })
    }

    /// The messages some pages met, each once; one about a template names the first page that met it, as
    /// `describe` says, and how many more did.
    static func naming(_ messages: [(message: Diagnostic, page: () -> String)]) -> [Diagnostic] {
        var pagesMeeting: [Diagnostic: (first: () -> String, count: Int)] = [:]
        var unique: [Diagnostic] = []
        for (message, page) in messages {
            if pagesMeeting[message] == nil { unique.append(message) }
            pagesMeeting[message, default: (page, 0)].count += 1
        }
        return unique.map { message in
            guard message.location?.path.hasPrefix("Templates/") == true, let (first, count) = pagesMeeting[message] else { return message }
            var named = message
            let others = count - 1
            named.message += " (rendering \(first())\(others == 0 ? "" : ", and \(others) other page\(others == 1 ? "" : "s")"))"
            return named
        }
    }

    /// The generated files (`generated`, made by `generatedFiles`) and the copied ones, into the target.
    /// Copied files are read one at a time, each let go once staged: read all first, a site's videos and
    /// PDFs were in memory together (four files of 300 MB: 1.2 GB).
    /// Without `copying`, only the generated files.
    func untemplatedFiles(generated: [(OutputPath, [UInt8])]? = nil, copying: Bool = true) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        func stage(_ contents: [UInt8], at path: OutputPath) {
            let entry = SiteWriter.Manifest.Entry(hash: ContentHash(contents), size: contents.count)
            do throws(Diagnostic) {
                files.append(try target?.stage(contents, at: path, entry) ?? OutputFile(path: path, entry: entry, staged: false))
            } catch {
                diagnostics.append(error)
            }
        }
        for (path, contents) in generated ?? Renderer.generatedFiles(SiteFiles(context, now: now), outputs: model.outputs) {
            stage(contents, at: path)
        }
        for planned in model.outputs where copying {
            guard case .copy(let file) = planned.kind else { continue }
            do throws(FileBytes.IOError) {
                stage(try FileBytes.read(file.source.path), at: planned.path)
            } catch {
                diagnostics.append(.error("cannot read the file: \(error.message)", at: SourceLocation(path: file.displayPath, line: 1, column: 1)))
            }
        }
        return (files, diagnostics)
    }

    /// One templated output: rendered, or taken as the last build left it when nothing it is made from
    /// changed. `serve` calls it a page at a time.
    func render(_ planned: PlannedOutput, markdownStates: [PageMarkdown], templatesKey: UInt64) -> RenderedOutput {
        var made: (page: PageID, record: PageRecord)?
        do throws(Diagnostic) {
            let (layout, base, pageID, language) = try resolve(planned)
            var body: PageBody?
            var fingerprint = Fingerprint()
            fingerprint.add(templatesKey)
            fingerprint.add(layout)
            fingerprint.add(context.fingerprint(of: base))
            if let pageID {
                switch markdownStates[pageID.index] {
                case .reused(let record):
                    fingerprint.add(record.bodyHash)
                case .rendered(let early, let record):
                    body = early
                    fingerprint.add(record.bodyHash)
                case .waiting:
                    let output = markdown.render(pageID)
                    body = output.body
                    made = (pageID, output.record)
                    fingerprint.add(output.record.bodyHash)
                }
            }
            // The same templates, layout, context and body give the same bytes: nothing to render.
            if let entry = target?.reusable(planned.path, input: fingerprint.value) {
                return RenderedOutput(file: .success(OutputFile(path: planned.path, entry: entry, staged: false)), markdown: made)
            }
            // Consumed: the context's maps are then held once, and adding the body changes them in place.
            var value = (consume base).value
            if let pageID { context.addBody(body ?? markdown.render(pageID).body, ofPage: pageID, to: &value) }
            let html = try theme.render(layout, context: value, language: language, runaway: runaway)
            let entry = SiteWriter.Manifest.Entry(hash: ContentHash(html), size: html.count, input: fingerprint.value)
            let file = try target?.stage(html, at: planned.path, entry) ?? OutputFile(path: planned.path, entry: entry, staged: false)
            return RenderedOutput(file: .success(file), markdown: made)
        } catch {
            return RenderedOutput(file: .failure(error), markdown: made)
        }
    }

    /// The layout, the context without the page's body, the page whose body the context still needs, and
    /// the language of the output.
    private func resolve(_ planned: PlannedOutput) throws(Diagnostic) -> (String, TemplateContext.Base, PageID?, language: Int) {
        switch planned.kind {
        case .page(let id, let listPage): (pageLayouts[id.index], context.context(for: id, listPage: listPage), id, model[id].language)
        case .tags(let language): (try theme.required("tags", for: Theme.tagPages), context.tagsContext(language: language), nil, language)
        case .tag(let number):
            (try theme.required("tag", for: Theme.tagPages), context.tagContext(model.taxonomy.tags[number]), nil, model.taxonomy.tags[number].language)
        case .notFound(let language): ("404", context.notFoundContext(language: language), nil, language)
        case .languageRoot:
            (try theme.required(
                "language-root", for: "the default language has a prefix of its own, and the site's root is this layout's page",
                at: model.settings.languages[0].prefixLocation, sourceLine: model.settings.languages[0].prefixLine
            ), context.languageRootContext(), nil, 0)
        case .alias(let id, let number):
            (try redirectLayout(model[id].metadata.aliases[number], of: id), context.redirectContext(to: id), nil, model[id].language)
        case .feed, .sitemap, .sitemapPart, .robots, .copy: preconditionFailure("\(planned.path) is not made from a template")
        }
    }

    /// A theme from before aliases has no layout for them: an error at the alias.
    private func redirectLayout(_ alias: PageAlias, of id: PageID) throws(Diagnostic) -> String {
        try theme.required(
            "redirect", for: "a page lists 'aliases', and each alias is published as this layout's page, which leads to the page",
            at: alias.location, sourceLine: model[id].source.file.line(alias.location.line)
        )
    }

    static func generatedFiles(_ files: SiteFiles, outputs: [PlannedOutput]) -> [(OutputPath, [UInt8])] {
        // `sitemap.xml` and its parts, from one list of the site's addresses.
        let sitemapParts = outputs.count { if case .sitemapPart = $0.kind { true } else { false } }
        let sitemaps = outputs.contains { if case .sitemap = $0.kind { true } else { false } } ? files.sitemaps(parts: sitemapParts) : []
        return outputs.compactMap { planned in
            switch planned.kind {
            case .feed(let language): (planned.path, Array(files.feed(language: language).utf8))
            case .sitemap: (planned.path, Array(sitemaps[0].utf8))
            case .sitemapPart(let part): (planned.path, Array(sitemaps[part].utf8))
            case .robots: (planned.path, Array(files.robots().utf8))
            default: nil
            }
        }
    }
}

/// A file the render stage made: where it goes, its manifest entry, and whether its bytes wait in the
/// staging folder (they do not when the file on disk already has them).
struct OutputFile: Sendable {
    var path: OutputPath
    var entry: SiteWriter.Manifest.Entry
    var staged: Bool
}

/// What rendering one templated output gave: its file, and the Markdown record of the page whose
/// Markdown waited for it.
struct RenderedOutput: Sendable {
    var file: Result<OutputFile, Diagnostic>
    var markdown: (page: PageID, record: PageRecord)?
}

extension PlannedOutput {
    /// Made by a layout, rather than generated or copied.
    var isTemplated: Bool {
        switch kind {
        case .page, .alias, .tags, .tag, .notFound, .languageRoot: true
        case .feed, .sitemap, .sitemapPart, .robots, .copy: false
        }
    }
}
