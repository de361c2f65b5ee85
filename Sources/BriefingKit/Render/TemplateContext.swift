import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// Builds the values layouts see. Every documented key is always present (null when a page has no
/// value), so strict templates can tell a typo from an empty field.
struct TemplateContext {
    let model: SiteModel
    /// Each page's first paragraph, its excerpt in lists when its front matter has no summary; empty
    /// for pages with a summary, whose Markdown may not be rendered yet.
    let firstParagraphs: [String]
    private var router: Router { model.router }
    private var taxonomy: Taxonomy { model.taxonomy }
    /// `data.<name>`: the same for every page, built once.
    let data: TemplateValue
    let year: Int
    /// What lists show about each page, made once: a page appears in many lists.
    private var summaries: [TemplateValue] = []
    /// Each summary's fingerprint, made once: a tag's page lists hundreds of them.
    private var summaryFingerprints: [UInt64] = []
    /// `site` for each top-level section being current (and for none), made once.
    private var sites: [String: TemplateValue] = [:]
    private var siteWithoutCurrent: TemplateValue = .null
    /// Fingerprints of the values every page shares, made once for the build cache.
    private(set) var dataFingerprint: UInt64 = 0
    private var siteFingerprints: [String: UInt64] = [:]

    init(model: SiteModel, firstParagraphs: [String], data: TemplateValue, year: Int) {
        self.model = model
        self.firstParagraphs = firstParagraphs
        self.data = data
        self.year = year
        let context = self
        summaries = parallelMap(model.pageIDs) { context.makeSummary($0) }
        summaryFingerprints = parallelMap(summaries) { summary in
            var fingerprint = Fingerprint()
            fingerprint.add(summary)
            return fingerprint.value
        }
        siteWithoutCurrent = makeSite(currentSection: nil)
        for section in model.topSections { sites[section.path] = makeSite(currentSection: section.path) }
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        dataFingerprint = fingerprint.value
        for (key, value) in sites.merging(["": siteWithoutCurrent], uniquingKeysWith: { first, _ in first }) {
            var site = Fingerprint()
            site.add(value)
            siteFingerprints[key] = site.value
        }
    }

    /// A context without the page's body, and the pages whose summaries fill its lists (`pages`, and
    /// `page.related`): its fingerprint takes theirs from `summaryFingerprints`.
    struct Base {
        let value: TemplateValue
        fileprivate let listed: [PageID]
        fileprivate let related: [PageID]
    }

    /// A fingerprint of everything a template sees in a context made by this type: the shared `site`,
    /// `data` and summaries by their precomputed fingerprints, the rest value by value.
    func fingerprint(of context: Base) -> UInt64 {
        var fingerprint = Fingerprint()
        guard case .map(let map) = context.value else {
            fingerprint.add(context.value)
            return fingerprint.value
        }
        fingerprint.add(Fingerprint.unordered(map) { entry, key, value in
            switch key {
            case "data": entry.add(dataFingerprint)
            case "site": entry.add(siteFingerprint(of: value))
            case "pages": entry.add(summariesFingerprint(context.listed, as: value))
            case "page":
                guard case .map(let page) = value else { return entry.add(value) }
                entry.add(Fingerprint.unordered(page) { entry, key, value in
                    if key == "related" { entry.add(summariesFingerprint(context.related, as: value)) } else { entry.add(value) }
                })
            default: entry.add(value)
            }
        })
        return fingerprint.value
    }

    /// A list of summaries, by the pages' fingerprints in order.
    private func summariesFingerprint(_ pages: [PageID], as value: TemplateValue) -> UInt64 {
        assert(value == .list(pages.map(summary)), "a context's list and the pages it says it lists differ")
        var fingerprint = Fingerprint()
        fingerprint.add(pages.count)
        for page in pages { fingerprint.add(summaryFingerprints[page.index]) }
        return fingerprint.value
    }

