import BriefingMarkdown
import BriefingSupport

/// Positions of Markdown nodes in their file: libcmark counts lines from the body's start and columns
/// in bytes, and gives some inline nodes no position at all (their block's position is the next best).
enum MarkdownPositions {
    static func location(of node: MarkdownNode, in page: Page) -> SourceLocation {
        location(of: position(of: node), in: page)
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

    /// The node's position in the body, or its nearest positioned ancestor's.
    static func position(of node: MarkdownNode) -> SourcePosition {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.start.line > 0 { return candidate.start }
            current = candidate.parent
        }
        return SourcePosition(line: 1, column: 1)
    }
}
