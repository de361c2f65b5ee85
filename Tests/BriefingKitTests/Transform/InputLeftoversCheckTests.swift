import Testing
@testable import BriefingKit

/// What a Korean input method leaves behind was published without a word: a letter of an unfinished
/// syllable (in a heading, it is in the id too), a full-width space, a zero-width one.
@Suite struct InputLeftoversCheckTests {
    @Test func eachLeftoverIsNamedWhereItStands() {
        let markdown = "## 제목ㅁ\n\n동맹은 중요합니다ㅇ 그리고\u{3000}남았습니다.\n\n검색\u{200B}어와 ㄱ, ㄴ, ㄷ 순서.\n"
        let messages = TransformHarness.run(markdown, [InputLeftoversCheck()]).messageLines
        #expect(messages == [
            "Content/alliance/page.md:1:5: warning: '목ㅁ' ends in the letter 'ㅁ', left by the input method: delete it, or finish the syllable",
            "Content/alliance/page.md:3:9: warning: '다ㅇ' ends in the letter 'ㅇ', left by the input method: delete it, or finish the syllable",
            "Content/alliance/page.md:5:3: warning: a zero-width character (U+200B), which no one sees but breaks searches and links: delete it",
        ])
        #expect(InputLeftoversCheck.leftover(in: "그리고\u{3000}남았습니다")?.1 == "a full-width space (U+3000) that an input method typed: write a space")
    }
}
