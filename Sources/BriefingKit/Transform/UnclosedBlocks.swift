import BriefingMarkdown
import BriefingSupport

/// Blocks that a forgotten closing line turns into the rest of the page, which cmark (and GitHub) then
/// read as one block without a word:
/// - an HTML comment without its `-->` (and a `<script>`, `<style>`, `<pre>`, `<textarea>`, `<?…`, `<!X…`
///   or `<![CDATA[…` without its end) hides every block after it from readers: an error, since no preview
///   shows what is missing;
/// - a `<!--` in a paragraph whose `-->` is not in that paragraph is no comment at all: readers see it, and
///   the note it was meant to hide (an error: such notes are often not for readers);
/// - a code fence never closed shows the rest of the page as code: a warning, since a preview shows it.
///
/// Runs on the tree as cmark made it, in sites that trust raw HTML and those that do not.
struct UnclosedBlocks: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        let body = context.page.body
        // Most pages have no `<` at all, and are asked nothing more about HTML.
        let html = RawHTMLText.mayHoldHTML(body)
            && (PlainText.contains("<!", in: body) || PlainText.contains("<?", in: body) || Self.mayOpenRawTextBlock(body))
        let fences = PlainText.contains("```", in: body) || PlainText.contains("~~~", in: body)
        guard html || fences else { return }
        for block in document.root.descendants(ofKind: .htmlBlock, .codeBlock) {
            if block.kind == .htmlBlock {
                if html { checkHTML(block, context: &context) }
            } else if fences {
                checkFence(block, context: &context)
            }
        }
        if html, PlainText.contains("<!--", in: body) { checkCommentsInParagraphs(document, context: &context) }
    }

    /// `<script`, `<style`, `<pre`, `<textarea`: only these open a block that blank lines do not end.
    private static func mayOpenRawTextBlock(_ body: Substring) -> Bool {
        ["<script", "<style", "<pre", "<textarea", "<SCRIPT", "<STYLE", "<PRE", "<TEXTAREA"].contains { PlainText.contains($0, in: body) }
    }

    /// The kinds of HTML block that only their end condition closes (CommonMark's kinds 1 to 5), with the
    /// text that ends each and what the editor calls it.
    private static func ending(of literal: Substring) -> (end: String, name: String)? {
        let lowered = literal.prefix(12).lowercased()
        for tag in ["script", "style", "pre", "textarea"] where lowered.hasPrefix("<" + tag) {
            let after = lowered.dropFirst(tag.count + 1).first
            if after == nil || after == ">" || after == " " || after == "\t" || after == "\n" { return ("</\(tag)>", "'<\(tag)>'") }
        }
        if literal.hasPrefix("<!--") { return ("-->", "HTML comment") }
        if literal.hasPrefix("<![CDATA[") { return ("]]>", "'<![CDATA['") }
        if literal.hasPrefix("<?") { return ("?>", "'<?'") }
        if literal.hasPrefix("<!"), literal.dropFirst(2).first.map({ $0.isASCII && $0.isLetter }) == true { return (">", "'<!'") }
        return nil
    }

    private func checkHTML(_ block: MarkdownNode, context: inout TransformContext) {
        guard let literal = block.literal else { return }
        let opening = literal.drop { $0 == " " }
        guard let (end, name) = Self.ending(of: opening) else { return }
        let searched = end.hasPrefix("</") ? opening.lowercased()[...] : opening
        guard !searched.contains(end) else { return }
        // What it took from the page: the blocks after its first blank line.
        guard let blank = literal.range(of: "\n\n"), literal[blank.upperBound...].contains(where: { !$0.isWhitespace }) else { return }
        let taken = literal[blank.upperBound...].split(separator: "\n").count
        let lines = "\(taken) line\(taken == 1 ? "" : "s")"
        context.diagnostics.error(
            "this \(name) is never closed with '\(end)', so it runs \(Self.reach(of: block)) and "
                + (end == "-->" ? "hides the \(lines) after it from readers" : "takes the \(lines) after it into it, headings and all")
                + ": end it with '\(end)'",
            at: block
        )
    }

    private func checkFence(_ block: MarkdownNode, context: inout TransformContext) {
        // Read as bytes: every code block of a page that has a fence asks.
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        guard block.start.line > 0, let first = context.diagnostics.bodyLine(block.start.line) else { return }
        let opening = first.utf8.dropFirst(max(block.start.column - 1, 0)).drop { $0 == space }
        guard let character = opening.first, character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return }
        let length = opening.prefix { $0 == character }.count
        guard length >= 3 else { return }
        // The last line closes the block when it is a fence as long at least, whatever prefixes (`>`,
        // indentation) stand before it.
        if block.end.line > block.start.line, let last = context.diagnostics.bodyLine(block.end.line) {
            let text = last.utf8.drop { $0 == space || $0 == tab || $0 == UInt8(ascii: ">") }
            let run = text.prefix { $0 == character }.count
            if run >= length, text.dropFirst(run).allSatisfy({ $0 == space || $0 == tab }) { return }
        }
        let fence = String(repeating: Character(Unicode.Scalar(character)), count: length)
        let lines = block.end.line - block.start.line
        context.diagnostics.warning(
            "this code block's fence '\(fence)' is never closed, so it runs \(Self.reach(of: block)) and readers see the \(lines) "
                + "line\(lines == 1 ? "" : "s") after it as code: end it with '\(fence)' on a line of its own",
            at: SourcePosition(line: block.start.line, column: block.start.column)
        )
    }

    /// Where an unclosed block stops: the end of the page, or of the quote or list item that holds it.
    private static func reach(of block: MarkdownNode) -> String {
        switch block.parent?.kind {
        case .blockQuote: "to the end of its quote"
        case .item: "to the end of its list item"
        default: "to the end of the page"
        }
    }

    /// `Public text. <!-- EDITOR: cut this` with the note in the next paragraph: cmark reads no comment,
    /// and the page shows both, `<!--` and all.
    private func checkCommentsInParagraphs(_ document: MarkdownDocument, context: inout TransformContext) {
        for paragraph in document.root.descendants(ofKind: .paragraph) where paragraph.start.line > 0 {
            // A comment cmark read is raw HTML, not text: only text can hold the `<!` of one it did not.
            guard paragraph.descendants(ofKind: .text).contains(where: { $0.literal?.contains("<!") == true }) else { continue }
            let lines = (paragraph.start.line...max(paragraph.start.line, paragraph.end.line)).compactMap { number in
                context.diagnostics.bodyLine(number).map { (number, $0) }
            }
            guard let (number, column) = Self.unreadComment(in: lines) else { continue }
            context.diagnostics.error(
                "this '<!--' opens no comment, since its '-->' is not in the same paragraph: readers see it and the text after it; "
                    + "end the comment before the next blank line, or write '<!--' and '-->' on lines of their own around the lines to hide",
                at: SourcePosition(line: number, column: column)
            )
        }
    }

    /// The line and byte column of a `<!--` in a paragraph's lines that no `-->` after it in the paragraph
    /// closes, and that no `\` or code span keeps as text on purpose.
    private static func unreadComment(in lines: [(number: Int, text: Substring)]) -> (Int, Int)? {
        var inCode = false
        var opened: (Int, Int)?
        for (number, text) in lines {
            var bytes = text.utf8[...]
            while let byte = bytes.first {
                let column = text.utf8.distance(from: text.utf8.startIndex, to: bytes.startIndex) + 1
                if opened != nil {
                    if bytes.starts(with: "-->".utf8) { opened = nil }
                } else if byte == UInt8(ascii: "`") {
                    inCode.toggle()
                } else if byte == UInt8(ascii: "\\") {
                    bytes = bytes.dropFirst(2)
                    continue
                } else if !inCode, bytes.starts(with: "<!--".utf8) {
                    opened = (number, column)
                    bytes = bytes.dropFirst(4)
                    continue
                }
                bytes = bytes.dropFirst()
            }
        }
        return opened
    }
}
