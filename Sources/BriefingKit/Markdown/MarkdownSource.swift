import BriefingMarkdown
import BriefingSupport
import Foundation

/// A page's body parsed by cmark, after the one change the text needs first: footnote definitions.
///
/// cmark reads `[^note]: https://example.org` (or `[^note]: Word`, or `[^note]: Word "title"`) as a link
/// reference definition, drops the line from the tree and links every `[^note]` to it; its API offers no
/// way to see or refuse a definition, so no transform can recover the note from the tree. And a note's
/// indented continuation paragraphs would be read as indented code. So a line that starts (after at most
/// three spaces, outside code and raw HTML) with `[^label]:` is rewritten, before cmark parses, as the
/// start of an ordered list item whose content is indented four columns, exactly as GFM indents a note:
///
///     [^label]: text      →   1)  text        (an item of text: it may interrupt a paragraph, as GFM's may)
///     [^label]:           →   10)             (an empty first line: the note is the indented lines below)
///
/// A definition inside a quote or a list item (`> [^1]: …`) keeps their markers before its own.
/// Lines keep their numbers, so every position cmark reports stays right, except columns on the first
/// line of a definition after its label, which `MarkdownPositions` moves back where the editor wrote
/// them. `Footnotes` finds each rewritten item by its line and column, takes its blocks out and never lets
/// a definition render as a list. Pages without `[^` are parsed as they are.
struct MarkdownSource {
    let document: MarkdownDocument
    let footnotes: FootnoteSource

    init(body: Substring, options: MarkdownOptions) {
        guard FootnoteSource.mentionsFootnotes(body) else {
            document = MarkdownDocument(markdown: body, options: options)
            footnotes = FootnoteSource()
            return
        }
        let candidates = FootnoteSource.definitionLines(in: body)
        let plain = MarkdownDocument(markdown: body, options: options)
        guard !candidates.isEmpty else {
            document = plain
            footnotes = FootnoteSource(mentionsFootnotes: true)
            return
        }
        // Lines cmark made code or raw HTML keep their text: `[^1]:` in a code sample is code.
        var verbatim: [ClosedRange<Int>] = []
        for block in plain.root.descendants(ofKind: .codeBlock, .htmlBlock) where block.start.line > 0 {
            verbatim.append(block.start.line...max(block.start.line, block.end.line))
        }
        let definitions = candidates.filter { candidate in !verbatim.contains { $0.contains(candidate.line) } }
        guard !definitions.isEmpty else {
            document = plain
            footnotes = FootnoteSource(mentionsFootnotes: true)
            return
        }
        document = MarkdownDocument(markdown: FootnoteSource.rewritten(body, definitions)[...], options: options)
        footnotes = FootnoteSource(mentionsFootnotes: true, definitions: Dictionary(uniqueKeysWithValues: definitions.map { ($0.line, $0) }))
    }
}

/// What `MarkdownSource` learnt of a page's footnotes before cmark parsed it.
struct FootnoteSource: Sendable {
    /// The body has `[^` somewhere: only then can it cite a note.
    var mentionsFootnotes = false
    /// The rewritten definition lines, by their line in the body.
    var definitions: [Int: Definition] = [:]

    struct Definition: Sendable, Equatable {
        /// 1-based line in the body.
        var line: Int
        /// 1-based byte column of its `[`.
        var column: Int
        /// As written, between `[^` and `]`.
        var label: String
        /// Byte offsets in the line: where `[^` starts, and where the note's text starts (or the line ends).
        var markerStart: Int
        var textStart: Int
        var hasText: Bool
    }

    static func mentionsFootnotes(_ body: Substring) -> Bool {
        PlainText.contains(UInt8(ascii: "["), followedBy: UInt8(ascii: "^"), in: body)
    }

