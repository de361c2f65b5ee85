import Testing
@testable import BriefingSupport

@Suite struct DiagnosticTests {
    /// A terminal draws Hangul, Han, Kana and most emoji two columns wide: with one space each, the caret
    /// of an error in a Korean line stood half the line to the left of the character it meant.
    @Test func theCaretStandsUnderItsCharacterInAWideLine() {
        let line = "분담금은 [x](missing.md)"
        let error = Diagnostic.error("link to a missing page", at: SourceLocation(path: "a.md", line: 1, column: 6), sourceLine: line)
        #expect(error.description == "a.md:1:6: error: link to a missing page\n분담금은 [x](missing.md)\n         ^")
        #expect(Diagnostic.caretLine(under: "\te\u{301}😀x", column: 5) == "\t   ^")
    }
}
