import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// Builds the values layouts see. Every documented key is always present (null when a page has no
/// value), so strict templates can tell a typo from an empty field.
struct TemplateContext {
    private(set) var model: SiteModel
    /// Each page's first paragraph, its excerpt in lists when its front matter has no summary; empty
    /// for pages with a summary, whose Markdown may not be rendered yet.
    private(set) var firstParagraphs: [String]
    var router: Router { model.router }
    var taxonomy: Taxonomy { model.taxonomy }
    /// `data.<name>`: the same for every page, built once.
    let data: TemplateValue
    let year: Int
    /// What lists show about each page, made once: a page appears in many lists.
    private var summaries: [TemplateValue] = []
    /// Each summary's fingerprint, made once: a tag's page lists hundreds of them.
    private(set) var summaryFingerprints: [UInt64] = []
    /// `site` for each top-level section being current (by section key), and for none (by language), made once.
    private var sites: [String: TemplateValue] = [:]
    private var sitesWithoutCurrent: [TemplateValue] = []
    /// Each language's words, by the language's number, and as templates see them (`t`).
    let strings: [StringTable]
    let t: [TemplateValue]
    /// Fingerprints of the values every page shares, made once for the build cache.
    private(set) var dataFingerprint: UInt64 = 0
    private(set) var siteFingerprints: [String: UInt64] = [:]
    private(set) var tFingerprints: [UInt64] = []

    /// The context a build or a preview makes: the site's data, and the year from the build's clock.
    init(model: SiteModel, states: [PageMarkdown], loaded: LoadedSite, options: BuildOptions, theme: ThemeHTML) {
        self.init(
            model: model, states: states, data: loaded.data.templateValue,
            year: Calendar(identifier: .gregorian).component(.year, from: options.now), theme: theme
        )
    }

    /// `states` are the pages' Markdown as far as the lists need it: the first paragraph of each page
    /// whose record is known, the excerpt of a page without a summary.
    init(model: SiteModel, states: [PageMarkdown], data: TemplateValue, year: Int, theme: ThemeHTML) {
        self.model = model
        firstParagraphs = states.map { $0.record?.facts.firstParagraph ?? "" }
        self.data = data
        self.year = year
        strings = theme.strings
        t = theme.t
        let context = self
        summaries = parallelMap(model.pageIDs) { context.makeSummary($0) }
        summaryFingerprints = parallelMap(summaries, TemplateContext.fingerprint)
        var everySite: [String: TemplateValue] = [:]
        for language in model.languages.indices {
            sitesWithoutCurrent.append(makeSite(language: language, currentSection: nil))
            everySite[SiteModel.sectionKey("", language: language)] = sitesWithoutCurrent[language]
            for section in model.topSections(in: language) {
                let key = SiteModel.sectionKey(section.path, language: language)
                sites[key] = makeSite(language: language, currentSection: section.path)
                everySite[key] = sites[key]
            }
        }
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        dataFingerprint = fingerprint.value
        for (key, value) in everySite {
            var site = Fingerprint()
            site.add(value)
            siteFingerprints[key] = site.value
        }
        tFingerprints = t.map { value in
            var fingerprint = Fingerprint()
            fingerprint.add(value)
            return fingerprint.value
        }
    }

    /// The context of a model that differs from this one's only in the bodies of the `changed` pages:
    /// their list entries are made again (an excerpt is a first paragraph); the rest is the same.
    func replacing(model: SiteModel, firstParagraphs: [String], changed: [PageID]) -> TemplateContext {
        var context = self
        context.model = model
        context.firstParagraphs = firstParagraphs
        for id in changed where firstParagraphs[id.index] != self.firstParagraphs[id.index] {
            context.summaries[id.index] = context.makeSummary(id)
            context.summaryFingerprints[id.index] = TemplateContext.fingerprint(context.summaries[id.index])
        }
        return context
    }

