import BriefingSupport
import Foundation

/// The assemble stage: the loaded site's front matter read into pages, which it orders, groups into
/// sections and tags, and routes. Its output, the `SiteModel`, is what every later stage reads.
struct SiteAssembler {
    var baseURL: String?
    var origin: String?
    var includeDrafts = false
    var includeFuture = false
    var now: Date
    /// The folder holding Content/, whose files date undated pages; nil for pages that have no file.
    var siteRoot: URL?
    var qualityChecks: Bool

    init(options: BuildOptions) {
        baseURL = options.baseURL
        origin = options.origin
        includeDrafts = options.includeDrafts
        includeFuture = options.includeFuture
        now = options.now
        siteRoot = options.source
        qualityChecks = options.qualityChecks
    }

    /// What an assembly may take from an earlier one (`serve` passes its last update's): pages made from
    /// the same settings, by path, each taken when its file has the same text; and a taxonomy, taken
    /// when its key (`Taxonomy.key`) is the model's.
    struct Earlier {
        var pages: [String: Page] = [:]
        var taxonomy: (key: UInt64, taxonomy: Taxonomy)?
    }

    func assemble(_ loaded: LoadedSite, reusing earlier: Earlier = Earlier()) throws(BuildFailure) -> SiteModel {
        let settings = try self.settings(loaded.settings)
        var model = try PageAssembler(settings: settings, includeDrafts: includeDrafts, includeFuture: includeFuture, now: now, siteRoot: siteRoot, qualityChecks: qualityChecks)
            .build(loaded.pages, reusing: earlier.pages)
        if let (key, taxonomy) = earlier.taxonomy, key == Taxonomy.key(of: model) {
            model.taxonomy = taxonomy
        } else {
            model.taxonomy = Taxonomy(model: model)
        }
        model.diagnostics += model.taxonomy.mergedWarnings(in: model)
        model.outputs = try model.router.plan(model, staticFiles: loaded.staticFiles)
        return model
    }

    /// site.yaml's settings with the command line's base URL or origin in place of its own.
    private func settings(_ loaded: SiteSettings) throws(BuildFailure) -> SiteSettings {
        var settings = loaded
        if let baseURL {
            // An unset variable in a deploy script (`--base-url "$BASE_URL"`) published the site at `/`.
            guard !baseURL.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw BuildFailure([.error("--base-url is empty: give the address the site is published at, like https://example.org/briefings/, or leave the option out to use site.yaml's baseURL")])
            }
            guard let parsed = BaseURL(baseURL) else {
                throw BuildFailure([.error(BaseURL.refusal("--base-url '\(baseURL)'", baseURL))])
            }
            if let name = BaseURL.fileName(in: baseURL) { throw BuildFailure([.error(BaseURL.fileNameMessage("--base-url", baseURL, name: name))]) }
            settings.baseURL = parsed
            // Messages about it are about the command line, not site.yaml.
            settings.baseURLLocation = nil
            settings.baseURLFromCommandLine = true
        }
        if let origin {
            guard let parsed = BaseURL(origin + settings.baseURL.path) else {
                throw BuildFailure([.error("origin '\(origin)' must be an http(s) address like http://127.0.0.1:1313")])
            }
            settings.baseURL = parsed
        }
        return settings
    }
}

/// The pages of the model from their files: front matter, routes, sections, order, and the checks that
/// need the whole site.
struct PageAssembler {
    let settings: SiteSettings
    let includeDrafts: Bool
    var includeFuture = false
    var now = Date()
    /// Where undated pages' files are looked up for a date; none are dated without it.
    var siteRoot: URL?
    /// `briefing check`: also say which pages were dated from their files.
    var qualityChecks = false

