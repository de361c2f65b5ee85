import Testing
@testable import BriefingKit

/// Markdown typed into a title or summary was shown with its asterisks and brackets, in `<title>` and
/// every list, with no word from `briefing check`.
@Suite struct PlainFieldsCheckTests {
    @Test(arguments: [
        ("The *new* SMA", "*new*"),
        ("Seoul pays more, see [the text](https://www.state.gov/).", "[the text](https://www.state.gov/)"),
        ("Seoul pays *more*[^1]", "[^1]"),
        ("~~$1 billion~~ $1.2 billion", "~~$1 billion~~"),
        ("**Bold** claims", "**Bold**"),
        ("The `cost` question", "`cost`"),
        ("A ~single~ tilde", "~single~"),
        ("Ratio 1:2 _approx_", "_approx_"),
    ])
    func markupIsFound(text: String, markup: String) {
        #expect(PlainFieldsCheck.markup(in: text) == markup)
    }

    @Test(arguments: ["S&P 500*", "3 * 4 * 5", "snake_case_name", "C++ and C#", "[Draft] plan", "A (B) C", "~5 troops", "~5 to ~6"])
    func plainWordsAreNot(text: String) {
        #expect(PlainFieldsCheck.markup(in: text) == nil)
    }

    /// `title: "Line<br>break"` showed `Line&lt;br&gt;break` in the heading, and check said nothing.
    @Test func aTagIsFound() {
        #expect(PlainFieldsCheck.tag(in: "Line<br>break") == "<br>")
        #expect(PlainFieldsCheck.tag(in: "The <em>new</em> SMA") == "<em>")
        #expect(PlainFieldsCheck.tag(in: "Cost < 5% > 3%") == nil)
        #expect(PlainFieldsCheck.tag(in: "a <- b and 3 < 4") == nil)
    }

    /// `title: "Seoul &amp; Washington"` showed `&amp;amp;` escaped in every page's HTML, `&amp;` to readers.
    @Test(arguments: [
        ("Seoul &amp; Washington", "&amp;"), ("Cost &mdash; and who pays", "&mdash;"), ("1950&#8211;53", "&#8211;"), ("A&#x2014;B", "&#x2014;"),
    ])
    func anEntityIsFound(text: String, entity: String) {
        #expect(PlainFieldsCheck.entity(in: text) == entity)
    }

    @Test(arguments: ["S&P 500", "AT&T; R&D", "Q & A; more", "&", "a &;", "&#xZZ;", "&#12a;"])
    func anAmpersandInWordsIsNoEntity(text: String) {
        #expect(PlainFieldsCheck.entity(in: text) == nil)
    }

    /// `title: “The alliance, explained”` pasted from a word processor kept its quotes in every list.
    @Test func aValueWhollyInCurlyQuotesIsFound() {
        #expect(PlainFieldsCheck.curlyQuotes(around: "“The alliance, explained”")! == ("“", "”"))
        #expect(PlainFieldsCheck.curlyQuotes(around: "‘Tripwire’")! == ("‘", "’"))
        #expect(PlainFieldsCheck.curlyQuotes(around: "The “tripwire” force") == nil)
        #expect(PlainFieldsCheck.curlyQuotes(around: "“Tripwire” and more") == nil)
        #expect(PlainFieldsCheck.curlyQuotes(around: "”") == nil)
    }

    @Test func checkWarnsOfATitleWithMarkupAtItsKey() throws {
        let fixture = try SiteFixture("""
            -- Content/site.yaml --
            title: Briefing
            baseURL: https://example.org/
            -- Content/news/a.md --
            ---
            title: "The *new* SMA"
            date: 2026-01-01
            summary: Plain words.
            ---
            Text.
            """)
        let result = try BriefingCommand.run(["check", "--source", fixture.root.path], environment: ["NO_COLOR": "1"])
        #expect(result.stderr.hasPrefix("""
            Content/news/a.md:2:8: warning: 'title' is plain text, so '*new*' is shown as typed: front matter takes no Markdown; write the words alone
            title: "The *new* SMA"
                   ^
            """), "\(result.stderr)")
    }
}
