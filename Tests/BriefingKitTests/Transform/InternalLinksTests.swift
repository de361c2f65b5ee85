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
