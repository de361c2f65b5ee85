import BriefingMarkdown
import BriefingSupport

/// Pages that build but that no reader can use: an enormous body, or quotes nested past any meaning.
/// Each is a warning, so the editor hears of it without the site failing.
struct SizeLimits: DocumentTransform {
    static let maxBodyBytes = 5 * 1024 * 1024
    static let maxQuoteDepth = 16

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let bytes = context.page.body.utf8.count
        if bytes > SizeLimits.maxBodyBytes {
            let megabytes = Double(bytes) / 1_048_576
            context.diagnostics.warningAboutPage(
                "page is \((megabytes * 10).rounded() / 10) MB; over \(SizeLimits.maxBodyBytes / 1_048_576) MB it slows every build and every reader: split it"
            )
        }
        // Document order visits a quote before the quotes inside it, so each depth is its ancestor's plus one.
        var depths: [MarkdownNode: Int] = [:]
        for node in document.root.descendants(ofKind: .blockQuote) {
            var ancestor = node.parent
            while let current = ancestor, current.kind != .blockQuote { ancestor = current.parent }
            let depth = (ancestor.flatMap { depths[$0] } ?? 0) + 1
            depths[node] = depth
            if depth == SizeLimits.maxQuoteDepth + 1 {
                context.diagnostics.warning("quotes nested more than \(SizeLimits.maxQuoteDepth) deep; readers cannot follow them", at: node)
            }
        }
    }
}
