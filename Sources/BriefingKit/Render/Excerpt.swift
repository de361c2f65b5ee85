import BriefingSupport

/// A one-line teaser cut at a word boundary, with an ellipsis when text was dropped.
enum Excerpt {
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
