import BriefingMarkdown
import BriefingSupport

/// Counts the page's words and its Han and Kana characters (for its reading time) and keeps its first
/// paragraph with words as plain text (the excerpt of a page without a summary). Runs before
/// `HeadingAnchors`, whose blocks cmark no longer shows the text of.
struct PageText: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        var firstParagraph: (node: MarkdownNode, text: String)?
        var words = 0
        var characters = 0
        // Whether the text before ended inside a word: `Un*believ*able` is one word in three text nodes,
        // and so is `[link](/to/),` with its comma.
        var inWord = false
        document.root.visitViews { node in
            switch node.kind {
            case .text, .code:
                node.withLiteralBytes { bytes in
                    let counts = PlainText.readingCounts(bytes, inWord: &inWord)
                    words += counts.words
                    characters += counts.characters
                }
            case .emphasis, .strong, .link, .image, .htmlInline, .customInline:
                break
            case .paragraph where firstParagraph == nil && node.isTopLevel:
                // A paragraph of an image alone (a photo above the lede) has no words of the page's: an
                // image's alt text is no part of an excerpt.
                let paragraph = node.handle(in: document), text = paragraph.plainText(leavingOutImages: true)
                if !PlainText.isBlank(text) { firstParagraph = (paragraph, text) }
                inWord = false
            default:
                if node.kind == .codeBlock {
                    let counts = node.withLiteralBytes(PlainText.readingCounts) ?? (words: 0, characters: 0)
                    words += counts.words
                    characters += counts.characters
                }
                inWord = false
            }
        }
        // A page of lists and headings alone has no excerpt, but its words count all the same.
        context.report.wordCount = words
        context.report.characterCount = characters
        // A link to a section gets its heading's words only once headings have their ids.
        guard let (paragraph, text) = firstParagraph else { return }
        context.report.firstParagraph = text
        if PlainText.contains("](section:", in: context.page.body) {
            context.whenAllTransformsRan { $0.report.firstParagraph = paragraph.plainText(leavingOutImages: true) }
        }
    }
}
