import Foundation
import Testing
@testable import BriefingMarkdown

@Suite struct MarkdownDocumentTests {
    @Test func rendersCommonMark() {
        let document = MarkdownDocument(markdown: "# Title\n\nSome *emphasis* and `code`.\n")
        #expect(document.renderHTML() == "<h1>Title</h1>\n<p>Some <em>emphasis</em> and <code>code</code>.</p>\n")
    }

    @Test func rendersWithoutSourcePositions() {
        let html = MarkdownDocument(markdown: "para\n").renderHTML()
        #expect(!html.contains("data-sourcepos"))
    }

    @Test func safeModeOmitsRawHTML() {
        let document = MarkdownDocument(markdown: "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n")
        #expect(document.renderHTML() == """
            <!-- raw HTML omitted -->
            <p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>

            """)
    }

    @Test func safeModeBlanksDangerousURLs() {
        let document = MarkdownDocument(markdown: "[x](javascript:alert(1)) ![y](vbscript:run)\n")
        #expect(document.renderHTML() == "<p><a href=\"\">x</a> <img src=\"\" alt=\"y\" /></p>\n")
    }

    @Test func unsafeModeKeepsRawHTMLAndURLs() {
        let options = MarkdownOptions(unsafe: true)
        let document = MarkdownDocument(markdown: "<div>raw</div>\n\n[x](javascript:go())\n", options: options)
        #expect(document.renderHTML() == "<div>raw</div>\n<p><a href=\"javascript:go()\">x</a></p>\n")
    }

    @Test func smartPunctuation() {
        let markdown = "\"Ironclad\" -- or 'titanium'... 1950---1953\n"
        let plain = MarkdownDocument(markdown: markdown).renderHTML()
        let smart = MarkdownDocument(markdown: markdown, options: MarkdownOptions(smartPunctuation: true)).renderHTML()
        #expect(plain == "<p>&quot;Ironclad&quot; -- or 'titanium'... 1950---1953</p>\n")
        #expect(smart == "<p>“Ironclad” – or ‘titanium’… 1950—1953</p>\n")
    }

    @Test func customNodesRenderVerbatimInSafeMode() throws {
        let document = MarkdownDocument(markdown: "")
        let block = document.makeCustomBlock(onEnter: "<aside class=\"note\">", onExit: "</aside>")
        let paragraph = document.makeParagraph()
        let inline = document.makeCustomInline(onEnter: "<mark>", onExit: "</mark>")
        try inline.appendChild(document.makeText("a < b"))
        try paragraph.appendChild(inline)
        try block.appendChild(paragraph)
        try document.root.appendChild(block)
        #expect(document.renderHTML() == "<aside class=\"note\">\n<p><mark>a &lt; b</mark></p>\n</aside>\n")
    }

    /// Shown escaped in the test log, which a raw NUL or CR would garble.
    struct OddInput: Sendable, CustomTestStringConvertible {
        let markdown: String
        let html: String
        /// The root's plain text: the words a table of contents or a slug would take.
        var text = ""
        var testDescription: String { markdown.debugDescription }
    }

    /// Input at the edges of what cmark accepts renders as CommonMark says, and its tree can be walked.
    @Test(arguments: [
        OddInput(markdown: "", html: ""),
        OddInput(markdown: "\n", html: ""),
        OddInput(markdown: "\u{0}", html: "<p>\u{FFFD}</p>\n", text: "\u{FFFD}"),
        OddInput(markdown: "a\u{0}b", html: "<p>a\u{FFFD}b</p>\n", text: "a\u{FFFD}b"),
        OddInput(markdown: "\r\n\r", html: ""),
        OddInput(markdown: "\u{FEFF}# BOM", html: "<h1>BOM</h1>\n", text: "BOM"),
        OddInput(markdown: "[", html: "<p>[</p>\n", text: "["),
        OddInput(markdown: "*", html: "<ul>\n<li></li>\n</ul>\n"),
        OddInput(markdown: "<", html: "<p>&lt;</p>\n", text: "<"),
        OddInput(markdown: "&#0;", html: "<p>\u{FFFD}</p>\n", text: "\u{FFFD}"),
        OddInput(markdown: "\t>\t-", html: "<pre><code>&gt;\t-\n</code></pre>\n"),
    ])
    func oddInputRendersAsCommonMarkSays(input: OddInput) {
        let document = MarkdownDocument(markdown: input.markdown)
        #expect(document.renderHTML() == input.html)
        #expect(document.root.plainText == input.text)
    }

    @Test func nulIsReplacedNotTruncated() {
        #expect(MarkdownDocument(markdown: "a\u{0}b").renderHTML() == "<p>a\u{FFFD}b</p>\n")
    }

    /// cmark keeps a custom node's HTML as a C string: a NUL ended it there, and a value of an attribute
    /// with it (`aria-label="Key figures` and no closing quote), so the next tag's attributes joined it.
    @Test func aNULInACustomNodeOrALiteralIsReplacedNotTruncated() throws {
        let document = MarkdownDocument(markdown: "")
        let block = document.makeCustomBlock(onEnter: "<div aria-label=\"a\u{0}b\">", onExit: "</div>\n")
        let paragraph = document.makeParagraph()
        try paragraph.appendChild(document.makeText("c\u{0}d"))
        try block.appendChild(paragraph)
        try document.root.appendChild(block)
        #expect(document.renderHTML() == "<div aria-label=\"a\u{FFFD}b\">\n<p>c\u{FFFD}d</p>\n</div>\n")
    }

    /// cmark parses, renders and frees iteratively; so must our walks, or deep input would
    /// overflow the stack.
    @Test func deeplyNestedBlockQuotes() throws {
        let depth = 10_000
        let document = MarkdownDocument(markdown: String(repeating: ">", count: depth) + " deep\n")
        let html = document.renderHTML()
        #expect(html.hasPrefix(String(repeating: "<blockquote>\n", count: depth) + "<p>deep</p>\n"))
        let nodes = document.root.descendants()
        #expect(nodes.count == depth + 2)
        #expect(document.root.descendants(ofKind: .blockQuote).count == depth)
        #expect(document.root.descendants(ofKind: .paragraph).count == 1)
        #expect(document.root.plainText == "deep")
        let innermost = try #require(nodes.last)
        #expect(innermost.kind == .text)
        #expect(innermost.start == SourcePosition(line: 1, column: depth + 2))
    }

    @Test func deeplyNestedInlines() {
        let depth = 10_000
        let markdown = String(repeating: "*", count: depth) + "deep" + String(repeating: "*", count: depth)
        let document = MarkdownDocument(markdown: markdown)
        #expect(document.renderHTML().contains("deep"))
        #expect(document.root.plainText == "deep")
    }
}