    /// The site value is one of a few, told apart by which section is current.
    private func siteFingerprint(of site: TemplateValue) -> UInt64 {
        guard case .map(let map) = site, case .list(let sections)? = map["sections"] else { return 0 }
        for case .map(let section) in sections where section["isCurrent"] == .bool(true) {
            if case .string(let name)? = section["name"] { return siteFingerprints[name] ?? 0 }
        }
        return siteFingerprints[""] ?? 0
    }

    func site(currentSection: String?) -> TemplateValue {
        currentSection.flatMap { sites[$0] } ?? siteWithoutCurrent
    }

    private func makeSite(currentSection: String?) -> TemplateValue {
        let settings = model.settings
        let sections: [TemplateValue] = model.topSections.map { section in
            let page = model[section.indexPage]
            return .map([
                "name": .string(section.path),
                "title": .string(section.title),
                "url": .string(model.url(of: page)),
                "summary": optional(page.metadata.summary),
                "isCurrent": .bool(section.path == currentSection),
                "pages": .list(section.pages.prefix(3).map(summary)),
                "hasPages": .bool(!section.pages.isEmpty),
            ])
        }
        return .map([
            "title": .string(settings.title),
            "description": optional(settings.description),
            "language": .string(settings.language),
            "baseURL": .string(settings.baseURL.description),
            "basePath": .string(settings.baseURL.path),
            "assets": .string(router.url(Router.assetsRoute)),
            "author": optional(settings.author),
            "year": .int(year),
            "homeURL": .string(settings.baseURL.path),
            "sections": .list(sections),
            "feedURL": .string(router.url(Router.feedFile)),
            "tagsURL": .string(router.url(Router.tagsRoute)),
            "ids": ThemeIDs.templateValue,
        ])
    }

    /// The context for one page: `site`, `page`, `pages`, `hasPages` and `pagination`, all but what the
    /// page's body gives (`addBody` adds it). A section's list is cut into pages of `paginate`
    /// entries; `listPage` (from 1) says which one.
    func context(for id: PageID, listPage: Int = 1) -> Base {
        let page = model[id]
        let path = page.source.relativePath
        // The first folder of the path, which never starts with `/`: no array of every part to take it from.
        let topSection = page.kind == .home ? nil : String(path[..<(path.utf8.firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex)])
        var value = self.page(id)
        var listed: [PageID] = []
        var pagination: TemplateValue = .null
        switch page.kind {
        case .home:
            listed = Array(model.newestPages.prefix(TemplateContext.homePageCount))
        case .section:
            let all = model.sections[page.sectionFolder]?.pages ?? []
            let size = model.settings.pageSize
            let total = max(1, (all.count + size - 1) / size)
            listed = Array(all.dropFirst((listPage - 1) * size).prefix(size))
            if total > 1 {
                func url(_ number: Int) -> TemplateValue {
                    guard (1...total).contains(number) else { return .null }
                    return .string(router.url(of: page, listPage: number))
                }
                pagination = .map(["current": .int(listPage), "total": .int(total), "prev": url(listPage - 1), "next": url(listPage + 1)])
                let route = router.route(of: page, listPage: listPage)
                value = value.setting("url", .string(router.url(route))).setting("permalink", .string(router.permalink(route)))
            }
        case .page:
            break
        }
        return assemble(site: site(currentSection: topSection), page: value, listed: listed, related: taxonomy.related[id.index], pagination: pagination)
    }

    /// `/tags/`: every tag with the number of its pages.
    func tagsContext() -> Base {
        let tags: [TemplateValue] = taxonomy.tags.map { tag in
            .map(["name": .string(tag.name), "url": .string(tagURL(tag.slug)), "count": .int(tag.pages.count)])
        }
        let page = syntheticPage(kind: "tags", title: "Tags", route: Router.tagsRoute)
            .setting("tags", .list(tags)).setting("hasTags", .bool(!tags.isEmpty))
        return assemble(site: site(currentSection: nil), page: page, listed: [], related: [], pagination: .null)
    }

