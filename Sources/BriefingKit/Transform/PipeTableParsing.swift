import BriefingMarkdown
import BriefingSupport

/// The Markdown of a table's cells and of the lines around it, parsed apart from the page's tree.
extension PipeTables {
    /// The lines after a table that start a block on GitHub (indented code, `2. …`), parsed as blocks with
    /// their indentation, each node placed where it stands in the body.
    static func blocks(
        _ lines: [BodyLines.Line], indentation: [Int], in document: MarkdownDocument, definitions: String, context: inout TransformContext
    ) -> [MarkdownNode] {
        let markdown = zip(lines, indentation).map { line, spaces in String(repeating: " ", count: spaces) + line.text }.joined(separator: "\n")
        let parsed = MarkdownDocument(markdown: markdown + "\n\n" + definitions, options: document.options)
        let linksAddresses = Autolinks.mayHoldAddress(context.page.body)
        return parsed.root.children.map { block in
            var copies: [(MarkdownNode, SourcePosition)] = []
            let copy = document.copy(block) { copy, from in
                let line = from.line - 1
                guard lines.indices.contains(line) else { return }
                copies.append((copy, lines[line].position(at: max(from.column - 1 - indentation[line], 0))))
            }
            for (node, position) in copies { context.diagnostics.place(node, at: position) }
            if linksAddresses { Autolinks.link(below: copy, in: document, context: &context) }
            return copy
        }
    }

    /// A paragraph's inlines as HTML, without the `<p>` around them.
    static func inlineHTML(_ paragraph: MarkdownNode) -> String {
        var html = paragraph.renderHTML()
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasSuffix("</p>") { html.removeLast(4) }
        return html
    }

    /// The page's link reference definitions (`[s]: https://…`), each on a line of its own as most are
    /// written, and each one only if cmark reads it as a definition, which makes no block: the cells are
    /// parsed in a document of their own, where `[State][s]` found no definition and showed as typed.
    static func linkDefinitions(in body: Substring) -> String {
        guard PlainText.contains("]:", in: body) else { return "" }
        var found = ""
        for line in body.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard line.count - trimmed.count <= 3, trimmed.hasPrefix("["), !trimmed.hasPrefix("[^"), trimmed.contains("]:") else { continue }
            if isLinkDefinition(trimmed) { found += trimmed + "\n\n" }
        }
        return found
    }

    /// Whether a line, read alone, is a link reference definition to cmark (`[s]: https://…`), which
    /// makes no block.
    static func isLinkDefinition(_ line: Substring) -> Bool {
        MarkdownDocument(markdown: String(line), options: MarkdownOptions()).root.firstChild == nil
    }

    /// The inlines of each text, as cmark parses a paragraph's, in one document. Each text is written
    /// after a `;` that is taken out again: a cell such as `# 1`, `> x`, `1. x` or `[a]: b` would
    /// otherwise be read as a heading, a quote, a list or a link definition, where GitHub reads inlines
    /// only; and `;` changes nothing about what follows (it is no delimiter, escape or smart punctuation).
    /// `definitions`, the page's link reference definitions, come after the texts and make no block of their own.
    static func parseInlines(_ texts: [String], options: MarkdownOptions, definitions: String = "") -> [MarkdownNode] {
        var markdown = ""
        for text in texts {
            markdown += ";"
            markdown += text
            markdown += "\n\n"
        }
        markdown += definitions
        let document = MarkdownDocument(markdown: markdown, options: options)
        let paragraphs = document.root.children
        for paragraph in paragraphs {
            guard let first = paragraph.firstChild, let literal = first.literal, literal.hasPrefix(";") else { continue }
            if literal.utf8.count == 1 { first.unlink() } else { first.literal = String(literal.dropFirst()) }
        }
        return paragraphs
    }
}
