import Testing
@testable import BriefingKit
@testable import BriefingMarkdown

/// A forgotten `-->` or closing fence took the rest of an article with it, and the build said nothing.
@Suite struct UnclosedBlocksTests {
    private func messages(_ markdown: String, unsafe: Bool = false) -> [String] {
        TransformHarness.run(markdown, [UnclosedBlocks()], options: MarkdownOptions(unsafe: unsafe)).messageLines
    }

    @Test(arguments: [false, true])
    func aCommentNeverClosedIsAnErrorAtIt(unsafe: Bool) {
        #expect(messages("First.\n\n<!-- TODO: check the figure\n\n## Why it matters\n\nMore text.\n", unsafe: unsafe) == [
            "Content/alliance/page.md:3:1: error: this HTML comment is never closed with '-->', so it runs to the end of the page and "
                + "hides the 2 lines after it from readers: end it with '-->'",
        ])
        #expect(messages("> Quoted.\n>\n> <!-- note\n>\n> More.\n\nAfter.\n", unsafe: unsafe).first?.contains("runs to the end of its quote") == true)
        // Closed further down, or hiding only its own lines at the end of the page: nothing is lost.
        #expect(messages("<!-- a note\n\nthat goes on -->\n\nText.\n", unsafe: unsafe).isEmpty)
        #expect(messages("Text.\n\n<!-- a last note\nof two lines\n", unsafe: unsafe).isEmpty)
    }

    @Test func otherBlocksThatOnlyTheirEndCloses() {
        #expect(messages("<script>\nvar a = 1;\n\n## Next\n").first?.contains("this '<script>' is never closed with '</script>'") == true)
        #expect(messages("<PRE class=x>\nkept\n\n## Next\n").first?.contains("this '<pre>' is never closed with '</pre>', so it runs to the end of the page and takes the 1 line after it into it") == true)
        #expect(messages("<?php echo 1;\n\nText.\n").first?.contains("'<?' is never closed with '?>'") == true)
        #expect(messages("<!DOCTYPE html\n\nText.\n").first?.contains("'<!' is never closed with '>'") == true)
        #expect(messages("<script>\nvar a = 1;\n\n</SCRIPT>\n\nText.\n").isEmpty)
        // A `<div>` ends at a blank line: nothing after it is taken.
        #expect(messages("<div>\nopen\n\nText.\n").isEmpty)
    }

    @Test func aCommentThatIsNoCommentIsShownAndIsAnError() {
        #expect(messages("Public text. <!-- EDITOR: cut this\n\nSecret source: do not name.\n-->\n") == [
            "Content/alliance/page.md:1:14: error: this '<!--' opens no comment, since its '-->' is not in the same paragraph: readers see it "
                + "and the text after it; end the comment before the next blank line, or write '<!--' and '-->' on lines of their own around the lines to hide",
        ])
        // A comment over two lines of one paragraph is one; `<!--` in code or escaped is text on purpose.
        #expect(messages("A <!-- note\nstill a note --> b.\n\n`<!--` is how, and \\<!-- too.\n").isEmpty)
    }

    @Test func aFenceNeverClosedIsAWarning() {
        #expect(messages("Text.\n\n```python\nprint(1)\n\n## Why it matters\n") == [
            "Content/alliance/page.md:3:1: warning: this code block's fence '```' is never closed, so it runs to the end of the page and "
                + "readers see the 3 lines after it as code: end it with '```' on a line of its own",
        ])
        #expect(messages("- item\n\n  ~~~~\n  code\n").first?.contains("fence '~~~~' is never closed, so it runs to the end of its list item") == true)
        // Closed by a longer fence, inside a quote, or after spaces; an indented block has no fence.
        #expect(messages("~~~~\nx\n~~~\n~~~~~\n").isEmpty)
        #expect(messages("> ```\n> code\n> ```\n").isEmpty)
        #expect(messages("```\ncode\n   ```  \n\n    indented\n").isEmpty)
    }
}
