import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct PipeTablesTests {
    /// Pipe tables, then footnotes, figures and heading ids, as a page build runs them.
    private func rendered(_ markdown: String, options: MarkdownOptions = MarkdownOptions()) -> (html: String, messages: [String]) {
        let result = TransformHarness.run(
            markdown, [PipeTables(), Footnotes(), FigureCitations(figures: [:]), HeadingAnchors(siteLevels: 2...3)], options: options
        )
        return (result.html, result.diagnostics.map(\.description))
    }

    private func table(_ head: String, _ body: String, caption: String = "", label: String = "Table", source: String = "") -> String {
        """
        <figure class="data-table">
        <div class="table-wrap" role="region" tabindex="0" aria-label="\(label)">
        <table>
        \(caption.isEmpty ? "" : "<caption>\(caption)</caption>\n")<thead>
        <tr>\(head)</tr>
        </thead>
        <tbody>
        \(body)
        </tbody>
        </table>
        </div>
        \(source.isEmpty ? "" : "<p class=\"table-source\">\(source)</p>\n")</figure>

        """
    }

    @Test func aTableWithCaptionAndSourceReadsLikeADataTable() {
        let result = rendered("""
            | Year | Paid by Seoul |
            |------|-------------:|
            | 2025 | $1.1 billion |
            | 2026 | *$1.2 billion* |

            Table: What Seoul pays under the **SMA**

            Source: [US Department of State](https://www.state.gov/)
            """, options: MarkdownOptions(smartPunctuation: true))
        #expect(result.html == table(
            "<th scope=\"col\" class=\"num\">Year</th><th scope=\"col\" class=\"num\">Paid by Seoul</th>",
            "<tr><th scope=\"row\" class=\"num\">2025</th><td class=\"num\">$1.1 billion</td></tr>\n<tr><th scope=\"row\" class=\"num\">2026</th><td class=\"num\"><em>$1.2 billion</em></td></tr>",
            caption: "What Seoul pays under the <strong>SMA</strong>", label: "What Seoul pays under the SMA",
            source: "Source: <a href=\"https://www.state.gov/\">US Department of State</a><sup class=\"cite\">&#8288;<a href=\"#source-1\" aria-label=\"Source 1\">[1]</a></sup>"
        ))
        #expect(result.messages.isEmpty)
    }

    @Test func alignmentsEscapesPaddingAndDroppedCells() {
        let result = rendered("a | b | c\n:-- | :-: | --\nf\\|oo | `\\|` | x | dropped\nonly\n")
        #expect(result.html == table(
            "<th scope=\"col\">a</th><th scope=\"col\" class=\"center\">b</th><th scope=\"col\">c</th>",
            "<tr><th scope=\"row\">f|oo</th><td class=\"center\"><code>|</code></td><td>x</td></tr>\n<tr><th scope=\"row\">only</th><td class=\"center\"></td><td></td></tr>"
        ))
    }

    @Test func smartPunctuationNeverTouchesTheDelimiterRow() {
        let result = rendered("| \"Term\" | Years |\n|---|---|\n| 1991--2026 | 35 |\n", options: MarkdownOptions(smartPunctuation: true))
        #expect(result.html.contains("<th scope=\"col\">“Term”</th><th scope=\"col\" class=\"num\">Years</th>"))
        #expect(result.html.contains("<th scope=\"row\">1991–2026</th><td class=\"num\">35</td>"))
    }

    @Test func linesBeforeTheHeaderStayAParagraphAndALoneBarEndsTheTable() {
        let result = rendered("Before the table\n| a |\n| - |\n| 1 |\n|\nafter *it*\n")
        #expect(result.html == "<p>Before the table</p>\n" + table("<th scope=\"col\" class=\"num\">a</th>", "<tr><th scope=\"row\" class=\"num\">1</th></tr>")
            + "<p>|\nafter <em>it</em></p>\n")
    }

    @Test func cellsThatLookLikeBlocksAreText() {
        let result = rendered("| # | > |\n|---|---|\n| 1. one | - two |\n| [a]: b | *** |\n")
        #expect(result.html.contains("<tr><th scope=\"row\">1. one</th><td>- two</td></tr>"))
        #expect(result.html.contains("<tr><th scope=\"row\">[a]: b</th><td>***</td></tr>"))
        #expect(result.html.contains("<th scope=\"col\">#</th><th scope=\"col\">&gt;</th>"))
    }

    @Test func aTableInAQuote() {
        let result = rendered("> | a | b |\n> | --- | --- |\n> | c | d |\n")
        #expect(result.html.hasPrefix("<blockquote>\n<figure class=\"data-table\">"))
        #expect(result.html.contains("<tr><th scope=\"row\">c</th><td>d</td></tr>"))
    }

    /// The caption's text, once `Table:` was cut from it, was still placed where the marker starts: a
    /// message about a note's mark in it pointed as many columns left as the marker is long.
    @Test func aMessageAboutACaptionsNotePointsAtTheMark() {
        let apart = rendered("| a |\n|---|\n| 1 |\n\nTable: A[^z1] and [a link](https://example.org/) B[^z2]\n")
        #expect(apart.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:5:9: error: footnote '[^z1]' is not defined: add a line '[^z1]: …' (defined here: none)",
            "Content/alliance/page.md:5:51: error: footnote '[^z2]' is not defined: add a line '[^z2]: …' (defined here: none)",
        ])
        let korean = rendered("| a |\n|---|\n| 1 |\n\nTable: 캡션[^cap]\n")
        #expect(korean.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:5:10: error: footnote '[^cap]' is not defined: add a line '[^cap]: …' (defined here: none)",
        ])
    }

    /// Only `\|` escapes a pipe, as cmark-gfm reads cells: `\\|` is a backslash and an escaped pipe, where
    /// the cell was cut (the table lost, or a cell's words dropped).
    @Test func aBackslashBeforeAnEscapedPipeStaysInTheCell() {
        let result = rendered("| Regex `a\\\\|b` | Meaning |\n|---|---|\n| `C:\\\\|D:\\\\` | drives |\n")
        #expect(result.html.contains("<code>a\\|b</code>"))
        #expect(result.html.contains("<code>C:\\|D:\\\\</code>"))
        #expect(result.html.contains(">drives</td>"))
    }

    /// Each cell is parsed in a document of its own, which knew none of the page's link definitions:
    /// `[State][s]` showed as typed, where GitHub links it.
    @Test func aReferenceLinkInACellUsesThePagesDefinition() {
        let result = rendered("| Who | Says |\n|---|---|\n| [State][s] | [the treaty] |\n\n[s]: https://www.state.gov/ \"State\"\n   [The Treaty]: https://example.org/treaty\n")
        #expect(result.html.contains(#"<th scope="row"><a href="https://www.state.gov/" title="State">State</a></th>"#))
        #expect(result.html.contains(#"<td><a href="https://example.org/treaty">the treaty</a></td>"#))
        #expect(result.messages.isEmpty)
    }

    @Test func aTableRightAfterAListItemIsTheItemsTextWithAWarning() {
        let result = rendered("- Seoul pays more\n| Year | Amount |\n|---|---|\n| 2026 | 1.5 |\n")
        #expect(result.html == "<ul>\n<li>Seoul pays more\n| Year | Amount |\n|---|---|\n| 2026 | 1.5 |</li>\n</ul>\n")
        #expect(result.messages == [
            """
            Content/alliance/page.md:3:1: warning: this table follows the list item above it without a blank line, so it is read as that \
            block's text, pipes and all (as GitHub does): indent it to the item's text to keep it in the item, or leave a blank \
            line before it to end the list
            |---|---|
            ^
            """,
        ])
        let quoted = rendered("> | a | b |\n|---|---|\n")
        #expect(quoted.html == "<blockquote>\n<p>| a | b |\n|---|---|</p>\n</blockquote>\n")
        #expect(quoted.messages.count == 1)
        #expect(quoted.messages[0].contains("follows the quote above it"))
        // A header row short of the item's indentation keeps its spaces, and GitHub makes no table of it.
        let header = rendered("- Key figures\n | a |\n  |---|\n")
        #expect(header.html == "<ul>\n<li>Key figures\n| a |\n|---|</li>\n</ul>\n")
        #expect(header.messages.count == 1)
    }

    @Test func aRowWithoutTheItemsIndentationEndsTheTableAndTheList() {
        let result = rendered("- Key figures\n  | Year | Amount |\n  |---|---|\n  | 2025 | 1.4 |\n| 2026 | 1.5 |\n")
        #expect(result.html.hasPrefix("<ul>\n<li>Key figures\n<figure class=\"data-table\">"))
        #expect(result.html.contains("<tr><th scope=\"row\" class=\"num\">2025</th><td class=\"num\">1.4</td></tr>\n</tbody>"))
        #expect(result.html.hasSuffix("</figure>\n</li>\n</ul>\n<p>| 2026 | 1.5 |</p>\n"))
        #expect(result.messages.isEmpty)
        // The lines that leave the quote make a table of their own there.
        let quoted = rendered("> | a |\n> |---|\n| b |\n|---|\n| c |\n")
        #expect(quoted.html.hasPrefix("<blockquote>\n<figure class=\"data-table\">"))
        #expect(quoted.html.contains("</figure>\n</blockquote>\n<figure class=\"data-table\">"))
        #expect(quoted.html.contains("<tr><th scope=\"row\">c</th></tr>"))
    }

    /// cmark read a table followed by `---` as a setext heading: the whole table became an `<h2>`.
    @Test func aRuleRightUnderATableIsARuleAndEqualsSignsARow() {
        let rule = rendered("| a |\n|---|\n| 1 |\n---\n")
        #expect(rule.html.hasSuffix("</figure>\n<hr />\n"))
        #expect(!rule.html.contains("<h2"))
        let equals = rendered("| a |\n|---|\n| 1 |\n===\n")
        #expect(equals.html.contains("<tr><th scope=\"row\">===</th></tr>"))
        #expect(!equals.html.contains("<h1"))
        #expect(rendered("Title\n---\n").html == "<h2 id=\"title\">Title</h2>\n")
    }

    @Test func noDelimiterRowNoTable() {
        #expect(rendered("a | b\nc | d\n").html == "<p>a | b\nc | d</p>\n")
        // Indented four columns, a delimiter row is more of the paragraph, as in cmark-gfm.
        #expect(rendered("x\n| a |\n    |---|\n| 1 |\n").html == "<p>x\n| a |\n|---|\n| 1 |</p>\n")
        #expect(rendered("| a | b |\n| --- |\n").html == "<p>| a | b |\n| --- |</p>\n")
    }

    /// A block that cannot interrupt a paragraph ends a table on GitHub: `    code` was a paragraph's text
    /// and `2. item` a row of the table.
    @Test func aBlockRightUnderTheRowsEndsTheTable() {
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
        let code = rendered(table + "    let x = 1\nmore\n").html
        #expect(code.hasSuffix("</table>\n</div>\n</figure>\n<pre><code>let x = 1\n</code></pre>\n<p>more</p>\n"), "\(code)")
        let list = rendered(table + "2. second\n3. third\n").html
        #expect(list.hasSuffix("</figure>\n<ol start=\"2\">\n<li>second</li>\n<li>third</li>\n</ol>\n"), "\(list)")
        #expect(!list.contains("<th scope=\"row\">2. second"))
        let heading = rendered(table + "    code\nA heading\n---\n").html
        #expect(heading.hasSuffix("</code></pre>\n<h2 id=\"a-heading\">A heading</h2>\n"), "\(heading)")
        let figure = rendered(table + "2. about [](figure:troops)\n")
        #expect(figure.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:4:10: error: unknown figure 'troops' (figures.yaml defines: none)",
        ])
    }

    @Test func messagesAboutACellPointAtTheCell() {
        let result = rendered("| Figure | Value |\n|---|---|\n| Troops | [](figure:troops) |\n")
        #expect(result.messages == [
            """
            Content/alliance/page.md:3:12: error: unknown figure 'troops' (figures.yaml defines: none)
            | Troops | [](figure:troops) |
                       ^
            """,
        ])
    }

    @Test func messagesAboutAnInlineInACellOrAroundTheTablePointAtIt() {
        let markdown = "Before <b>bold</b>\n| Name | Value |\n|---|---|\n| x | a *b <i>c</i>* |\nafter\nand <u>this</u>\n"
        let result = TransformHarness.run(markdown, [PipeTables(), RawHTMLText()])
        #expect(result.diagnostics.map(\.location?.description) == [
            "Content/alliance/page.md:1:8", "Content/alliance/page.md:4:12", "Content/alliance/page.md:6:5",
        ])
    }

    /// A retracted source was still cited, and words beside the links vanished without a word.
    @Test func aStruckSourceIsLeftOutAndWordsBesideTheLinksAreWarnedOf() {
        let struck = rendered("| a |\n|---|\n| 1 |\n\nSource: ~~[Wrong](https://wrong.example/)~~ [Right](https://right.example/)\n")
        #expect(struck.html.contains("Source: <a href=\"https://right.example/\">Right</a>"))
        #expect(!struck.html.contains("wrong.example"))
        #expect(struck.messages.isEmpty)
        // A note's mark goes with the words, rather than list the note with a link back to a mark that is
        // not on the page: one warning, at the mark, says so (the note was also said to be never cited).
        let mark = rendered("| a |\n|---|\n| 1 |\n\nSource: [Yonhap](https://en.yna.co.kr/)[^n]\n\n[^n]: A note.\n")
        #expect(!mark.html.contains("fnref"))
        #expect(mark.messages == [
            "Content/alliance/page.md:5:40: warning: the footnote mark '[^n]' on a Source: line is not shown (only the line's links are), "
                + "nor is its note: move the mark to the end of the caption\nSource: [Yonhap](https://en.yna.co.kr/)[^n]\n                                       ^",
        ])
        let words = rendered("| a |\n|---|\n| 1 |\n\nSource: *[Yonhap](https://en.yna.co.kr/)*, citing the ministry\n")
        #expect(words.html.contains("Source: <a href=\"https://en.yna.co.kr/\">Yonhap</a>"))
        #expect(words.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:5:1: warning: only the links of a Source: line are shown and listed, so 'citing the ministry' is left out: write it in the caption or a footnote",
        ])
    }

    /// A caption is shown above the rows, so a note it cites comes first: it was numbered after the cells'.
    @Test func aNoteInTheCaptionIsNumberedBeforeTheCells() {
        let result = rendered("| Year | Troops[^cell] |\n|---|---|\n| 2026 | 28,500 |\n\nTable: Troops by year[^caption]\n\n[^cell]: Cell note.\n[^caption]: Caption note.\n")
        #expect(result.html.contains(##"Troops by year<sup class="footnote-ref">&#8288;<a href="#fn-1" id="fnref-1" aria-label="Note 1">1</a></sup></caption>"##))
        #expect(result.html.contains(##"Troops<sup class="footnote-ref">&#8288;<a href="#fn-2" id="fnref-2" aria-label="Note 2">2</a></sup></th>"##))
        #expect(result.html.contains("<li id=\"fn-1\">\n<p>Caption note."))
        #expect(result.messages.isEmpty)
    }

    /// Likewise a figure's source: the caption's was numbered after the cells', though readers meet it first.
    @Test func aFigureInTheCaptionIsNumberedBeforeTheCells() {
        func figure(_ id: String, _ source: String) -> Figure {
            Figure(id: id, value: "1", label: id, unit: nil, source: source, url: "https://\(source).example/", asOf: nil, asOfLocation: nil, location: nil)
        }
        let html = TransformHarness.run(
            "| Year | Troops |\n|---|---|\n| 2026 | [](figure:cell) |\n\nTable: Budget [](figure:caption)\n",
            [PipeTables(), FigureCitations(figures: ["cell": figure("cell", "usfk"), "caption": figure("caption", "mnd")])]
        ).html
        #expect(html.contains(##"data-figure="caption">1</span><sup class="cite">&#8288;<a href="#source-1""##))
        #expect(html.contains(##"data-figure="cell">1</span><sup class="cite">&#8288;<a href="#source-2""##))
    }

    /// As a table directive without a source is; only in `briefing check`, since a table of words needs none.
    @Test func checkWarnsOfATableWithoutASourceLine() {
        let markdown = "| Year | Paid |\n|---|---|\n| 2026 | 1.5 |\n\nTable: What Seoul pays {#paid}\n"
        let checked = TransformHarness.run(markdown, [PipeTables(warnsOfMissingSources: true)]).diagnostics.map(\.message)
        #expect(checked == ["table 'What Seoul pays' cites no source: add a paragraph 'Source: [publisher](https://…)' after it (or after its 'Table:' caption)"])
        #expect(TransformHarness.run(markdown + "\nSource: USFK\n", [PipeTables(warnsOfMissingSources: true)]).diagnostics.isEmpty)
        #expect(TransformHarness.run(markdown, [PipeTables()]).diagnostics.isEmpty)
    }

    /// Each of these left `Table: …` or a row of dashes on the page without a word.
    @Test func captionsAndTablesThatDoNotAttachAreWarnedOf() {
        let sourceUnderCaption = rendered("| a |\n|---|\n| 1 |\n\nTable: Troops {#t}\nSource: [USFK](https://www.usfk.mil/)\n")
        #expect(sourceUnderCaption.html.contains("<caption><span class=\"caption-number\">Table 1:</span> Troops</caption>"))
        #expect(sourceUnderCaption.html.contains("Source: <a href=\"https://www.usfk.mil/\">USFK</a>"))
        #expect(sourceUnderCaption.messages.isEmpty)
        let stray = rendered("| a |\n|---|\n| 1 |\n\nText.\n\nTable: Lost {#lost}\n")
        #expect(stray.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:7:1: warning: this caption belongs to no table, so readers see it as text: put it right above or right after its table, a blank line between",
        ])
        // On a page with no table at all, as on one with a table elsewhere.
        let alone = rendered("Some paragraph.\n\nTable: Orphan {#orphan}\n")
        #expect(alone.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:3:1: warning: this caption belongs to no table, so readers see it as text: put it right above or right after its table, a blank line between",
        ])
        let aboveDirective = rendered("Table: Key figures\n\n```table\nfigures: all\n```\n")
        #expect(aboveDirective.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:1:1: warning: a table block's caption is its 'caption:' line, so readers see this one as text: move it there",
        ])
        let captionRow = rendered("| a |\n|---|\n| 1 |\nTable: Troops\n")
        #expect(captionRow.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:4:1: warning: this line is a row of the table above, not its caption or sources: leave a blank line before it",
        ])
        let merged = rendered("| a | b |\n|---|---|\n| 1 | 2 |\n| c | d |\n|---|---|\n| 3 | 4 |\n")
        #expect(merged.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:5:1: warning: this is the delimiter row of a second table, which needs a blank line before it: as written, it and the line above it are rows of the table above (as on GitHub)",
        ])
    }

    /// A `Source:` line under an image or a paragraph was text without a word, its link in no Sources list.
    @Test func checkWarnsOfASourceLineThatFollowsNoTable() {
        let markdown = "![Map](map.png \"Bases\")\n\nSource: [USFK](https://www.usfk.mil/)\n\n| a |\n|---|\n| 1 |\n\nSource: [DoD](https://www.defense.gov/)\n"
        let checked = TransformHarness.run(markdown, [PipeTables(warnsOfMissingSources: true)]).diagnostics.map { $0.description.components(separatedBy: "\n")[0] }
        #expect(checked == [
            "Content/alliance/page.md:3:1: warning: this source line follows no pipe table, so it is text, and its links are not among the page's "
                + "numbered Sources: put it right after its table or caption (a table directive takes 'source:' and 'source-url:')",
        ])
        #expect(TransformHarness.run(markdown, [PipeTables()]).diagnostics.isEmpty)
    }

    /// Cells past the header's were left out, and a delimiter row a column short made no table, both
    /// without a word: an editor's figures lost, or a table shown as pipes with only its caption warned of.
    @Test func cellsLeftOutAndADelimiterRowOfOtherColumnsAreWarnings() {
        let overfull = rendered("| A | B |\n|---|---|\n| 1 | 2 | 3 |\n| 4 |\n| 5 | `a|b` | 6 | 7 |\n")
        #expect(overfull.html.contains(">2</td>") && !overfull.html.contains(">3<"))
        #expect(overfull.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:3:1: warning: this row has 3 cells and the header 2: its last cell is left out, as on GitHub; so are "
                + "cells of the rows at line 5; write a pipe inside a cell as \\|, or add a column to the header",
        ])
        // Ten rows are named, and the rest counted.
        let many = rendered("| A |\n|---|\n" + String(repeating: "| 1 | 2 |\n", count: 12))
        #expect(many.messages.first?.components(separatedBy: "\n")[0].contains("; so are cells of the rows at lines 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 and 1 more;") == true)
        let uneven = rendered("| Agreement | Years | Payment | Note |\n|---|---|---|\n| 10th | 2019 | 890 | x |\n")
        #expect(!uneven.html.contains("<table>"))
        #expect(uneven.messages.map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:2:1: warning: this delimiter row has 3 columns and the header row above it 4, so there is no table, "
                + "as on GitHub: readers see these lines as text, pipes and all; give both rows the same number of columns",
        ])
        // Prose with a pipe over a rule is no table that went wrong, and a table found further on is none either.
        #expect(rendered("Text with - a dash\n---|---\n").messages.isEmpty)
        #expect(rendered("a | b | c\n-|-\n| x | y |\n| - | - |\n| 1 | 2 |\n").messages.isEmpty)
    }

    /// A Source: line's links left the tree before links were checked: `explainer.md` was written as it
    /// was typed, and a missing page passed.
    @Test func aSourceLinkToAPageIsCheckedAndWrittenAsThePagesAddress() {
        let markdown = "| a |\n|---|\n| 1 |\n\nSources: [This page](page.md); [Gone](gone.md)\n"
        let result = TransformHarness.run(markdown, [PipeTables(), InternalLinks(model: TransformHarness.run("", []).context.model, contentFiles: [])])
        #expect(result.html.contains("Sources: <a href=\"/alliance/page/\">This page</a>"))
        #expect(result.diagnostics.map(\.message) == ["link to a missing page 'gone.md' (no file Content/alliance/gone.md)"])
    }

    /// A note's mark in a cell was placed at the cell's start, and each `\|` before a link put it a column early.
    @Test func messagesAboutACellPointAtTheColumnInTheLine() {
        let markdown = "| a | b |\n|---|---|\n| abcdef[^u1] | x |\n| x | a\\|b\\|c\\|d [y](n2.md) |\n\nSource: [S](https://s.example/)\n"
        let result = TransformHarness.run(
            markdown, [PipeTables(), Footnotes(), InternalLinks(model: TransformHarness.run("", []).context.model, contentFiles: [])]
        )
        #expect(result.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["3:9", "4:18"])
    }

    /// Checked as every link of the page is, and never a source.
    /// A `"` in a source's address was written `&quot;` in `href`, which the HTML checker refuses in a URL.
    @Test func aSourcesAddressIsWrittenAsALinksIs() {
        let html = rendered("| a |\n|---|\n| 1 |\n\nSource: [State](https://www.state.gov/?a=1&b=\"2\")\n").html
        #expect(html.contains(##"<a href="https://www.state.gov/?a=1&amp;b=%222%22">State</a>"##))
    }

    @Test func aScriptURLAsSourceIsAnError() {
        let markdown = "| a |\n|---|\n| 1 |\n\nSource: [x](javascript:alert(1))\n"
        let result = TransformHarness.run(markdown, [PipeTables(), InternalLinks(model: TransformHarness.run("", []).context.model, contentFiles: [])])
        #expect(result.diagnostics.map(\.description).map { $0.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:5:9: error: link: the URL 'javascript:alert(1)' uses 'javascript:', which a page never links to (use http, https, mailto, tel, a relative URL or a #fragment)",
        ])
        #expect(!result.html.contains("javascript"))
    }

    @Test func delimiterRows() {
        #expect(PipeTableRows.delimiterRow("|---|:--:|") == [.none, .center])
        #expect(PipeTableRows.delimiterRow(" --- | ---: ") == [.none, .right])
        #expect(PipeTableRows.delimiterRow(":-") == [.left])
        #expect(PipeTableRows.delimiterRow("| --- | x |") == nil)
        #expect(PipeTableRows.delimiterRow("|") == nil)
        #expect(PipeTableRows.delimiterRow("|:|") == nil)
    }
}
