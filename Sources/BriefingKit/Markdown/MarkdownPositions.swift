import BriefingMarkdown
import BriefingSupport

/// Positions of Markdown nodes in their file: libcmark counts lines from the body's start and columns
/// in bytes, and gives some inline nodes no position at all (their block's position is the next best).
enum MarkdownPositions {
    static func location(of node: MarkdownNode, in page: Page) -> SourceLocation {
        location(of: position(of: node), in: page)
    }

    static func location(of position: SourcePosition, in page: Page) -> SourceLocation {
        page.source.file.location(line: position.line + page.bodyLineOffset, byteColumn: position.column)
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