    func build(_ files: [ContentFile], reusing earlier: [String: Page] = [:]) throws(BuildFailure) -> SiteModel {
        var errors: [Diagnostic] = []
        // Chunked as the model keeps them: built here, the pages are never copied into it.
        var pages = ChunkedArray<Page>()
        var leftOut: [String: LeftOutPage] = [:]
        // Each page depends only on its own file, so its front matter is read and it is made on all cores.
        let builder = self
        let latestDay = PageAssembler.latestDay(now)
        var made = parallelMap(files) { file -> Made? in
            // A page is made from its file and the settings alone; its warnings come with it.
            if var page = earlier[file.relativePath], !page.isStandIn, page.source.file.text == file.file.text {
                // An undated page is dated by its file below, again: a touch or a commit may have changed that.
                if page.kind == .page, page.metadata.locations["date"] == nil { page.metadata.date = nil }
                return .page(page)
            }
            let frontMatter: FrontMatter
            do throws(BuildFailure) { frontMatter = try FrontMatter.parse(file.file) } catch { return builder.standIn(for: file, failure: error) }
            guard !frontMatter.metadata.draft || builder.includeDrafts else { return .leftOut(.draft, nil) }
            var warnings = frontMatter.warnings
            // As Hugo and Jekyll hold it: a story scheduled, or under embargo, goes out with the first build after its date.
            if let (date, named) = builder.date(of: file, frontMatter), date.isToCome(at: builder.now) {
                let location = frontMatter.metadata.locations["date"] ?? file.file.location(line: 1, column: 1)
                guard builder.includeFuture else {
                    return .leftOut(.scheduled(date), file.file.diagnostic(
                        .warning, "\(named) \(date.iso) is still to come: the page is held back until then, out of every list, the feed and the sitemap (build with --future to publish it now)",
                        at: location
                    ))
                }
                warnings.append(file.file.diagnostic(.warning, "\(named) \(date.iso) is still to come: published now (--future), dated then", at: location))
            }
            if frontMatter.metadata.summary == nil, let divider = PageAssembler.summaryDivider(in: frontMatter) {
                warnings.append(file.file.diagnostic(.warning, divider.message, at: file.file.location(line: divider.line, column: 1)))
            }
            // A translation made from a version still to come is a typo (2027 for 2026): its notice would be wrong.
            if let made = frontMatter.metadata.translatedFrom, (made.year, made.month, made.day) > latestDay,
               let location = frontMatter.metadata.locations["translatedFrom"] {
                warnings.append(file.file.diagnostic(
                    .warning, "'translatedFrom' \(made.iso) is in the future: write the date of the original's version it was made from", at: location
                ))
            }
            do throws(Diagnostic) {
                var page = try builder.page(file, frontMatter)
                page.warnings = warnings
                return .page(page)
            } catch {
                return builder.standIn(for: file, failure: BuildFailure([error]), read: frontMatter)
            }
        }
        var warnings: [Diagnostic] = []
        var standsIn = true
        // Each page moved out, not copied: a copy is a retain for each of its fields.
        for index in files.indices {
            guard let next = made[index].take() else { continue }
            switch next {
            case .leftOut(let reason, let warning):
                leftOut[files[index].relativePath] = reason
                warnings += warning.map { [$0] } ?? []
            case .page(let page):
                warnings += page.warnings
                pages.append(page)
            case .unread(let standIn, let failure):
                errors += failure.diagnostics
                switch standIn {
                case .page(let page): pages.append(page)
                case .draft: leftOut[files[index].relativePath] = .draft
                case .none: standsIn = false
                }
            }
        }
        // A page with no stand-in would make every link to it a second error.
        if !errors.isEmpty, !standsIn { throw BuildFailure(errors) }
        // Reported with the rest of the site's mistakes, after every stage ran.
        let unread = errors
        errors = []
        let (dateWarnings, checkout) = dateUndatedPages(&pages)
        warnings += dateWarnings
        if !settings.isMultilingual { warnings += translationsOfOneLanguageSite(files) }
        if let folder = hugoStaticFolder() { warnings.append(folder) }

        try Router.checkPrefixes(settings, pages: pages)
        var sections = makeSections(&pages)
        if settings.isMultilingual { warnings += untitledSections(sections, pages: pages) }
        var byRoute: [String: Int] = [:]
        byRoute.reserveCapacity(pages.count)
        // By index, not by value: a copy of a page is a retain for each of its fields, and there are 10,000.
        for index in pages.indices {
            let route = pages[index].route
            if let other = byRoute[route] {
                // A made-up section page has no file: the message is about the one page that has one.
                var (page, first) = pages[index].isInvented ? (pages[other], pages[index]) : (pages[index], pages[other])
                // The page whose `slug` took the address is the one to mend.
                if page.metadata.locations["slug"] == nil, first.metadata.locations["slug"] != nil, !first.isInvented { swap(&page, &first) }
                let named = first.isInvented ? "the page Briefing makes for Content/\(first.sectionFolder)/" : first.source.file.path
                // At the `slug` that gave this page its address, where there is one.
                errors.append(page.source.file.diagnostic(
                    .error, "two pages have the URL '\(settings.baseURL.url(route))': this one and \(named)",
                    at: page.metadata.locations["slug"] ?? page.source.file.location(line: 1, column: 1)
                ))
            } else {
                byRoute[route] = index
            }
        }
        if !errors.isEmpty { throw BuildFailure(unread + errors) }

        let order = PageAssembler.newestFirst(pages)
        var recency = [Int](repeating: 0, count: pages.count)
        for (rank, id) in order.enumerated() { recency[id.index] = rank }
        let titles = sections.mapValues(\.title)
        let weights = sections.mapValues { pages[$0.indexPage.index].metadata.weight ?? Int.max }
        for key in sections.keys {
            sections[key]?.pages.sort { recency[$0.index] < recency[$1.index] }
            sections[key]?.subsections.sort { lhs, rhs in
                let left = weights[lhs] ?? Int.max, right = weights[rhs] ?? Int.max
                if left != right { return left < right }
                return (titles[lhs] ?? lhs) < (titles[rhs] ?? rhs)
            }
        }
        var pagesByPath: [String: PageID] = [:]
        pagesByPath.reserveCapacity(pages.count)
        for index in pages.indices { pagesByPath[pages[index].source.relativePath] = PageID(index) }
        let newest = order.filter { pages[$0.index].kind == .page }
        var model = SiteModel(
            settings: settings, pages: pages, router: Router(baseURL: settings.baseURL, languages: settings.languages), sections: sections, pagesByPath: pagesByPath,
            leftOut: leftOut, newestPages: newest, recency: recency
        )
        model.datesCheckout = checkout
        if settings.isMultilingual {
            let found = translations(of: pages, leftOut: leftOut.keys)
            if !found.errors.isEmpty { throw BuildFailure(unread + found.errors) }
            model.translations = found.translations
            model.staleTranslations = found.stale
            warnings += found.warnings
            model.newestByLanguage = settings.languages.indices.map { language in newest.filter { pages[$0.index].language == language } }
        }
        model.diagnostics = unread + warnings
        return model
    }

