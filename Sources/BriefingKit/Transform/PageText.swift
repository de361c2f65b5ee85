import BriefingMarkdown
import BriefingSupport

/// Counts the page's words and its Han and Kana characters (for its reading time) and keeps its first paragraph as plain text (the
/// excerpt of a page without a summary). Runs before `HeadingAnchors`, whose blocks cmark no longer
/// shows the text of.
struct PageText: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        var firstParagraph = ""
        var words = 0
        var characters = 0
        document.root.visitViews { node in
            switch node.kind {
            case .paragraph where firstParagraph.isEmpty && node.isTopLevel:
                firstParagraph = node.handle(in: document).plainText
            case .text, .code, .codeBlock:
                let counts = node.withLiteralBytes(PlainText.readingCounts) ?? (words: 0, characters: 0)
                words += counts.words
                characters += counts.characters
            default:
                break
            }
        }
        context.report.firstParagraph = firstParagraph
        context.report.wordCount = words
        context.report.characterCount = characters
    }
}
