import Testing
@testable import BriefingMarkdown

@Suite struct MarkdownNodeTests {
    let source = """
        Intro line.

        ## The *SMA* deal

        South Korea pays [about $1.2 billion](https://www.state.gov "State") a year.

        ```table
        troops.csv
        ```

        """

    @Test func kindsInDocumentOrder() {
        let document = MarkdownDocument(markdown: source)
        #expect(document.root.kind == .document)
        #expect(document.root.descendants().map(\.kind) == [
            .paragraph, .text,
            .heading, .text, .emphasis, .text, .text,
            .paragraph, .text, .link, .text, .text,
            .codeBlock,
        ])
    }

    @Test func descendantsOfKindKeepDocumentOrderAndReachEveryContainer() {
        let markdown = """
            # One

            > ## Two in a quote
            >
            > - item with [a link](a.md)
            >
            >   ### Three in a list item
            >
            >   > #### Four, two quotes down

            ```table
            x
            ```

            ![an image](i.png) and [another link](b.md)
            """
        let document = MarkdownDocument(markdown: markdown)
        let headings = document.root.descendants(ofKind: .heading)
        #expect(headings.map(\.headingLevel) == [1, 2, 3, 4])
        #expect(headings.map(\.plainText) == ["One", "Two in a quote", "Three in a list item", "Four, two quotes down"])
        #expect(document.root.descendants(ofKind: .blockQuote, .codeBlock).map(\.kind) == [.blockQuote, .blockQuote, .codeBlock])
        #expect(document.root.descendants(ofKind: .link, .image).map(\.url) == ["a.md", "i.png", "b.md"])
        // The same nodes as filtering every descendant.
        for kind in [MarkdownNode.Kind.heading, .blockQuote, .item, .text, .link] {
            #expect(document.root.descendants(ofKind: kind) == document.root.descendants().filter { $0.kind == kind })
        }
        let quote = document.root.descendants(ofKind: .blockQuote)[0]
        #expect(quote.descendants(ofKind: .blockQuote).count == 1, "the node itself is not its own descendant")
        #expect(quote.descendants(ofKind: .heading).count == 3)
    }

    @Test func headingPosition() throws {
        let document = MarkdownDocument(markdown: source)
        let heading = try #require(document.root.children.first { $0.kind == .heading })
        #expect(heading.start == SourcePosition(line: 3, column: 1))
        #expect(heading.end == SourcePosition(line: 3, column: 17))
        #expect(heading.headingLevel == 2)
    }

    @Test func linkPositionInsideParagraph() throws {
        let document = MarkdownDocument(markdown: source)
        let link = try #require(document.root.descendants().first { $0.kind == .link })
        #expect(link.start == SourcePosition(line: 5, column: 18))
        #expect(link.end == SourcePosition(line: 5, column: 68))
        #expect(link.parent?.start == SourcePosition(line: 5, column: 1))
    }

    /// cmark counts columns in UTF-8 bytes, as compilers do.
    @Test func columnsCountBytes() throws {
        let document = MarkdownDocument(markdown: "한국 [링크](/a)\n")
        let link = try #require(document.root.descendants().first { $0.kind == .link })
        #expect(link.start == SourcePosition(line: 1, column: 8))
    }

    @Test func accessors() throws {
        let document = MarkdownDocument(markdown: source)
        let nodes = document.root.descendants()
        let link = try #require(nodes.first { $0.kind == .link })
        #expect(link.url == "https://www.state.gov")
        #expect(link.title == "State")
        #expect(link.literal == nil)
        #expect(link.headingLevel == nil)
        let code = try #require(nodes.first { $0.kind == .codeBlock })
        #expect(code.fenceInfo == "table")
        #expect(code.literal == "troops.csv\n")
        #expect(code.url == nil)
        let paragraph = try #require(nodes.first)
        #expect(paragraph.fenceInfo == nil)
    }

    @Test func settersChangeRendering() throws {
        let document = MarkdownDocument(markdown: "[old](a.md \"t\") `x`\n")
        let nodes = document.root.descendants()
        let link = try #require(nodes.first { $0.kind == .link })
        link.url = "/deterrence/tripwire/"
        link.title = nil
        let code = try #require(nodes.first { $0.kind == .code })
        code.literal = "<y>"
        #expect(document.renderHTML() == "<p><a href=\"/deterrence/tripwire/\">old</a> <code>&lt;y&gt;</code></p>\n")
    }

    @Test func settingAFieldANodeDoesNotHaveIsIgnored() {
        let document = MarkdownDocument(markdown: "para\n")
        let paragraph = document.root.children[0]
        paragraph.literal = "x"
        paragraph.url = "y"
        #expect(paragraph.literal == nil)
        #expect(paragraph.url == nil)
        #expect(document.renderHTML() == "<p>para</p>\n")
    }

    @Test func navigation() throws {
        let document = MarkdownDocument(markdown: "one\n\ntwo\n\nthree\n")
        let children = document.root.children
        #expect(children.count == 3)
        #expect(children.allSatisfy { $0.parent == document.root })
        #expect(document.root.firstChild == children[0])
        #expect(children[0].next == children[1])
        #expect(children[2].previous == children[1])
        #expect(children[0].previous == nil)
        #expect(children[2].next == nil)
        #expect(document.root.parent == nil)
        #expect(children[1].plainText == "two")
    }

    @Test func plainTextDropsMarkupAndJoinsLines() {
        let document = MarkdownDocument(markdown: "A *b* `c` [d](e) ![f](g) <i>h</i>\nnext  \nhard\n")
        #expect(document.root.plainText == "A b c d f h next hard")
    }

    @Test func nodeRendersItsSubtreeOnly() {
        let document = MarkdownDocument(markdown: "# Head *x*\n\nbody\n")
        #expect(document.root.children[0].renderHTML() == "<h1>Head <em>x</em></h1>\n")
        #expect(document.root.children[0].children[1].renderHTML() == "<em>x</em>")
    }
}
