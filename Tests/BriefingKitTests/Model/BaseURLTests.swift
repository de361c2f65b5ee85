import Testing
@testable import BriefingKit

@Suite struct BaseURLTests {
    @Test func aSubPathPrefixesEveryURL() throws {
        let base = try #require(BaseURL("https://example.org/briefings"))
        #expect(base.url("news/") == "/briefings/news/")
        #expect(base.absolute("news/") == "https://example.org/briefings/news/")
    }

    /// `//evil.example/` as a path would turn every link of the site into a link to another host.
    /// A quote, an angle bracket or a credential in it went into every link and into robots.txt as written.
    @Test(arguments: [
        "https://example.org//evil.example/", "//evil.example/", "ftp://example.org/", "/a/../b/", "https:///x/", "/a b/",
        #"https://e.org/"><script>x</script>/"#, "https://user:pw@example.org/", "/a\u{85}b/", "/a`b/",
    ])
    func refusesWhatWouldLeadElsewhere(_ text: String) {
        #expect(BaseURL(text) == nil)
    }
}
