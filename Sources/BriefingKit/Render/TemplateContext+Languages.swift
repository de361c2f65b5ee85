import BriefingTemplates

/// What templates see of a page's languages: its `lang` and `dir`, its versions in the site's other
/// languages, the language switcher and the hreflang alternates.
extension TemplateContext {
    /// `dir` for `<html>`: always on a site of several languages or a right-to-left one; on a
    /// left-to-right site of one language only where a page sets it, so such a site's pages are as they were.
    func direction(_ direction: Language.Direction, override: Language.Direction?) -> TemplateValue {
        let direction = override ?? direction
        guard model.settings.isMultilingual || direction == .rtl || override != nil else { return .null }
        return .string(direction.rawValue)
    }

    func languageCode(_ language: Int) -> String { model.languageCode(language) }

    /// A page's `lang`, `dir` and `ownLanguage`, and what `<html>` takes (`documentLang`, `documentDir`):
    /// the page's own language, or where its title and text are in another language than the theme's words
    /// around them, the theme's, so that the words of each are read in their language (WCAG's language of
    /// parts) and the page's own parts are marked.
    func languageValues(of page: Page, filedUnder info: Language) -> KeyValuePairs<String, TemplateValue> {
        let lang: TemplateValue = .string(page.metadata.lang ?? languageCode(page.language))
        let dir = direction(info.direction, override: ownDirection(of: page, filedUnder: info.direction))
        guard let own = model.ownLanguage(of: page) else {
            return ["lang": lang, "dir": dir, "ownLanguage": .null, "documentLang": lang, "documentDir": dir]
        }
        return [
            "lang": lang, "dir": dir, "ownLanguage": .map(["lang": .string(own.code), "dir": .string(own.direction.rawValue)]),
            "documentLang": .string(languageCode(page.language)), "documentDir": .string(info.direction.rawValue),
        ]
    }

    /// The page's `dir:`, else the direction of its `lang:` (`lang: he` alone is right to left) when it is
    /// not that of the language it is filed under.
    private func ownDirection(of page: Page, filedUnder direction: Language.Direction) -> Language.Direction? {
        page.metadata.direction ?? page.metadata.lang.map(Language.direction(ofCode:)).flatMap { $0 == direction ? nil : $0 }
    }

    /// The language switcher's entries: every language of the site, each linking to the page's version
    /// in it, or to its home page when the page has none (`hasVersion` false, for the theme to say so;
    /// true for the 404 page Briefing makes, which has nothing to translate).
    func languageLinks(language: Int, versions: [Int: PageID]) -> TemplateValue {
        languageLinks(language: language, routes: versions.mapValues { model[$0].route })
    }

    /// The same for versions known by their routes (a tag's page in each language that has the tag).
    func languageLinks(language: Int, routes: [Int: String], hasNothingToTranslate: Bool = false) -> TemplateValue {
        guard model.settings.isMultilingual else { return [] }
        return .list(model.languages.enumerated().map { number, other in
            let route = routes[number]
            return .map([
                "code": .string(other.code), "name": .string(other.name), "dir": .string(other.direction.rawValue),
                "url": .string(router.url(route ?? router.homeRoute(number))),
                "isCurrent": .bool(number == language), "hasVersion": .bool(route != nil || number == language || hasNothingToTranslate),
            ])
        })
    }

    /// The page's versions by language, itself included; empty on a single-language site.
    func versions(of id: PageID) -> [Int: PageID] {
        guard model.settings.isMultilingual else { return [:] }
        var versions = [model[id].language: id]
        for other in model.translations(of: id) { versions[model[other].language] = other }
        return versions
    }

    /// A translation as `page.translations` lists it.
    func translation(_ id: PageID) -> TemplateValue {
        let page = model[id]
        let language = model.languages[page.language]
        return .map([
            "language": .string(language.code), "name": .string(language.name), "dir": .string(language.direction.rawValue),
            "title": .string(page.title), "url": .string(model.url(of: page)), "permalink": .string(router.permalink(page.route)),
        ])
    }

    /// `<link rel="alternate" hreflang>` for every version of a page, itself included, and `x-default` for
    /// the default language's: the same list on every version, so the links are reciprocal. A draft (in a
    /// `--drafts` preview) is never announced, as the sitemap leaves it out.
    func alternates(_ versions: [Int: PageID]) -> TemplateValue {
        alternates(routes: versions.filter { !model[$0.value].metadata.draft }.mapValues { model[$0].route })
    }

    /// The same for versions known by their routes.
    func alternates(routes: [Int: String]) -> TemplateValue {
        guard routes.count > 1 else { return [] }
        var links: [TemplateValue] = routes.keys.sorted().map { language in
            .map(["hreflang": .string(model.languages[language].code), "url": .string(router.permalink(routes[language]!))])
        }
        if let original = routes[0] {
            links.append(.map(["hreflang": "x-default", "url": .string(router.permalink(original))]))
        }
        return .list(links)
    }

    /// Page `listPage` of a section's list in every language: its alternates are the translations' same
    /// page of their lists, where they have one, and the switcher leads there, or to their first page.
    func pageOfList(_ value: TemplateValue, _ id: PageID, _ listPage: Int) -> TemplateValue {
        var same: [Int: String] = [:], nearest: [Int: String] = [:]
        for (language, version) in versions(of: id) {
            let count = model.sections[model[version].ownSectionKey]?.pages.count ?? 0
            let hasPage = (count + model.settings.pageSize - 1) / model.settings.pageSize >= listPage
            nearest[language] = router.route(of: model[version], listPage: hasPage ? listPage : 1)
            if hasPage { same[language] = nearest[language] }
        }
        return value.setting("alternates", alternates(routes: same))
            .setting("languageLinks", languageLinks(language: model[id].language, routes: nearest))
    }
}
