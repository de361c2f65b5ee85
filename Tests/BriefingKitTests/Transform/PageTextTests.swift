import Testing
@testable import BriefingKit

@Suite struct PageTextTests {
    private func words(_ markdown: String) -> Int {
        TransformHarness.run(markdown, [PageText()]).context.report.wordCount
    }

    /// A word that markup cuts into text nodes is still one word; words of two blocks stay two.
    @Test func markupInsideAWordDoesNotSplitIt() {
        #expect(words("Un*believ*able results.\n") == 2)
        #expect(words("**Bold**ly `go` on.\n") == 3)
        #expect(words("One\n\nTwo\n") == 2)
        #expect(words("*One* *two*\n") == 2)
    }

    /// Punctuation right after a link or emphasis belongs to its word, as it would without the markup;
    /// a Han character before a link is no word to go on.
    @Test func punctuationAfterMarkupIsNoWordOfItsOwn() {
        #expect(words("See [the treaty](/alliance/treaty/), then *this*.\n") == 5)
        #expect(words("Read `code`; then stop.\n") == 4)
        #expect(words("同盟[alliance](/a/) and\n") == 2)
    }

    /// A page of headings and lists alone counted no words, and showed a reading time of nothing.
    @Test func wordsWithoutAParagraphStillCount() {
        #expect(words("## Timeline\n\n- 1953: the treaty\n- 1991: the first SMA\n") == 8)
    }

    @Test func theFirstTopLevelParagraphIsTheExcerpt() {
        let report = TransformHarness.run("# Title\n\n> Quoted.\n\nThe *first* paragraph.\n\nSecond.\n", [PageText()]).context.report
        #expect(report.firstParagraph == "The first paragraph.")
    }

    /// A page that opens with a photo had the photo's alt text for its excerpt in every list, and an image
    /// in the lede put its alt text among the lede's words.
    @Test func anImagesAltTextIsNoPartOfTheExcerpt() {
        let photo = TransformHarness.run("![Photo of the minister](photo.jpg \"Caption\")\n\nThe real lede.\n", [PageText()]).context.report
        #expect(photo.firstParagraph == "The real lede.")
        let inline = TransformHarness.run("![A chart](chart.png) **Bold start** of [a ![logo](l.png) link](/a/).\n", [PageText()]).context.report
        #expect(inline.firstParagraph == " Bold start of a  link.")
    }

    /// A retracted number read as fact in every list that showed the excerpt, and a link to a section,
    /// whose words come last, left "see ." behind.
    @Test func theExcerptReadsAsThePageDoesNow() {
        let markdown = "The payment was ~~$58.2 billion~~ $52.8 billion, see [](section:why).\n\n## Why\n"
        let report = TransformHarness.run(markdown, [Strikethrough(), CrossReferences(), PageText(), HeadingAnchors(siteLevels: 2...3)]).context.report
        #expect(report.firstParagraph == "The payment was $52.8 billion, see Why.")
    }
}
