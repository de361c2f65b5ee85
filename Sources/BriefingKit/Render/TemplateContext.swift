import BriefingTemplates

/// Builds the values layouts see. Every documented key is always present (null when a page has no
/// value), so strict templates can tell a typo from an empty field.
struct TemplateContext {
    let model: SiteModel
    let bodies: [PageBody]
    let year: Int

    /// The `site` value without the per-page `isCurrent` flags.
    func site(currentSection: String?) -> TemplateValue {
        let settings = model.settings
        let sections: [TemplateValue] = model.topSections.map { section in
            let page = model.pages[section.indexPage]
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
            "assets": .string(settings.baseURL.url("assets/")),
            "author": optional(settings.author),
            "year": .int(year),
            "homeURL": .string(settings.baseURL.path),
            "sections": .list(sections),
            "feedURL": .null,
        ])
    }

    /// The whole context for one page: `site`, `page`, `pages` and `pagination`.
    func context(for index: Int) -> TemplateValue {
        let page = model.pages[index]
        let topSection = page.kind == .home ? nil : String(page.source.relativePath.split(separator: "/").first ?? "")
        var listed: [TemplateValue] = []
        switch page.kind {
        case .home:
            listed = model.pages.indices.filter { model.pages[$0].kind == .page }
                .sorted { newestFirst(model.pages[$0], model.pages[$1]) }
                .prefix(TemplateContext.homePageCount)
                .map(summary)
        case .section:
            let folder = String(page.source.relativePath.dropLast("/_index.md".count))
            listed = (model.sections[folder]?.pages ?? []).map(summary)
        case .page:
            break
        }
        return .map([
            "site": site(currentSection: topSection),
            "page": self.page(index),
            "pages": .list(listed),
            "hasPages": .bool(!listed.isEmpty),
            "pagination": .null,
        ])
    }

    /// How many of the newest pages the home page lists.
    static let homePageCount = 10

    /// The 404 page's context: a page of its own kind with no content.
    func notFoundContext() -> TemplateValue {
        let settings = model.settings
        let page: TemplateValue = .map([
            "kind": "notFound", "isHome": false, "isSection": false, "isPage": false,
            "title": "Page not found",
            "url": .string(settings.baseURL.url("404.html")),
            "permalink": .string(settings.baseURL.absolute("404.html")),
            "summary": .null, "date": .null, "updated": .null, "authors": [], "authorLine": .null,
            "tags": [], "hasTags": false, "content": .html(""), "hasToc": false, "toc": [], "wordCount": 0, "readingTime": 0,
            "sources": [], "hasSources": false, "related": [], "hasRelated": false, "section": .null, "params": .map([:]),
        ])
        return .map(["site": site(currentSection: nil), "page": page, "pages": [], "hasPages": false, "pagination": .null])
    }

    func page(_ index: Int) -> TemplateValue {
        let page = model.pages[index]
        let body = bodies[index]
        let authors = authors(of: page)
        return .map([
            "kind": .string(page.kind.rawValue),
            "isHome": .bool(page.kind == .home),
            "isSection": .bool(page.kind == .section),
            "isPage": .bool(page.kind == .page),
            "title": .string(page.title),
            "url": .string(model.url(of: page)),
            "permalink": .string(model.settings.baseURL.absolute(page.route)),
            "summary": optional(page.metadata.summary),
            "date": date(page.metadata.date),
            "updated": date(page.metadata.updated),
            "authors": .list(authors.map { .map(["name": .string($0)]) }),
            "authorLine": authors.isEmpty ? .null : .string(TemplateContext.authorLine(authors)),
            "tags": .list(page.metadata.tags.map { .map(["name": .string($0), "url": .null]) }),
            "hasTags": .bool(!page.metadata.tags.isEmpty),
            "content": .html(body.html),
            "hasToc": .bool(body.toc.entries.count >= 2),
            "toc": .list(body.toc.entries.map(tocEntry)),
            "wordCount": .int(body.wordCount),
            "readingTime": .int(max(1, (body.wordCount + 229) / 230)),
            "sources": .list(body.sources.enumerated().map(source)),
            "hasSources": .bool(!body.sources.isEmpty),
            "related": [],
            "hasRelated": false,
            "section": sectionValue(of: page),
            "params": .map(page.metadata.params),
        ])
    }

    /// What lists show about a page.
    func summary(_ index: Int) -> TemplateValue {
        let page = model.pages[index]
        let authors = authors(of: page)
        let excerpt = Excerpt.make(page.metadata.summary ?? bodies[index].firstParagraph)
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
            "url": .string(model.settings.baseURL.url(section.route)),
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
            "id": .string("source-\(item.offset + 1)"),
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
