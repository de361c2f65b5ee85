import BriefingSupport

/// The site as templates see it: every page with its URL, and the sections that group them.
public struct SiteModel: Sendable {
    public var settings: SiteSettings
    public var pages: [Page]
    /// By folder path relative to Content/; the home page is the section "".
    public var sections: [String: Section]
    /// Page index by path relative to Content/ (`deterrence/tripwire.md`), for links between pages.
    public var pagesByPath: [String: Int]
    /// Pages left out because they are drafts, so a link to one can say so.
    public var draftPaths: Set<String>
    /// Every page's route, for checking relative URLs.
    public let routes: Set<String>
    /// Content pages (not the home or section pages), newest first: what the home page, the feed and
    /// related pages choose from.
    public let newestPages: [Int]
    /// Each page's position when all of them are put newest first (`SiteModelBuilder.newestFirst`).
    /// Lists of pages sort their indices by it, comparing integers instead of the pages' dates,
    /// weights and titles again.
    public let recency: [Int]

    /// Top-level sections in navigation order: by weight, then title.
    public var topSections: [Section] {
        (sections[""]?.subsections ?? []).compactMap { sections[$0] }
    }

    public func url(of page: Page) -> String { settings.baseURL.url(page.route) }
}

/// Builds the model from the pages' files: front matter, routes, sections, order, and the checks that
/// need the whole site.
struct SiteModelBuilder {
    let settings: SiteSettings
    let includeDrafts: Bool

