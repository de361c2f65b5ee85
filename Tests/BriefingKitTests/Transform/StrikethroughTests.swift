import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct StrikethroughTests {
    private func rendered(_ markdown: String) -> String {
        TransformHarness.run(markdown, [Strikethrough()]).html
    }

    @Test func oneOrTwoTildesStrikeThrough() {
        #expect(rendered("~~Hi~~ Hello, *world*!\n") == "<p><del>Hi</del> Hello, <em>world</em>!</p>\n")
        #expect(rendered("A proper ~strikethrough~.\n") == "<p>A proper <del>strikethrough</del>.</p>\n")
    }

    /// GFM's own edge cases, with the output cmark-gfm gives.
    @Test func edgeCasesAsGitHubReadsThem() {
        #expect(rendered("""
            These are ~not strikethroughs.

            No, they are not~

            This ~is ~ legit~ isn't ~ legit.

            This is not ~~~~~one~~~~~ huge strikethrough.

            ~one~ ~~two~~ ~~~three~~~

            No ~mismatch~~
            """) == """
            <p>These are ~not strikethroughs.</p>
            <p>No, they are not~</p>
            <p>This <del>is ~ legit</del> isn't ~ legit.</p>
            <p>This is not ~~~~~one~~~~~ huge strikethrough.</p>
            <p><del>one</del> <del>two</del> ~~~three~~~</p>
            <p>No ~mismatch~~</p>

            """)
        #expect(rendered("This ~~has a\n\nnew paragraph~~.\n") == "<p>This ~~has a</p>\n<p>new paragraph~~.</p>\n")
    }

    /// Korean copy writes ranges with a tilde (`3~5월`): inside a struck phrase it pairs with nothing, as
    /// on GitHub, where Briefing struck from it to the next range and left the old figure unstruck.
    @Test func aRangeInsideAStruckPhraseStaysText() {
        #expect(rendered("훈련 기간: ~~3~5월~~ 4~6월.\n") == "<p>훈련 기간: <del>3~5월</del> 4~6월.</p>\n")
        #expect(rendered("인원 ~~1~2만 명~~ 약 2만 명.\n") == "<p>인원 <del>1~2만 명</del> 약 2만 명.</p>\n")
        #expect(rendered("~~x ~y~~ z~\n") == "<p>~~x ~y~~ z~</p>\n")
    }

    /// Two ranges in one paragraph struck out the words between them, as GitHub does: a single tilde
    /// between letters or digits is a range, in Korean and English copy alike.
    @Test func twoRangesInAParagraphStayText() {
        #expect(rendered("연합훈련은 3~5월과 10~12월에 열립니다.\n") == "<p>연합훈련은 3~5월과 10~12월에 열립니다.</p>\n")
        #expect(rendered("병력은 2만~3만 명, 예산은 1.2~1.5%입니다.\n") == "<p>병력은 2만~3만 명, 예산은 1.2~1.5%입니다.</p>\n")
        #expect(rendered("1950년~1953년과 2020년~2025년, 월~금\n") == "<p>1950년~1953년과 2020년~2025년, 월~금</p>\n")
        #expect(rendered("Pages 10~12 and 20~24.\n") == "<p>Pages 10~12 and 20~24.</p>\n")
        // A tilde with a space or punctuation on one side still opens or closes, and two still strike.
        #expect(rendered("훈련은 ~3월~ 4월에, ~~3~5월~~\n") == "<p>훈련은 <del>3월</del> 4월에, <del>3~5월</del></p>\n")
    }

    /// `\~` and `&#126;` are a tilde the editor wants shown: never a delimiter.
    @Test func escapedTildesAreText() {
        #expect(rendered("훈련은 3\\~5월과 9\\~11월에 열린다.\n") == "<p>훈련은 3~5월과 9~11월에 열린다.</p>\n")
        #expect(rendered("\\~\\~not struck\\~\\~ and &#126;nor&#x7E; this, ~~but this~~\n")
            == "<p>~~not struck~~ and ~nor~ this, <del>but this</del></p>\n")
        #expect(rendered("A \\\\~backslash~ stays.\n") == "<p>A \\<del>backslash</del> stays.</p>\n")
    }

    @Test func acrossInlinesAndNested() {
        #expect(rendered("~~*old* `figure` and [link](https://example.org)~~ new\n")
            == "<p><del><em>old</em> <code>figure</code> and <a href=\"https://example.org\">link</a></del> new</p>\n")
        #expect(rendered("~~a ~b~ c~~\n") == "<p><del>a <del>b</del> c</del></p>\n")
        #expect(rendered("*~~in emphasis~~*\n") == "<p><em><del>in emphasis</del></em></p>\n")
    }

    @Test func codeKeepsItsTildes() {
        #expect(rendered("`~~code~~` and\n\n~~~\n~~fence~~\n~~~\n") == "<p><code>~~code~~</code> and</p>\n<pre><code>~~fence~~\n</code></pre>\n")
    }

    /// Hostile input: nesting is bounded, and a long run of unmatched tildes costs no quadratic search.
    @Test func deepNestingAndManyUnmatchedRunsStayCheap() {
        let nested = String(repeating: "~~a ", count: 5_000) + String(repeating: " b~~", count: 5_000) + "\n"
        let html = rendered(nested)
        #expect(html.components(separatedBy: "<del>").count - 1 == Strikethrough.maxOpen)
        let unmatched = "~~x " + String(repeating: "y~ ", count: 50_000) + "\n"
        #expect(rendered(unmatched).hasPrefix("<p>~~x y~ y~"))
    }
}
