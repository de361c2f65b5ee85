import Testing
@testable import BriefingKit

@Suite struct PlainTextTests {
    @Test(arguments: [
        ("South Korea's 2026 Contribution", "South Korea’s 2026 Contribution"),
        ("a 'titanium' partnership", "a ‘titanium’ partnership"),
        ("\"Ironclad\" -- or more...", "“Ironclad” – or more…"),
        ("1950---1953 (\"the war\")", "1950—1953 (“the war”)"),
        ("No punctuation", "No punctuation"),
    ])
    func smartPunctuationMatchesCmark(_ pair: (String, String)) {
        #expect(PlainText.smartened(pair.0) == pair.1)
    }

    @Test func collapsesWhitespace() {
        #expect(PlainText.collapsingWhitespace("  a \n\t b  ") == "a b")
    }
}