    /// A page's date as its front matter gives it, or as a Jekyll post's name does (`2024-01-05-talks.md`),
    /// with what a message calls it.
    private func date(of file: ContentFile, _ frontMatter: FrontMatter) -> (PageDate, String)? {
        if let date = frontMatter.metadata.date { return (date, "'date'") }
        return Self.dateInFileName(file.relativePath).map { ($0, "the date its file is named with,") }
    }

    /// A file's page, or the error in its front matter and what stands in for the page, or why it is no
    /// page of this build.
    enum Made {
        case page(Page)
        /// With the warning that says so, where one does.
        case leftOut(LeftOutPage, Diagnostic?)
        case unread(StandIn, BuildFailure)
    }

    func page(_ content: ContentFile, _ frontMatter: FrontMatter) throws(Diagnostic) -> Page {
        let path = content.relativePath
        // Split as bytes: splitting the String compares Characters, a grapheme pass over every path.
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        let folder = parts.dropLast().joined(separator: "/")
        let fileName = parts.last ?? ""
        var stem = String(fileName.dropLast(".md".count))
        let metadata = frontMatter.metadata
        let language = try self.language(of: content, stem: &stem, metadata: metadata)
        let kind: Page.Kind = stem == "_index" ? (folder.isEmpty ? .home : .section) : .page
        try refuseOtherToolsLayout(content, folder: parts.dropLast(), stem: stem, draft: metadata.draft)
        if kind == .page, metadata.title == nil {
            let hint = FrontMatter.misplacedHint(content.file.text).map { ": \($0)" } ?? "; every page needs one"
            throw content.file.error("missing 'title' in the front matter" + hint, line: 1, column: 1)
        }
        var name = stem
        if kind == .page, let slug = metadata.slug {
            if let refusal = Self.slugRefusal(slug) {
                let location = metadata.locations["slug"] ?? content.file.location(line: 1, column: 1)
                throw content.file.diagnostic(.error, refusal, at: location)
            }
            name = slug
        }
        let route = route(Router.pageRoute(kind: kind, folder: folder, name: name), in: language)
        if let unsafe = parts.dropLast().first(where: { !Slug.isSafe($0) }) ?? (kind == .page && !Slug.isSafe(stem) ? fileName : nil) {
            // A name saved with decomposed letters (NFD: `e` and a combining accent, Hangul as jamo), as some
            // Mac tools and archives save them, reads like a safe one.
            let decomposed = Slug.isSafe(unsafe.precomposedStringWithCanonicalMapping)
            throw content.file.error(
                decomposed
                    ? "'\(unsafe)' is written with decomposed letters (Unicode NFD), which would make URLs that look alike but differ; rename it, typing the name again"
                    : "'\(unsafe)' cannot be part of a URL; name files and folders with letters, digits, '-', '_' or '.'",
                line: 1, column: 1
            )
        }
        var page = Page(
            kind: kind, source: content, metadata: metadata, body: frontMatter.body,
            bodyLineOffset: frontMatter.bodyLineOffset, sectionPath: kind == .page ? folder : parentFolder(of: folder), route: route
        )
        if settings.isMultilingual {
            page.language = language
            page.translationKey = metadata.translationKey ?? (folder.isEmpty ? stem : folder + "/" + stem)
        }
        if kind == .home, metadata.title == nil { page.metadata.title = settings.languages[language].title ?? settings.title }
        if settings.markdown.smartPunctuation {
            page.metadata.title = page.metadata.title.map(PlainText.smartened)
            page.metadata.summary = page.metadata.summary.map(PlainText.smartened)
        }
        return page
    }

