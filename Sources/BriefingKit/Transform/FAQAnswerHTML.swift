import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// A FAQ answer as the HTML of its FAQPage JSON-LD, in the tags search engines read there (Google's list:
/// paragraphs, lists, headings, links, emphasis, line breaks, `div`): what the page shows, without the
/// theme's markup, citation marks or raw HTML. A table is its caption and a list item per row, each cell
/// after its column's heading ("Year: 2025; Paid: $1.4 billion"), then its source line: its text alone
/// ran the cells together ("Year Paid 2025 $1.4 billion").
enum FAQAnswerHTML {
    /// `page` is the page's address, for links to its own headings; `origin` (`https://example.org`)
    /// makes the site's links absolute. Without a host (a site built for a path alone), both are text.
    static func html(of blocks: [MarkdownNode], origin: String, page: String) -> String {
        var writer = Writer(origin: origin, page: page)
        for block in blocks { block.visitViews { node, entering in writer.visit(node, entering: entering) } }
        let html = writer.html.withUnsafeBufferPointer(PlainText.collapsingWhitespace)
        // A paragraph of images alone.
        return PlainText.contains("<p></p>", in: html[...]) ? html.replacingOccurrences(of: "<p></p>", with: "") : html
    }

    /// Whether the HTML holds any words outside its tags.
    static func showsWords(_ html: String) -> Bool {
        var inTag = false
        for byte in html.utf8 {
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">"): inTag = false
            case UInt8(ascii: " "): continue
            default: if !inTag { return true }
            }
        }
        return false
    }

    private struct Writer {
        let origin: String
        let page: String
        /// Gathered as bytes, each text escaped into them: a String for each of every answer's text nodes
        /// cost a fifth of a build of pages with FAQ sections.
        var html: [UInt8] = []
        /// Whether each link or custom block open wrote an `<a>` or a `<div>`, which its end then closes.
        var opened: [Bool] = []
        /// Inside raw HTML's `<script>` or `<style>` (a site that trusts its editors' HTML): text no reader sees.
        var hidden = false
        /// Inside an image, whose alt text stands for a picture the answer cannot hold.
        var images = 0

        private mutating func write(_ text: String) {
            html.append(contentsOf: text.utf8)
        }

        mutating func visit(_ node: MarkdownNode.NodeView, entering: Bool) {
            switch node.kind {
            case .text, .code:
                guard entering, !hidden, images == 0 else { return }
                node.withLiteralBytes { HTMLEscape.append($0, to: &html) }
            case .codeBlock:
                guard entering else { return }
                node.withLiteralBytes { code in
                    let lines = String(decoding: code, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    write("<p>" + lines.reversed().drop { $0.isEmpty }.reversed().map { HTMLEscape.escaped(String($0)) }.joined(separator: "<br>") + "</p>")
                }
            case .softBreak: write(" ")
            case .lineBreak: write("<br>")
            case .paragraph: if !node.isInTightList { write(entering ? "<p>" : "</p>") }
            case .heading: write("<\(entering ? "" : "/")h\(node.headingLevel ?? 4)>")
            case .list: write("<\(entering ? "" : "/")\(node.isOrderedList ? "ol" : "ul")>")
            case .item: write(entering ? "<li>" : "</li>")
            case .blockQuote: write(entering ? "<div>" : "</div>")
            case .emphasis: write(entering ? "<em>" : "</em>")
            case .strong: write(entering ? "<strong>" : "</strong>")
            case .link:
                if entering {
                    let href = address(node.url ?? "")
                    opened.append(href != nil)
                    if let href { write("<a href=\"\(HTMLEscape.escaped(LinkURL.hrefEncoded(href)))\">") }
                } else if opened.popLast() == true {
                    write("</a>")
                }
            case .customBlock:
                // What a transform rendered: a table (its HTML, no children), or a callout around its blocks.
                if !entering {
                    if opened.popLast() == true { write("</div>") }
                } else if node.hasChildren {
                    opened.append(true)
                    write("<div>" + (node.onEnter.map(Self.paragraph(ofText:)) ?? ""))
                } else {
                    opened.append(false)
                    write(node.onEnter.map(Self.rows(ofRendered:)) ?? "")
                }
            case .customInline:
                // The words a transform's mark shows (a task's "Done:"), not its citation marks.
                guard entering, let rendered = node.onEnter else { return }
                let words = RawHTMLText.text(of: rendered, leavingOutMarks: true)
                if !words.isEmpty { write(words + " ") }
            case .htmlBlock:
                guard entering else { return }
                node.withLiteralBytes { write(Self.paragraph(ofText: String(decoding: $0, as: UTF8.self))) }
            case .htmlInline:
                node.withLiteralBytes { tag in
                    let lowered = String(decoding: tag.prefix(8), as: UTF8.self).lowercased()
                    if lowered.hasPrefix("<script") || lowered.hasPrefix("<style") { hidden = true }
                    if lowered.hasPrefix("</script") || lowered.hasPrefix("</style") { hidden = false }
                }
            case .image: images += entering ? 1 : -1
            case .document, .thematicBreak:
                break
            }
        }

        /// An absolute address for a link search engines may follow: a web address, the site's own made
        /// absolute, a heading of the page, an e-mail address or a telephone number; nil for one to leave
        /// as text.
        private func address(_ url: String) -> String? {
            let lowered = url.prefix(8).lowercased()
            if ["https://", "http://", "mailto:", "tel:"].contains(where: lowered.hasPrefix) { return url }
            guard !origin.isEmpty else { return nil }
            if url.hasPrefix("#") { return page + url }
            if url.hasPrefix("/"), !url.hasPrefix("//") { return origin + url }
            return nil
        }

        /// The words of rendered HTML (a callout's title, trusted raw HTML), citation marks, scripts and
        /// styles left out, as a paragraph.
        private static func paragraph(ofText rendered: String) -> String {
            let words = RawHTMLText.text(of: rendered, leavingOutMarks: true)
            return words.isEmpty ? "" : "<p>" + words + "</p>"
        }

        /// A rendered table as its caption and a list item per row, each cell after its column's heading
        /// (an empty cell left out); other rendered HTML as its words. Struck words and citation marks
        /// are left out, as the page's text leaves them out.
        private static func rows(ofRendered rendered: String) -> String {
            var caption = "", after = ""
            var rows: [[String]] = []
            var headings: [String]?
            var cell: String?
            var inCaption = false, inHead = false, leftOut = 0
            var html = rendered
            html.withUTF8 { bytes in
                HTMLScanner.scan(bytes) { part in
                    switch part {
                    case .text(let bytes) where leftOut == 0:
                        let text = String(decoding: bytes, as: UTF8.self)
                        if inCaption { caption += text } else if cell != nil { cell! += text } else { after += text }
                    case .startTag("sup", _), .startTag("del", _): leftOut += 1
                    case .endTag("sup"), .endTag("del"): leftOut = max(leftOut - 1, 0)
                    case .startTag("caption", _): inCaption = true
                    case .endTag("caption"): inCaption = false
                    case .startTag("thead", _): inHead = true
                    case .endTag("thead"): inHead = false
                    case .startTag("tr", _): if inHead { headings = [] } else { rows.append([]) }
                    case .startTag("th", _), .startTag("td", _): cell = ""
                    case .endTag("th"), .endTag("td"):
                        let text = PlainText.collapsingWhitespace(cell ?? "")
                        if inHead { headings?.append(text) } else if !rows.isEmpty { rows[rows.count - 1].append(text) }
                        cell = nil
                    default: break
                    }
                }
            }
            guard !rows.isEmpty else { return paragraph(ofText: rendered) }
            let items = rows.map { row in
                "<li>" + row.enumerated().filter { !$0.element.isEmpty }.map { column, text in
                    guard let headings, column < headings.count, !headings[column].isEmpty else { return text }
                    return headings[column] + ": " + text
                }.joined(separator: "; ") + "</li>"
            }
            func words(_ text: String) -> String {
                let words = PlainText.collapsingWhitespace(text)
                return words.isEmpty ? "" : "<p>" + words + "</p>"
            }
            return words(caption) + "<ul>" + items.joined() + "</ul>" + words(after)
        }
    }
}
