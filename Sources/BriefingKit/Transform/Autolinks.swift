import BriefingMarkdown
import BriefingSupport
import Foundation

/// GitHub's autolinks: an address written bare in the text (`https://www.state.gov/`, `www.usfk.mil`,
/// `press@example.org`) becomes a link, found by `AutolinkMatcher`. Runs first, so that a bare address on
/// a table's `Source:` line is a numbered source like a written link, and every later transform (link
/// checks, words, excerpts) sees a link; a pipe table's cells, parsed apart, are linked when they are made.
///
/// cmark splits a run of text at characters that might have been markup (`_`, `[`, an entity), so an address
/// is looked for in each run of adjacent text nodes read as one; nothing inside a link or an image is.
/// With smart punctuation, cmark made `'`, `"`, `--` and `...` into curly quotes and dashes before this
/// runs: they are read back as typed (`TypedText`), so that `“https://a.org/x”` ends before its quote as
/// it does on GitHub, and `a--b` in an address stays two hyphens; a dash typed as such ends an address.
struct Autolinks: DocumentTransform {
    func apply(to document: MarkdownDocument, context: inout TransformContext) {
        guard Self.mayHoldAddress(context.page.body) else { return }
        Self.link(below: document.root, in: document, context: &context)
    }

    /// Whether a page's Markdown may write an address bare: most pages write none, or only in links
    /// (`](https://…)`, `<https://…>`, `[id]: https://…`, `(mailto:a@b.org)`), which this tells apart by
    /// the byte before each address's word. Found with `memchr`: every page with a link asks.
    static func mayHoldAddress(_ body: Substring) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            func isBare(_ index: Int) -> Bool {
                var start = index
                while start > 0, bytes[start - 1] > 0x20, bytes[start - 1] != UInt8(ascii: "("), bytes[start - 1] != UInt8(ascii: "<") { start -= 1 }
                // A link's `](`, not a parenthesis of the prose's (`(see https://…)`).
                if start > 1, bytes[start - 1] == UInt8(ascii: "("), bytes[start - 2] == UInt8(ascii: "]") { return false }
                if start > 0, bytes[start - 1] == UInt8(ascii: "<") { return false }
                return !(start >= 3 && bytes[start - 3] == UInt8(ascii: "]") && bytes[start - 2] == UInt8(ascii: ":"))
            }
            for needle in [Array("://".utf8), Array("www.".utf8), [UInt8(ascii: "@")]] {
                var from = 0
                // Each of the needle's first byte found by `memchr`, the rest compared.
                while from < bytes.count, let found = memchr(base + from, Int32(needle[0]), bytes.count - from) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    from = index + 1
                    guard bytes.count - index >= needle.count, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) else { continue }
                    // `https://www.…`: the `://` before it was asked.
                    if needle[0] == UInt8(ascii: "w"), index > 0, bytes[index - 1] == UInt8(ascii: "/") { continue }
                    if isBare(index) { return true }
                }
            }
            return false
        }
    }

    /// Makes links of the bare addresses in the text below `root`.
    static func link(below root: MarkdownNode, in document: MarkdownDocument, context: inout TransformContext) {
        let smartPunctuation = context.model.settings.markdown.smartPunctuation
        var block: MarkdownNode?
        var brackets = 0
        for first in root.descendants(ofKind: .text) where first.previous?.kind != .text {
            var run = [first]
            while let next = run[run.count - 1].next, next.kind == .text { run.append(next) }
            var leaf = first.parent
            var inLink = false
            while let node = leaf, !node.kind.isBlock {
                if node.kind == .link || node.kind == .image { inLink = true }
                leaf = node.parent
            }
            // A `[` left open earlier in the same paragraph or heading keeps web addresses text.
            if leaf != block {
                block = leaf
                brackets = 0
            }
            guard !inLink else { continue }
            // An address holds `://`, `www.` or `@`, none of which cmark splits text at: a run without one in
            // any of its nodes (most runs, on a page with links) only counts its brackets.
            guard run.contains(where: { $0.withLiteralBytes(Self.holdsCandidate) == true }) else {
                for node in run { node.withLiteralBytes { countBrackets($0, into: &brackets) } }
                continue
            }
            let text = TypedText(run.map { $0.literal ?? "" }, smartPunctuation: smartPunctuation, body: context.page.body)
            let matches = AutolinkMatcher(text.bytes).matches(startsClear: startsClear(first), inBrackets: &brackets)
            if !matches.isEmpty { replace(run, with: matches, text: text, in: document, context: &context) }
        }
    }

    /// Whether a text holds `@`, `://` or `www`, each first byte found by `memchr`: every text of a page
    /// that writes an address bare is asked.
    private static func holdsCandidate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if memchr(base, Int32(UInt8(ascii: "@")), bytes.count) != nil { return true }
        // `first` followed by two `rest`: `://`, `www`.
        func holds(_ first: UInt8, then rest: UInt8) -> Bool {
            var from = 0
            while from < bytes.count, let found = memchr(base + from, Int32(first), bytes.count - from) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if index + 2 < bytes.count, bytes[index + 1] == rest, bytes[index + 2] == rest { return true }
                from = index + 1
            }
            return false
        }
        return holds(UInt8(ascii: ":"), then: UInt8(ascii: "/")) || holds(UInt8(ascii: "w"), then: UInt8(ascii: "w"))
    }

    /// The brackets of a text that holds no address, which later runs of its block need counted.
    private static func countBrackets(_ bytes: UnsafeBufferPointer<UInt8>, into brackets: inout Int) {
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "[")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "]")), bytes.count) != nil
        else { return }
        for byte in bytes where byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") {
            brackets = byte == UInt8(ascii: "[") ? brackets + 1 : max(brackets - 1, 0)
        }
    }

    /// Whether `www.` may start the run: it starts its block or a line, or follows emphasis (whose last
    /// character is `*` or `_`).
    private static func startsClear(_ first: MarkdownNode) -> Bool {
        guard let previous = first.previous else { return true }
        return [.softBreak, .lineBreak, .emphasis, .strong].contains(previous.kind)
    }

    /// Puts the run's text and links in the place of its nodes, in one pass however many addresses it
    /// holds: each new node placed where its first byte is written in the body.
    private static func replace(
        _ run: [MarkdownNode], with matches: [AutolinkMatcher.Match], text: TypedText, in document: MarkdownDocument,
        context: inout TransformContext
    ) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for node in run {
            starts.append(bytes.count)
            node.withLiteralBytes { bytes += $0 }
        }
        var node = 0
        func place(_ made: MarkdownNode, from offset: Int) {
            while node + 1 < run.count, starts[node + 1] <= offset { node += 1 }
            guard let position = context.diagnostics.ownPosition(of: run[node]) else { return }
            context.diagnostics.place(made, at: SourcePosition(line: position.line, column: position.column + offset - starts[node]))
        }
        var cursor = 0
        func addText(upTo end: Int) {
            guard cursor < end else { return }
            let made = document.makeText(String(decoding: bytes[cursor..<end], as: UTF8.self))
            try? run[0].insertBefore(made)
            place(made, from: cursor)
        }
        for match in matches {
            let range = text.original(match.range)
            addText(upTo: range.lowerBound)
            let link = document.makeLink(url: match.url, bare: true)
            try? link.appendChild(document.makeText(text.typed(match.range)))
            try? run[0].insertBefore(link)
            place(link, from: range.lowerBound)
            cursor = range.upperBound
        }
        addText(upTo: bytes.count)
        for node in run { node.unlink() }
    }
}

