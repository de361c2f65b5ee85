import Testing
@testable import BriefingKit

/// Markdown cmark read as text was published as typed, with no word from `briefing check`: a link whose
/// address holds a space, a reference no line defines, a space before a link's `(`, `##Heading`.
@Suite struct LiteralMarkupCheckTests {
    @Test func markupShownAsTypedIsWarnedOfWhereItIsWritten() {
        let markdown = """
            ![Map of bases](../deterrence/us bases.svg)

            See [the SMA][sma-page] and [history] (history.md).

            ##Background

            Prose stays prose: [sic] (1990), #MeToo, \\[x\\](y), ## and [a link](https://example.org/).

            """
        let result = TransformHarness.run(markdown, [LiteralMarkupCheck()])
        #expect(result.diagnostics.map(\.description) == [
            "Content/alliance/page.md:1:1: warning: '![Map of bases](../deterrence/us bases.svg)' is shown as typed: its address holds a space (write it as %20) or a '(' or ')' out of place\n![Map of bases](../deterrence/us bases.svg)\n^",
            "Content/alliance/page.md:3:5: warning: '[the SMA][sma-page]' is shown as typed: no line of the page defines that reference (like '[name]: https://…')\nSee [the SMA][sma-page] and [history] (history.md).\n    ^",
            "Content/alliance/page.md:3:29: warning: '[history] (history.md)' is shown as typed: nothing may come between ']' and '(' in a link\nSee [the SMA][sma-page] and [history] (history.md).\n                            ^",
            "Content/alliance/page.md:5:1: warning: '##Background' is shown as typed: a heading takes a space after its #s\n##Background\n^",
        ])
    }

    /// A note's mark in an image's title was shown as typed, and the note was said to be cited nowhere.
    @Test func markdownInAnImagesTitleIsAWarning() {
        let result = TransformHarness.run("![Map](map.png \"Bases, as of 2026[^a]\")\n\n![Map](map.png \"Snake_case and 3 * 4\")\n", [LiteralMarkupCheck()])
        #expect(result.diagnostics.map { $0.description.components(separatedBy: "\n")[0] } == [
            "Content/alliance/page.md:1:1: warning: '[^a]' in an image's title is shown as typed: the title, its caption, is plain text; put a note's mark or a link in the text beside the image",
        ])
    }
}
