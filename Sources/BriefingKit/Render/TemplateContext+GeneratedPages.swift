import BriefingTemplates

/// The contexts of the pages Briefing makes itself, which no Markdown file gives: the tags index, each
/// tag's page, the 404 page, a page's alias and the root's page when the default language has a prefix of its own.
extension TemplateContext {
    /// `/tags/`: every tag of a language with the number of its pages, in the order of the names shown:
    /// a Korean index of tags written in English and named in the string table was in English order.
    /// Hangul's syllables are in dictionary order in Unicode, so comparing the names puts 가 before 나.
    func tagsContext(language: Int) -> Base {
        let strings = strings[language]
        let named = taxonomy.tags.filter { $0.language == language }.map { (tag: $0, name: strings.tagName($0.name, slug: $0.slug)) }
            .sorted { ($0.name.lowercased(), $0.tag.slug) < ($1.name.lowercased(), $1.tag.slug) }
        let tags: [TemplateValue] = named.map { tag, name in
            .map([
                "name": .string(name), "url": .string(tagURL(tag.slug, language: language)), "count": .int(tag.pages.count),
                "countText": .string(strings.plural("tagCount", count: tag.pages.count) ?? String(tag.pages.count)),
            ])
        }
        // Each language with tags has an index of them.
        var routes: [Int: String] = [:]
        for tag in taxonomy.tags { routes[tag.language] = router.tagsRoute(tag.language) }
        let page = syntheticPage(kind: "tags", title: strings.word("tagsTitle", english: "Tags"), route: router.tagsRoute(language), language: language, versions: routes)
            .setting("tags", .list(tags)).setting("hasTags", .bool(!tags.isEmpty))
        return assemble(site: site(language: language, currentSection: nil), page: page, listed: [], related: [], pagination: .null, language: language)
    }

    /// `/tags/<tag>/`: the pages with that tag, newest first.
    func tagContext(_ tag: Taxonomy.Tag) -> Base {
        var routes: [Int: String] = [:]
        for other in taxonomy.tags where other.slug == tag.slug { routes[other.language] = router.tagRoute(other.slug, language: other.language) }
        let page = syntheticPage(
            kind: "tag", title: strings[tag.language].tagName(tag.name, slug: tag.slug), route: router.tagRoute(tag.slug, language: tag.language),
            language: tag.language, versions: routes, isDraft: tag.isDraftOnly
        )
        return assemble(site: site(language: tag.language, currentSection: nil), page: page, listed: tag.pages, related: [], pagination: .null, language: tag.language)
    }

    /// The 404 page's context: a page of its own kind with no content.
    func notFoundContext(language: Int) -> Base {
        let title = strings[language].word("pageNotFound", english: "Page not found")
        let page = syntheticPage(kind: "notFound", title: title, route: router.notFoundFile(language), language: language)
        return assemble(site: site(language: language, currentSection: nil), page: page, listed: [], related: [], pagination: .null, language: language)
    }

    /// The site's root when the default language has a prefix of its own (`layouts/language-root.html`): a
    /// page in the default language whose language links lead to every language's home page.
    func languageRootContext() -> Base {
        let homes = Dictionary(uniqueKeysWithValues: model.languages.indices.map { ($0, router.homeRoute($0)) })
        let page = syntheticPage(
            kind: "languageRoot", title: model.languages[0].title ?? model.settings.title, route: router.homeRoute(0), language: 0, versions: homes
        )
        return assemble(site: site(language: 0, currentSection: nil), page: page, listed: [], related: [], pagination: .null, language: 0)
    }

    /// An alias of a page (`layouts/redirect.html`): `page.title`, `page.url` and `page.permalink` are the
    /// page it leads to, in that page's language.
    func redirectContext(to id: PageID) -> Base {
        let target = model[id]
        let page = syntheticPage(kind: "redirect", title: target.title, route: target.route, language: target.language)
        return assemble(site: site(language: target.language, currentSection: nil), page: page, listed: [], related: [], pagination: .null, language: target.language)
    }

    /// A page Briefing makes itself (tags, 404): every key a layout may ask for, empty. Its language links
    /// lead to its `versions` (a tag's page in each language that has the tag, by route), else to the other
    /// languages' home pages: for a tag another language lacks, as for a page not translated (`hasVersion`
    /// false); for the 404 page, which has nothing to translate, as its version.
    private func syntheticPage(kind: String, title: String, route: String, language: Int, versions: [Int: String]? = nil, isDraft: Bool = false) -> TemplateValue {
        let info = model.languages[language]
        return .map([
            "kind": .string(kind), "isHome": false, "isSection": false, "isPage": false, "draft": .bool(isDraft),
            "title": .string(title),
            "url": .string(router.url(route)),
            "permalink": .string(router.permalink(route)),
            "summary": .null, "description": .null, "date": .null, "updated": .null, "authors": [], "authorLine": .null,
            "tags": [], "hasTags": false, "content": .html(""), "hasToc": false, "toc": [], "wordCount": 0, "readingTime": 0,
            "readingTimeText": .null,
            "sources": [], "hasSources": false, "related": [], "hasRelated": false, "section": .null, "params": .map([:]),
            "jsonLD": .html(""),
            "language": .string(languageCode(language)), "lang": .string(languageCode(language)), "dir": direction(info.direction, override: nil),
            "ownLanguage": .null, "documentLang": .string(languageCode(language)), "documentDir": direction(info.direction, override: nil),
            "translations": [], "hasTranslations": false, "alternates": alternates(routes: versions ?? [:]),
            "languageLinks": languageLinks(language: language, routes: versions ?? [:], hasNothingToTranslate: versions == nil),
            "translationOf": .null, "isStale": false,
        ])
    }

    func tagURL(_ slug: String, language: Int) -> String {
        router.url(router.tagRoute(slug, language: language))
    }
}
