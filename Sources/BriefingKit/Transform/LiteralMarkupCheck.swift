import BriefingMarkdown
import BriefingSupport

/// `briefing check`: Markdown that cmark read as text, shown to readers as typed: a link whose address
/// holds a space (`![Map](us bases.svg)`), a reference link no line defines (`[the SMA][sma-page]`), a
/// space between `]` and `(`, a heading without a space after its `#`s (`##Background`). Each is found in
/// a text node and then in the line as written, so that text an editor escaped (`\[x\](y)`) is left alone.
/// And Markdown in an image's title, its caption, which is plain text: a note's mark there is cited nowhere.
struct LiteralMarkupCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        for image in context.links(in: document) where image.kind == .image {
            guard let title = image.title, let markup = PlainFieldsCheck.markup(in: title) else { continue }
            context.diagnostics.warning(
                "'\(markup)' in an image's title is shown as typed: the title, its caption, is plain text; put a note's mark or a link in the text beside the image",
                at: image
            )
        }
        let page = context.page
        // Most pages have none of these marks outside their links.
        let marks: [StaticString] = ["](", "][", "] (", "##"]
        guard marks.contains(where: { PlainText.contains($0, in: page.body) }) else { return }
        // Each piece is looked for in its line: past a page's worth of messages, no more are looked for.
        var left = PageDiagnostics.limit
        for text in document.root.descendants(ofKind: .text) where left > 0 {
            // A text that an address written bare was cut from is placed, not positioned by cmark.
            guard let literal = text.literal, let start = context.diagnostics.ownPosition(of: text) else { continue }
            let startsParagraph = text.previous == nil && text.parent?.kind == .paragraph
            let mistakes = Self.mistakes(in: literal, startsParagraph: startsParagraph)
            guard !mistakes.isEmpty, let line = context.diagnostics.bodyLine(start.line) else { continue }
            for (typed, why) in mistakes.prefix(left) {
                left -= 1
                guard let found = line.range(of: typed) else { continue }
                let column = line.utf8.distance(from: line.startIndex, to: found.lowerBound) + 1
                context.diagnostics.warning("'\(typed)' is shown as typed: \(why)", at: SourcePosition(line: start.line, column: column))
            }
        }
    }

    /// The pieces of text that were meant as markup, each with what keeps it from being that: at most
    /// `mostPerText` of a text node, each found within `reach` bytes of its `]`, in one pass over the
    /// text's bytes. A line of a megabyte of `](` and no `[` is the same single pass.
    static func mistakes(in text: String, startsParagraph: Bool) -> [(String, String)] {
        var found: [(String, String)] = []
        let hashes = text.prefix { $0 == "#" }.count
        if startsParagraph, (2...6).contains(hashes), let after = text.dropFirst(hashes).first, !after.isWhitespace {
            found.append((String(text.prefix { !$0.isWhitespace }), "a heading takes a space after its #s"))
        }
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), paren = UInt8(ascii: "("), space = UInt8(ascii: " ")
        var lastOpen: Int?
        var index = 0
        while index < bytes.count, found.count < mostPerText {
            defer { index += 1 }
            if bytes[index] == open { lastOpen = index }
            guard bytes[index] == close, let start = lastOpen, index - start <= reach, index + 1 < bytes.count else { continue }
            let next = bytes[index + 1]
            let spaced = next == space && index + 2 < bytes.count && bytes[index + 2] == paren
            guard next == paren || next == open || spaced else { continue }
            let after = index + (spaced ? 3 : 2)
            let closer = next == open ? close : UInt8(ascii: ")")
            let limit = min(bytes.count, after + reach)
            let end = bytes[after..<limit].firstIndex(of: closer).map { $0 + 1 } ?? limit
            // `[sic] (1990)` is prose: only an address after the space is a link meant.
            if spaced {
                let inside = bytes[after..<max(after, end - 1)]
                guard !inside.contains(where: { $0 == space || $0 == 0x09 }), inside.contains(where: { "./#:".utf8.contains($0) }) else { continue }
            }
            let from = start > 0 && bytes[start - 1] == UInt8(ascii: "!") ? start - 1 : start
            // `[Home]({{ site.baseurl }}/)`: template code, which `TemplateCodeInText` tells of.
            let address = bytes[after..<end]
            if address.starts(with: "{{".utf8) || address.starts(with: "{%".utf8) { continue }
            let why = next == paren ? "its address holds a space (write it as %20) or a '(' or ')' out of place"
                : next == open ? "no line of the page defines that reference (like '[name]: https://…')"
                : "nothing may come between ']' and '(' in a link"
            found.append((String(decoding: bytes[from..<end], as: UTF8.self), why))
            lastOpen = nil
        }
        return found
    }

    /// Past this many on one line of text, the editor has seen the pattern.
    static let mostPerText = 20
    /// How far from its `]` a piece's `[` and its end are looked for: a link written as text is short.
    static let reach = 300
}
