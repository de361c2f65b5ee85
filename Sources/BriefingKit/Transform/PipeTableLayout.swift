extension PipeTables {
    /// Where a table starts in its paragraph, its alignments and its rows.
    struct Layout {
        var table: Table?
        /// The line of a delimiter row that makes no table because it is a lazy continuation line.
        var lazyDelimiterRow: Int?
        /// The first row that is a delimiter row: a second table written without a blank line before it.
        var delimiterAmongRows: Int?
        /// A delimiter row whose columns the row above does not match, which makes no table: its line, and
        /// the two counts.
        var unevenDelimiterRow: (line: Int, header: Int, delimiter: Int)?
        /// The rows with more cells than the header, whose last ones GitHub leaves out: their lines and counts.
        var overfullRows: [(line: Int, cells: Int)] = []

        struct Table {
            /// Lines of the paragraph before the header row, which stay a paragraph.
            var before: Int
            var header: [PipeTableRows.Cell]
            var alignments: [PipeTableRows.Alignment]
            /// Padded or cut to the header's number of cells.
            var rows: [[PipeTableRows.Cell]]
            /// Lines after the last row (from a line that is no row), which become a paragraph again.
            var after: Int
            /// Where the first of them starts a block that ends the table on GitHub (indented code, `2. …`,
            /// an HTML tag alone on its line): each after-line's indentation, to parse them as blocks.
            var blocksAfter: [Int]?
        }

        /// A delimiter row and the rows after it must continue the `depth` blocks around the paragraph
        /// (cmark-gfm starts neither on a lazy continuation line); a line indented four columns past
        /// `base`, the column of its container's text, is indented code to GitHub, which ends a table.
        init(_ source: ArraySlice<BodyLines.Line>, depth: Int, base: Int) {
            let lines = Array(source)
            for index in 1..<max(lines.count, 1) {
                guard let alignments = PipeTableRows.delimiterRow(lines[index].text),
                      var header = PipeTableRows.cells(lines[index - 1].text)
                else { continue }
                // A lazy header row keeps the spaces before its first `|`, which then ends an empty cell.
                let lazyHeader = index > 1 && lines[index - 1].continued < depth
                if lazyHeader, lines[index - 1].spaceAfterPrefixes, lines[index - 1].text.first == "|" {
                    header.insert(PipeTableRows.Cell(text: "", offset: 0), at: 0)
                    if header.count == alignments.count + 1, lazyDelimiterRow == nil { lazyDelimiterRow = index }
                }
                // Indented four columns, the line is more of the paragraph to cmark-gfm, which starts no table there.
                guard lines[index].indentation(within: depth, base: base) < 4 else { continue }
                guard header.count == alignments.count else {
                    if unevenDelimiterRow == nil, lazyDelimiterRow != index, lines[index].text.contains("|"), lines[index - 1].text.contains("|") {
                        unevenDelimiterRow = (index, header.count, alignments.count)
                    }
                    continue
                }
                guard lines[index].continued >= depth else {
                    if lazyDelimiterRow == nil { lazyDelimiterRow = index }
                    continue
                }
                var rows: [[PipeTableRows.Cell]] = []
                var next = index + 1
                while next < lines.count, lines[next].continued >= depth, lines[next].indentation(within: depth, base: base) < 4,
                      !PipeTableRows.startsBlock(lines[next].text), let cells = PipeTableRows.cells(lines[next].text) {
                    if delimiterAmongRows == nil, PipeTableRows.delimiterRow(lines[next].text) != nil { delimiterAmongRows = next }
                    if cells.count > header.count { overfullRows.append((next, cells.count)) }
                    var row = Array(cells.prefix(header.count))
                    while row.count < header.count { row.append(PipeTableRows.Cell(text: "", offset: lines[next].text.utf8.count)) }
                    rows.append(row)
                    next += 1
                }
                // cmark-gfm starts there what a paragraph would have taken as more text; the later lines'
                // indentation too, as a block they start may hold them (code, a list item's paragraph).
                let blocksAfter = next < lines.count && lines[next].continued >= depth
                    ? lines[next...].map { max(0, $0.indentation(within: depth, base: base)) } : nil
                table = Table(
                    before: index - 1, header: header, alignments: alignments, rows: rows, after: lines.count - next, blocksAfter: blocksAfter
                )
                unevenDelimiterRow = nil
                return
            }
        }
    }
}
