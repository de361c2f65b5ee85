import BriefingMarkdown
import BriefingSupport
import BriefingTemplates
import Foundation

/// GitHub's pipe tables, rendered with the accessible markup of data tables (the `data-table` partial):
///
///     | Year | Amount       |
///     |------|-------------:|
///     | 2026 | $1.2 billion |
///
///     Table: What Seoul pays
///
///     Source: [US Department of State](https://www.state.gov/)
///
/// cmark reads a table as one paragraph, and with smart punctuation would turn its `|---|` into dashes,
/// so the table is read from the paragraph's lines in the page's own text (found by the paragraph's
/// lines), never from cmark's text. Each cell's Markdown is parsed apart, and the cells stay in the tree
/// as paragraphs until every transform ran (links, figures, footnotes and words see them); only then is
/// the table's HTML made. A paragraph right after the table that starts with `Table:` is its caption,
/// one that starts with `Source:` or `Sources:` its sources (each link one source), which join the
/// page's numbered Sources.
struct PipeTables: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let body = context.page.body
        // Most pages have no pipe at all: nothing to walk.
        guard PlainText.contains(UInt8(ascii: "|"), in: body) else { return }
        var lines: BodyLines?
        for paragraph in document.root.descendants(ofKind: .paragraph) {
            let first = paragraph.start.line, last = paragraph.end.line
            guard first > 0, last > first else { continue }
            if lines == nil { lines = BodyLines(body) }
            let source = lines!.paragraphLines(paragraph)
            // A line indented four columns past its container is indented code to GitHub, which ends a table.
            let base = paragraph.parent?.kind == .document ? 1 : paragraph.start.column
            guard let table = Layout(source.map(\.text), indented: source.map { $0.column - base >= 4 }) else { continue }
            place(table, lines: source, replacing: paragraph, in: document, context: &context)
        }
    }

    /// Where a table starts in its paragraph, its alignments and its rows.
    struct Layout {
        /// Lines of the paragraph before the header row, which stay a paragraph.
        var before: Int
        var header: [PipeTableRows.Cell]
        var alignments: [PipeTableRows.Alignment]
        /// Padded or cut to the header's number of cells.
        var rows: [[PipeTableRows.Cell]]
        /// Lines after the last row (from a line that is no row), which become a paragraph again.
        var after: Int

        init?(_ lines: [Substring], indented: [Bool]) {
            for index in 1..<max(lines.count, 1) {
                guard let alignments = PipeTableRows.delimiterRow(lines[index]),
                      let header = PipeTableRows.cells(lines[index - 1]), header.count == alignments.count
                else { continue }
                self.before = index - 1
                self.header = header
                self.alignments = alignments
                var rows: [[PipeTableRows.Cell]] = []
                var next = index + 1
                while next < lines.count, !indented[next], let cells = PipeTableRows.cells(lines[next]) {
                    var row = Array(cells.prefix(header.count))
                    while row.count < header.count { row.append(PipeTableRows.Cell(text: "", offset: lines[next].utf8.count)) }
                    rows.append(row)
                    next += 1
                }
                self.rows = rows
                after = lines.count - next
                return
            }
            return nil
        }
    }

    private func place(
        _ table: Layout, lines: [BodyLines.Line], replacing paragraph: MarkdownNode, in document: MarkdownDocument, context: inout TransformContext
    ) {
        // One small document holds the Markdown of every cell, each a paragraph of its own.
        var pieces: [(text: String, position: SourcePosition)] = []
        if table.before > 0 {
            pieces.append((lines[..<table.before].map(\.text).joined(separator: "\n"), lines[0].position))
        }
        let headerLine = lines[table.before]
        for cell in table.header { pieces.append((cell.text, headerLine.position(at: cell.offset))) }
        for (index, row) in table.rows.enumerated() {
            let line = lines[table.before + 2 + index]
            for cell in row { pieces.append((cell.text, line.position(at: cell.offset))) }
        }
        if table.after > 0 {
            let rest = lines[(lines.count - table.after)...]
            pieces.append((rest.map(\.text).joined(separator: "\n"), rest.first!.position))
        }
        let parsed = PipeTables.parseInlines(pieces.map(\.text), options: document.options)
        // Each piece is one line or the lines of one paragraph, so it parses as one block; should one not
        // (text cmark reads otherwise than these lines say), the paragraph is left as cmark made it.
        guard parsed.count == pieces.count else { return }
        var made: [MarkdownNode] = []
        for (piece, source) in zip(pieces, parsed) {
            let holder = document.makeParagraph()
            for child in source.children { try? holder.appendChild(document.copy(child)) }
            context.diagnostics.place(holder, at: piece.position)
            made.append(holder)
        }
        var index = 0
        if table.before > 0 {
            try? paragraph.insertBefore(made[0])
            index = 1
        }
        let block = document.makeCustomBlock(onEnter: "", onExit: "")
        try? paragraph.insertBefore(block)
        let width = table.header.count
        let header = Array(made[index..<(index + width)])
        index += width
        var rows: [[MarkdownNode]] = []
        for _ in table.rows {
            rows.append(Array(made[index..<(index + width)]))
            index += width
        }
        for cell in header + rows.flatMap({ $0 }) { try? block.appendChild(cell) }
        var caption: MarkdownNode?
        var sources: [SourceReference] = []
        if table.after > 0 {
            try? paragraph.insertBefore(made[index])
        } else {
            (caption, sources) = takeCaptionAndSources(after: paragraph, into: block, context: &context)
        }
        // `Table: … {#id}` numbers the table and lets the page cite it.
        var id: String?
        if let caption, let last = caption.children.last, last.kind == .text, let literal = last.literal,
           let (rest, found) = CrossReferences.trailingID(literal) {
            if rest.isEmpty { last.unlink() } else { last.literal = rest }
            if context.number(.table, id: found, at: paragraph.start) { id = found }
        }
        paragraph.unlink()
        let citedSources = sources.map { source in (source, context.citations.cite(source)) }
        let alignments = table.alignments
        context.whenAllTransformsRan { context in
            let number = id.flatMap { context.numbered.number(of: $0, kind: .table) }
            do throws(Diagnostic) {
                block.onEnter = try PipeTables.html(
                    header: header, rows: rows, alignments: alignments, caption: caption, sources: citedSources, theme: context.theme, language: context.page.language,
                    id: id, numberLabel: number.map { NumberedElements.Kind.table.label($0, in: context.theme.strings[context.page.language]) }
                )
            } catch {
                context.diagnostics.append(error)
            }
            for child in block.children { child.unlink() }
        }
    }

    /// The paragraphs right after a table that give its caption (`Table: …`) and sources (`Source: …`):
    /// the caption moves into the table's block, so later transforms still see its links; the sources
    /// are cited now, and their paragraph goes.
    private func takeCaptionAndSources(
        after table: MarkdownNode, into block: MarkdownNode, context: inout TransformContext
    ) -> (MarkdownNode?, [SourceReference]) {
        var caption: MarkdownNode?
        var sources: [SourceReference]?
        var next = table.next
        while let node = next, node.kind == .paragraph, caption == nil || sources == nil {
            next = node.next
            if caption == nil, PipeTables.dropPrefix(["Table:"], from: node) {
                caption = node
                try? block.appendChild(node)
            } else if sources == nil, PipeTables.dropPrefix(["Sources:", "Source:"], from: node) {
                sources = PipeTables.sources(in: node, context: &context)
                node.unlink()
            } else {
                break
            }
        }
        return (caption, sources ?? [])
    }

    /// Whether the paragraph starts with one of the prefixes; if so, takes it (and the spaces after it) out.
    static func dropPrefix(_ prefixes: [String], from paragraph: MarkdownNode) -> Bool {
        guard let first = paragraph.firstChild, first.kind == .text, let literal = first.literal,
              let prefix = prefixes.first(where: { literal.hasPrefix($0) })
        else { return false }
        let rest = literal.dropFirst(prefix.count).drop { $0 == " " }
        if rest.isEmpty { first.unlink() } else { first.literal = String(rest) }
        return true
    }

    /// Each link of a `Source:` line is a source; a line without links is one source, its text.
    private static func sources(in paragraph: MarkdownNode, context: inout TransformContext) -> [SourceReference] {
        let links = paragraph.descendants(ofKind: .link)
        guard !links.isEmpty else {
            let text = paragraph.plainText.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? [] : [SourceReference(title: text, url: nil)]
        }
        var sources: [SourceReference] = []
        for link in links {
            let url = link.url ?? ""
            if let rejection = LinkURL.rejection(of: url) {
                context.diagnostics.error("the table's source: \(rejection)", at: link)
                continue
            }
            sources.append(SourceReference(title: link.plainText, url: url.isEmpty ? nil : url))
        }
        return sources
    }

    private static func html(
        header: [MarkdownNode], rows: [[MarkdownNode]], alignments: [PipeTableRows.Alignment], caption: MarkdownNode?,
        sources: [(SourceReference, Int)], theme: ThemeHTML, language: Int, id: String?, numberLabel: String?
    ) throws(Diagnostic) -> String {
        let classes = alignments.enumerated().map { column, alignment in
            TableDirective.columnClass(aligned: alignment.side, cells: rows.map { $0[column].plainText })
        }
        func optional(_ text: String) -> TemplateValue { text.isEmpty ? .null : .string(text) }
        let columns: [TemplateValue] = zip(header, classes).map { cell, cssClass in
            ["heading": .string(""), "headingHTML": .html(inlineHTML(cell)), "class": optional(cssClass)]
        }
        let rowValues: [TemplateValue] = rows.map { row in
            let cells: [TemplateValue] = zip(row, classes).enumerated().map { position, cellAndClass in
                [
                    "text": .string(""), "html": .html(inlineHTML(cellAndClass.0)), "url": .null,
                    "class": optional(cellAndClass.1), "isRowHeader": .bool(position == 0),
                ]
            }
            return ["cells": .list(cells)]
        }
        let values: [(String, TemplateValue)] = [
            ("caption", .null), ("captionHTML", caption.map { .html(inlineHTML($0)) } ?? .null),
            ("id", id.map(TemplateValue.string) ?? .null), ("numberLabel", numberLabel.map(TemplateValue.string) ?? .null),
            ("columns", .list(columns)), ("rows", .list(rowValues)),
        ]
        return try theme.dataTable(
            values, label: caption.map { PlainText.collapsingWhitespace($0.plainText) }, sources: sources.map { (source: $0.0, number: $0.1) },
            language: language
        )
    }

    /// A paragraph's inlines as HTML, without the `<p>` around them.
    static func inlineHTML(_ paragraph: MarkdownNode) -> String {
        var html = paragraph.renderHTML()
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasSuffix("</p>") { html.removeLast(4) }
        return html
    }

    /// The inlines of each text, as cmark parses a paragraph's, in one document. Each text is written
    /// after a `;` that is taken out again: a cell such as `# 1`, `> x`, `1. x` or `[a]: b` would
    /// otherwise be read as a heading, a quote, a list or a link definition, where GitHub reads inlines
    /// only; and `;` changes nothing about what follows (it is no delimiter, escape or smart punctuation).
    static func parseInlines(_ texts: [String], options: MarkdownOptions) -> [MarkdownNode] {
        var markdown = ""
        for text in texts {
            markdown += ";"
            markdown += text
            markdown += "\n\n"
        }
        let document = MarkdownDocument(markdown: markdown, options: options)
        let paragraphs = document.root.children
        for paragraph in paragraphs {
            guard let first = paragraph.firstChild, let literal = first.literal, literal.hasPrefix(";") else { continue }
            if literal.utf8.count == 1 { first.unlink() } else { first.literal = String(literal.dropFirst()) }
        }
        return paragraphs
    }
}

