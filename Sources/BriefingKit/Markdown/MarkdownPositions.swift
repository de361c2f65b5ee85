import BriefingMarkdown
import BriefingSupport
import Foundation

/// Positions of Markdown nodes in their file: libcmark counts lines from the body's start and columns
/// in bytes, and gives some inline nodes no position at all (their block's position is the next best).
enum MarkdownPositions {
    static func location(of node: MarkdownNode, in page: Page) -> SourceLocation {
        var current: MarkdownNode? = node
        while let candidate = current, candidate.start.line == 0 { current = candidate.parent }
        guard let positioned = current else { return location(of: SourcePosition(line: 1, column: 1), in: page) }
        return location(of: start(of: positioned, lineStarts: lineStarts(of: page.body), body: page.body), in: page)
    }

    static func location(of position: SourcePosition, in page: Page) -> SourceLocation {
        let line = position.line + page.bodyLineOffset
        return page.source.file.location(line: line, byteColumn: position.column + definitionShift(line: line, column: position.column, in: page))
    }

    /// On the first line of a footnote definition cmark parsed `1)  text` where the editor wrote
    /// `[^label]: text` (see `MarkdownSource`): columns past the marker are that much further right.
    private static func definitionShift(line: Int, column: Int, in page: Page) -> Int {
        guard line > page.bodyLineOffset, let text = page.source.file.line(line),
              let definition = FootnoteSource.definitionLines(in: Substring(text)).first, definition.hasText
        else { return 0 }
        let rewrittenStart = definition.markerStart + "1)  ".utf8.count
        return column > rewrittenStart ? definition.textStart - rewrittenStart : 0
    }

    /// Where each line of `body` starts, in UTF-8 bytes from its start.
    static func lineStarts(of body: Substring) -> [Int] {
        var body = body
        return body.withUTF8 { bytes in
            var starts = [0]
            var index = 0
            while index < bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + index, 0x0A, bytes.count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(index)
            }
            return starts
        }
    }

    /// A positioned node's start. cmark places an inline on a paragraph's later line as if that line began
    /// as the paragraph's first did, inside the same quote markers and indentation: on a lazy continuation
    /// line, which has none (`> A quote` then `lazy [x](y.md)`; a note's line not indented), the column is
    /// that much too far right. Where the node's first character is not at cmark's column, it is looked for
    /// where the line would have it with less of that prefix.
    static func start(of node: MarkdownNode, lineStarts: [Int], body: Substring) -> SourcePosition {
        let start = node.start
        guard start.line > 1, start.line <= lineStarts.count, let opens = opening(of: node) else { return start }
        var body = body
        return body.withUTF8 { bytes in
            let lineStart = lineStarts[start.line - 1]
            let lineEnd = start.line < lineStarts.count ? lineStarts[start.line] : bytes.count
            func opensAt(_ column: Int) -> Bool { column >= 1 && lineStart + column - 1 < lineEnd && opens(bytes[lineStart + column - 1]) }
            // Most nodes are where cmark says: the paragraph is looked for only for those that are not.
            guard !opensAt(start.column), let block = paragraph(around: node), start.line > block.start.line else { return start }
            let prefix = block.start.column - 1
            guard let kept = (0..<max(prefix, 0)).first(where: { opensAt(start.column - prefix + $0) }) else { return start }
            return SourcePosition(line: start.line, column: start.column - prefix + kept)
        }
    }

    /// The paragraph or heading whose text holds an inline, within a few levels of nesting: an inline
    /// nested deeper (ten thousand images in one another) keeps cmark's column rather than a climb per node.
    private static func paragraph(around node: MarkdownNode) -> MarkdownNode? {
        var current = node.parent
        for _ in 0..<16 {
            guard let block = current else { return nil }
            if block.kind == .paragraph || block.kind == .heading { return block }
            current = block.parent
        }
        return nil
    }

    /// Whether a byte may be the first of the node as written, for the inlines messages point at.
    private static func opening(of node: MarkdownNode) -> ((UInt8) -> Bool)? {
        switch node.kind {
        case .link: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") }
        case .image: { $0 == UInt8(ascii: "!") }
        case .code: { $0 == UInt8(ascii: "`") }
        case .emphasis, .strong: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
        case .htmlInline: { $0 == UInt8(ascii: "<") }
        case .text:
            // An escape or an entity writes the text's first character another way.
            node.withLiteralBytes { $0.first }.flatMap { first in { $0 == first || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") } }
        default: nil
        }
    }
}
