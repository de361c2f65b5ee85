import BriefingMarkdown
import BriefingSupport

/// `briefing check`: the archetypes' `TK:` hints (see `Placeholder`) still in a page, in its front matter
/// or its text. An error in a page about to be published, a warning in a draft.
struct PlaceholderCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let page = context.page
        let severity: Diagnostic.Severity = page.metadata.draft ? .warning : .error
        let metadata = page.metadata
        // Each with the key its place is recorded under and the name the message gives it.
        var fields: [(key: String, name: String, text: String)] = []
        if let title = metadata.title { fields.append(("title", "title", title)) }
        let summary = metadata.locations["summary"] == nil ? "description" : "summary"
        if let text = metadata.summary { fields.append((summary, summary, text)) }
        let authors = "author" + (metadata.locations["authors"] == nil ? "" : "s")
        fields += metadata.authors.map { (authors, authors, $0) }
        fields += metadata.sources.enumerated().map { (PageMetadata.sourceKey($0.offset, "title"), "sources", $0.element.title) }
        // A key of the site's own (`region: "TK: region"`), which its templates show.
        for (key, value) in metadata.params {
            if case .string(let text) = value { fields.append((key, key, text)) }
        }
        for (key, name, text) in fields where Placeholder.marks(text[...]) {
            let location = metadata.locations[key] ?? page.source.file.location(line: 1, column: 1)
            context.diagnostics.append(page.source.file.diagnostic(severity, PlaceholderCheck.message(text, in: "'\(name)'"), at: location))
        }
        guard page.body.contains(Placeholder.mark) else { return }
        // Headings, callout titles and table cells are text still: this runs before they become HTML.
        for text in document.root.descendants(ofKind: .text) {
            guard let literal = text.literal, Placeholder.marks(literal[...]) else { continue }
            // At the mark, and quoted from it: the text after a link starts with the space before it.
            let message = PlaceholderCheck.message(String(literal[(literal.range(of: Placeholder.mark)?.lowerBound ?? literal.startIndex)...]), in: "the text")
            let position = context.diagnostics.position(of: Placeholder.mark, in: text)
            if severity == .error { context.diagnostics.error(message, at: position) } else { context.diagnostics.warning(message, at: position) }
        }
    }

    static func message(_ text: String, in place: String) -> String {
        let shown = text.count > 60 ? text.prefix(57) + "…" : text[...]
        return "placeholder left in \(place): '\(shown)'; write it, or remove it, before publishing"
    }
}
