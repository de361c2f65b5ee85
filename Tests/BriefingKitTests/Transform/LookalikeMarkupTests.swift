import Testing
@testable import BriefingKit

/// Markdown typed with a Korean input method still on was shown as typed, without a word.
@Suite struct LookalikeMarkupTests {
    @Test func eachMarkIsNamedWhereItStandsWithTheCharacterToType() {
        let markdown = """
            ＃＃ 제목

            － 항목

            １．첫째

            ＞ 인용

            ｜ 연도 ｜ 금액 ｜

            ［국방부］（https://www.mnd.go.kr/）를 보십시오.

            ```
            ＃ 코드는 코드입니다
            ```

            문장 안의 ＃ 기호와 （괄호）, １０％는 그대로입니다.
            """ + "\n"
        let messages = TransformHarness.run(markdown, [LookalikeMarkup()]).messageLines
        #expect(messages == [
            "Content/alliance/page.md:1:1: warning: '＃＃' is typed with full-width '＃', which makes no heading: type ## in ASCII",
            "Content/alliance/page.md:3:1: warning: '－' is a full-width -, which makes no list item: type '-' in ASCII",
            "Content/alliance/page.md:5:1: warning: '１．' is typed with full-width characters, which make no numbered item: type '1.' in ASCII",
            "Content/alliance/page.md:7:1: warning: '＞' is a full-width >, which makes no quotation: type '>' in ASCII",
            "Content/alliance/page.md:9:1: warning: '｜' is a full-width pipe, which divides no table's cells: type '|' in ASCII",
            "Content/alliance/page.md:11:5: warning: '］（' is typed with full-width brackets, which make no link: type '](' in ASCII, as in [words](address)",
        ])
    }

    /// Bullets pasted from Word made one paragraph of the list, and a no-break space after `##`, `-` or `>`
    /// made no heading, list item or quotation, all without a word.
    /// `- ［x］ 할 일` showed its brackets as typed: a task list's box needs ASCII brackets and `x`.
    @Test func aTasksBoxInFullWidthIsNamed() {
        let messages = TransformHarness.run("- ［x］ 국회 비준\n- [ｘ] 예산\n- ［ ］ 협상\n- [x] 이미 맞음\n", [LookalikeMarkup()]).messageLines
        #expect(messages == [
            "Content/alliance/page.md:1:3: warning: '［x］' is typed with full-width characters, which make no task's box: type '[x]' in ASCII",
            "Content/alliance/page.md:2:3: warning: '[ｘ]' is typed with full-width characters, which make no task's box: type '[x]' in ASCII",
            "Content/alliance/page.md:3:3: warning: '［ ］' is typed with full-width characters, which make no task's box: type '[ ]' in ASCII",
        ])
    }

    @Test func aWordProcessorsBulletsAndNoBreakSpacesAreNamed() {
        let markdown = "• The figure is a floor.\n◦ It includes rotations.\n\n##\u{A0}Second level\n\n-\u{A0}Item\n\n>\u{A0}Quoted\n\n— Lloyd Austin\n\n28\u{A0}500 troops.\n"
        let messages = TransformHarness.run(markdown, [LookalikeMarkup()]).messageLines
        #expect(messages == [
            "Content/alliance/page.md:1:1: warning: '•' is a word processor's bullet, which makes no list item: write '- ' for a list item",
            "Content/alliance/page.md:2:1: warning: '◦' is a word processor's bullet, which makes no list item: write '- ' for a list item",
            "Content/alliance/page.md:4:1: warning: '##' is followed by a no-break space (U+00A0), pasted from a word processor, which makes no heading: type a plain space after '##'",
            "Content/alliance/page.md:6:1: warning: '-' is followed by a no-break space (U+00A0), pasted from a word processor, which makes no list item: type a plain space after '-'",
            "Content/alliance/page.md:8:1: warning: '>' is followed by a no-break space (U+00A0), pasted from a word processor, which makes no quotation: type a plain space after '>'",
        ])
    }
}
