import BriefingMarkdown
import BriefingSupport
import BriefingTemplates

/// A FAQ answer as the HTML of its FAQPage JSON-LD, in the tags search engines read there (Google's list:
/// paragraphs, lists, headings, links, emphasis, line breaks, `div`): what the page shows, without the
/// theme's markup, citation marks or raw HTML. A table is its caption and a list item per row, each cell
/// after its column's heading ("Year: 2025; Paid: $1.4 billion"), then its source line: its text alone
/// ran the cells together ("Year Paid 2025 $1.4 billion").
enum FAQAnswerHTML {
    /// `origin` (`https://example.org`) makes the site's own links absolute; without one they are text.
    static func html(of blocks: [MarkdownNode], origin: String) -> String {
        var writer = Writer(origin: origin)
        for block in blocks { block.visitViews { node, entering in writer.visit(node, entering: entering) } }
        return PlainText.collapsingWhitespace(writer.html)
    }

    private struct Writer {
        let origin: String
        var html = ""
        /// Whether each link or custom block open wrote an `<a>` or a `<div>`, which its end then closes.
        var opened: [Bool] = []

        mutating func visit(_ node: MarkdownNode.NodeView, entering: Bool) {
            switch node.kind {
            case .text, .code:
                guard entering else { return }
                node.withLiteralBytes { html += HTMLEscape.escaped(String(decoding: $0, as: UTF8.self)) }
            case .codeBlock:
                guard entering else { return }
                node.withLiteralBytes { code in
                    let lines = String(decoding: code, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    html += "<p>" + lines.reversed().drop { $0.isEmpty }.reversed().map { HTMLEscape.escaped(String($0)) }.joined(separator: "<br>") + "</p>"
                }
            case .softBreak: html += " "
            case .lineBreak: html += "<br>"
            case .paragraph: if !node.isInTightList { html += entering ? "<p>" : "</p>" }
            case .heading: html += "<\(entering ? "" : "/")h\(node.headingLevel ?? 4)>"
            case .list: html += "<\(entering ? "" : "/")\(node.isOrderedList ? "ol" : "ul")>"
            case .item: html += entering ? "<li>" : "</li>"
            case .blockQuote: html += entering ? "<div>" : "</div>"
            case .emphasis: html += entering ? "<em>" : "</em>"
            case .strong: html += entering ? "<strong>" : "</strong>"
            case .link:
                if entering {
                    let href = address(node.url ?? "")
                    opened.append(href != nil)
                    if let href { html += "<a href=\"\(HTMLEscape.escaped(LinkURL.hrefEncoded(href)))\">" }
                } else if opened.popLast() == true {
                    html += "</a>"
                }
            case .customBlock:
                // What a transform rendered: a table (its HTML, no children), or a callout around its blocks.
                if !entering {
                    if opened.popLast() == true { html += "</div>" }
                } else if node.hasChildren {
                    opened.append(true)
                    html += "<div>" + (node.onEnter.map(Self.paragraph(ofText:)) ?? "")
                } else {
                    opened.append(false)
                    html += node.onEnter.map(Self.rows(ofRendered:)) ?? ""
                }
            case .document, .thematicBreak, .htmlBlock, .htmlInline, .customInline, .image:
                break
            }
        }

        /// An absolute address for a link search engines may follow; nil for one to leave as text (a
        /// fragment, an address of another scheme, a path of a site with no host).
        private func address(_ url: String) -> String? {
            let lowered = url.prefix(8).lowercased()
            if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") { return url }
            if url.hasPrefix("/"), !url.hasPrefix("//"), !origin.isEmpty { return origin + url }
            return nil
        }

        /// The words of rendered HTML (a callout's title), citation marks left out, as a paragraph.
        private static func paragraph(ofText rendered: String) -> String {
            let words = RawHTMLText.text(of: rendered, leavingOutMarks: true)
            return words.isEmpty ? "" : "<p>" + words + "</p>"
        }

        /// A rendered table as its caption and a list item per row, each cell after its column's heading;
        /// other rendered HTML as its words.
        private static func rows(ofRendered rendered: String) -> String {
            var caption: [String] = []
            // The words around the table: its source line.
            var after: [String] = []
            var rows: [[String]] = []
            var headings: [String]?
            var cell: [String]?
            var inCaption = false, inHead = false, marks = 0
            var html = rendered
            html.withUTF8 { bytes in
                HTMLScanner.scan(bytes) { part in
                    switch part {
                    case .text(let text) where marks == 0:
                        let words = String(decoding: text, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
                        if inCaption { caption += words } else if cell != nil { cell! += words } else { after += words }
                    case .startTag("sup", _): marks += 1
                    case .endTag("sup"): marks = max(marks - 1, 0)
                    case .startTag("caption", _): inCaption = true
                    case .endTag("caption"): inCaption = false
                    case .startTag("thead", _): inHead = true
                    case .endTag("thead"): inHead = false
                    case .startTag("tr", _): if inHead { headings = [] } else { rows.append([]) }
                    case .startTag("th", _), .startTag("td", _): cell = []
                    case .endTag("th"), .endTag("td"):
                        let text = (cell ?? []).joined(separator: " ")
                        if inHead { headings?.append(text) } else if !rows.isEmpty { rows[rows.count - 1].append(text) }
                        cell = nil
                    default: break
                    }
                }
            }
            guard !rows.isEmpty else { return paragraph(ofText: rendered) }
            let items = rows.map { row in
                "<li>" + row.enumerated().map { column, text in
                    guard let headings, column < headings.count, !headings[column].isEmpty else { return text }
                    let heading = headings[column]
                    return heading + ": " + text
                }.joined(separator: "; ") + "</li>"
            }
            func words(_ words: [String]) -> String { words.isEmpty ? "" : "<p>" + words.joined(separator: " ") + "</p>" }
            return words(caption) + "<ul>" + items.joined() + "</ul>" + words(after)
        }
    }
}
