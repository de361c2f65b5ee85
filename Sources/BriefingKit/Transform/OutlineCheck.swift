import BriefingMarkdown

/// `briefing check`: a page without a summary, a level-1 heading in the body and headings that skip a level
/// are warnings. Runs after headings have their ids.
struct OutlineCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let page = context.page
        if page.kind == .page, (page.metadata.summary ?? "").allSatisfy(\.isWhitespace) {
            context.diagnostics.warningAboutPage("page has no summary: add 'summary:' to the front matter for lists, feeds and search results")
        }
        // The page title is the h1, so the first heading of the body should be an h2.
        var previous = 1
        for heading in context.headings.headings {
            if heading.level == 1 {
                context.diagnostics.warning(
                    "a level-1 heading in the body: the page's title is its h1 already, and two make its outline unclear; use ## for its sections",
                    at: heading.position
                )
            } else if heading.level > previous + 1 {
                context.diagnostics.warning(
                    "heading level \(heading.level) follows level \(previous): use h\(previous + 1) so the outline has no gap", at: heading.position
                )
            }
            previous = heading.level
        }
    }
}