    /// `/tags/<tag>/`: the pages with that tag, newest first.
    func tagContext(_ tag: Taxonomy.Tag) -> Base {
        let page = syntheticPage(kind: "tag", title: tag.name, route: router.tagRoute(tag.slug))
        return assemble(site: site(currentSection: nil), page: page, listed: tag.pages, related: [], pagination: .null)
    }

    /// How many of the newest pages the home page lists.
    static let homePageCount = 10

    /// The 404 page's context: a page of its own kind with no content.
    func notFoundContext() -> Base {
        let page = syntheticPage(kind: "notFound", title: "Page not found", route: Router.notFoundFile)
        return assemble(site: site(currentSection: nil), page: page, listed: [], related: [], pagination: .null)
    }

    private func assemble(site: TemplateValue, page: TemplateValue, listed: [PageID], related: [PageID], pagination: TemplateValue) -> Base {
        let value: TemplateValue = .map([
            "site": site, "page": page, "pages": .list(listed.map(summary)), "hasPages": .bool(!listed.isEmpty),
            "pagination": pagination, "data": data,
        ])
        return Base(value: value, listed: listed, related: related)
    }

    /// A page Briefing makes itself (tags, 404): every key a layout may ask for, empty.
    private func syntheticPage(kind: String, title: String, route: String) -> TemplateValue {
        .map([
            "kind": .string(kind), "isHome": false, "isSection": false, "isPage": false, "draft": false,
            "title": .string(title),
            "url": .string(router.url(route)),
            "permalink": .string(router.permalink(route)),
            "summary": .null, "date": .null, "updated": .null, "authors": [], "authorLine": .null,
            "tags": [], "hasTags": false, "content": .html(""), "hasToc": false, "toc": [], "wordCount": 0, "readingTime": 0,
            "sources": [], "hasSources": false, "related": [], "hasRelated": false, "section": .null, "params": .map([:]),
            "jsonLD": .html(""),
        ])
    }

    private func tagURL(_ slug: String) -> String {
        router.url(router.tagRoute(slug))
    }

    /// The page's own values but those of its body.
    private func page(_ id: PageID) -> TemplateValue {
        let page = model[id]
        let authors = authors(of: page)
        let values: KeyValuePairs<String, TemplateValue> = [
            "kind": .string(page.kind.rawValue),
            "isHome": .bool(page.kind == .home),
            "isSection": .bool(page.kind == .section),
            "isPage": .bool(page.kind == .page),
            "draft": .bool(page.metadata.draft),
            "title": .string(page.title),
            "url": .string(model.url(of: page)),
            "permalink": .string(router.permalink(page.route)),
            "summary": optional(page.metadata.summary),
            "date": date(page.metadata.date),
            "updated": date(page.metadata.updated),
            "authors": .list(authors.map { .map(["name": .string($0)]) }),
            "authorLine": authors.isEmpty ? .null : .string(TemplateContext.authorLine(authors)),
            "tags": .list(page.metadata.tags.map { .map(["name": .string($0), "url": .string(tagURL(Taxonomy.slug($0)))]) }),
            "hasTags": .bool(!page.metadata.tags.isEmpty),
            "related": .list(taxonomy.related[id.index].map(summary)),
            "hasRelated": .bool(!taxonomy.related[id.index].isEmpty),
            "section": sectionValue(of: page),
            "params": .map(page.metadata.params),
        ]
        // With room for the keys `addBody` adds: growing the map later hashed every key again.
        var map = TemplateMap(minimumCapacity: values.count + TemplateContext.bodyKeys)
        for (key, value) in values { map[key] = value }
        return .map(map)
    }

    /// How many keys `addBody` adds to a page.
    private static let bodyKeys = 8

