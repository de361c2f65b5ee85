import BriefingMarkdown
import BriefingSupport

/// Warnings and errors about one page, placed by cmark positions in its body.
struct PageDiagnostics {
    private let pages: ChunkedArray<Page>
    private let id: PageID
    /// Lent by the site's pages, as `TransformContext.page` is.
    var page: Page { _read { yield pages[id.index] } }
    /// The page's messages, the first `limit` of them, then one that counts the rest.
    var all: [Diagnostic] {
        guard left.errors + left.warnings > 0 else { return shown }
        return shown + [(Diagnostic.Severity.error, left.errors), (.warning, left.warnings)].filter { $0.1 > 0 }.map { Self.notShown($1, $0, on: page) }
    }

    /// The message that counts `count` more of a page's messages, left out.
    static func notShown(_ count: Int, _ severity: Diagnostic.Severity, on page: Page) -> Diagnostic {
        page.source.file.diagnostic(
            severity, "\(count) more \(severity.rawValue)\(count == 1 ? "" : "s") on this page, not shown: fix the first \(limit) messages and build again",
            at: page.source.file.location(line: 1, column: 1)
        ).counting(count)
    }
    /// One mistake repeated on a long line (a broken link pasted 10,000 times) made a message each, and
    /// placing and quoting each cost time and memory in proportion to the line: past this many, a
    /// page's messages are counted, not made.
    static let limit = 100
    private var shown: [Diagnostic] = []
    private var left = (errors: 0, warnings: 0)
    /// Nodes a transform made from the page's text (the cells of a pipe table), which cmark gave no
    /// position: where in the body each stands.
    private var placed: [MarkdownNode: SourcePosition] = [:]

    /// Where each line of the body starts, in UTF-8 bytes: cmark's columns on a paragraph's later lines
    /// are checked against them (see `MarkdownPositions.start(of:lineStarts:body:)`).
    private let lineStarts: [Int]

    init(pages: ChunkedArray<Page>, id: PageID) {
        self.pages = pages
        self.id = id
        lineStarts = MarkdownPositions.lineStarts(of: pages[id.index].body)
    }

    /// Messages about `node`, or about a node below it, point at `position`.
    mutating func place(_ node: MarkdownNode, at position: SourcePosition) {
        placed[node] = position
    }

    mutating func error(_ message: String, at node: MarkdownNode) {
        add(.error) { $0.diagnostic(.error, message, at: MarkdownPositions.location(of: $0.position(of: node), in: $0.page)) }
    }

    mutating func warning(_ message: String, at node: MarkdownNode) {
        add(.warning) { $0.diagnostic(.warning, message, at: MarkdownPositions.location(of: $0.position(of: node), in: $0.page)) }
    }

    /// The node's own position, where a transform placed it or else cmark's; nil when only an ancestor's is known.
    func ownPosition(of node: MarkdownNode) -> SourcePosition? {
        if !placed.isEmpty, let position = placed[node] { return position }
        return node.start.line > 0 ? node.start : nil
    }

    /// The node's position, its nearest positioned ancestor's, or where a transform placed one of them:
    /// where in the body a message about the node points.
    func position(of node: MarkdownNode) -> SourcePosition {
        var current: MarkdownNode? = node
        while let candidate = current {
            // Where a transform placed it first: a caption's text, once its marker is cut, starts after it.
            if !placed.isEmpty, let position = placed[candidate] { return position }
            if candidate.start.line > 0 { return MarkdownPositions.start(of: candidate, lineStarts: lineStarts, body: page.body) }
            current = candidate.parent
        }
        return SourcePosition(line: 1, column: 1)
    }

    /// The body's line numbered `line` (from 1), without its line feed, found by the line index: a file's
    /// `line(_:)` counts lines from its start, which for every heading of a long page was quadratic.
    func bodyLine(_ line: Int) -> Substring? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let utf8 = page.body.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        var to = line < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line]) : utf8.endIndex
        if to > from, utf8[utf8.index(before: to)] == UInt8(ascii: "\n") { to = utf8.index(before: to) }
        return page.body[from..<to]
    }

    /// Where `text` is written in the lines of `node`, the last time on the first line that has it (`{#bad id}`
    /// at the end of a caption): a message about a piece of a block points at the piece, not the block.
    func position(of text: String, in node: MarkdownNode) -> SourcePosition {
        let start = position(of: node)
        let utf8 = page.body.utf8
        let lastLine = min(max(start.line, node.end.line), start.line + 50, lineStarts.count)
        for line in start.line...max(start.line, lastLine) {
            guard let written = bodyLine(line), let found = written.range(of: text, options: .backwards) else { continue }
            return SourcePosition(line: line, column: utf8.distance(from: written.startIndex, to: found.lowerBound) + 1)
        }
        return start
    }

    mutating func error(_ message: String, at position: SourcePosition) {
        add(.error) { $0.diagnostic(.error, message, at: MarkdownPositions.location(of: position, in: $0.page)) }
    }

    mutating func warning(_ message: String, at position: SourcePosition) {
        add(.warning) { $0.diagnostic(.warning, message, at: MarkdownPositions.location(of: position, in: $0.page)) }
    }

    /// A message about the page as a whole, at its first line.
    mutating func warningAboutPage(_ message: String) {
        add(.warning) { $0.diagnostic(.warning, message, at: $0.page.source.file.location(line: 1, column: 1)) }
    }

    mutating func append(_ diagnostic: Diagnostic) {
        add(diagnostic.severity) { _ in diagnostic }
    }

    private func diagnostic(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation) -> Diagnostic {
        page.source.file.diagnostic(severity, message, at: location)
    }

    private mutating func add(_ severity: Diagnostic.Severity, _ make: (Self) -> Diagnostic) {
        guard shown.count < Self.limit else {
            if severity == .error { left.errors += 1 } else { left.warnings += 1 }
            return
        }
        shown.append(make(self))
    }
}
