import BriefingMarkdown
import BriefingSupport
import Foundation

/// Raw HTML in a site that does not trust it (`markdown.unsafe: false`): cmark would put
/// `<!-- raw HTML omitted -->` in its place, and an HTML block takes its whole paragraph with it
/// (`<div>Raw</div> and text` is one block). Instead the tags are dropped and the text kept, with a
/// warning at the line; a line break (`<br>`) leaves a space, so that the words it parted stay apart.
/// Comments are notes to editors: dropped without a word.
struct RawHTMLText: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        // Most pages have no `<` at all: they cost one scan of their bytes, not a walk of their tree.
        guard RawHTMLText.mayHoldHTML(context.page.body) else { return }
        var warnedBlocks: Set<MarkdownNode> = []
        // The tags opened so far, in reading order: a closing tag that closes none of them was warned of nowhere.
        var opened: Set<String> = []
        for node in document.root.descendants(ofKind: .htmlBlock, .htmlInline) {
            let html = node.literal ?? ""
            let text = RawHTMLText.text(of: html)
            let block = node.kind == .htmlBlock ? node : node.parent ?? node
            let tags = RawHTMLText.tags(in: html)
            let closesNothing = tags.closing.contains { !opened.contains($0) }
            opened.formUnion(tags.opening)
            if RawHTMLText.isWorthAWarning(html) || closesNothing, warnedBlocks.insert(block).inserted {
                // markdown.unsafe would not help there: a callout's title shows raw HTML as written.
                let advice = MarkerLine.isInCalloutTitle(node)
                    ? Callouts.rawHTMLInTitleAdvice : "set markdown.unsafe: true in site.yaml if you trust it"
                context.diagnostics.warning("raw HTML is left out: its tags are dropped and its text kept; \(advice)", at: node)
            }
            // An inline tag's text is already in the text nodes around it; a block's is in its literal.
            if node.kind == .htmlBlock, !text.isEmpty {
                let paragraph = document.makeParagraph()
                try? paragraph.appendChild(document.makeText(text))
                try? node.replace(with: paragraph)
            } else if node.kind == .htmlInline, tags.opening == ["br"] {
                try? node.replace(with: document.makeText(" "))
            } else {
                node.unlink()
            }
        }
    }

    /// The names of the start tags and of the end tags in `html`, in lower case.
    static func tags(in html: String) -> (opening: Set<String>, closing: Set<String>) {
        var html = html
        var opening: Set<String> = [], closing: Set<String> = []
        html.withUTF8 { bytes in
            HTMLScanner.scan(bytes) { part in
                switch part {
                case .startTag(let name, _): opening.insert(name)
                case .endTag(let name): closing.insert(name)
                case .text: break
                }
            }
        }
        return (opening, closing)
    }

    /// Whether the text has a `<` at all, found with memchr rather than byte by byte.
    static func mayHoldHTML(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil
        }
    }

    /// An opening or lone tag, not a comment or a closing tag (whose opening one was warned of).
    static func isWorthAWarning(_ html: String) -> Bool {
        let trimmed = html.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        return !trimmed.hasPrefix("<!--") && !trimmed.hasPrefix("</") || text(of: html) != ""
    }

    /// The words of HTML that Briefing or cmark rendered, the characters their escaping wrote as
    /// entities given back. Superscripts are left out: in what Briefing renders they are marks (a note's
    /// number, a citation's `[3]`), which the text of an answer or a caption leaves out elsewhere too.
    static func visibleText(ofRendered html: String) -> String {
        let words = text(of: html, leavingOutMarks: true)
        guard words.contains("&") else { return words }
        return words.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The text between the tags, whitespace collapsed; comments and the content of scripts and styles go,
    /// and with `leavingOutMarks` that of superscripts.
    static func text(of html: String, leavingOutMarks: Bool = false) -> String {
        var html = html
        var words: [Substring] = []
        var openMarks = 0
        html.withUTF8 { bytes in
            HTMLScanner.scan(bytes) { part in
                switch part {
                case .text(let text) where openMarks == 0:
                    words += String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace)
                case .startTag("sup", _) where leavingOutMarks:
                    openMarks += 1
                case .endTag("sup") where openMarks > 0:
                    openMarks -= 1
                default:
                    break
                }
            }
        }
        return words.joined(separator: " ")
    }
}
