import BriefingMarkdown

/// `briefing check`: a page without a summary, a level-1 heading in the body and headings that skip a level
/// are warnings; so are structures a sentence made without meaning to (a sentence over `---`, a year
/// starting a line). Runs after headings have their ids.
struct OutlineCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let page = context.page
        if page.kind == .page, !page.isStandIn, (page.metadata.summary ?? "").allSatisfy(\.isWhitespace) {
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
            // `The budget passed.` right over a line of `---` meant as a rule: a heading, in the contents too.
            if heading.level == 2, let text = context.diagnostics.bodyLine(heading.position.line), text.trimmingCharacters(in: .whitespaces).hasSuffix("."),
               let under = context.diagnostics.bodyLine(heading.position.line + 1), under.contains("-"),
               under.trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == "-" }) {
                context.diagnostics.warning(
                    "the line of '---' right under this sentence makes it a heading, listed in the contents: leave a blank line before '---' for a rule",
                    at: heading.position
                )
            }
        }
        // `1953. The armistice…` at the start of a line: a numbered list from 1953.
        for list in document.root.descendants(ofKind: .list) {
            guard let start = list.listStart, start >= 1000 else { continue }
            context.diagnostics.warning(
                "'\(start).' at the start of a line begins a numbered list from \(start): if it is a year, write \(start)\\. to keep it text", at: list
            )
        }
    }
}
