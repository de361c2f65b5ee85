import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct LinkURLTests {
    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "\u{01}javascript:x", "java\tscript:x",
        "java\nscript:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd", "ftp://example.org/",
    ])
    func refusesWhatABrowserWouldRun(_ url: String) {
        #expect(!LinkURL.isAllowed(url))
    }

    @Test(arguments: [
        "https://example.org/", "HTTP://example.org/", "mailto:a@example.org", "/deterrence/", "../a.md",
        "#sources", "", "a/b:c", "?q=javascript:x", "report.pdf#page=2", "https://user@example.org:8443/a?b=c#d",
    ])
    func allowsWebMailRelativeAndFragments(_ url: String) {
        #expect(LinkURL.isAllowed(url))
    }

    /// From a data file these reached `href` as written: a browser reads each as another address than
    /// the one the editor saw (`https:/\\evil.example/` goes to evil.example).
    @Test(arguments: [
        ("http:javascript:alert(1)", "names no host: write a web address as http://host/path"),
        ("https:/\\evil.example/", "names no host: write a web address as https://host/path"),
        ("https://", "names no host: write a web address as https://host/path"),
        ("https://ok.example/ onmouseover=alert(1)", "holds a space or a backslash, which no web address has: write a space as %20 and a slash as /"),
        ("http://exa mple.com/", "holds a space or a backslash, which no web address has: write a space as %20 and a slash as /"),
        ("https://example.org\\@evil.example/", "holds a space or a backslash, which no web address has: write a space as %20 and a slash as /"),
    ])
    func refusesWebAddressesThatAreNone(url: String, reason: String) {
        #expect(LinkURL.rejection(of: url) == "the URL '\(url)' \(reason)")
    }

    /// `//host/x` reached `href` unchecked, and in a data file looked like a path from the site's root,
    /// without its base path: another site, in whatever scheme the page has.
    @Test(arguments: [
        ("//evil.example/x", "https://evil.example/x"), ("///evil.example/fig", "https://evil.example/fig"),
        // A browser reads a backslash as a slash, and drops tabs and a leading space.
        ("/\\evil.example", "https://evil.example"), ("\\\\evil.example/t.gif", "https://evil.example/t.gif"),
        ("/\t/evil.example", "https://evil.example"), (" //evil.example", "https://evil.example"),
    ])
    func refusesAddressesWithoutAScheme(url: String, written: String) {
        #expect(!LinkURL.isAllowed(url))
        #expect(LinkURL.rejection(of: url) == "the URL '\(url)' leads to another site without a scheme: write it in full, as \(written)")
        #expect(LinkURL.dataRejection(of: url) == LinkURL.rejection(of: url))
    }

    /// An input method's full-width space after an address was published as `%E3%80%80` without a word;
    /// beside a plain space, the message said to write it as %20.
    @Test(arguments: [
        ("https://example.org/\u{3000}", "a full-width space (U+3000)"), ("https://example.org/a\u{3000} b", "a full-width space (U+3000)"),
        ("../a.md\u{200B}", "a zero-width character (U+200B)"), ("\u{FEFF}/deterrence/", "a byte-order mark (U+FEFF)"),
        ("mailto:press@example.org\u{A0}", "a no-break space (U+00A0)"),
    ])
    func refusesSpacesNoOneSees(url: String, what: String) {
        #expect(LinkURL.rejection(of: url) == "the URL '\(url)' holds \(what), which no address has and no one sees: delete it")
    }

    /// `[SMA](https://www.state.gov/sma”)`, the quote pasted with the address, linked to `sma%E2%80%9D`.
    @Test(arguments: ["https://www.state.gov/sma\u{201D}", "\u{201C}https://www.state.gov/\u{201D}", "../sma.md\u{2019}"])
    func refusesCurlyQuotes(url: String) {
        #expect(LinkURL.rejection(of: url)?.contains("holds a curly quote") == true)
    }

    @Test func namesTheSchemeABrowserSees() {
        #expect(LinkURL.scheme(of: "  JaVa\tScRiPt:alert(1)") == "javascript")
        #expect(LinkURL.scheme(of: "../x") == nil)
    }
}