/// A page's body cut into lines, for transforms that read what cmark parsed differently (a table's
/// delimiter row, which smart punctuation would turn into dashes).
struct BodyLines {
    private let body: Substring
    /// Where each line starts in the body, in UTF-8 bytes.
    private let starts: [Int]

    struct Line {
        /// The line without the indentation and quote markers of the blocks around it.
        var text: Substring
        var line: Int
        /// 1-based byte column where `text` starts.
        var column: Int
        var position: SourcePosition { SourcePosition(line: line, column: column) }
        func position(at offset: Int) -> SourcePosition { SourcePosition(line: line, column: column + offset) }
    }

    /// Lines end where cmark's do: at a line feed, a carriage return, or both together. Counted otherwise,
    /// a lone carriage return put cmark's line numbers out of step with these lines.
    init(_ body: Substring) {
        self.body = body
        var starts = [0]
        var offset = 0
        var afterReturn = false
        for byte in body.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") {
                if afterReturn { starts[starts.count - 1] = offset } else { starts.append(offset) }
            } else if byte == UInt8(ascii: "\r") {
                starts.append(offset)
            }
            afterReturn = byte == UInt8(ascii: "\r")
        }
        self.starts = starts
    }

    /// The lines of a paragraph: its first from the paragraph's column, the others less the `>` of the
    /// quotes around it and their indentation.
    func paragraphLines(_ paragraph: MarkdownNode) -> [Line] {
        var quotes = 0
        var ancestor = paragraph.parent
        while let node = ancestor {
            if node.kind == .blockQuote { quotes += 1 }
            ancestor = node.parent
        }
        var lines: [Line] = []
        for number in paragraph.start.line...paragraph.end.line where number <= starts.count {
            var text = line(number)
            var column = 1
            if number == paragraph.start.line {
                let skip = min(max(paragraph.start.column - 1, 0), text.utf8.count)
                text = text.dropFirst(skip)
                column += skip
            } else {
                var left = quotes
                while true {
                    let spaces = text.prefix { $0 == " " || $0 == "\t" }
                    text = text.dropFirst(spaces.count)
                    column += spaces.utf8.count
                    guard left > 0, text.first == ">" else { break }
                    text = text.dropFirst()
                    column += 1
                    left -= 1
                }
            }
            lines.append(Line(text: text, line: number, column: column))
        }
        return lines
    }

    private func line(_ number: Int) -> Substring {
        let utf8 = body.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
        guard number < starts.count else { return body[start...] }
        var end = utf8.index(utf8.startIndex, offsetBy: starts[number] - 1)
        // A line feed after a carriage return ends the line with it.
        if utf8[end] == UInt8(ascii: "\n"), end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return body[start..<end]
    }
}
