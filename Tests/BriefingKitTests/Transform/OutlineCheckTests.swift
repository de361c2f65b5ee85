import Testing
@testable import BriefingKit

/// Structures a sentence made without meaning to were published without a word: a sentence right over a
/// line of `---` became a heading in the contents, a year starting a line a numbered list from that year.
@Suite struct OutlineCheckTests {
    @Test func aSentenceOverARuleAndAYearStartingALineAreWarnedOf() {
        let markdown = "## Budget\n\nThe budget passed.\n---\n\n1953. The armistice was signed.\n\n## Real heading\n---\n"
        let result = TransformHarness.run(markdown, [HeadingAnchors(siteLevels: 2...3), OutlineCheck()])
        let messages = result.messageLines.filter { !$0.contains("summary") }
        #expect(messages == [
            "Content/alliance/page.md:3:1: warning: the line of '---' right under this sentence makes it a heading, listed in the contents: leave a blank line before '---' for a rule",
            #"Content/alliance/page.md:6:1: warning: '1953.' at the start of a line begins a numbered list from 1953: if it is a year, write 1953\. to keep it text"#,
        ])
    }
}
