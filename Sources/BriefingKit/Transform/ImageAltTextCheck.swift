import BriefingMarkdown

/// `briefing check`: an image without alt text is a warning at its line. Runs before links are
/// rewritten, so the message shows the image as the editor wrote it.
struct ImageAltTextCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        for image in context.links(in: document) where image.kind == .image && image.plainText.allSatisfy(\.isWhitespace) {
            context.diagnostics.warning(
                "image '\(image.url ?? "")' has no alt text: describe it in the brackets, ![like this](\(image.url ?? ""))", at: image
            )
        }
    }
}
