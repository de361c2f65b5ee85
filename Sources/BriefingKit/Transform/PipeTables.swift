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
    /// `briefing check` warns of a table without a `Source:` line (a build does not: a small table of
    /// words needs none).
    var warnsOfMissingSources = false
    /// A figure cited on a `Source:` line (`Source: [](figure:us-troops)`) is the table's source: its own.
    var figures: FigureCitations?

    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let pageMarkers = Markers(context.theme.strings[context.page.language])
        // Second captions of a table, warned of where the table took its first. Most pages have no pipe at
        // all: no table to look for.
        var warned: Set<MarkdownNode> = []
        if PlainText.contains(UInt8(ascii: "|"), in: context.page.body) { warned = makeTables(in: document, pageMarkers: pageMarkers, context: &context) }
        // A caption that follows no table (no blank line before it, a table that did not parse, or none at
        // all) is text readers see, `{#id}` and all; so is a source line, under an image as often as not,
        // which `check` tells of (its links are no numbered sources). Captions and sources taken by a table
        // are in its block by now. Most pages have no marker of any of the site's languages: no paragraph to look at.
        let body = context.page.body
        let written = { (marker: String) in Markers.isWritten(marker, in: body) }
        let anyMarker = context.model.languages.indices.contains { language in
            let markers = Markers(context.theme.strings[language])
            return markers.caption.contains(where: written) || warnsOfMissingSources && markers.source.contains(where: written)
        }
        guard anyMarker else { return }
        warnOfCaptionsReadAsDefinitions(context: &context)
        for paragraph in document.root.descendants(ofKind: .paragraph) where paragraph.parent?.kind != .customBlock && !warned.contains(paragraph) {
            guard let literal = PipeTables.leadingText(of: paragraph)?.literal else { continue }
            let markers = pageMarkers.inQuotation(around: paragraph, context: context)
            if markers.startsCaption(literal) {
                // Above a table block, whose caption is its `caption:` line.
                let directive = paragraph.next.map { $0.kind == .codeBlock && $0.fenceInfo?.split(separator: " ").first == "table" } ?? false
                context.diagnostics.warning(
                    directive
                        ? "a table block's caption is its 'caption:' line, so readers see this one as text: move it there"
                        : "this caption belongs to no table, so readers see it as text: put it right above or right after its table, a blank line between",
                    at: paragraph
                )
            } else if warnsOfMissingSources, markers.startsSource(literal) {
                context.diagnostics.warning(
                    "this source line follows no pipe table, so it is text, and its links are not among the page's numbered Sources: put it "
                        + "right after its table or caption (a table directive takes 'source:' and 'source-url:')",
                    at: paragraph
                )
            }
        }
    }

    /// `[표 1]: 분담금` is a link reference definition to cmark and GitHub: the line was gone from the page
    /// without a word.
    private func warnOfCaptionsReadAsDefinitions(context: inout TransformContext) {
        let body = context.page.body
        guard PlainText.contains("]:", in: body) else { return }
        let markers = context.model.languages.indices.map { Markers(context.theme.strings[$0]) }
        for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.drop { $0 == " " }
            guard line.count - text.count <= 3, text.first == "[", let close = text.firstIndex(of: "]"),
                  text[text.index(after: close)...].first == ":",
                  markers.contains(where: { Markers.match($0.caption, in: text[...close], numbered: true) != nil }),
                  PipeTables.isLinkDefinition(text)
            else { continue }
            let label = text[...close]
            context.diagnostics.warning(
                "'\(label):' makes this line a link definition (as on GitHub), so readers never see it: write the caption without the colon, "
                    + "'\(label) \(text[text.index(close, offsetBy: 2)...].drop { $0 == " " })', right above or after its table",
                at: SourcePosition(line: index + 1, column: line.count - text.count + 1)
            )
        }
    }

    /// Makes the page's tables; returns the second captions it warned of.
    private func makeTables(in document: MarkdownDocument, pageMarkers: Markers, context: inout TransformContext) -> Set<MarkdownNode> {
        var secondCaptions: Set<MarkdownNode> = []
        let body = context.page.body
        var lines: BodyLines?
        var definitions: String?
        // A setext heading is a paragraph whose last line is `---` or `===`: cmark read the lines above it
        // as the heading's text, where cmark-gfm reads a table, then a rule (`---`) or one more row.
        for paragraph in document.root.descendants(ofKind: .paragraph, .heading) {
            guard paragraph.start.line > 0, paragraph.end.line > paragraph.start.line else { continue }
            if lines == nil { lines = BodyLines(body) }
            var source = lines!.paragraph(paragraph)
            let base = paragraph.parent?.kind == .document ? 1 : paragraph.start.column
            if paragraph.kind == .heading {
                // cmark ends a setext heading on the line after its underline, blank or not (`    code`).
                if let last = source.lines.last, !last.text.contains(where: { $0 == "-" || $0 == "=" }) || last.text.contains(where: { !"-= \t".contains($0) }) {
                    source.lines.removeLast()
                }
                guard source.lines.count > 2, let underline = source.lines.last else { continue }
                if underline.text.allSatisfy({ $0 == "-" || $0 == " " || $0 == "\t" }), underline.text.count(where: { $0 == "-" }) >= 3 {
                    source.lines.removeLast()
                    guard let table = Layout(source.lines[...], depth: source.containers.count, base: base).table else { continue }
                    // After a block that ended the table (`    code`), the last lines are a paragraph, and the
                    // underline makes it a heading again, as on GitHub.
                    if table.blocksAfter != nil {
                        source.lines.append(underline)
                    } else {
                        try? paragraph.insertAfter(document.makeThematicBreak())
                    }
                }
            }
            let markers = pageMarkers.inQuotation(around: paragraph, context: context)
            var rest: (node: MarkdownNode, lines: ArraySlice<BodyLines.Line>, depth: Int)? = (paragraph, source.lines[...], source.containers.count)
            while let (node, lines, depth) = rest {
                rest = nil
                let layout = Layout(lines, depth: depth, base: base)
                if let lazy = layout.lazyDelimiterRow {
                    warnOfLazyTable(lines[lines.startIndex + lazy], containers: source.containers, context: &context)
                }
                if let uneven = layout.unevenDelimiterRow {
                    context.diagnostics.warning(
                        "this delimiter row has \(uneven.delimiter) column\(uneven.delimiter == 1 ? "" : "s") and the header row above it "
                            + "\(uneven.header), so there is no table, as on GitHub: readers see these lines as text, pipes and all; give both "
                            + "rows the same number of columns",
                        at: lines[lines.startIndex + uneven.line].position
                    )
                }
                guard let table = layout.table else { break }
                warnOfRowsMeantOtherwise(layout, table, lines: lines, markers: markers, context: &context)
                if definitions == nil { definitions = PipeTables.linkDefinitions(in: body) }
                let (after, secondCaption) = place(
                    table, lines: Array(lines), replacing: node, in: document, markers: markers, definitions: definitions ?? "", context: &context
                )
                if let secondCaption { secondCaptions.insert(secondCaption) }
                // A row without the indentation or `>` of the blocks around the table ends them, as it does
                // on GitHub: the lines from there are a paragraph after the first block they leave.
                guard let after, table.after > 0 else { continue }
                let first = lines[lines.endIndex - table.after]
                guard first.continued < depth else { continue }
                var outside = source.containers[first.continued]
                if let list = outside.parent, list.kind == .list { outside = list }
                after.unlink()
                try? outside.insertAfter(after)
                rest = (after, lines.suffix(table.after), first.continued)
            }
        }
        return secondCaptions
    }

    /// Rows an editor meant as something else, with no blank line before them (GitHub reads them as rows
    /// too): a second table's delimiter row, a caption or a source line.
    private func warnOfRowsMeantOtherwise(
        _ layout: Layout, _ table: Layout.Table, lines: ArraySlice<BodyLines.Line>, markers: Markers, context: inout TransformContext
    ) {
        if let row = layout.delimiterAmongRows {
            context.diagnostics.warning(
                "this is the delimiter row of a second table, which needs a blank line before it: as written, it and the line "
                    + "above it are rows of the table above (as on GitHub)",
                at: lines[lines.startIndex + row].position
            )
        }
        if let overfull = layout.overfullRows.first {
            let left = overfull.cells - table.header.count
            let others = layout.overfullRows.dropFirst().map { context.page.bodyLineOffset + lines[lines.startIndex + $0.line].position.line }
            let more = others.isEmpty ? "" : "; so are cells of the rows at \(Diagnostic.lines(others))"
            context.diagnostics.warning(
                "this row has \(overfull.cells) cells and the header \(table.header.count): its last \(left == 1 ? "cell is" : "\(left) cells are") "
                    + "left out, as on GitHub\(more); write a pipe inside a cell as \\|, or add a column to the header",
                at: lines[lines.startIndex + overfull.line].position
            )
        }
        let rows = lines.dropFirst(table.before + 2).prefix(table.rows.count)
        if let line = rows.first(where: { markers.startsCaption(String($0.text)) || markers.startsSource(String($0.text)) }) {
            context.diagnostics.warning(
                "this line is a row of the table above, not its caption or sources: leave a blank line before it", at: line.position
            )
        }
    }

    /// GitHub reads a table right after a list item's or a quote's text, on lines that lack the item's
    /// indentation or the quote's `>`, as more of that text, pipes and all; so does Briefing,
    /// and says so, since the editor meant a table.
    private func warnOfLazyTable(_ line: BodyLines.Line, containers: [MarkdownNode], context: inout TransformContext) {
        let left = containers[min(line.continued, containers.count - 1)]
        let fix = left.kind == .blockQuote
            ? "start each of its lines with `>` to keep it in the quote, or leave a blank line before it to end the quote"
            : "indent it to the item's text to keep it in the item, or leave a blank line before it to end the list"
        context.diagnostics.warning(
            "this table follows the \(left.kind == .blockQuote ? "quote" : "list item") above it without a blank line, so it is read as "
                + "that block's text, pipes and all (as GitHub does): \(fix)",
            at: line.position
        )
    }

    /// How many of the ascending `offsets` are at most `index`, found by halves: counted one by one for
    /// every node of a cell, a cell of 100,000 escaped pipes and code spans took seconds.
    static func count(_ offsets: [Int], upTo index: Int) -> Int {
        var low = 0, high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] <= index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Puts the table in the paragraph's place, with paragraphs for the lines before and after it;
    /// returns the one after it.
    private func place(
        _ table: Layout.Table, lines: [BodyLines.Line], replacing paragraph: MarkdownNode, in document: MarkdownDocument,
        markers: Markers, definitions: String, context: inout TransformContext
    ) -> (after: MarkdownNode?, secondCaption: MarkdownNode?) {
        // One small document holds the Markdown of every cell, each a paragraph of its own.
        // Each piece's text, where each of its lines starts in the body, and for a cell the escaped pipes
        // that put its bytes further right in the line than in its text.
        var pieces: [(text: String, lines: [SourcePosition], escapes: [Int])] = []
        if table.before > 0 {
            pieces.append((lines[..<table.before].map(\.text).joined(separator: "\n"), lines[..<table.before].map(\.position), []))
        }
        let headerLine = lines[table.before]
        for cell in table.header { pieces.append((cell.text, [headerLine.position(at: cell.offset)], cell.escapes)) }
        for (index, row) in table.rows.enumerated() {
            let line = lines[table.before + 2 + index]
            for cell in row { pieces.append((cell.text, [line.position(at: cell.offset)], cell.escapes)) }
        }
        if table.after > 0, table.blocksAfter == nil {
            let rest = lines[(lines.count - table.after)...]
            pieces.append((rest.map(\.text).joined(separator: "\n"), rest.map(\.position), []))
        }
        var parsed = PipeTables.parseInlines(pieces.map(\.text), options: document.options, definitions: definitions)
        // Each piece is one line or the lines of one paragraph, so it parses as one block; should one not
        // (text cmark reads otherwise than these lines say), the paragraph is left as cmark made it. The
        // lines after the table, their indentation gone, may read as a paragraph and more (`- - -`, a
        // rule), which follow it.
        var extra: [MarkdownNode] = []
        if table.after > 0, table.blocksAfter == nil, parsed.count > pieces.count, parsed[pieces.count - 1].kind == .paragraph {
            extra = Array(parsed[pieces.count...])
            parsed.removeLast(extra.count)
        }
        guard parsed.count == pieces.count else { return (nil, nil) }
        var made: [MarkdownNode] = []
        let linksAddresses = Autolinks.mayHoldAddress(context.page.body)
        for (piece, source) in zip(pieces, parsed) {
            let holder = document.makeParagraph()
            // Messages about a copied inline (raw HTML, a link) point where it stands in the body; the
            // piece's first line was parsed after a `;`.
            var copies: [(MarkdownNode, SourcePosition)] = []
            for child in source.children {
                try? holder.appendChild(document.copy(child) { copy, from in
                    let line = from.line - source.start.line
                    guard from.line > 0, piece.lines.indices.contains(line) else { return }
                    let start = piece.lines[line]
                    let index = max(from.column - (line == 0 ? 2 : 1), 0)
                    copies.append((copy, SourcePosition(line: start.line, column: start.column + index + PipeTables.count(piece.escapes, upTo: index))))
                })
            }
            for (copy, position) in copies { context.diagnostics.place(copy, at: position) }
            context.diagnostics.place(holder, at: piece.lines[0])
            if linksAddresses { Autolinks.link(below: holder, in: document, context: &context) }
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
        var after: MarkdownNode?
        if let indentation = table.blocksAfter {
            let rest = lines.suffix(table.after)
            for block in PipeTables.blocks(Array(rest), indentation: indentation, in: document, definitions: definitions, context: &context) {
                try? paragraph.insertBefore(block)
            }
        } else if table.after > 0 {
            after = made[index]
            try? paragraph.insertBefore(made[index])
            for node in extra.reversed() { try? made[index].insertAfter(document.copy(node)) }
        }
        // Lines after the rows leave the paragraphs after the table to them: only a caption above it counts then.
        let surroundings = takeCaptionAndSources(after: paragraph, into: block, markers: markers, andBelow: table.after == 0, context: &context)
        let caption = surroundings.caption, typedNumber = surroundings.typedNumber
        // Where the `Source:` line is, for numbering the page's sources in reading order.
        let sourceLine = surroundings.sourcesPosition
        // `Table: … {#id}` numbers the table and lets the page cite it.
        var id: String?
        if let caption, let last = caption.children.last, last.kind == .text, let literal = last.literal,
           let (rest, found) = CrossReferences.trailingID(literal) {
            if rest.isEmpty { last.unlink() } else { last.literal = rest }
            // A mistake in the id is reported where the caption gives it.
            if context.number(.table, id: found, at: context.diagnostics.position(of: "{#" + found + "}", in: caption)) { id = found }
        } else if let caption, let braces = CrossReferences.trailingNonID(caption.plainText) {
            context.diagnostics.warning(CrossReferences.nonIDMessage(braces, in: "caption"), at: context.diagnostics.position(of: braces, in: caption))
        }
        // A figure cited in the caption is numbered before the cells', as readers meet them.
        if let caption { context.read(caption, at: SourcePosition(line: lines[table.before].position.line, column: 0)) }
        // `Table 2: …` numbers the table too, in order with the others: the editor's number may be wrong.
        let typedAt = caption.map { context.diagnostics.position(of: $0) }
        if id == nil, typedNumber != nil, let typedAt { context.numbered.register(.table, at: typedAt) }
        let position = lines[table.before].position
        if warnsOfMissingSources, sourceLine == nil {
            let name = caption.map { PlainText.collapsingWhitespace($0.plainText) }.flatMap { $0.isEmpty ? nil : "'\($0)'" } ?? "without a caption"
            // The page's words, also for a table in a quotation in another language.
            let own = Markers(context.theme.strings[context.page.language])
            context.diagnostics.warning(
                "table \(name) cites no source: add a paragraph '\(own.ownSource) [publisher](https://…)' after it (or after its '\(own.ownCaption)' caption)",
                at: position
            )
        }
        // Its number and source line are the page's words, also in a quotation in another language.
        let marked = LanguageQuotes.pageLanguage(around: paragraph, context: context)
        paragraph.unlink()
        let alignments = table.alignments
        context.cite(surroundings.sources, at: sourceLine ?? position, of: block, enclosing: true) { context, cited in
            let language = context.page.language
            let strings = context.theme.strings[language]
            let given = id.flatMap { context.numbered.number(of: $0, kind: .table) }
                ?? typedNumber.flatMap { _ in typedAt.map { context.numbered.number(at: $0, kind: .table) } }
            if let given, let typedNumber, given != typedNumber, let typedAt {
                let shown = NumberedElements.Kind.table.label(given, in: strings)
                context.diagnostics.warning(
                    "this caption numbers its table \(typedNumber), but it is the page's numbered table \(given), so readers see '\(shown)': "
                        + "the build numbers tables in order; leave the number out of the caption",
                    at: typedAt
                )
            }
            let number = given.map { NumberedElements.Kind.table.label($0, in: strings) }
            do throws(Diagnostic) {
                let label = context.regionName(context.theme.tableLabel(caption: caption, numberLabel: number, language: language))
                block.onEnter = try PipeTables.html(
                    header: header, rows: rows, alignments: alignments, caption: caption, label: label, sources: cited, theme: context.theme,
                    language: language, marked: marked, id: id, numberLabel: number
                )
            } catch {
                context.diagnostics.error(DataTables.unrendered(of: nil, rows: rows.count, columns: header.count, error), at: position)
            }
            for child in block.children { child.unlink() }
        }
        return (after, surroundings.secondCaption)
    }

    private static func html(
        header: [MarkdownNode], rows: [[MarkdownNode]], alignments: [PipeTableRows.Alignment], caption: MarkdownNode?, label: String,
        sources: [(source: SourceReference, number: Int)], theme: ThemeHTML, language: Int, marked: Language?, id: String?, numberLabel: String?
    ) throws(Diagnostic) -> String {
        let classes = alignments.enumerated().map { column, alignment in
            DataTables.columnClass(aligned: alignment.side, cells: rows.map { $0[column].plainText })
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
        return try theme.dataTable(values, label: label, sources: sources, language: language, marked: marked)
    }
}