    /// Lines of the form `   [^label]: …` (at most three spaces first, after the markers of the quotes and
    /// list items it is in; a label of at least one character, without spaces or brackets).
    static func definitionLines(in body: Substring) -> [Definition] {
        var found: [Definition] = []
        var lineNumber = 0
        for line in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line)
            // A definition may stand in a quote or a list item, as on GitHub: `> [^1]: …`, `- [^1]: …`.
            var index = containerPrefix(bytes)
            let indent = index
            while index < bytes.count, index - indent < 4, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index - indent < 4, bytes.count >= index + 5, bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else { continue }
            let markerStart = index
            var end = index + 2
            while end < bytes.count, !isLabelEnd(bytes[end]) { end += 1 }
            guard end > index + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "]"), bytes[end + 1] == UInt8(ascii: ":") else { continue }
            let label = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            var textStart = end + 2
            while textStart < bytes.count, bytes[textStart] == UInt8(ascii: " ") || bytes[textStart] == UInt8(ascii: "\t") { textStart += 1 }
            let hasText = bytes[textStart...].contains { $0 != UInt8(ascii: "\r") }
            found.append(Definition(
                line: lineNumber, column: markerStart + 1, label: label, markerStart: markerStart, textStart: textStart, hasText: hasText
            ))
        }
        return found
    }

    /// How many bytes of block quote markers (`>`, `> `) and list markers (`-`, `*`, `+`, `1.`, `1)` and the
    /// spaces before their content) a line starts with, each after at most three spaces.
    private static func containerPrefix(_ bytes: [UInt8]) -> Int {
        let space = UInt8(ascii: " ")
        var end = 0
        while true {
            var index = end
            while index < bytes.count, index - end < 3, bytes[index] == space { index += 1 }
            guard index < bytes.count else { return end }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                if index < bytes.count, bytes[index] == space || bytes[index] == UInt8(ascii: "\t") { index += 1 }
                end = index
                continue
            }
            // A list marker, with text after a space (`-[^1]` is no item): its content as cmark reads it.
            guard let content = BodyLines.itemContent(bytes, at: index + 1), content - 1 < bytes.count, bytes[content - 2] == space
            else { return end }
            end = content - 1
        }
    }

    static func isLabelEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The body with each definition's `[^label]:` turned into a list marker; every line keeps its number.
    static func rewritten(_ body: Substring, _ definitions: [Definition]) -> String {
        var byLine: [Int: Definition] = [:]
        for definition in definitions { byLine[definition.line] = definition }
        var result: [UInt8] = []
        result.reserveCapacity(body.utf8.count + 8 * definitions.count)
        var lineNumber = 0
        var first = true
        for line in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if !first { result.append(UInt8(ascii: "\n")) }
            first = false
            guard let definition = byLine[lineNumber] else {
                result += line
                continue
            }
            let bytes = Array(line)
            result += bytes[..<definition.markerStart]
            if definition.hasText {
                result += "1)  ".utf8
                result += bytes[definition.textStart...]
            } else {
                result += "10)".utf8
                result += bytes[definition.textStart...]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Labels match as GitHub matches them: by Unicode case folding, so `[^ß]` is `[^SS]` and `[^ss]`,
    /// which lowercasing alone does not give. A mark's label is read from cmark's text, which smart
    /// punctuation curled (`[^don’t]`, `[^a–b]`) where the definition's, read from the line, was not:
    /// both are read as typed.
    static func key(_ label: String) -> String {
        let folded = label.folding(options: .caseInsensitive, locale: nil)
        guard folded.utf8.contains(where: { $0 >= 0xE2 }) else { return folded }
        var typed = ""
        for character in folded {
            switch character {
            case "\u{2018}", "\u{2019}": typed += "'"
            case "\u{201C}", "\u{201D}": typed += "\""
            case "\u{2013}": typed += "--"
            case "\u{2014}": typed += "---"
            case "\u{2026}": typed += "..."
            default: typed.append(character)
            }
        }
        return typed
    }
}
