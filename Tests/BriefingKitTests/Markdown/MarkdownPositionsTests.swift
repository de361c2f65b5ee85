import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

/// cmark places an inline on a paragraph's later line as if the line began as the paragraph's first did:
/// on a lazy continuation line (under a quote, in a note or a list item, without their prefix), messages
/// pointed that many columns to the right of the mistake.
@Suite struct MarkdownPositionsTests {
    @Test func messagesOnLazyLinesPointAtTheMistake() {
        let markdown = """
            Text.[^a]

            [^a]: A note
            lazy line [^nope] and [x](nope.md).

            > A quote
            lazy [y](two.md) and `c` [z](three.md)

            - item
              more [w](four.md)
            lazy [v](five.md)

            """
        let links = InternalLinks(model: TransformHarness.model(of: markdown), contentFiles: [])
        let result = TransformHarness.run(markdown, [Footnotes(), links])
        #expect(result.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "") \($0.message.prefix(24))" }.sorted() == [
            "10:8 link to a missing page '",
            "11:6 link to a missing page '",
            "4:11 footnote '[^nope]' is no",
            "4:23 link to a missing page '",
            "7:26 link to a missing page '",
            "7:6 link to a missing page '",
        ])
    }
}

/// A link to a heading that is not there named no heading that is: the id written GitHub's way
/// (`#us--south-korea`) or misspelt is met with the nearest id.
@Suite struct NearestHeadingTests {
    @Test func theNearestIdIsSuggested() {
        let ids: Set<String> = ["us-south-korea-seouls-view", "history", "what-the-sma-is", "what-the-sma-was"]
        #expect(SiteChecks.nearest("us--south-korea-seouls-view", among: ids) == "us-south-korea-seouls-view")
        #expect(SiteChecks.nearest("histroy", among: ids) == "history")
        #expect(SiteChecks.nearest("what-the-sma-iz", among: ids) == "what-the-sma-is")
        #expect(SiteChecks.nearest("budget", among: ids) == nil)
    }
}
