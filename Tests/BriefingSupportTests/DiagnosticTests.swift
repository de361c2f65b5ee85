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

    /// A message about a long line keeps the excerpt it shows, not the line: thousands of messages on one
    /// 100 KB line each held a copy of it.
    @Test func aLongLineIsKeptAsTheExcerptShown() {
        let line = String(repeating: "[a](nope.md) ", count: 400) + "한국 [b](x.md)"
        let location = SourceLocation(path: "a.md", line: 4, column: 5_203)
        let error = Diagnostic.error("link to a missing page", at: location, sourceLine: line)
        #expect(error.sourceLine!.utf8.count < 300)
        let (excerpt, column) = Diagnostic.excerpt(of: line, around: 5_203)
        #expect(error.description == "a.md:4:5203: error: link to a missing page\n\(excerpt)\n\(Diagnostic.caretLine(under: excerpt, column: column))")
        #expect(error.description.hasSuffix("한국 [b](x.md)\n" + String(repeating: " ", count: column + 1) + "^"))
        let cached = Diagnostic(.error, error.message, at: location, excerpt: error.sourceLine, column: error.excerptColumn, tally: 1)
        #expect(cached.description == error.description)
    }

    /// A message quoting a 40,000-character address was printed whole.
    @Test func aLongMessageIsCutInTheMiddle() {
        let url = String(repeating: "a", count: 40_000)
        let error = Diagnostic.error("link to a missing page '\(url)'")
        #expect(error.message.count < 900)
        #expect(error.message.hasPrefix("link to a missing page 'aaa") && error.message.hasSuffix("aaa'") && error.message.contains(" … "))
    }
}