/// A run's text as the matcher reads it, each byte knowing the byte of the run it came from:
/// - curly quotes as `'` and `"`: typed or made by smart punctuation, they end an address as GitHub's
///   straight ones do (`“https://a.org/x”`);
/// - a dash or an ellipsis that smart punctuation made as the `--`, `---` or `...` typed (`a--b` in an
///   address stays two hyphens);
/// - one typed as such (pasted from a word processor: `https://a.org/report—it is long`) as a space, which
///   ends the address, where GitHub would run it on into the word after.
private struct TypedText {
    private(set) var bytes: [UInt8] = []
    /// For each byte of `bytes`, and one past the end, the offset of the byte it came from in the run.
    private var origins: [Int]?

    init(_ literals: [String], smartPunctuation: Bool, body: Substring) {
        for literal in literals { bytes += literal.utf8 }
        guard bytes.contains(0xE2) else { return }
        var typed: [UInt8] = []
        var origins: [Int] = []
        var index = 0
        while index < bytes.count {
            if let ascii = Self.asTyped(bytes, at: index) {
                let read = ascii.first == "'" || ascii.first == "\"" || smartPunctuation && !Self.isWritten(bytes, at: index, in: body) ? ascii : " "
                typed += read.utf8
                origins += repeatElement(index, count: read.utf8.count)
                index += 3
            } else {
                typed.append(bytes[index])
                origins.append(index)
                index += 1
            }
        }
        origins.append(bytes.count)
        self.bytes = typed
        self.origins = origins
    }

    /// Whether the character at `index` (three bytes) stands as such in the page's Markdown, after the
    /// text before it in the run: smart punctuation made it otherwise.
    private static func isWritten(_ bytes: [UInt8], at index: Int, in body: Substring) -> Bool {
        var from = max(0, index - 24)
        while from < index, bytes[from] & 0xC0 == 0x80 { from += 1 }
        return PlainText.contains(String(decoding: bytes[from..<(index + 3)], as: UTF8.self), in: body)
    }

    /// The range of the run's own bytes that `range` of the typed bytes came from.
    func original(_ range: Range<Int>) -> Range<Int> {
        guard let origins else { return range }
        // A typed byte that ends inside a curly character (the first `-` of `--`) takes all of it.
        let end = range.upperBound < origins.count - 1 && origins[range.upperBound] == origins[range.upperBound - 1]
            ? origins[range.upperBound - 1] + 3 : origins[range.upperBound]
        return origins[range.lowerBound]..<end
    }

    func typed(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// What smart punctuation made U+2018, U+2019, U+201C, U+201D, U+2013, U+2014 and U+2026 from.
    private static func asTyped(_ bytes: [UInt8], at index: Int) -> String? {
        guard bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return nil }
        switch bytes[index + 2] {
        case 0x98, 0x99: return "'"
        case 0x9C, 0x9D: return "\""
        case 0x93: return "--"
        case 0x94: return "---"
        case 0xA6: return "..."
        default: return nil
        }
    }
}
