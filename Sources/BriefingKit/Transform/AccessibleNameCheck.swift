import BriefingMarkdown

/// `briefing check`: an image without alt text, or a link without text (nor an image with alt text in
/// it), is a warning at its line: a screen reader has nothing to call it but its address. Runs before
/// links are rewritten, so the message shows the link as the editor wrote it. Briefing's citations
/// (`[](figure:…)`, `[](table:…)`) are left out: later transforms give them their text.
struct AccessibleNameCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        for node in context.links(in: document) where node.plainText.allSatisfy(\.isWhitespace) {
            let url = node.url ?? ""
            if node.kind == .image {
                context.diagnostics.warning("image '\(url)' has no alt text: describe it in the brackets, ![like this](\(url))", at: node)
            } else if !InternalLinks.isCitation(url), !url.isEmpty, LinkURL.isAllowed(url) {
                // A link with no address, or one no page may have (`figures:`, a citation misspelt), is an
                // error already, which says what to write.
                context.diagnostics.warning(
                    "link to '\(url)' has no text: a screen reader would read out its address; say where it leads, [like this](\(url))", at: node
                )
            }
        }
    }
}
