import BriefingTemplates

/// How one piece of a page appears to templates: its authors and their line, its section, a table of
/// contents entry, a numbered source, a date in the page's language.
extension TemplateContext {
    func authors(of page: Page) -> [String] {
        if !page.metadata.authors.isEmpty { return page.metadata.authors }
        guard page.kind == .page, let author = model.languages[page.language].author ?? model.settings.author else { return [] }
        return [author]
    }

    func sectionValue(of page: Page) -> TemplateValue {
        guard page.kind == .page, let section = model.sections[page.sectionKey], !page.sectionPath.isEmpty else { return .null }
        return .map([
            "name": .string(section.path),
            "title": .string(section.title),
            "url": .string(router.url(section.route)),
        ])
    }

    func tocEntry(_ entry: TOCEntry) -> TemplateValue {
        .map([
            "id": .string(entry.id),
            "title": .string(entry.title),
            "level": .int(entry.level),
            "children": .list(entry.children.map(tocEntry)),
            "hasChildren": .bool(!entry.children.isEmpty),
        ])
    }

    func source(_ item: (offset: Int, element: SourceReference), language: Int) -> TemplateValue {
        .map(TemplateMap([
            ("id", .string(ThemeIDs.source(item.offset + 1))),
            ("number", .int(item.offset + 1)),
            ("title", .string(item.element.title)),
            // Written into `href` as cmark writes a link's: a `"` or a space in a source's address is invalid there.
            ("url", optional(item.element.url.map(LinkURL.hrefEncoded))),
            ("publisher", optional(item.element.publisher)),
            ("date", date(item.element.date, language: language)),
        ] + languageMark(of: item.element, onPageIn: model.languages[language].code)))
    }

    /// The `lang` and `dir` a template marks a source's title with on a page in `pageLanguage` (its code):
    /// none when the title is in the page's language or the editor did not say.
    private func languageMark(of source: SourceReference, onPageIn pageLanguage: String) -> [(String, TemplateValue)] {
        guard let language = source.language, language != pageLanguage else { return [("lang", .null), ("dir", .null)] }
        return [("lang", .string(language)), ("dir", .string(Language.direction(ofCode: language).rawValue))]
    }

    /// A date for templates: `iso` for `datetime`, `display` in the language's `dateFormat` (the English
    /// `8 April 2026` when its table has none).
    func date(_ date: PageDate?, language: Int) -> TemplateValue {
        guard let date else { return .null }
        return .map(["iso": .string(date.iso), "display": .string(strings[language].format(date) ?? date.display)])
    }

    func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.string) ?? .null
    }

    /// `A`, `A and B`, `A, B and C`, with the language's separators (`authorSeparator`, `authorLastSeparator`).
    func authorLine(_ names: [String], language: Int) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        let strings = strings[language]
        return TemplateContext.authorLine(
            names, separator: strings.word("authorSeparator", english: ", "), last: strings.word("authorLastSeparator", english: " and ")
        )
    }

    static func authorLine(_ names: [String], separator: String = ", ", last: String = " and ") -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: separator) + last + names.last!
    }

    /// The page's tags as links, one per tag page: `C++` and `C` share `tags/c/`, and the second is left out.
    func tagLinks(of page: Page, language: Int) -> [TemplateValue] {
        var seen: Set<String> = []
        return page.metadata.tags.compactMap { name in
            let slug = Taxonomy.slug(name)
            guard seen.insert(slug).inserted else { return nil }
            return .map(["name": .string(strings[language].tagName(name, slug: slug)), "url": .string(tagURL(slug, language: language))])
        }
    }
}
