import Testing
@testable import BriefingKit
@testable import BriefingMarkdown
@testable import BriefingSupport

@Suite struct InternalLinksTests {
    /// `[](tabel:x)` was refused as a scheme no page links to, with no word of what was meant.
    @Test func aMistypedCitationSchemeIsNamed() {
        #expect(InternalLinks.citationHint("tabel:key-figures") == "; did you mean 'table:'?")
        #expect(InternalLinks.citationHint("figur:troops") == "; did you mean 'figure:'?")
        #expect(InternalLinks.citationHint("javascript:alert(1)") == "")
        #expect(InternalLinks.citationHint("ftp:x") == "")
    }

    /// A preview's address pasted as a link (`hugo server`'s, `briefing serve`'s) was published, leading every
    /// reader to their own computer.
    @Test func anAddressOnThisComputerIsAnError() {
        let markdown = "See [the SMA](http://localhost:1313/burden-sharing/sma/) and ![map](http://127.0.0.1:8080/map.png).\n"
        let result = TransformHarness.run(markdown, [InternalLinks(model: TransformHarness.model(of: markdown), contentFiles: [])])
        #expect(result.messageLines == [
            "Content/alliance/page.md:1:5: error: link 'http://localhost:1313/burden-sharing/sma/' leads to the computer it is opened on (a preview's "
                + "address), not to this site: write the address without it, '/burden-sharing/sma/'",
            "Content/alliance/page.md:1:62: error: image 'http://127.0.0.1:8080/map.png' leads to the computer it is opened on (a preview's "
                + "address), not to this site: write the address without it, '/map.png'",
        ])
        // Written bare, it is more often an example: a warning, the build goes on.
        let bare = "Run it and open http://localhost:8080/ in a browser.\n"
        let warned = TransformHarness.run(bare, [Autolinks(), InternalLinks(model: TransformHarness.model(of: bare), contentFiles: [])])
        #expect(warned.messageLines.map { $0.prefix(47) } == ["Content/alliance/page.md:1:17: warning: 'http:/"])
        #expect(InternalLinks.pathOnThisComputer("http://[::1]:4000") == "/")
        #expect(InternalLinks.pathOnThisComputer("https://app.localhost/x?y") == "/x?y")
        for address in ["https://localhost.example.com/", "https://www.state.gov/", "mailto:localhost@example.org", "http://user@128.0.0.1/"] {
            #expect(InternalLinks.pathOnThisComputer(address) == nil, "\(address)")
        }
    }

    /// A misspelt page's name got no suggestion, though a wrong heading's did.
    @Test func aMisspeltPageIsSuggested() {
        let markdown = "[a](pag.md#history) [b](../alliance/PAGE.md) [c](elsewhere.md)\n"
        let result = TransformHarness.run(markdown, [InternalLinks(model: TransformHarness.model(of: markdown), contentFiles: [])])
        #expect(result.messageLines.map { $0.components(separatedBy: "(no file ").last ?? "" } == [
            "Content/alliance/pag.md); did you mean 'page.md#history'?",
            "Content/alliance/PAGE.md); did you mean '../alliance/page.md'?",
            "Content/alliance/elsewhere.md)",
        ])
    }

    /// A file of Hugo's `static/` folder, copied into Content/, is published under `/static/`: the link to it
    /// as Hugo wrote it was "leads to nothing", with no word of where the file is.
    /// A `srcset`'s candidates as a browser parts them: line breaks (`\r\n` is one `Character`) and spaces
    /// between them, commas ending a URL, a comma inside one, a mark that a space before it would combine with.
    @Test func aSourceSetIsPartedAsABrowserPartsIt() {
        let value = "a.png 1x,\r\nb.png 2x, c,d.png (max-width: 30em, x) 3x,e.png,, \u{301}f.png"
        #expect(InternalLinks.sourceSetURLs(in: value).map { String(value.unicodeScalars[$0]) } == ["a.png", "b.png", "c,d.png", "e.png", "\u{301}f.png"])
    }

    @Test func aFileInHugosStaticFolderIsNamed() {
        let markdown = "![Map](/images/map.png)\n"
        let links = InternalLinks(model: TransformHarness.model(of: markdown), contentFiles: ["static/images/map.png"])
        #expect(TransformHarness.run(markdown, [links]).messageLines == [
            "Content/alliance/page.md:1:1: error: image '/images/map.png' leads to nothing this site publishes; the file is Content/static/images/map.png, "
                + "published at /static/images/map.png (Hugo's static/ folder is a folder like any other here): write that address, or move the file "
                + "to Content/images/map.png",
        ])
    }

    /// `[State](www.state.gov)` was "leads to nothing this site publishes", with no word of the `https://` it lacks.
    @Test func anotherSitesAddressWithoutItsSchemeIsNamed() {
        let markdown = "See [State](www.state.gov/reports) and [MOFA](mofa.go.kr).\n"
        let result = TransformHarness.run(markdown, [InternalLinks(model: TransformHarness.model(of: markdown), contentFiles: [])])
        #expect(result.messageLines.map { $0.components(separatedBy: "; ").last ?? "" } == [
            "another site's address is written in full: https://www.state.gov/reports", "another site's address is written in full: https://mofa.go.kr",
        ])
        #expect(InternalLinks.otherSiteHint("history/") == "" && InternalLinks.otherSiteHint("map.png") == "")
    }

    @Test(arguments: [
        ("sma.md", "burden-sharing", "burden-sharing/sma.md"),
        ("../alliance/treaty.md", "burden-sharing", "alliance/treaty.md"),
        ("./a/./b/../c.md", "x/y", "x/y/a/c.md"),
        ("a//b.md", "", "a/b.md"),
        ("../../news/x/", "news/x/", "news/x"),
        ("../../..", "news/x", nil),
        ("..", "", nil),
        ("..", "news", ""),
        ("/about/", "", "about"),
        ("été/données.md", "dossiers", "dossiers/été/données.md"),
    ] as [(String, String, String?)])
    func normalizeResolvesDotsAgainstTheFolder(path: String, folder: String, expected: String?) {
        #expect(InternalLinks.normalize(path, from: folder) == expected)
    }
}
