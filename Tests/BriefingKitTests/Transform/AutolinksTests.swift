import Foundation
import Testing
@testable import BriefingKit
@testable import BriefingMarkdown

/// Addresses written bare became links nowhere: editors paste them from the browser, as they do on GitHub.
@Suite struct AutolinksTests {
    private func html(_ markdown: String, smart: Bool = false) -> String {
        TransformHarness.run(markdown, [Autolinks(), PipeTables(), Strikethrough()], options: MarkdownOptions(smartPunctuation: smart)).html
    }

    @Test func webAndEmailAddressesBecomeLinks() {
        #expect(html("See https://www.state.gov/reports/, www.usfk.mil and press@example.org.\n") == """
            <p>See <a href="https://www.state.gov/reports/">https://www.state.gov/reports/</a>, \
            <a href="https://www.usfk.mil">www.usfk.mil</a> and <a href="mailto:press@example.org">press@example.org</a>.</p>

            """)
    }

    @Test func addressesInLinksCodeAndBracketsStayAsWritten() {
        #expect(html("[www.usfk.mil](https://www.usfk.mil/About/) `https://a.org` [see www.usfk.mil]\n") == """
            <p><a href="https://www.usfk.mil/About/">www.usfk.mil</a> <code>https://a.org</code> [see www.usfk.mil]</p>

            """)
        // A scheme browsers no longer open, and one that runs script, stay text.
        #expect(html("ftp://files.example.org javascript://example.org/%0Aalert(1)\n") == "<p>ftp://files.example.org javascript://example.org/%0Aalert(1)</p>\n")
    }

    /// With smart punctuation, cmark had made the quotes around an address curly and its `--` a dash.
    @Test func smartPunctuationIsReadBackAsTyped() {
        #expect(html("\"https://a.org/x--y\" and 'www.b.org/don't'\n", smart: true) == """
            <p>“<a href="https://a.org/x--y">https://a.org/x--y</a>” and ‘www.b.org/don’t’</p>

            """)
        #expect(html("(https://a.org/--x...)\n", smart: true) == "<p>(<a href=\"https://a.org/--x\">https://a.org/--x</a>…)</p>\n")
    }

    /// A dash pasted from a word processor right after an address was read back as `---` and taken into
    /// the link (`https://www.rand.org/report---it`): one typed as such ends the address.
    @Test func aDashTypedAfterAnAddressEndsIt() {
        let markdown = "Read https://www.rand.org/report—it is long; also https://www.csis.org/a–b and https://a.org/x--y.\n"
        for smart in [true, false] {
            let html = html(markdown, smart: smart)
            #expect(html.contains(#"<a href="https://www.rand.org/report">https://www.rand.org/report</a>—it is long"#))
            #expect(html.contains(#"<a href="https://www.csis.org/a">https://www.csis.org/a</a>–b"#))
            #expect(html.contains(#"<a href="https://a.org/x--y">https://a.org/x--y</a>"#))
        }
    }

    /// A table's cells are parsed apart from the page, and its `Source:` line's links are its sources.
    @Test func aCellAndASourceLineLinkTheirAddresses() {
        let markdown = "| Office | Site |\n|---|---|\n| USFK | www.usfk.mil |\n\nSource: https://www.state.gov/reports/\n"
        let result = TransformHarness.run(markdown, [Autolinks(), PipeTables()])
        #expect(result.html.contains("<td><a href=\"https://www.usfk.mil\">www.usfk.mil</a></td>"))
        #expect(result.html.contains("Source: <a href=\"https://www.state.gov/reports/\">https://www.state.gov/reports/</a>"))
        #expect(result.context.citations.sources.map(\.url) == ["https://www.state.gov/reports/"])
    }

    /// Messages about what follows an address still point where it is written.
    @Test func textAfterAnAddressKeepsItsPlace() {
        let result = TransformHarness.run("x\nSee www.usfk.mil and [the map](us bases.svg).\n", [Autolinks(), LiteralMarkupCheck()])
        #expect(result.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["2:22"])
    }

    /// Every page with a link passed the first look for `://`, and had its every text copied and searched:
    /// addresses only inside links' `](…)`, `<…>` or a definition leave the page alone.
    @Test(arguments: [
        ("See [State](https://www.state.gov/) and <https://www.usfk.mil/>, [mail](mailto:a@b.org).\n\n[s]: https://s.example/\n", false),
        ("See https://www.state.gov/.", true), ("(see www.usfk.mil)", true), ("Write to press@example.org.", true),
    ])
    func onlyAPageWithABareAddressIsSearched(body: String, searched: Bool) {
        #expect(Autolinks.mayHoldAddress(Substring(body)) == searched)
    }

    /// Hostile input: lines of `@`, of addresses and of closing parentheses, each read once.
    @Test func longLinesStayCheap() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = html(String(repeating: "a@", count: 60_000) + "\n")
            _ = html(String(repeating: "x.y@a.b ", count: 20_000) + "\n")
            _ = html("https://a.org/" + String(repeating: ")", count: 100_000) + "\n")
            _ = html(String(repeating: "www.a.b/", count: 30_000) + "\n")
        }
        #expect(elapsed < .seconds(5))
    }
}