    private static func fingerprint(_ summary: TemplateValue) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(summary)
        return fingerprint.value
    }

    /// A context without the page's body, and the pages whose summaries fill its lists (`pages`, and
    /// `page.related`): its fingerprint takes theirs from `summaryFingerprints`.
    struct Base {
        let value: TemplateValue
        let listed: [PageID]
        let related: [PageID]
        let language: Int
    }

    func site(language: Int, currentSection: String?) -> TemplateValue {
        currentSection.flatMap { sites[SiteModel.sectionKey($0, language: language)] } ?? sitesWithoutCurrent[language]
    }

    /// A section as the home page's topics and a section page's subsections show it: its title, summary
    /// and newest pages.
    func sectionCard(_ section: Section, isCurrent: Bool) -> TemplateValue {
        let page = model[section.indexPage]
        return .map([
            "name": .string(section.path),
            "title": .string(section.title),
            "url": .string(model.url(of: page)),
            "summary": optional(page.metadata.summary),
            "isCurrent": .bool(isCurrent),
            "pages": .list(section.pages.prefix(3).map(summary)),
            "hasPages": .bool(!section.pages.isEmpty),
        ])
    }

    private func makeSite(language: Int, currentSection: String?) -> TemplateValue {
        let settings = model.settings
        let info = settings.languages[language]
        let sections = model.topSections(in: language).map { sectionCard($0, isCurrent: $0.path == currentSection) }
        let languages: [TemplateValue] = settings.isMultilingual ? settings.languages.enumerated().map { number, other in
            .map([
                "code": .string(other.code), "name": .string(other.name), "dir": .string(other.direction.rawValue),
                "url": .string(router.url(router.homeRoute(number))), "isCurrent": .bool(number == language),
            ])
        } : []
        return .map([
            "title": .string(info.title ?? settings.title),
            "description": optional(info.description ?? settings.description),
            "language": .string(settings.isMultilingual ? info.code : settings.language),
            "direction": .string(info.direction.rawValue),
            "languages": .list(languages),
            "isMultilingual": .bool(settings.isMultilingual),
            "baseURL": .string(settings.baseURL.description),
            "basePath": .string(settings.baseURL.path),
            "assets": .string(router.url(Router.assetsRoute)),
            "author": optional(info.author ?? settings.author),
            "year": .int(year),
            "homeURL": .string(router.url(router.homeRoute(language))),
            "sections": .list(sections),
            // No feed is written for a base URL without a host: a link to it would lead nowhere.
            "feedURL": router.writesFeeds ? .string(router.url(router.feedFile(language))) : .null,
            "tagsURL": .string(router.url(router.tagsRoute(language))),
            "ids": ThemeIDs.templateValue,
        ])
    }

    /// The context for one page: `site`, `page`, `pages`, `hasPages` and `pagination`, all but what the
    /// page's body gives (`addBody` adds it). A section's list is cut into pages of `paginate`
    /// entries; `listPage` (from 1) says which one.
    func context(for id: PageID, listPage: Int = 1) -> Base {
        // The page lent by the model as an argument: `let page = model[id]` would copy it, a retain of
        // each of its fields, for every output of the site.
        context(for: id, model[id], listPage: listPage)
    }

    private func context(for id: PageID, _ page: Page, listPage: Int) -> Base {
        let path = page.source.relativePath
        // The first folder of the path, which never starts with `/`: no array of every part to take it from.
        let topSection = page.kind == .home ? nil : String(path[..<(path.utf8.firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex)])
        var value = self.page(id, page)
        var listed: [PageID] = []
        var pagination: TemplateValue = .null
        switch page.kind {
        case .home:
            listed = Array(model.newest(in: page.language).prefix(TemplateContext.homePageCount))
        case .section:
            let all = model.sections[page.ownSectionKey]?.pages ?? []
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
                if listPage > 1 { value = pageOfList(value, id, listPage) }
            }
        case .page:
            break
        }
        return assemble(
            site: site(language: page.language, currentSection: topSection), page: value, listed: listed, related: taxonomy.related[id.index],
            pagination: pagination, language: page.language
        )
    }

    /// How many of the newest pages the home page lists.
    static let homePageCount = 10

    /// A context of `site`, `page`, the pages it lists and the rest every layout may ask for.
    func assemble(site: TemplateValue, page: TemplateValue, listed: [PageID], related: [PageID], pagination: TemplateValue, language: Int) -> Base {
        let value: TemplateValue = .map([
            "site": site, "page": page, "pages": .list(listed.map(summary)), "hasPages": .bool(!listed.isEmpty),
            "pagination": pagination, "data": data, "t": t[language],
        ])
        return Base(value: value, listed: listed, related: related, language: language)
    }

    /// The page's own values but those of its body; the page lent by the model.
    private func page(_ id: PageID, _ page: Page) -> TemplateValue {
        let authors = authors(of: page)
        let language = page.language
        let info = model.languages[language]
        let versions = versions(of: id)
        let translations = model.translations(of: id)
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
            "description": optional(description(of: id)),
            "date": date(page.metadata.date, language: language),
            "updated": date(page.metadata.updated, language: language),
            "authors": .list(authors.map { .map(["name": .string($0)]) }),
            "authorLine": authors.isEmpty ? .null : .string(authorLine(authors, language: language)),
            "tags": .list(tagLinks(of: page, language: language)),
            "hasTags": .bool(!page.metadata.tags.isEmpty),
            "related": .list(taxonomy.related[id.index].map(summary)),
            "hasRelated": .bool(!taxonomy.related[id.index].isEmpty),
            "section": sectionValue(of: page),
            "params": .map(page.metadata.params),
            "language": .string(languageCode(language)),
            "translations": .list(translations.map(translation)),
            "hasTranslations": .bool(!translations.isEmpty),
            "alternates": alternates(versions),
            "languageLinks": languageLinks(language: language, versions: versions),
            "translationOf": model.staleTranslations[id].map { original in
                .map([
                    "name": .string(model.languages[model[original].language].name), "language": .string(model.languages[model[original].language].code),
                    "url": .string(model.url(of: model[original])), "updated": date(model[original].metadata.updated, language: language),
                ])
            } ?? .null,
            "isStale": .bool(model.staleTranslations[id] != nil),
        ]
        let languages = languageValues(of: page, filedUnder: info)
        // With room for the keys `addBody` adds: growing the map later hashed every key again.
        var map = TemplateMap(minimumCapacity: values.count + languages.count + TemplateContext.bodyKeys)
        for (key, value) in values { map[key] = value }
        for (key, value) in languages { map[key] = value }
        // A folder inside a section's folder is a section of its own, which its parent lists.
        if page.kind == .section {
            let subsections = model.sections[page.ownSectionKey]?.subsections.compactMap { model.sections[$0] } ?? []
            map["subsections"] = .list(subsections.map { sectionCard($0, isCurrent: false) })
            map["hasSubsections"] = .bool(!subsections.isEmpty)
        }
        return .map(map)
    }

    /// How many keys `addBody` adds to a page.
    private static let bodyKeys = 9

    /// A page's context made by `context(for:listPage:)`, completed with what its body gives.
    func addBody(_ body: PageBody, ofPage id: PageID, to context: inout TemplateValue) {
        guard case .map(var outer) = context else { return }
        // Let go of the context's own reference first, so that the maps are edited without copies.
        context = .null
        guard case .map(var page)? = outer.removeValue(forKey: "page") else {
            context = .map(outer)
            return
        }
        page["content"] = .htmlBytes(body.html)
        page["hasToc"] = .bool(body.toc.isWorthShowing)
        page["toc"] = .list(body.toc.entries.map(tocEntry))
        page["wordCount"] = .int(body.wordCount)
        let minutes = body.readingMinutes
        let language = model[id].language
        page["readingTime"] = .int(minutes)
        page["readingTimeText"] = .string(strings[language].plural("readingTime", count: minutes) ?? "\(minutes) min read")
        page["sources"] = .list(body.sources.enumerated().map { source($0, language: language) })
        page["hasSources"] = .bool(!body.sources.isEmpty)
        // The description `page(_:_:)` made, not made again from the first paragraph.
        let description: String? = if case .string(let text)? = page["description"] { text } else { nil }
        page["jsonLD"] = .htmlBytes(structuredData(of: model[id], description: description, faq: body.faq))
        outer["page"] = .map(page)
        context = .map(outer)
    }

    /// schema.org JSON-LD for search engines: an Article for every page of content, and a FAQPage
    /// whose questions and answers are the text of its FAQ section. The page lent by the model.
    private func structuredData(of page: Page, description: String?, faq: [FAQSections.Entry]) -> [UInt8] {
        guard page.kind == .page else { return [] }
        let url = router.permalink(page.route)
        var values = [StructuredData.article(
            headline: page.title, description: description, authors: authors(of: page),
            datePublished: page.metadata.date?.iso, dateModified: page.metadata.updated?.iso,
            url: url, publisherName: model.languages[page.language].title ?? model.settings.title,
            language: page.metadata.lang ?? languageCode(page.language)
        )]
        if !faq.isEmpty { values.append(StructuredData.faqPage(
                faq.map { ($0.question, $0.answer) }, url: url,
                language: page.metadata.lang ?? (model.settings.isMultilingual ? languageCode(page.language) : nil)
            )) }
        return StructuredData.scriptElements(values)
    }

    /// `page.description`: see `Excerpt.description`.
    func description(of id: PageID) -> String? {
        Excerpt.description(summary: model[id].metadata.summary, firstParagraph: firstParagraphs[id.index])
    }

    /// What lists show about a page.
    func summary(_ id: PageID) -> TemplateValue { summaries[id.index] }

    /// The page lent by the model, not copied out of it: see `context(for:listPage:)`.
    private func makeSummary(_ id: PageID) -> TemplateValue { makeSummary(id, model[id]) }

    private func makeSummary(_ id: PageID, _ page: Page) -> TemplateValue {
        let authors = authors(of: page)
        let excerpt = Excerpt.make(page.metadata.summary ?? firstParagraphs[id.index])
        let own = model.ownLanguage(of: page)
        return .map([
            "title": .string(page.title),
            "url": .string(model.url(of: page)),
            "summary": optional(page.metadata.summary),
            "date": date(page.metadata.date, language: page.language),
            "authorLine": authors.isEmpty ? .null : .string(authorLine(authors, language: page.language)),
            "excerpt": .string(excerpt),
            "section": sectionValue(of: page),
            // The page's title and words are in its own language where front matter gives another: a list
            // in the language it is filed under says so around them.
            "lang": own.map { .string($0.code) } ?? .null,
            "dir": own.map { .string($0.direction.rawValue) } ?? .null,
        ])
    }
}
