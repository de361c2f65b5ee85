import Testing
@testable import BriefingMarkdown

/// Tree edits. Whether every node is freed exactly once is checked by running these under
/// `swift test --sanitize=address` (leaks and double frees) or valgrind.
@Suite struct MarkdownEditingTests {
    @Test func replaceWithCustomBlock() throws {
        let document = MarkdownDocument(markdown: "before\n\n> [!NOTE]\n> quoted\n\nafter\n")
        let quote = try #require(document.root.children.first { $0.kind == .blockQuote })
        let aside = document.makeCustomBlock(onEnter: "<aside>", onExit: "</aside>")
        try aside.appendChild(try #require(quote.children.last))
        try quote.replace(with: aside)
        #expect(quote.parent == nil)
        #expect(aside.parent == document.root)
        #expect(document.renderHTML() == "<p>before</p>\n<aside>\n<p>[!NOTE]\nquoted</p>\n</aside>\n<p>after</p>\n")
        // The replaced node, now empty, stays usable until the document goes.
        #expect(quote.children.isEmpty)
        #expect(quote.renderHTML() == "<blockquote>\n</blockquote>\n")
    }

    @Test func unlinkAndDropTheHandle() {
        let document = MarkdownDocument(markdown: "keep\n\n*drop* this\n\nkeep too\n")
        document.root.children[1].unlink()
        #expect(document.renderHTML() == "<p>keep</p>\n<p>keep too</p>\n")
    }

    @Test func unlinkTwiceAndUnlinkTheDocumentAreHarmless() {
        let document = MarkdownDocument(markdown: "a\n\nb\n")
        let first = document.root.children[0]
        first.unlink()
        first.unlink()
        document.root.unlink()
        #expect(document.renderHTML() == "<p>b</p>\n")
    }

    @Test func createdNodesNeverLinked() {
        let document = MarkdownDocument(markdown: "text\n")
        _ = document.makeCustomBlock(onEnter: "<div>", onExit: "</div>")
        _ = document.makeCustomInline(onEnter: "<span>", onExit: "</span>")
        _ = document.makeText("orphan")
        _ = document.makeParagraph()
        #expect(document.renderHTML() == "<p>text</p>\n")
    }

    @Test func detachedSubtreeBuiltThenDropped() throws {
        let document = MarkdownDocument(markdown: "text\n")
        let block = document.makeCustomBlock(onEnter: "<div>", onExit: "</div>")
        let paragraph = document.makeParagraph()
        try paragraph.appendChild(document.makeText("inner"))
        try block.appendChild(paragraph)
        // A tree node moved into the detached subtree is freed with it.
        try paragraph.appendChild(try #require(document.root.children[0].firstChild))
        #expect(block.renderHTML() == "<div>\n<p>innertext</p>\n</div>\n")
        #expect(document.renderHTML() == "<p></p>\n")
    }

    @Test func unlinkedNodeRelinkedElsewhere() throws {
        let document = MarkdownDocument(markdown: "first\n\nsecond\n")
        let first = document.root.children[0]
        let second = document.root.children[1]
        first.unlink()
        try second.insertAfter(first)
        #expect(document.renderHTML() == "<p>second</p>\n<p>first</p>\n")
        first.unlink()
        try second.insertBefore(first)
        #expect(document.renderHTML() == "<p>first</p>\n<p>second</p>\n")
    }

    @Test func movingANodeWithinTheTree() throws {
        let document = MarkdownDocument(markdown: "a\n\nb\n\nc\n")
        let nodes = document.root.children
        try nodes[0].insertAfter(nodes[2])
        #expect(document.renderHTML() == "<p>a</p>\n<p>c</p>\n<p>b</p>\n")
    }

    @Test func placingANodeNextToItselfChangesNothing() throws {
        let document = MarkdownDocument(markdown: "a\n\nb\n")
        let first = document.root.children[0]
        try first.insertBefore(first)
        try first.insertAfter(first)
        try first.replace(with: first)
        #expect(document.renderHTML() == "<p>a</p>\n<p>b</p>\n")
    }

    @Test func containmentRulesAreReportedNotEnforcedByCrashing() throws {
        let document = MarkdownDocument(markdown: "para *em*\n\n- item\n")
        let paragraph = document.root.children[0]
        let list = document.root.children[1]
        let emphasis = try #require(paragraph.children.last)

        #expect(throws: MarkdownTreeError.cannotContain(parent: .paragraph, child: .paragraph)) {
            try paragraph.appendChild(document.makeParagraph())
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .document, child: .text)) {
            try document.root.appendChild(document.makeText("loose"))
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .list, child: .paragraph)) {
            try list.appendChild(document.makeParagraph())
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .customInline, child: .customBlock)) {
            let inline = document.makeCustomInline(onEnter: "", onExit: "")
            try inline.appendChild(document.makeCustomBlock(onEnter: "", onExit: ""))
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .paragraph, child: .customBlock)) {
            try emphasis.insertAfter(document.makeCustomBlock(onEnter: "", onExit: ""))
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .emphasis, child: .emphasis)) {
            try emphasis.appendChild(emphasis)
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .document, child: .emphasis)) {
            try paragraph.replace(with: emphasis)
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .emphasis, child: .paragraph)) {
            // A node cannot go below itself.
            try emphasis.appendChild(paragraph)
        }
        #expect(throws: MarkdownTreeError.cannotContain(parent: .paragraph, child: .document)) {
            try paragraph.appendChild(document.root)
        }
        #expect(document.renderHTML() == "<p>para <em>em</em></p>\n<ul>\n<li>item</li>\n</ul>\n")
    }

    @Test func siblingsNeedAParent() {
        let document = MarkdownDocument(markdown: "a\n")
        #expect(throws: MarkdownTreeError.noParent(.document)) {
            try document.root.insertBefore(document.makeParagraph())
        }
        #expect(throws: MarkdownTreeError.noParent(.customBlock)) {
            try document.makeCustomBlock(onEnter: "", onExit: "").replace(with: document.makeParagraph())
        }
    }

    @Test func nodesStayInTheirDocument() {
        let one = MarkdownDocument(markdown: "one\n")
        let two = MarkdownDocument(markdown: "two\n")
        #expect(throws: MarkdownTreeError.differentDocuments) {
            try one.root.appendChild(two.root.children[0])
        }
        #expect(throws: MarkdownTreeError.differentDocuments) {
            try one.root.children[0].replace(with: two.makeParagraph())
        }
        #expect(one.renderHTML() == "<p>one</p>\n")
        #expect(two.renderHTML() == "<p>two</p>\n")
    }

    @Test func handlesKeepTheirDocumentAlive() {
        let text = MarkdownDocument(markdown: "*survivor*\n").root.descendants().last
        #expect(text?.literal == "survivor")
        #expect(text?.parent?.kind == .emphasis)
    }

    @Test func editsAfterCollectingDescendants() throws {
        let document = MarkdownDocument(markdown: "a *b* c *d*\n")
        for node in document.root.descendants() where node.kind == .emphasis {
            let mark = document.makeCustomInline(onEnter: "<mark>", onExit: "</mark>")
            for child in node.children {
                try mark.appendChild(child)
            }
            try node.replace(with: mark)
        }
        #expect(document.renderHTML() == "<p>a <mark>b</mark> c <mark>d</mark></p>\n")
    }
}
