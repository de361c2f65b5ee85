import BriefingTemplates

/// The ids the default theme and the transforms give elements around and inside a page's content, in one
/// place: no heading takes one, and templates write them from `site.ids` (`{{site.ids.sourcesTitle}}`)
/// rather than spelling them out, so a theme that adds one adds it here.
enum ThemeIDs {
    static let named: KeyValuePairs<String, String> = [
        "main": "main",
        "tocTitle": "toc-title",
        "sourcesTitle": "sources-title",
        "relatedTitle": "related-title",
        "latestTitle": "latest-title",
        "topicsTitle": "topics-title",
        "notesTitle": "notes-title",
    ]

    /// Ids that are the same on every page.
    static let reserved = Set(named.map(\.value))

    /// The id of a page's source number `number` in its Sources list, which citation markers link to.
    /// The heading of a page's Notes, which its footnotes are listed under.
    static let notesTitle = "notes-title"

    static func source(_ number: Int) -> String { "source-\(number)" }

    static let templateValue = TemplateValue.map(TemplateMap(named.map { ($0.key, TemplateValue.string($0.value)) }))
}
