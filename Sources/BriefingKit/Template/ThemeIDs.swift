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
        "tagsTitle": "tags-title",
    ]

    /// Ids that are the same on every page.
    static let reserved = Set(named.map(\.value))

    /// The heading of a page's Notes, which its footnotes are listed under.
    static let notesTitle = "notes-title"

    /// The id of a page's source number `number` in its Sources list, which citation markers link to.
    static func source(_ number: Int) -> String { "source-\(number)" }

    /// Whether an id is one a page has or may have of its own: the theme's, a source's (`source-2`), a
    /// note's or a citation of one (`fn-1`, `fnref-1-2`). An editor's `{#id}` must not repeat one: the
    /// page would hold it twice, and its links would lead to either.
    static func isPages(_ id: String) -> Bool {
        if reserved.contains(id) { return true }
        return ["source-", "fn-", "fnref-"].contains { prefix in
            let rest = id.utf8.dropFirst(prefix.utf8.count)
            return id.hasPrefix(prefix) && !rest.isEmpty && rest.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static let templateValue = TemplateValue.map(TemplateMap(named.map { ($0.key, TemplateValue.string($0.value)) }))
}
