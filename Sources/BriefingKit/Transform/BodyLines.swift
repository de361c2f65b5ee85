import BriefingMarkdown
import BriefingSupport

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
        /// How many of the paragraph's containers (outermost first) the line continues: all of them, or
        /// fewer for a lazy continuation line (a line of a list item's paragraph without the item's
        /// indentation, or of a quote's without its `>`), which cmark adds to the paragraph.
        var continued: Int
        /// Whether a lazy line starts with spaces after the prefixes of the blocks it continues: cmark
        /// keeps them in the paragraph, and cmark-gfm then reads a `|` after them as a cell's end.
        var spaceAfterPrefixes = false
        /// Where the prefixes of the first 0, 1, … containers the line continues end (1-based byte
        /// columns); nil outside containers, or where a tab makes columns and bytes differ.
        var prefixEnds: [Int]?
        var position: SourcePosition { SourcePosition(line: line, column: column) }
        func position(at offset: Int) -> SourcePosition { SourcePosition(line: line, column: column + offset) }

        /// The columns between the prefixes of the `depth` outermost containers and the text (four make
        /// indented code); `base` is where the text of the paragraph's container starts when the line's
        /// prefixes are not known.
        func indentation(within depth: Int, base: Int) -> Int {
            guard let prefixEnds, depth < prefixEnds.count else { return column - base }
            return column - prefixEnds[depth]
        }
    }

    /// A paragraph's lines and the block quotes and list items around it, outermost first.
    struct Paragraph {
        var lines: [Line]
        var containers: [MarkdownNode]
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
    func paragraph(_ paragraph: MarkdownNode) -> Paragraph {
        var containers: [MarkdownNode] = []
        var ancestor = paragraph.parent
        while let node = ancestor {
            if node.kind == .blockQuote || node.kind == .item { containers.append(node) }
            ancestor = node.parent
        }
        containers.reverse()
        let quotes = containers.count { $0.kind == .blockQuote }
        let prefixes = containers.isEmpty ? [] : self.prefixes(of: containers)
        var lines: [Line] = []
        for number in paragraph.start.line...paragraph.end.line where number <= starts.count {
            var text = line(number)
            var column = 1
            var continued = containers.count
            var spaceAfterPrefixes = false
            var prefixEnds: [Int]?
            if number == paragraph.start.line {
                let skip = min(max(paragraph.start.column - 1, 0), text.utf8.count)
                text = text.dropFirst(skip)
                column += skip
            } else {
                if let prefixes {
                    let bytes = Array(text.utf8)
                    prefixEnds = Self.prefixEnds(bytes, number: number, prefixes: prefixes[...])
                    if let ends = prefixEnds {
                        continued = ends.count - 1
                        spaceAfterPrefixes = continued < containers.count && ends[continued] <= bytes.count
                            && PipeTableRows.isSpaceChar(bytes[ends[continued] - 1])
                    }
                }
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
            lines.append(Line(text: text, line: number, column: column, continued: continued, spaceAfterPrefixes: spaceAfterPrefixes, prefixEnds: prefixEnds))
        }
        return Paragraph(lines: lines, containers: containers)
    }

    /// What a container asks of the lines it continues, as cmark reads them: a quote its `>` (after at
    /// most three spaces, and one optional space after it), a list item the indentation of its content.
    private struct Prefix {
        var isQuote: Bool
        var startLine: Int
        /// Where the container's content starts on its first line (1-based byte column).
        var contentColumn: Int
        /// For a list item: the spaces its later lines start with, from where the containers around it end.
        var indent = 0
    }

    /// Each container's prefix; nil where a tab makes columns and bytes differ, and every line is taken
    /// as continuing its containers.
    private func prefixes(of containers: [MarkdownNode]) -> [Prefix]? {
        var prefixes: [Prefix] = []
        for container in containers {
            let start = container.start
            guard start.line >= 1, start.line <= starts.count else { return nil }
            let bytes = Array(line(start.line).utf8)
            let isQuote = container.kind == .blockQuote
            guard let content = isQuote ? Self.quoteContent(bytes, at: start.column) : Self.itemContent(bytes, at: start.column)
            else { return nil }
            var prefix = Prefix(isQuote: isQuote, startLine: start.line, contentColumn: content)
            if !isQuote {
                guard let outer = Self.prefixEnds(bytes, number: start.line, prefixes: prefixes[...]),
                      outer.count == prefixes.count + 1, content > outer.last!
                else { return nil }
                prefix.indent = content - outer.last!
            }
            prefixes.append(prefix)
        }
        return prefixes
    }

    /// Where the prefixes of the containers line `number` continues end: one column for none, then one
    /// per container until the first it does not continue; nil when a tab stands where a prefix is read.
    private static func prefixEnds(_ bytes: [UInt8], number: Int, prefixes: ArraySlice<Prefix>) -> [Int]? {
        let space = UInt8(ascii: " ")
        func byte(_ column: Int) -> UInt8? { column >= 1 && column <= bytes.count ? bytes[column - 1] : nil }
        var ends = [1]
        for prefix in prefixes {
            var column = ends.last!
            if prefix.startLine == number {
                ends.append(prefix.contentColumn)
                continue
            }
            var next = column
            let most = prefix.isQuote ? 3 : prefix.indent
            while next - column < most, byte(next) == space { next += 1 }
            if byte(next) == UInt8(ascii: "\t") { return nil }
            if prefix.isQuote {
                guard byte(next) == UInt8(ascii: ">") else { break }
                column = next + 1
                if byte(column) == UInt8(ascii: "\t") { return nil }
                if byte(column) == space { column += 1 }
            } else {
                guard next - column == prefix.indent else { break }
                column = next
            }
            ends.append(column)
        }
        return ends
    }

    /// The column after a quote's `>` and the space that may follow it.
    private static func quoteContent(_ bytes: [UInt8], at column: Int) -> Int? {
        guard column >= 1, column <= bytes.count, bytes[column - 1] == UInt8(ascii: ">") else { return nil }
        if column < bytes.count, bytes[column] == UInt8(ascii: "\t") { return nil }
        return column < bytes.count && bytes[column] == UInt8(ascii: " ") ? column + 2 : column + 1
    }

    /// The column of a list item's content: after its marker (`-`, `+`, `*`, or up to nine digits and `.`
    /// or `)`) and one to four spaces; one space only when more follow (indented code) or the line ends there.
    static func itemContent(_ bytes: [UInt8], at column: Int) -> Int? {
        guard column >= 1, column <= bytes.count else { return nil }
        var end = column - 1
        if [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*")].contains(bytes[end]) {
            end += 1
        } else {
            while end < bytes.count, end - (column - 1) < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end > column - 1, end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") else { return nil }
            end += 1
        }
        var spaces = 0
        while end + spaces < bytes.count, bytes[end + spaces] == UInt8(ascii: " ") { spaces += 1 }
        if end + spaces < bytes.count, bytes[end + spaces] == UInt8(ascii: "\t") { return nil }
        let padding = spaces == 0 || spaces > 4 || end + spaces == bytes.count ? 1 : spaces
        return end + padding + 1
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