    /// Makes a section for every folder that holds pages, in each language, inventing an index page where
    /// `_index.md` is missing; every language has a home page.
    private func makeSections(_ pages: inout ChunkedArray<Page>) -> [String: Section] {
        var sections: [String: Section] = [:]
        var indexPages: [String: Int] = [:]
        for index in pages.indices where pages[index].kind != .page {
            let key = pages[index].ownSectionKey
            indexPages[key] = indexPages[key] ?? index
        }
        func ensure(_ path: String, _ language: Int) {
            let key = SiteModel.sectionKey(path, language: language)
            guard sections[key] == nil else { return }
            let pageIndex = indexPages[key] ?? {
                var metadata = PageMetadata()
                metadata.title = path.isEmpty ? settings.languages[language].title ?? settings.title : Slug.title(fromFolder: path)
                let code = language == 0 ? "" : "." + settings.languages[language].code
                let relative = (path.isEmpty ? "" : path + "/") + "_index" + code + ".md"
                let kind: Page.Kind = path.isEmpty ? .home : .section
                var page = Page(
                    kind: kind,
                    source: ContentFile(relativePath: relative, file: SourceFile(path: "Content/" + relative, text: "")),
                    metadata: metadata, body: "", bodyLineOffset: 0,
                    sectionPath: parentFolder(of: path), route: route(Router.pageRoute(kind: kind, folder: path, name: ""), in: language)
                )
                if settings.isMultilingual {
                    page.language = language
                    page.translationKey = (path.isEmpty ? "" : path + "/") + "_index"
                }
                pages.append(page)
                return pages.count - 1
            }()
            sections[key] = Section(
                path: path, title: pages[pageIndex].title, route: pages[pageIndex].route,
                indexPage: PageID(pageIndex), pages: [], subsections: []
            )
            if !path.isEmpty {
                let parent = parentFolder(of: path)
                ensure(parent, language)
                sections[SiteModel.sectionKey(parent, language: language)]?.subsections.append(key)
            }
        }
        for language in settings.languages.indices { ensure("", language) }
        for index in pages.indices {
            switch pages[index].kind {
            case .page:
                let path = pages[index].sectionPath, language = pages[index].language
                ensure(path, language)
                sections[SiteModel.sectionKey(path, language: language)]?.pages.append(PageID(index))
            case .section:
                ensure(pages[index].sectionFolder, pages[index].language)
            case .home:
                break
            }
        }
        return sections
    }

    /// Page indices newest first; undated pages last; then by weight, then title, then path, so the order
    /// never depends on the file system. Dates and weights are compared as integer keys made once:
    /// comparing the pages themselves copied two of them (a retain per field) per comparison.
    static func newestFirst(_ pages: ChunkedArray<Page>) -> [PageID] {
        let dates = pages.map { page in page.metadata.date?.instant }
        let weights = pages.map { $0.metadata.weight ?? Int.max }
        return pages.indices.sorted { lhs, rhs in
            switch (dates[lhs], dates[rhs]) {
            case let (left?, right?) where left != right: return left > right
            case (nil, _?): return false
            case (_?, nil): return true
            default: break
            }
            if weights[lhs] != weights[rhs] { return weights[lhs] < weights[rhs] }
            if pages[lhs].title != pages[rhs].title { return pages[lhs].title < pages[rhs].title }
            return pages[lhs].source.relativePath < pages[rhs].source.relativePath
        }.map(PageID.init)
    }

    /// Why a page's `slug` cannot name its folder, or nil when it can. A slug starting with `.` would
    /// publish the page in a hidden folder, which hosts often refuse to serve and copies leave out, where
    /// the build's own files (`.briefing-manifest`) are.
    static func slugRefusal(_ slug: String) -> String? {
        if Slug.isSafe(slug), !slug.hasPrefix(".") { return nil }
        if slug.hasPrefix("."), Slug.isSafe(slug) {
            return "slug '\(slug)' may not start with '.': the page would be published in a hidden folder, which many hosts do not serve"
        }
        if Slug.isSafe(slug.precomposedStringWithCanonicalMapping) {
            return "slug '\(slug)' is written with decomposed letters (Unicode NFD), which would make URLs that look alike but differ; type it again"
        }
        // `관세 협상 (2026)`: the slug a heading of those words would get, as one that can be written.
        let suggested = HeadingAnchors.slug(slug)
        let suggestion = Slug.isSafe(suggested) && !suggested.hasPrefix(".") ? ", such as slug: \(suggested)" : ""
        return "slug '\(slug)' must be one path segment of letters, digits, '-', '_' or '.'\(slug.utf8.count > Slug.maxBytes ? ", of at most \(Slug.maxBytes) bytes" : "")\(suggestion)"
    }

    func parentFolder(of folder: String) -> String {
        folder.split(separator: "/").dropLast().joined(separator: "/")
    }
}
