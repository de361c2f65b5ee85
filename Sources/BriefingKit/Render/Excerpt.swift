import BriefingSupport

/// A one-line teaser cut at a word boundary, with an ellipsis when text was dropped.
enum Excerpt {
    /// What search engines, link previews and feed readers show of a page: its summary, else the start of
    /// its first paragraph, as lists show it; nil for a page with neither. Without it every page of a site
    /// would be described by the site's one description, which search engines take for duplicates.
    static func description(summary: String?, firstParagraph: String) -> String? {
        if let summary { return summary }
        let excerpt = make(firstParagraph)
        return excerpt.isEmpty ? nil : excerpt
    }

    static func make(_ text: String, limit: Int = 160) -> String {
        let collapsed = PlainText.collapsingWhitespace(text)
        guard collapsed.count > limit else { return collapsed }
        let cut = collapsed.prefix(limit)
        let boundary = cut.lastIndex(of: " ") ?? cut.endIndex
        var kept = String(cut[..<boundary])
        while let last = kept.last, last.isPunctuation { kept.removeLast() }
        return kept + "…"
    }
}