    func build(_ files: [ContentFile]) throws(BuildFailure) -> SiteModel {
        var errors: [Diagnostic] = []
        var pages: [Page] = []
        var drafts: Set<String> = []
        // Each page depends only on its own file, so its front matter is read and it is made on all cores.
        let builder = self
        var made = parallelMap(files) { file -> Result<Page, BuildFailure>? in
            let frontMatter: FrontMatter
            do throws(BuildFailure) { frontMatter = try FrontMatter.parse(file.file) } catch { return .failure(error) }
            guard !frontMatter.metadata.draft || builder.includeDrafts else { return nil }
            do throws(Diagnostic) { return .success(try builder.page(file, frontMatter)) } catch { return .failure(BuildFailure([error])) }
        }
        pages.reserveCapacity(files.count)
        // Each page moved out, not copied: a copy is a retain for each of its fields.
        for index in files.indices {
            switch made[index].take() {
            case nil: drafts.insert(files[index].relativePath)
            case .success(let page)?: pages.append(page)
            case .failure(let failure)?: errors += failure.diagnostics
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        var sections = makeSections(&pages)
        var byRoute: [String: Int] = [:]
        // By index, not by value: a copy of a page is a retain for each of its fields, and there are 10,000.
        for index in pages.indices {
            let route = pages[index].route
            if let other = byRoute[route] {
                let first = pages[other].source.file.path
                errors.append(pages[index].source.file.error(
                    "two pages have the URL '\(settings.baseURL.url(route))': this one and \(first)", line: 1, column: 1
                ))
            } else {
                byRoute[route] = index
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }

        let order = SiteModelBuilder.newestFirst(pages)
        var recency = [Int](repeating: 0, count: pages.count)
        for (rank, index) in order.enumerated() { recency[index] = rank }
        let titles = sections.mapValues(\.title)
        let weights = sections.mapValues { pages[$0.indexPage].metadata.weight ?? Int.max }
        for key in sections.keys {
            sections[key]?.pages.sort { recency[$0] < recency[$1] }
            sections[key]?.subsections.sort { lhs, rhs in
                let left = weights[lhs] ?? Int.max, right = weights[rhs] ?? Int.max
                if left != right { return left < right }
                return (titles[lhs] ?? lhs) < (titles[rhs] ?? rhs)
            }
        }
        var pagesByPath: [String: Int] = [:]
        for index in pages.indices { pagesByPath[pages[index].source.relativePath] = index }
        return SiteModel(
            settings: settings, pages: pages, sections: sections, pagesByPath: pagesByPath, draftPaths: drafts,
            routes: Set(byRoute.keys), newestPages: order.filter { pages[$0].kind == .page }, recency: recency
        )
    }

    private func page(_ content: ContentFile, _ frontMatter: FrontMatter) throws(Diagnostic) -> Page {
        let path = content.relativePath
        // Split as bytes: splitting the String compares Characters, a grapheme pass over every path.
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        let folder = parts.dropLast().joined(separator: "/")
        let fileName = parts.last ?? ""
        let stem = String(fileName.dropLast(".md".count))
        let metadata = frontMatter.metadata
        let kind: Page.Kind = stem == "_index" ? (folder.isEmpty ? .home : .section) : .page
        if kind == .page, metadata.title == nil {
            throw content.file.error("missing 'title' in the front matter; every page needs one", line: 1, column: 1)
        }
        var route: String
        switch kind {
        case .home: route = ""
        case .section: route = folder + "/"
        case .page:
            var name = stem
            if let slug = metadata.slug {
                guard Slug.isSafe(slug) else {
                    let location = metadata.locations["slug"] ?? content.file.location(line: 1, column: 1)
                    throw content.file.diagnostic(
                        .error, "slug '\(slug)' must be one path segment of letters, digits, '-', '_' or '.'", at: location
                    )
                }
                name = slug
            }
            route = (folder.isEmpty ? "" : folder + "/") + name + "/"
        }
        if let unsafe = parts.dropLast().first(where: { !Slug.isSafe($0) }) ?? (kind == .page && !Slug.isSafe(stem) ? fileName : nil) {
            throw content.file.error("'\(unsafe)' cannot be part of a URL; name files and folders with letters, digits, '-', '_' or '.'", line: 1, column: 1)
        }
        var page = Page(
            kind: kind, source: content, metadata: metadata, body: frontMatter.body,
            bodyLineOffset: frontMatter.bodyLineOffset, sectionPath: kind == .page ? folder : parentFolder(of: folder), route: route
        )
        if kind == .home, metadata.title == nil { page.metadata.title = settings.title }
        if settings.markdown.smartPunctuation {
            page.metadata.title = page.metadata.title.map(PlainText.smartened)
            page.metadata.summary = page.metadata.summary.map(PlainText.smartened)
        }
        return page
    }

    /// Makes a section for every folder that holds pages, inventing an index page where `_index.md` is missing.
    private func makeSections(_ pages: inout [Page]) -> [String: Section] {
        var sections: [String: Section] = [:]
        var indexPages: [String: Int] = [:]
        for index in pages.indices where pages[index].kind != .page {
            indexPages[pages[index].source.relativePath] = indexPages[pages[index].source.relativePath] ?? index
        }
        func ensure(_ path: String) {
            guard sections[path] == nil else { return }
            let index = indexPages[(path.isEmpty ? "" : path + "/") + "_index.md"]
            let pageIndex = index ?? {
                var metadata = PageMetadata()
                metadata.title = path.isEmpty ? settings.title : Slug.title(fromFolder: path)
                let relative = (path.isEmpty ? "" : path + "/") + "_index.md"
                pages.append(Page(
                    kind: path.isEmpty ? .home : .section,
                    source: ContentFile(relativePath: relative, file: SourceFile(path: "Content/" + relative, text: "")),
                    metadata: metadata, body: "", bodyLineOffset: 0,
                    sectionPath: parentFolder(of: path), route: path.isEmpty ? "" : path + "/"
                ))
                return pages.count - 1
            }()
            sections[path] = Section(
                path: path, title: pages[pageIndex].title, route: pages[pageIndex].route,
                indexPage: pageIndex, pages: [], subsections: []
            )
            if !path.isEmpty {
                let parent = parentFolder(of: path)
                ensure(parent)
                sections[parent]?.subsections.append(path)
            }
        }
        ensure("")
        for index in pages.indices {
            switch pages[index].kind {
            case .page:
                let path = pages[index].sectionPath
                ensure(path)
                sections[path]?.pages.append(index)
            case .section:
                ensure(String(pages[index].source.relativePath.dropLast("/_index.md".count)))
            case .home:
                break
            }
        }
        return sections
    }

    /// Page indices newest first; undated pages last; then by weight, then title, then path, so the order
    /// never depends on the file system. Dates and weights are compared as integer keys made once:
    /// comparing the pages themselves copied two of them (a retain per field) per comparison.
    static func newestFirst(_ pages: [Page]) -> [Int] {
        let dates = pages.map { page in page.metadata.date.map { ($0.year, $0.month, $0.day, $0.secondsOfDay) } }
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
        }
    }

    private func parentFolder(of folder: String) -> String {
        folder.split(separator: "/").dropLast().joined(separator: "/")
    }
}