    /// A page's context made by `context(for:listPage:)`, completed with what its body gives.
    func addBody(_ body: PageBody, ofPage id: PageID, to context: inout TemplateValue) {
        guard case .map(var outer) = context else { return }
        // Let go of the context's own reference first, so that the maps are edited without copies.
        context = .null
        guard case .map(var page)? = outer.removeValue(forKey: "page") else {
            context = .map(outer)
            return
        }
        page["content"] = .html(body.html)
        page["hasToc"] = .bool(body.toc.entries.count >= 2)
        page["toc"] = .list(body.toc.entries.map(tocEntry))
        page["wordCount"] = .int(body.wordCount)
        page["readingTime"] = .int(max(1, (body.wordCount + 229) / 230))
        page["sources"] = .list(body.sources.enumerated().map(source))
        page["hasSources"] = .bool(!body.sources.isEmpty)
        page["jsonLD"] = .html(structuredData(id, faq: body.faq))
        outer["page"] = .map(page)
        context = .map(outer)
    }

    /// schema.org JSON-LD for search engines: an Article for every page of content, and a FAQPage
    /// whose questions and answers are the text of its FAQ section.
    private func structuredData(_ id: PageID, faq: [FAQSections.Entry]) -> String {
        let page = model[id]
        guard page.kind == .page else { return "" }
        let url = router.permalink(page.route)
        var values = [StructuredData.article(
            headline: page.title, description: page.metadata.summary, authors: authors(of: page),
            datePublished: page.metadata.date?.iso, dateModified: page.metadata.updated?.iso,
            url: url, publisherName: model.settings.title, language: model.settings.language
        )]
        if !faq.isEmpty { values.append(StructuredData.faqPage(faq.map { ($0.question, $0.answer) }, url: url)) }
        return StructuredData.scriptElements(values)
    }

    /// What lists show about a page.
    func summary(_ id: PageID) -> TemplateValue { summaries[id.index] }

    private func makeSummary(_ id: PageID) -> TemplateValue {
        let page = model[id]
        let authors = authors(of: page)
        let excerpt = Excerpt.make(page.metadata.summary ?? firstParagraphs[id.index])
        return .map([
            "title": .string(page.title),
            "url": .string(model.url(of: page)),
            "summary": optional(page.metadata.summary),
            "date": date(page.metadata.date),
            "authorLine": authors.isEmpty ? .null : .string(TemplateContext.authorLine(authors)),
            "excerpt": .string(excerpt),
            "section": sectionValue(of: page),
        ])
    }

    private func authors(of page: Page) -> [String] {
        if !page.metadata.authors.isEmpty { return page.metadata.authors }
        guard page.kind == .page, let author = model.settings.author else { return [] }
        return [author]
    }

    private func sectionValue(of page: Page) -> TemplateValue {
        guard page.kind == .page, let section = model.sections[page.sectionPath], !page.sectionPath.isEmpty else { return .null }
        return .map([
            "name": .string(section.path),
            "title": .string(section.title),
            "url": .string(router.url(section.route)),
        ])
    }

    private func tocEntry(_ entry: TOCEntry) -> TemplateValue {
        .map([
            "id": .string(entry.id),
            "title": .string(entry.title),
            "level": .int(entry.level),
            "children": .list(entry.children.map(tocEntry)),
            "hasChildren": .bool(!entry.children.isEmpty),
        ])
    }

    private func source(_ item: (offset: Int, element: SourceReference)) -> TemplateValue {
        .map([
            "id": .string(ThemeIDs.source(item.offset + 1)),
            "number": .int(item.offset + 1),
            "title": .string(item.element.title),
            "url": optional(item.element.url),
            "publisher": optional(item.element.publisher),
            "date": date(item.element.date),
        ])
    }

    private func date(_ date: PageDate?) -> TemplateValue {
        guard let date else { return .null }
        return .map(["iso": .string(date.iso), "display": .string(date.display)])
    }

    private func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.string) ?? .null
    }

    /// `A`, `A and B`, `A, B and C`.
    static func authorLine(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
