import BriefingMarkdown
import BriefingSupport

/// `briefing check`: Markdown that cmark read as text, shown to readers as typed: a link whose address
/// holds a space (`![Map](us bases.svg)`), a reference link no line defines (`[the SMA][sma-page]`), a
/// space between `]` and `(`, a heading without a space after its `#`s (`##Background`). Each is found in
/// a text node and then in the line as written, so that text an editor escaped (`\[x\](y)`) is left alone.
struct LiteralMarkupCheck: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let page = context.page
        // Most pages have none of these marks outside their links.
        let marks: [StaticString] = ["](", "][", "] (", "##"]
        guard marks.contains(where: { PlainText.contains($0, in: page.body) }) else { return }
        for text in document.root.descendants(ofKind: .text) {
            guard let literal = text.literal, text.start.line > 0 else { continue }
            let startsParagraph = text.previous == nil && text.parent?.kind == .paragraph
            let mistakes = Self.mistakes(in: literal, startsParagraph: startsParagraph)
            guard !mistakes.isEmpty, let line = page.source.file.line(text.start.line + page.bodyLineOffset) else { continue }
            for (typed, why) in mistakes {
                guard let found = line.range(of: typed) else { continue }
                let column = line.utf8.distance(from: line.startIndex, to: found.lowerBound) + 1
                context.diagnostics.warning("'\(typed)' is shown as typed: \(why)", at: SourcePosition(line: text.start.line, column: column))
            }
        }
    }

    /// The pieces of text that were meant as markup, each with what keeps it from being that.
    static func mistakes(in text: String, startsParagraph: Bool) -> [(String, String)] {
        var found: [(String, String)] = []
        let hashes = text.prefix { $0 == "#" }.count
        if startsParagraph, (2...6).contains(hashes), let after = text.dropFirst(hashes).first, !after.isWhitespace {
            found.append((String(text.prefix { !$0.isWhitespace }), "a heading takes a space after its #s"))
        }
        for (joint, why) in [
            ("](", "its address holds a space (write it as %20) or a '(' or ')' out of place"),
            ("][", "no line of the page defines that reference (like '[name]: https://…')"),
            ("] (", "nothing may come between ']' and '(' in a link"),
        ] {
            var rest = text[...]
            while let middle = rest.range(of: joint) {
                rest = text[middle.upperBound...]
                guard let open = text[..<middle.lowerBound].lastIndex(of: "[") else { continue }
                let closer: Character = joint == "][" ? "]" : ")"
                let end = text[middle.upperBound...].firstIndex(of: closer).map { text.index(after: $0) } ?? text.endIndex
                // `[sic] (1990)` is prose: only an address after the space is a link meant.
                if joint == "] (" {
                    let inside = text[middle.upperBound..<end].dropLast()
                    guard !inside.contains(where: \.isWhitespace), inside.contains(where: { "./#:".contains($0) }) else { continue }
                }
                let start = open > text.startIndex && text[text.index(before: open)] == "!" ? text.index(before: open) : open
                found.append((String(text[start..<end]), why))
            }
        }
        return found
    }
}
